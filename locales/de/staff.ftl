# Texte der Sachbearbeitung (/staff), nur Deutsch und Englisch.
# locales/en/staff.ftl hat genau diese Ids (von den Tests geprüft).

staff-sign-in-heading = Anmelden
staff-username = Benutzername
staff-password = Passwort
staff-sign-in = Anmelden
staff-sign-out = Abmelden
staff-signed-in-as = Angemeldet: { $name }
staff-invalid-credentials = Benutzername oder Passwort stimmt nicht.
staff-too-many-attempts = Zu viele Versuche. Bitte warten Sie 15 Minuten.
staff-session-expired = Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich wieder an.
staff-interface-language = Sprache der Oberfläche

staff-choose-counter = An welchem Schalter sitzen Sie?
staff-counter-serves = { $count ->
    [one] 1 Anliegen
   *[other] { $count } Anliegen
}
staff-choose-concerns = { $counter }: Welche Anliegen bearbeiten Sie?
staff-concerns-all = Alle Anliegen dieses Schalters
staff-start-work = Arbeit beginnen
staff-other-counter = Anderen Schalter wählen
staff-choose-at-least-one = Bitte wählen Sie mindestens ein Anliegen.
staff-counter-occupied = bedient { $number } · { $name }
staff-waiting-for-you = { $count ->
    [0] Niemand wartet auf Ihre Anliegen.
    [one] 1 Person wartet auf Ihre Anliegen.
   *[other] { $count } Personen warten auf Ihre Anliegen.
}
staff-change-counter = Schalter oder Anliegen wechseln

staff-call-next = Nächste Nummer aufrufen
staff-current = Aktuelle Nummer
staff-no-current = Gerade ist keine Nummer an Ihrem Schalter.
staff-language = Sprache
staff-waited = { $minutes ->
    [one] 1 Minute gewartet
   *[other] { $minutes } Minuten gewartet
}
staff-called-times = { $count ->
    [one] 1-mal aufgerufen
   *[other] { $count }-mal aufgerufen
}
staff-documents = Unterlagen laut Automat
staff-document-have = dabei
staff-document-missing = fehlt
staff-document-unanswered = keine Angabe
staff-document-required = nötig
staff-missing-required = { $count ->
    [0] Alle nötigen Unterlagen dabei
    [one] 1 nötige Unterlage fehlt
   *[other] { $count } nötige Unterlagen fehlen
}

staff-action-recall = Erneut aufrufen
staff-action-start = Bedienung beginnen
staff-action-finish = Abschließen
staff-action-no-show = Nicht erschienen
staff-action-park = Zurückstellen
staff-action-return = Zurück in die Warteschlange
staff-action-transfer = Weiterleiten an
staff-action-call-now = Jetzt aufrufen

staff-status-waiting = wartet
staff-status-called = aufgerufen
staff-status-serving = in Bedienung
staff-status-parked = zurückgestellt
staff-status-finished = abgeschlossen
staff-status-no-show = nicht erschienen
staff-status-cancelled = zurückgegeben

staff-scanned = Gescannte Nummer
staff-scan-unknown = Dieser Code gehört zu keiner Wartenummer dieses Amts.
staff-close = Schließen

staff-queue = Warteschlange
staff-queue-waiting = { $count ->
    [0] niemand wartet
    [one] 1 wartet
   *[other] { $count } warten
}
staff-queue-oldest = längste Wartezeit { $minutes } Min.
staff-queue-missing-documents = Unterlagen fehlen
staff-counters = Schalter
staff-counter-free = frei
staff-queue-parked = Zurückgestellt

staff-error-queue-empty = Niemand wartet auf Ihre Anliegen.
staff-error-counter-busy = An Ihrem Schalter ist noch eine Nummer. Schließen Sie sie zuerst ab.
staff-error-invalid-transition = Das geht mit dieser Nummer gerade nicht mehr; sie wurde inzwischen geändert.
staff-error-other = Das hat nicht geklappt: { $reason }
staff-offline = Keine Verbindung zum Server. Die Seite versucht es weiter.

staff-camera-scan = Mit Kamera scannen
staff-camera-hint = Halten Sie den QR-Code der Wartenummer vor die Kamera.
staff-camera-unavailable = Keine Kamera gefunden, oder der Zugriff auf die Kamera ist nicht erlaubt.
