# Interface texts of the Willkommen web app in German, the source language.
# Every other locales/<language>/main.ftl has exactly these message ids (checked by the tests).
# Style: polite "Sie", short sentences, explain instead of demand.

screen-staff = Sachbearbeitung
screen-admin = Verwaltung


## Einstellungsleiste, auf jedem Bildschirm des Automaten an derselben Stelle

settings-label = Lesen und Vorlesen
settings-language = Sprache
settings-large-text = Große Schrift
settings-high-contrast = Hoher Kontrast
settings-read-aloud = Vorlesen
settings-stop-reading = Vorlesen beenden
settings-repeat = Noch einmal vorlesen
speech-no-voice = Dieser Automat hat keine Stimme für { $language }. Wenn Sie Hilfe brauchen, fragen Sie bitte am Infoschalter.
speech-unavailable = Dieser Automat kann nicht vorlesen. Wenn Sie Hilfe brauchen, fragen Sie bitte am Infoschalter.

nav-back = Zurück
nav-start-over = Von vorn beginnen

## Begrüßung

welcome-greeting = Willkommen
welcome-start = Start
welcome-start-hint = Berühren Sie den Bildschirm oder drücken Sie die Eingabetaste, um eine Wartenummer zu bekommen.
welcome-open = Wartenummern gibt es jetzt.
welcome-unavailable = Gerade können keine Wartenummern ausgegeben werden. Bitte gehen Sie zum Infoschalter.

## Sprache wählen

language-heading = Wählen Sie Ihre Sprache
language-hint = Mit der Sprach-Taste unten können Sie die Sprache jederzeit ändern.

## Anliegen wählen

kiosk-choose-concern = Worum geht es bei Ihnen?
kiosk-choose-concern-hint = Tippen Sie auf Ihr Anliegen. Dann bekommen Sie eine Wartenummer.
kiosk-loading = Einen Moment bitte …
kiosk-issuing = Ihre Wartenummer wird erstellt …
kiosk-documents-count = { $count ->
    [0] Keine Unterlagen nötig
    [one] 1 Unterlage mitbringen
   *[other] { $count } Unterlagen mitbringen
}
concern-not-sure = Ich bin nicht sicher
concern-not-sure-description = Sie bekommen eine Wartenummer für den Infoschalter. Dort helfen wir Ihnen weiter.

kiosk-closed = Wir sind gerade geschlossen.
kiosk-cut-off = Heute gibt es keine neuen Wartenummern mehr. Wir bedienen noch alle, die schon warten.
kiosk-reopens = Wartenummern gibt es wieder: { $time }.
kiosk-quota-reached = Für heute sind alle Wartenummern vergeben.

## Termin: anmelden mit der Nummer aus der Terminbestätigung

appointment-have = Ich habe einen Termin
appointment-have-description = Mit der Nummer aus Ihrer Terminbestätigung melden Sie sich hier für Ihren Termin an.
reference-heading = Geben Sie Ihre Terminnummer ein
reference-hint = Die Nummer steht in Ihrer Terminbestätigung. Leerzeichen und Striche können Sie weglassen.
reference-scan-hint = Oder halten Sie den QR-Code Ihrer Terminbestätigung an den Scanner.
reference-label = Ihre Terminnummer:
reference-delete = Zeichen löschen
reference-clear = Alles löschen
reference-confirm = Termin suchen
reference-looking-up = Wir suchen Ihren Termin …
reference-unknown = Diese Terminnummer finden wir nicht. Bitte prüfen Sie die Nummer in Ihrer Terminbestätigung und versuchen Sie es noch einmal.
reference-slow-down = { $seconds ->
    [one] Hier wurden mehrere unbekannte Nummern eingegeben. Bitte warten Sie 1 Sekunde, dann können Sie es noch einmal versuchen.
   *[other] Hier wurden mehrere unbekannte Nummern eingegeben. Bitte warten Sie { $seconds } Sekunden, dann können Sie es noch einmal versuchen.
}
appointment-heading = Ihr Termin
appointment-reference = Terminnummer: { $reference }
appointment-open = Sie können sich jetzt anmelden. Sagen Sie uns vorher noch, welche Unterlagen Sie dabei haben.
appointment-too-early = Sie sind zu früh da. Anmelden können Sie sich ab { $time }.
appointment-too-early-hint = Bitte kommen Sie dann wieder zum Automaten. Bis dahin können Sie hier warten.
appointment-too-late = Die Zeit für Ihren Termin ist leider vorbei.
appointment-late-walk-in = Sie können eine Wartenummer ohne Termin für dasselbe Anliegen bekommen. Dann warten Sie vielleicht länger.
appointment-late-information = Sie können eine Wartenummer für den Infoschalter bekommen. Dort helfen wir Ihnen weiter.
appointment-cancelled = Dieser Termin wurde abgesagt.
appointment-over = Dieser Termin ist schon vorbei.
appointment-ask-information = Bitte fragen Sie am Infoschalter. Dort helfen wir Ihnen weiter.
appointment-information-ticket = Wartenummer für den Infoschalter
appointment-checked-in-before = Sie haben sich für diesen Termin schon angemeldet. Das ist Ihre Wartenummer.
ticket-appointment = Termin { $time }
error-check-in-too-early = Für diesen Termin können Sie sich noch nicht anmelden. Bitte versuchen Sie es etwas später noch einmal.
error-appointment-closed = Dieser Termin wurde abgesagt oder ist vorbei. Bitte fragen Sie am Infoschalter.

