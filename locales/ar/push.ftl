# Web Push to a visitor's phone (crates/server/src/push/texts.rs): the server sends these in
# the language of the ticket page. { $number } is the ticket number (A 017), { $counter } the
# counter's name as the office wrote it, { $ahead } the people ahead.

push-near-title = { $number }: اقترب دورك
push-near-body = { $ahead ->
    [0] دورك هو التالي. يُرجى التوجه الآن إلى منطقة الانتظار.
    [zero] دورك هو التالي. يُرجى التوجه الآن إلى منطقة الانتظار.
    [one] أمامك شخص واحد فقط. يُرجى التوجه الآن إلى منطقة الانتظار.
    [two] أمامك شخصان فقط. يُرجى التوجه الآن إلى منطقة الانتظار.
    [few] أمامك { $ahead } أشخاص فقط. يُرجى التوجه الآن إلى منطقة الانتظار.
    [many] أمامك { $ahead } شخصًا فقط. يُرجى التوجه الآن إلى منطقة الانتظار.
   *[other] أمامك { $ahead } شخص فقط. يُرجى التوجه الآن إلى منطقة الانتظار.
}
push-called-title = { $number }: حان دورك
push-called-body = يُرجى التوجه الآن إلى { $counter }.
push-recalled-title = { $number }: يُنادى عليك مرة أخرى
push-recalled-body = يُرجى التوجه الآن إلى { $counter }.
push-last-call-title = { $number }: النداء الأخير
push-last-call-body = يُرجى التوجه فورًا إلى { $counter }. وإلا ستنتهي صلاحية رقم انتظارك.
