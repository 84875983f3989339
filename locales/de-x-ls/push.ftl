# Web Push to a visitor's phone (crates/server/src/push/texts.rs): the server sends these in
# the language of the ticket page. { $number } is the ticket number (A 017), { $counter } the
# counter's name as the office wrote it, { $ahead } the people ahead.

push-near-title = { $number }: Sie sind bald dran
push-near-body = { $ahead ->
    [0] Sie sind als Nächstes dran. Bitte kommen Sie jetzt in den Warte-Bereich.
    [one] Vor Ihnen wartet nur noch 1 Person. Bitte kommen Sie jetzt in den Warte-Bereich.
   *[other] Vor Ihnen warten nur noch { $ahead } Personen. Bitte kommen Sie jetzt in den Warte-Bereich.
}
push-called-title = { $number }: Sie sind dran
push-called-body = Bitte kommen Sie jetzt zu { $counter }.
push-recalled-title = { $number }: Wir rufen Sie noch einmal auf
push-recalled-body = Bitte kommen Sie jetzt zu { $counter }.
push-last-call-title = { $number }: Wir rufen Sie zum letzten Mal auf
push-last-call-body = Bitte kommen Sie sofort zu { $counter }. Sonst gilt Ihre Warte-Nummer nicht mehr.
