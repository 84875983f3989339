# Web Push to a visitor's phone (crates/server/src/push/texts.rs): the server sends these in
# the language of the ticket page. { $number } is the ticket number (A 017), { $counter } the
# counter's name as the office wrote it, { $ahead } the people ahead.

push-near-title = { $number }: Kolej już wkrótce
push-near-body = { $ahead ->
    [0] Ten numer jest następny. Proszę teraz przyjść do poczekalni.
    [one] Przed tym numerem czeka już tylko { $ahead } osoba. Proszę teraz przyjść do poczekalni.
    [few] Przed tym numerem czekają już tylko { $ahead } osoby. Proszę teraz przyjść do poczekalni.
    [many] Przed tym numerem czeka już tylko { $ahead } osób. Proszę teraz przyjść do poczekalni.
   *[other] Przed tym numerem czeka już tylko { $ahead } osoby. Proszę teraz przyjść do poczekalni.
}
push-called-title = { $number }: Teraz kolej na ten numer
push-called-body = Proszę teraz podejść do { $counter }.
push-recalled-title = { $number }: Ponowne wywołanie
push-recalled-body = Proszę teraz podejść do { $counter }.
push-last-call-title = { $number }: Ostatnie wywołanie
push-last-call-body = Proszę natychmiast podejść do { $counter }. Inaczej numerek straci ważność.
