# Web Push to a visitor's phone (crates/server/src/push/texts.rs): the server sends these in
# the language of the ticket page. { $number } is the ticket number (A 017), { $counter } the
# counter's name as the office wrote it, { $ahead } the people ahead.

push-near-title = { $number }: Скоро ваша черга
push-near-body = { $ahead ->
    [0] Перед вами нікого немає. Будь ласка, зараз підійдіть до зони очікування.
    [one] Перед вами лише { $ahead } людина. Будь ласка, зараз підійдіть до зони очікування.
    [few] Перед вами лише { $ahead } людини. Будь ласка, зараз підійдіть до зони очікування.
    [many] Перед вами лише { $ahead } людей. Будь ласка, зараз підійдіть до зони очікування.
   *[other] Перед вами лише { $ahead } людини. Будь ласка, зараз підійдіть до зони очікування.
}
push-called-title = { $number }: Ваша черга
push-called-body = Будь ласка, зараз підійдіть до { $counter }.
push-recalled-title = { $number }: Вас викликають ще раз
push-recalled-body = Будь ласка, зараз підійдіть до { $counter }.
push-last-call-title = { $number }: Останній виклик
push-last-call-body = Будь ласка, негайно підійдіть до { $counter }. Інакше ваш талон стане недійсним.
