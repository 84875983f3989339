# Interface texts of the Willkommen web app in German, the source language.
# Every other locales/<language>/main.ftl has the same message ids (checked by the tests).
# Style: polite "Sie", short sentences, explain instead of demand.

app-name = Willkommen
screen-kiosk = Wartenummer-Automat
screen-staff = Sachbearbeitung
screen-admin = Verwaltung
screen-display = Aufrufanzeige

language-label = Sprache

kiosk-welcome = Willkommen
kiosk-choose-concern = Worum geht es bei Ihnen?
kiosk-choose-concern-hint = Tippen Sie auf Ihr Anliegen. Dann bekommen Sie eine Wartenummer.
kiosk-loading = Einen Moment bitte …
kiosk-issuing = Ihre Wartenummer wird erstellt …
kiosk-documents-count = { $count ->
    [0] Keine Unterlagen nötig
    [one] 1 Unterlage mitbringen
   *[other] { $count } Unterlagen mitbringen
}

kiosk-closed = Wir sind gerade geschlossen.
kiosk-cut-off = Heute gibt es keine neuen Wartenummern mehr. Wir bedienen noch alle, die schon warten.
kiosk-reopens = Wartenummern gibt es wieder: { $time }.
kiosk-quota-reached = Für heute sind alle Wartenummern vergeben.

ticket-heading = Ihre Wartenummer
ticket-number-spoken = Ihre Wartenummer ist { $number }.
ticket-people-ahead = { $count ->
    [0] Sie sind als Nächstes dran.
    [one] Vor Ihnen ist noch 1 Person.
   *[other] Vor Ihnen sind noch { $count } Personen.
}
ticket-wait = Voraussichtliche Wartezeit: { $min } bis { $max } Minuten.
ticket-wait-unknown = Die Wartezeit können wir gerade noch nicht schätzen.
ticket-wait-hint = Bitte warten Sie, bis Ihre Nummer auf dem Bildschirm erscheint.
ticket-qr-hint = Scannen Sie den Code mit Ihrem Handy. Dort sehen Sie, wann Sie dran sind.
ticket-qr-label = QR-Code zu Ihrer Wartenummer { $number }
ticket-done = Fertig

status-heading = Ihre Wartenummer
status-waiting = Sie sind in der Warteschlange.
status-called = Sie sind dran. Bitte kommen Sie zum Schalter.
status-serving = Sie werden gerade bedient.
status-parked = Ihre Wartenummer ist zurückgestellt. Sie werden wieder aufgerufen.
status-finished = Ihr Anliegen ist erledigt.
status-no-show = Sie wurden aufgerufen, waren aber nicht da. Bitte fragen Sie am Infoschalter.
status-cancelled = Diese Wartenummer wurde zurückgegeben.
status-not-found-heading = Wartenummer nicht gefunden
status-not-found = Diese Wartenummer kennen wir nicht, oder sie ist abgelaufen. Bitte fragen Sie am Infoschalter.

error-unreachable = Das Wartesystem ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal oder fragen Sie am Infoschalter.
error-unknown-concern = Dieses Anliegen gibt es nicht mehr. Bitte wählen Sie noch einmal.
error-not-found = Das haben wir nicht gefunden. Bitte fragen Sie am Infoschalter.
error-refused = Das hat leider nicht geklappt. Bitte fragen Sie am Infoschalter.

error-office-closed = Wir sind gerade geschlossen. Bitte kommen Sie während der Öffnungszeiten wieder.
error-cut-off-passed = Heute gibt es keine neuen Wartenummern mehr. Bitte kommen Sie an einem anderen Tag wieder.
error-quota-reached = Für dieses Anliegen sind heute alle Wartenummern vergeben. Bitte kommen Sie an einem anderen Tag wieder.

action-retry = Noch einmal versuchen
action-start-over = Von vorn beginnen

planned-body = Dieser Bereich wird gerade gebaut und ist bald da.
not-found-heading = Seite nicht gefunden
not-found-link = Zum Wartenummer-Automaten
