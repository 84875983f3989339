# Interface texts of the Willkommen web app in Leichte Sprache (Easy German).

screen-staff = Sach-Bearbeitung
screen-admin = Verwaltung


## Einstellungs-Leiste, auf jedem Bildschirm des Automaten an derselben Stelle

settings-label = Lesen und Vorlesen
settings-language = Sprache
settings-large-text = Große Schrift
settings-high-contrast = Kräftige Farben
settings-read-aloud = Vorlesen
settings-stop-reading = Vorlesen beenden
settings-repeat = Noch einmal vorlesen
speech-no-voice = Dieser Automat kann { $language } leider nicht vorlesen. Brauchen Sie Hilfe? Dann fragen Sie bitte am Info-Schalter.
speech-unavailable = Dieser Automat kann leider nicht vorlesen. Brauchen Sie Hilfe? Dann fragen Sie bitte am Info-Schalter.

nav-back = Zurück
nav-start-over = Neu anfangen

## Begrüßung

welcome-greeting = Willkommen
welcome-start = Start
welcome-start-hint = Hier bekommen Sie eine Warte-Nummer. Berühren Sie dafür den Bildschirm. Oder drücken Sie die Eingabe-Taste.
welcome-open = Es gibt jetzt Warte-Nummern.
welcome-unavailable = Gerade gibt es hier keine Warte-Nummern. Bitte gehen Sie zum Info-Schalter. Dort helfen wir Ihnen.

## Sprache wählen

language-heading = Wählen Sie Ihre Sprache
language-hint = Sie können die Sprache immer ändern. Tippen Sie dafür unten auf „Sprache“.

## Anliegen wählen

kiosk-choose-concern = Wobei können wir Ihnen helfen?
kiosk-choose-concern-hint = Tippen Sie auf das passende Thema. Dann bekommen Sie eine Warte-Nummer.
kiosk-loading = Einen Moment bitte …
kiosk-issuing = Der Automat macht jetzt Ihre Warte-Nummer …
kiosk-documents-count = { $count ->
    [0] Sie brauchen keine Unter-Lagen
    [one] Sie brauchen 1 Unter-Lage
   *[other] Sie brauchen { $count } Unter-Lagen
}
concern-not-sure = Ich bin unsicher
concern-not-sure-description = Sie bekommen eine Warte-Nummer für den Info-Schalter. Dort helfen wir Ihnen.

kiosk-closed = Wir haben jetzt geschlossen.
kiosk-cut-off = Für heute ist die Zeit für neue Warte-Nummern vorbei. Sie haben schon eine Warte-Nummer? Dann kommen Sie heute noch dran.
kiosk-reopens = Warte-Nummern gibt es wieder: { $time }.
kiosk-quota-reached = Für heute sind alle Warte-Nummern schon verteilt.

## Termin: anmelden mit der Termin-Nummer