## Unterlagen-Liste

checklist-heading = Welche Unterlagen haben Sie dabei?
checklist-hint = Wählen Sie bei jeder Unterlage „Habe ich dabei“ oder „Habe ich nicht dabei“.
checklist-required = Muss dabei sein
checklist-if-applicable = Nur wenn es bei Ihnen zutrifft
checklist-have = Habe ich dabei
checklist-missing = Habe ich nicht dabei
checklist-progress = { $answered } von { $total } beantwortet
checklist-continue = Weiter

## Übersicht vor der Wartenummer

summary-heading = Ihre Übersicht
summary-have = Das haben Sie dabei
summary-missing = Das fehlt
summary-complete = Sie haben alle nötigen Unterlagen dabei.
summary-missing-required = { $count ->
    [one] 1 nötige Unterlage fehlt. Sie können trotzdem eine Wartenummer nehmen. Ohne diese Unterlage können wir Ihr Anliegen heute vielleicht nicht abschließen.
   *[other] { $count } nötige Unterlagen fehlen. Sie können trotzdem eine Wartenummer nehmen. Ohne diese Unterlagen können wir Ihr Anliegen heute vielleicht nicht abschließen.
}
summary-missing-if-applicable = Es fehlen Unterlagen, die nur manchmal nötig sind. Am Schalter sagen wir Ihnen, ob Sie sie brauchen.
summary-take-ticket = Wartenummer nehmen
summary-print-checklist = Liste drucken und später wiederkommen
summary-checklist-printed = Ihre Liste wird gedruckt. Bitte nehmen Sie sie mit.

## Wartenummer

ticket-heading = Ihre Wartenummer
ticket-number-spoken = Ihre Wartenummer ist { $number }.
ticket-people-ahead = { $count ->
    [0] Sie sind als Nächstes dran.
    [one] Vor Ihnen ist noch 1 Person.
   *[other] Vor Ihnen sind noch { $count } Personen.
}
ticket-wait = Voraussichtliche Wartezeit: { $min } bis { $max } Minuten.
ticket-wait-hours = Voraussichtliche Wartezeit: { $min } bis { $max } Stunden.
ticket-wait-unknown = Die Wartezeit können wir gerade noch nicht schätzen.
ticket-wait-hint = Bitte warten Sie, bis Ihre Nummer auf dem Bildschirm erscheint.
ticket-qr-hint = Scannen Sie den Code mit Ihrem Handy. Dort sehen Sie, wann Sie dran sind.
ticket-qr-label = QR-Code zu Ihrer Wartenummer { $number }
ticket-missing-heading = Denken Sie daran: Diese Unterlagen fehlen
ticket-print = Wartenummer drucken
ticket-printing = Ihre Wartenummer wird gedruckt. Bitte nehmen Sie sie mit.
ticket-done = Fertig
ticket-issued-at = Ausgegeben: { $time }

## Warnung bei Untätigkeit

idle-heading = Sind Sie noch da?
idle-countdown = { $seconds ->
    [one] In 1 Sekunde beginnt der Automat von vorn und vergisst Ihre Angaben.
   *[other] In { $seconds } Sekunden beginnt der Automat von vorn und vergisst Ihre Angaben.
}
idle-more-time = Ich brauche mehr Zeit

## Die Seite zur Wartenummer auf dem Handy

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
status-your-turn = Sie sind dran: { $counter }
status-title-called = { $number } → { $counter }
status-leave = Ich gehe
status-leave-question = Möchten Sie Ihre Nummer zurückgeben? Ihr Platz in der Warteschlange ist dann weg.
status-leave-confirm = Ja, Nummer zurückgeben
status-leave-keep = Nein, Platz behalten
status-offline = Gerade keine Verbindung. Diese Seite aktualisiert sich von selbst wieder.
status-language = Sprache dieser Seite
status-appointment = Ihr Termin: { $time }
status-appointment-late = Sie sind nach Ihrer Terminzeit gekommen. Deshalb werden Sie ohne Vorrang aufgerufen.

