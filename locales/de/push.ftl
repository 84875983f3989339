# Web Push to a visitor's phone (crates/server/src/push/texts.rs): the server sends these in
# the language of the ticket page. { $number } is the ticket number (A 017), { $counter } the
# counter's name as the office wrote it, { $ahead } the people ahead.

push-near-title = { $number }: Bald sind Sie dran
push-near-body = { $ahead ->
    [0] Sie sind als Nächstes dran. Bitte kommen Sie jetzt in den Wartebereich.
    [one] Nur noch 1 Person ist vor Ihnen. Bitte kommen Sie jetzt in den Wartebereich.
   *[other] Nur noch { $ahead } Personen sind vor Ihnen. Bitte kommen Sie jetzt in den Wartebereich.
}
push-called-title = { $number }: Sie sind dran
push-called-body = Bitte kommen Sie jetzt zu { $counter }.
push-recalled-title = { $number }: Sie werden noch einmal aufgerufen
push-recalled-body = Bitte kommen Sie jetzt zu { $counter }.
push-last-call-title = { $number }: Letzter Aufruf
push-last-call-body = Bitte kommen Sie sofort zu { $counter }. Sonst verfällt Ihre Wartenummer.