appointment-have = Ich habe einen Termin
appointment-have-description = Sie haben eine Termin-Nummer? Dann melden Sie sich hier für Ihren Termin an.
reference-heading = Tippen Sie Ihre Termin-Nummer ein
reference-hint = Die Termin-Nummer steht auf Ihrer Termin-Bestätigung. Leer-Zeichen und Striche brauchen Sie nicht.
reference-scan-hint = Auf Ihrer Termin-Bestätigung ist ein QR-Code? Dann halten Sie den QR-Code an den Scanner.
reference-label = Ihre Termin-Nummer:
reference-delete = Zeichen löschen
reference-clear = Alles löschen
reference-confirm = Termin suchen
reference-looking-up = Wir suchen jetzt Ihren Termin …
reference-unknown = Wir finden diese Termin-Nummer nicht. Bitte vergleichen Sie die Nummer mit Ihrer Termin-Bestätigung. Dann versuchen Sie es noch einmal.
reference-slow-down = { $seconds ->
    [one] Jemand hat hier mehrere unbekannte Nummern eingetippt. Darum müssen Sie kurz warten: noch 1 Sekunde. Dann können Sie es wieder versuchen.
   *[other] Jemand hat hier mehrere unbekannte Nummern eingetippt. Darum müssen Sie kurz warten: noch { $seconds } Sekunden. Dann können Sie es wieder versuchen.
}
appointment-heading = Ihr Termin
appointment-reference = Termin-Nummer: { $reference }
appointment-open = Sie können sich jetzt anmelden. Vorher sagen Sie uns bitte: Welche Unter-Lagen haben Sie dabei?
appointment-too-early = Sie sind zu früh hier. Sie können sich ab { $time } anmelden.
appointment-too-early-hint = Bitte kommen Sie dann wieder zum Automaten. Bis dahin können Sie hier warten.
appointment-too-late = Die Zeit für Ihren Termin ist leider schon vorbei.
appointment-late-walk-in = Sie können trotzdem eine Warte-Nummer bekommen. Für das gleiche Thema. Aber Sie müssen dann vielleicht länger warten.
appointment-late-information = Sie können eine Warte-Nummer für den Info-Schalter bekommen. Dort helfen wir Ihnen.
appointment-cancelled = Dieser Termin ist abgesagt.
appointment-over = Dieser Termin ist schon vorbei.
appointment-ask-information = Bitte fragen Sie am Info-Schalter. Dort helfen wir Ihnen.
appointment-information-ticket = Warte-Nummer für den Info-Schalter
appointment-checked-in-before = Sie haben sich schon für diesen Termin angemeldet. Hier ist Ihre Warte-Nummer.
ticket-appointment = Termin { $time }
error-check-in-too-early = Sie können sich noch nicht für diesen Termin anmelden. Bitte versuchen Sie es etwas später noch einmal.
error-appointment-closed = Dieser Termin ist abgesagt. Oder der Termin ist schon vorbei. Bitte fragen Sie am Info-Schalter.

## Unterlagen-Liste

checklist-heading = Welche Unter-Lagen haben Sie dabei?
checklist-hint = Unter-Lagen sind wichtige Papiere. Zum Beispiel: Ihr Pass. Tippen Sie bei jeder Unter-Lage auf „Habe ich dabei“ oder auf „Fehlt“.
checklist-required = Muss dabei sein
checklist-if-applicable = Nur manchmal nötig
checklist-have = Habe ich dabei
checklist-missing = Fehlt
checklist-progress = { $answered } von { $total } fertig
checklist-continue = Weiter

## Übersicht vor der Wartenummer

summary-heading = Ihre Übersicht
summary-have = Das haben Sie dabei
summary-missing = Das fehlt
summary-complete = Sie haben alle wichtigen Unter-Lagen dabei.
summary-missing-required = { $count ->
    [one] 1 wichtige Unter-Lage fehlt. Sie können trotzdem eine Warte-Nummer nehmen. Aber ohne diese Unter-Lage werden wir heute vielleicht nicht fertig.
   *[other] { $count } wichtige Unter-Lagen fehlen. Sie können trotzdem eine Warte-Nummer nehmen. Aber ohne diese Unter-Lagen werden wir heute vielleicht nicht fertig.
}
summary-missing-if-applicable = Es fehlen Unter-Lagen. Diese Unter-Lagen sind nur manchmal nötig. Am Schalter prüfen wir: Brauchen Sie diese Unter-Lagen?
summary-take-ticket = Warte-Nummer nehmen
summary-print-checklist = Liste drucken und später wiederkommen
summary-checklist-printed = Der Automat druckt jetzt Ihre Liste. Bitte nehmen Sie die Liste mit.

## Wartenummer

