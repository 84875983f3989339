# Web Push to a visitor's phone (crates/server/src/push/texts.rs): the server sends these in
# the language of the ticket page. { $number } is the ticket number (A 017), { $counter } the
# counter's name as the office wrote it, { $ahead } the people ahead.

push-near-title = { $number }: Скоро ваша очередь
push-near-body = { $ahead ->
    [0] Перед вами никого нет. Пожалуйста, сейчас подойдите в зону ожидания.
    [one] Перед вами всего { $ahead } человек. Пожалуйста, сейчас подойдите в зону ожидания.
    [few] Перед вами всего { $ahead } человека. Пожалуйста, сейчас подойдите в зону ожидания.
    [many] Перед вами всего { $ahead } человек. Пожалуйста, сейчас подойдите в зону ожидания.
   *[other] Перед вами всего { $ahead } человека. Пожалуйста, сейчас подойдите в зону ожидания.
}
push-called-title = { $number }: Ваша очередь
push-called-body = Пожалуйста, сейчас подойдите к { $counter }.
push-recalled-title = { $number }: Вас вызывают повторно
push-recalled-body = Пожалуйста, сейчас подойдите к { $counter }.
push-last-call-title = { $number }: Последний вызов
push-last-call-body = Пожалуйста, немедленно подойдите к { $counter }. Иначе ваш талон станет недействительным.