## Benachrichtigung auf dem Handy (Web Push) und Rückmeldung nach dem Besuch

notify-heading = Draußen warten
notify-explain = { $ahead ->
    [one] Wir benachrichtigen Sie auf diesem Handy, wenn nur noch 1 Person vor Ihnen ist, und wenn Sie dran sind. Auch wenn diese Seite geschlossen ist.
   *[other] Wir benachrichtigen Sie auf diesem Handy, wenn nur noch { $ahead } Personen vor Ihnen sind, und wenn Sie dran sind. Auch wenn diese Seite geschlossen ist.
}
notify-button = Benachrichtigen Sie mich
notify-asking = Bitte erlauben Sie Benachrichtigungen.
notify-on = Die Benachrichtigung ist an. Sie können diese Seite schließen.
notify-off-button = Benachrichtigung ausschalten
notify-off = Die Benachrichtigung ist aus.
notify-denied = Dieses Handy erlaubt keine Benachrichtigungen von dieser Seite. Sie können das in den Einstellungen des Browsers ändern. Oder lassen Sie diese Seite offen: Hier sehen Sie, wann Sie dran sind.
notify-unsupported = Dieser Browser kann keine Benachrichtigungen bekommen. Lassen Sie diese Seite offen: Hier sehen Sie, wann Sie dran sind.
notify-home-screen = Auf dem iPhone und iPad: Tippen Sie auf „Teilen“ und dann auf „Zum Home-Bildschirm“. Öffnen Sie die Seite dort. Dann können wir Sie benachrichtigen.
notify-failed = Die Benachrichtigung hat nicht geklappt. Lassen Sie diese Seite offen: Hier sehen Sie, wann Sie dran sind.
alert-button = Ton und Vibration hier einschalten
alert-on = Ton und Vibration sind an, solange diese Seite offen ist.
feedback-question = Wie war Ihr Besuch?
feedback-rating-1 = Sehr schlecht
feedback-rating-2 = Schlecht
feedback-rating-3 = Es geht
feedback-rating-4 = Gut
feedback-rating-5 = Sehr gut
feedback-reasons = Was passt? Sie können auch nichts ankreuzen.
feedback-reason-waited-long = Ich habe lange gewartet.
feedback-reason-explained-well = Man hat mir alles gut erklärt.
feedback-reason-knew-documents = Ich wusste, welche Unterlagen ich mitbringen muss.
feedback-reason-understood = Ich konnte mich gut verständigen.
feedback-reason-friendly = Man war freundlich zu mir.
feedback-send = Absenden
feedback-anonymous = Ihre Antwort ist anonym. Sie wird nicht mit Ihrer Wartenummer gespeichert.
feedback-thanks = Vielen Dank für Ihre Rückmeldung!

## Probleme

error-unreachable = Das Wartesystem ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal oder fragen Sie am Infoschalter.
error-retrying = Wir versuchen es automatisch weiter.
error-unknown-concern = Dieses Anliegen gibt es nicht mehr. Bitte wählen Sie noch einmal.
error-not-found = Das haben wir nicht gefunden. Bitte fragen Sie am Infoschalter.
error-refused = Das hat leider nicht geklappt. Bitte fragen Sie am Infoschalter.

error-office-closed = Wir sind gerade geschlossen. Bitte kommen Sie während der Öffnungszeiten wieder.
error-cut-off-passed = Heute gibt es keine neuen Wartenummern mehr. Bitte kommen Sie an einem anderen Tag wieder.
error-quota-reached = Für dieses Anliegen sind heute alle Wartenummern vergeben. Bitte kommen Sie an einem anderen Tag wieder.

action-retry = Noch einmal versuchen
action-start-over = Von vorn beginnen

not-found-heading = Seite nicht gefunden
not-found-link = Zum Wartenummer-Automaten

## Die Aufrufanzeige (/display): Überschriften auf Deutsch und Englisch, eine Zeile wechselt durch die anderen Sprachen

display-heading = Aufruf
display-number = Nummer
display-counter = Schalter
display-again = erneuter Aufruf
display-appointment = Termin
display-waiting-heading = Es warten
display-waiting = { $count ->
    [0] niemand wartet
    [one] 1 Person wartet
   *[other] { $count } Personen warten
}
display-wait = etwa { $minutes } Min.
display-offline = keine Verbindung
display-announce = Nummer { $number }, bitte zu { $counter }.
display-announce-again = Nummer { $number } noch einmal, bitte zu { $counter }.
display-welcome = Willkommen! Bitte ziehen Sie am Automaten eine Nummer.