ticket-heading = Ihre Warte-Nummer
ticket-number-spoken = Ihre Warte-Nummer ist { $number }.
ticket-people-ahead = { $count ->
    [0] Sie sind als Nächstes dran.
    [one] Vor Ihnen wartet noch 1 Person.
   *[other] Vor Ihnen warten noch { $count } Personen.
}
ticket-wait = Sie warten ungefähr { $min } bis { $max } Minuten.
ticket-wait-hours = Sie warten ungefähr { $min } bis { $max } Stunden.
ticket-wait-unknown = Wir wissen noch nicht: Wie lange müssen Sie warten?
ticket-wait-hint = Bitte warten Sie. Schauen Sie auf den Bildschirm. Steht dort Ihre Nummer? Dann sind Sie dran.
ticket-qr-hint = Sie haben ein Handy? Dann halten Sie die Handy-Kamera auf den Code. Auf dem Handy sehen Sie dann: Wann sind Sie dran?
ticket-qr-label = QR-Code für Ihre Warte-Nummer { $number }
ticket-missing-heading = Denken Sie daran: Diese Unter-Lagen fehlen
ticket-print = Warte-Nummer drucken
ticket-printing = Der Automat druckt jetzt Ihre Warte-Nummer. Bitte nehmen Sie den Zettel mit.
ticket-done = Fertig
ticket-issued-at = Ausgegeben: { $time }

## Warnung bei Untätigkeit

idle-heading = Sind Sie noch da?
idle-countdown = { $seconds ->
    [one] In 1 Sekunde fängt der Automat neu an. Ihre Antworten sind dann weg.
   *[other] In { $seconds } Sekunden fängt der Automat neu an. Ihre Antworten sind dann weg.
}
idle-more-time = Ich brauche mehr Zeit

## Die Seite zur Wartenummer auf dem Handy

status-heading = Ihre Warte-Nummer
status-waiting = Sie sind auf der Warte-Liste. Bitte warten Sie noch.
status-called = Sie sind dran. Bitte kommen Sie zum Schalter.
status-serving = Sie sind jetzt am Schalter.
status-parked = Ihre Warte-Nummer hat gerade Pause. Wir rufen Ihre Nummer später noch einmal auf.
status-finished = Ihr Besuch ist jetzt zu Ende. Vielen Dank!
status-no-show = Wir haben Ihre Nummer aufgerufen. Aber Sie waren nicht am Schalter. Bitte fragen Sie am Info-Schalter.
status-cancelled = Diese Warte-Nummer gilt nicht mehr.
status-not-found-heading = Wir finden die Warte-Nummer nicht
status-not-found = Wir kennen diese Warte-Nummer nicht. Oder die Warte-Nummer ist zu alt. Bitte fragen Sie am Info-Schalter.
status-your-turn = Sie sind dran: { $counter }
status-title-called = { $number } → { $counter }
status-leave = Ich gehe jetzt
status-leave-question = Wollen Sie Ihre Warte-Nummer zurückgeben? Dann verlieren Sie Ihren Platz auf der Warte-Liste.
status-leave-confirm = Ja, Warte-Nummer zurückgeben
status-leave-keep = Nein, ich warte weiter
status-offline = Gerade gibt es keine Verbindung. Sie müssen nichts machen. Die Seite lädt bald von allein neu.
status-language = Sprache auf dieser Seite
status-appointment = Ihr Termin ist um { $time } Uhr.
status-appointment-late = Sie sind nach Ihrem Termin gekommen. Darum warten Sie jetzt wie alle anderen.

## Nachrichten auf dem Handy (Web Push) und Ihre Meinung nach dem Besuch

