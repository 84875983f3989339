# Web Push to a visitor's phone (crates/server/src/push/texts.rs): the server sends these in
# the language of the ticket page. { $number } is the ticket number (A 017), { $counter } the
# counter's name as the office wrote it, { $ahead } the people ahead.

push-near-title = { $number }: به‌زودی نوبت شماست
push-near-body = { $ahead ->
    [0] نفر بعدی شما هستید. لطفاً همین حالا به محل انتظار بیایید.
    [one] قبل از شما فقط یک نفر در نوبت است. لطفاً همین حالا به محل انتظار بیایید.
   *[other] قبل از شما فقط { $ahead } نفر در نوبت هستند. لطفاً همین حالا به محل انتظار بیایید.
}
push-called-title = { $number }: نوبت شماست
push-called-body = لطفاً همین حالا به { $counter } بیایید.
push-recalled-title = { $number }: دوباره شما را صدا می‌زنیم
push-recalled-body = لطفاً همین حالا به { $counter } بیایید.
push-last-call-title = { $number }: آخرین اعلام
push-last-call-body = لطفاً فوراً به { $counter } بیایید. وگرنه شماره نوبت شما باطل می‌شود.