notify-heading = Draußen warten
notify-explain = { $ahead ->
    [one] Vor Ihnen wartet nur noch 1 Person? Dann schicken wir Ihnen eine Nachricht auf dieses Handy. Sie sind dran? Dann schicken wir Ihnen noch eine Nachricht. Das klappt auch, wenn Sie diese Seite schließen.
   *[other] Vor Ihnen warten nur noch { $ahead } Personen? Dann schicken wir Ihnen eine Nachricht auf dieses Handy. Sie sind dran? Dann schicken wir Ihnen noch eine Nachricht. Das klappt auch, wenn Sie diese Seite schließen.
}
notify-button = Nachrichten einschalten
notify-asking = Bitte erlauben Sie Nachrichten von dieser Seite.
notify-on = Die Nachrichten sind an. Sie können diese Seite jetzt schließen.
notify-off-button = Nachrichten ausschalten
notify-off = Die Nachrichten sind aus.
notify-denied = Dieses Handy erlaubt keine Nachrichten von dieser Seite. Sie können das in den Einstellungen vom Browser ändern. Oder Sie lassen diese Seite offen. Hier sehen Sie dann: Wann sind Sie dran?
notify-unsupported = Dieser Browser kann keine Nachrichten bekommen. Bitte lassen Sie diese Seite offen. Hier sehen Sie dann: Wann sind Sie dran?
notify-home-screen = Sie haben ein iPhone oder ein iPad? Dann tippen Sie auf „Teilen“. Dann tippen Sie auf „Zum Home-Bildschirm“. Öffnen Sie die Seite danach vom Home-Bildschirm. Dann können wir Ihnen Nachrichten schicken.
notify-failed = Wir konnten die Nachrichten leider nicht einschalten. Bitte lassen Sie diese Seite offen. Hier sehen Sie dann: Wann sind Sie dran?
alert-button = Ton und Vibration hier einschalten
alert-on = Ton und Vibration sind jetzt an. Das geht nur, wenn diese Seite offen ist.
feedback-question = Wie war Ihr Besuch bei uns?
feedback-rating-1 = Sehr schlecht
feedback-rating-2 = Schlecht
feedback-rating-3 = Mittel
feedback-rating-4 = Gut
feedback-rating-5 = Sehr gut
feedback-reasons = Was passt zu Ihrem Besuch? Sie können es ankreuzen. Das müssen Sie aber nicht.
feedback-reason-waited-long = Ich habe lange gewartet.
feedback-reason-explained-well = Die Mitarbeiter haben mir alles gut erklärt.
feedback-reason-knew-documents = Ich wusste: Diese Unter-Lagen muss ich mitbringen.
feedback-reason-understood = Die Mitarbeiter haben mich gut verstanden.
feedback-reason-friendly = Die Mitarbeiter waren freundlich zu mir.
feedback-send = Abschicken
feedback-anonymous = Ihre Antwort ist anonym. Das heißt: Wir wissen nicht, von wem die Antwort ist. Wir speichern die Antwort nicht mit Ihrer Warte-Nummer.
feedback-thanks = Vielen Dank für Ihre Antwort!

## Probleme

error-unreachable = Gerade gibt es ein Problem mit dem Computer. Bitte versuchen Sie es gleich noch einmal. Oder fragen Sie am Info-Schalter.
error-retrying = Wir versuchen es weiter. Das geht von allein.
error-unknown-concern = Dieses Thema gibt es nicht mehr. Bitte wählen Sie noch einmal.
error-not-found = Wir finden das leider nicht. Bitte fragen Sie am Info-Schalter.
error-refused = Da gab es leider ein Problem. Bitte fragen Sie am Info-Schalter.

error-office-closed = Wir haben jetzt geschlossen. Bitte kommen Sie wieder, wenn wir offen haben.
error-cut-off-passed = Für heute ist die Zeit für neue Warte-Nummern vorbei. Bitte kommen Sie an einem anderen Tag wieder.
error-quota-reached = Für dieses Thema sind heute alle Warte-Nummern schon verteilt. Bitte kommen Sie an einem anderen Tag wieder.

action-retry = Noch einmal versuchen
action-start-over = Neu anfangen

not-found-heading = Wir finden die Seite nicht
not-found-link = Zum Automaten für Warte-Nummern

## Die Aufruf-Anzeige (/display): Überschriften auf Deutsch und Englisch, eine Zeile wechselt durch die anderen Sprachen

display-heading = Jetzt dran
display-number = Nummer
display-counter = Schalter
display-again = noch einmal aufgerufen
display-appointment = Termin
display-waiting-heading = Es warten
display-waiting = { $count ->
    [0] niemand wartet
    [one] 1 Person wartet
   *[other] { $count } Personen warten
}
display-wait = ungefähr { $minutes } Minuten
display-offline = keine Verbindung
display-announce = Nummer { $number }. Bitte gehen Sie zu { $counter }.
display-announce-again = Noch einmal: Nummer { $number }. Bitte gehen Sie zu { $counter }.
display-welcome = Herzlich willkommen! Bitte nehmen Sie am Automaten eine Warte-Nummer.
