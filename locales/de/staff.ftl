# Texte der Sachbearbeitung (/staff) und der Verwaltung (/admin), nur Deutsch und Englisch.
# locales/en/staff.ftl hat genau diese Ids (von den Tests geprüft).

staff-sign-in-heading = Anmelden
staff-username = Benutzername
staff-password = Passwort
staff-sign-in = Anmelden
staff-office-sign-in = Mit dem Dienstkonto anmelden
staff-office-sign-in-named = Anmelden mit { $label }
staff-local-admins-only = Administratorkonto (nur für den Notfall)
staff-local-admins-only-help = Nur wenn die Anmeldung mit dem Dienstkonto nicht geht: mit dem Willkommen-Passwort eines Administratorkontos.
staff-local-sign-in-off = Bitte melden Sie sich mit dem Dienstkonto an. Ein Willkommen-Passwort gilt hier nur für Administratorkonten.
staff-sign-in-no-role = Ihr Dienstkonto hat keine Rolle in Willkommen. Bitten Sie Ihre Administration, Sie in die Willkommen-Gruppe aufzunehmen.
staff-sign-in-someone-else = Als jemand anderes anmelden
staff-sign-in-deactivated = Ihr Konto ist in Willkommen deaktiviert. Bitte fragen Sie Ihre Administration.
staff-sign-in-expired = Die Anmeldung hat zu lange gedauert. Bitte versuchen Sie es noch einmal.
staff-sign-in-cancelled = Die Anmeldung wurde abgebrochen.
staff-sign-in-provider-unreachable = Der Anmeldedienst der Behörde antwortet gerade nicht. Bitte versuchen Sie es in einigen Minuten noch einmal. Administratoren können sich mit ihrem Willkommen-Passwort anmelden.
staff-sign-in-failed = Die Anmeldung hat nicht geklappt. Bitte versuchen Sie es noch einmal, oder fragen Sie Ihre Administration.
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
staff-appointment = Termin { $time }
staff-appointment-late = Termin { $time } · verspätet

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

## Die Verwaltung (/admin)

admin-not-an-admin = Die Verwaltung ist für Admin-Konten. Bitte melden Sie sich mit einem an.
admin-sections = Bereiche
admin-section-concerns = Anliegen
admin-section-translations = Übersetzungen
admin-section-settings = Einstellungen
admin-section-counters = Schalter
admin-section-appointments = Termine
admin-section-accounts = Konten
admin-section-versions = Versionen und Dateien
admin-section-audit = Protokoll

admin-state-unsaved = Änderungen noch nicht gespeichert
admin-state-unpublished = Entwurf gespeichert, noch nicht veröffentlicht
admin-state-published = Alles ist veröffentlicht
admin-save = Entwurf speichern
admin-saved = Entwurf gespeichert.
admin-publish-note = Was sich ändert (für die Versionsliste)
admin-publish = Veröffentlichen
admin-published = Version { $version } ist veröffentlicht. Die Automaten zeigen sie in wenigen Sekunden.
admin-discard = Entwurf verwerfen
admin-discarded = Der Entwurf ist verworfen; er ist wieder die veröffentlichte Version.
admin-problems = { $count ->
    [one] 1 Problem verhindert das Veröffentlichen:
   *[other] { $count } Probleme verhindern das Veröffentlichen:
}
admin-problem-missing = fehlt ({ $detail })
admin-problem-too-long = zu lang ({ $detail })
admin-problem-too-many = zu viele ({ $detail })
admin-problem-out-of-range = nicht möglich ({ $detail })
admin-problem-invalid-format = falsche Form ({ $detail })
admin-problem-duplicate = doppelt vergeben ({ $detail })
admin-problem-unknown-reference = gibt es nicht ({ $detail })
admin-problem-unknown-field = unbekannte Einstellung ({ $detail })
admin-problem-unreadable = nicht lesbar ({ $detail })
admin-error-conflict = Jemand anderes hat den Entwurf inzwischen gespeichert. Verwerfen oder kopieren Sie Ihre Änderungen und laden Sie den Entwurf neu.
admin-error-invalid = { $count ->
    [one] Die Konfiguration hat 1 Problem; nichts wurde geändert.
   *[other] Die Konfiguration hat { $count } Probleme; nichts wurde geändert.
}
admin-error-last-admin = Das ist das letzte aktive Admin-Konto; machen Sie zuerst ein anderes Konto zum Admin.
admin-error-username-taken = Es gibt schon ein Konto mit diesem Benutzernamen.

admin-concerns-hint = In der Reihenfolge, in der der Automat sie zeigt. Änderungen sind Entwürfe, bis Sie sie veröffentlichen.
admin-concern-facts = Kürzel { $prefix } · { $count ->
    [one] 1 Unterlage
   *[other] { $count } Unterlagen
} · Tageslimit { $quota }
admin-concern-active = Am Automaten angeboten
admin-concern-add = Anliegen hinzufügen
admin-edit = Bearbeiten
admin-move-up = Nach oben: { $name }
admin-move-down = Nach unten: { $name }
admin-move-up-short = Nach oben:
admin-move-down-short = Nach unten:
admin-remove = Entfernen
admin-remove-named = Entfernen: { $name }
admin-add = Hinzufügen

admin-back-to-concerns = Zurück zu allen Anliegen
admin-concern-heading = Anliegen: { $name }
admin-translate-into = Übersetzen in
admin-concern-settings = Nummer und Piktogramm
admin-concern-prefix = Kürzel der Nummer (1 bis 3 Großbuchstaben)
admin-concern-quota = Nummern pro Tag (leer: kein Limit)
admin-concern-icon = Piktogramm
admin-concern-texts = Name und Beschreibung
admin-concern-name = Name
admin-concern-description = Beschreibung
admin-checklist = Mitzubringende Unterlagen
admin-item-add = Unterlage hinzufügen
admin-item-required = Nötig
admin-item-text = Unterlage
admin-item-hint = Hinweis
admin-status-current = aktuell
admin-status-missing = fehlt
admin-status-outdated = veraltet: der deutsche Text wurde seitdem geändert
admin-status-empty = nicht benutzt
admin-still-fits = Passt noch
admin-icon-residence-permit = Aufenthaltstitel
admin-icon-blue-card = Blaue Karte
admin-icon-work = Arbeit
admin-icon-family = Familie
admin-icon-settlement = Niederlassung
admin-icon-study = Studium
admin-icon-certificate = Bescheinigung
admin-icon-home = Adresse
admin-icon-lost-card = Verlorene Karte
admin-icon-pickup = Abholen
admin-icon-info = Information
admin-icon-document = Dokument

admin-preview = Vorschau am Automaten
admin-preview-hint = Zeigt den gespeicherten Entwurf so, wie der Automat ihn zeigt, in der Sprache, in die übersetzt wird. Hier werden keine Nummern gezogen.
admin-preview-refresh = Speichern und in der Vorschau zeigen
admin-preview-updated = Die Vorschau zeigt den gespeicherten Entwurf.

admin-translations-caption = Übersetzungen im Vergleich zu den deutschen Ausgangstexten
admin-text = Text
admin-open = Offen
admin-open-count = { $count ->
    [0] alles erledigt
    [one] 1 offen
   *[other] { $count } offen
}
admin-fallback-heading = Was der Automat zeigt, wenn eine Übersetzung fehlt
admin-fallback-rules = Zuerst die gewählte Sprache, dann Englisch, dann Deutsch. Besucherinnen und Besucher sehen immer einen Text, aber vielleicht nicht in ihrer Sprache.
admin-fallback-outdated = „Veraltet“ heißt: Der deutsche Text wurde geändert, nachdem die Übersetzung entstand. „Passt noch“ markiert sie als aktuell.

admin-office-name = Name der Behörde
admin-display-info = Hinweis auf der Aufrufanzeige
admin-kiosk-languages = Sprachen am Automaten (angehakt: angeboten, in dieser Reihenfolge)
admin-opening = Öffnungszeiten
admin-time-zone = Zeitzone
admin-monday = Montag
admin-tuesday = Dienstag
admin-wednesday = Mittwoch
admin-thursday = Donnerstag
admin-friday = Freitag
admin-saturday = Samstag
admin-sunday = Sonntag
admin-closed = geschlossen
admin-from = von
admin-to = bis
admin-add-hours = Öffnungszeit hinzufügen
admin-closed-days = Schließtage
admin-closed-day-add = Schließtag hinzufügen
admin-cutoff = Keine neuen Nummern so viele Minuten vor Schluss
admin-kiosk-behaviour = Automat
admin-idle-seconds = Neu beginnen nach so vielen Sekunden ohne Berührung
admin-warning-seconds = Sekunden Vorwarnung vor dem Neubeginn (mindestens 20)
admin-information-concern = „Ich bin unsicher“ führt zu
admin-none = keinem Anliegen
admin-queue-rules = Warteschlange und Daten
admin-no-show-after = Als nicht erschienen gilt, wer so oft aufgerufen wurde
admin-retention-days = Antworten der Besuchenden löschen nach so vielen Tagen
admin-notify-ahead = Handy-Benachrichtigung „Bald sind Sie dran“, wenn noch so viele Personen vorher dran sind
admin-public-url = Adresse in den QR-Codes der Nummern
admin-public-url-help = Leer: die Adresse, mit der der Server gestartet wurde.
admin-appointment-rules = Termine
admin-appointments-enabled = Der Automat bietet „Ich habe einen Termin“ an
admin-check-in-opens = Einchecken ab so vielen Minuten vor dem Termin (höchstens 240)
admin-check-in-closes = Einchecken bis so viele Minuten nach dem Termin (höchstens 120)
admin-late-arrival = Wer später kommt, bekommt
admin-late-walk-in = eine Nummer für dasselbe Anliegen, ohne Vorrang
admin-late-information-desk = eine Nummer für den Infoschalter
admin-late-arrival-help = Der Automat sagt es der Person in ihrer Sprache. Für den Infoschalter muss „Ich bin unsicher“ zu einem Anliegen führen.
admin-call-ahead = Eingecheckte Termine gehen vor, ab so vielen Minuten vor dem Termin (höchstens 60)
admin-walk-in-every = Jeder wievielte Aufruf geht an eine Person ohne Termin, solange Termine fällig sind (2 bis 10)
admin-walk-in-every-help = Leer: fällige Termine gehen immer vor. 3 heißt: zwei Termine, dann eine Person ohne Termin.

admin-counters-hint = Die Anliegen, die ein Schalter bearbeitet, wenn die Sachbearbeitung dort nichts anderes wählt.
admin-counter-add = Schalter hinzufügen
admin-counter-name = Name auf der Aufrufanzeige
admin-counter-serves = Bearbeitet
admin-appointments-hint = Termine gehören nicht zum Entwurf: Änderungen gelten sofort. Zeiten sind die der Behörde.
admin-appointments-day = Tag
admin-appointments-previous-day = Vorheriger Tag
admin-appointments-next-day = Nächster Tag
admin-appointments-today = Heute
admin-appointments-reload = Neu laden
admin-appointments-filter = Zeigen:
admin-appointments-all = alle
admin-appointment-state-expected = erwartet
admin-appointment-state-checked-in = eingecheckt
admin-appointment-state-called = aufgerufen
admin-appointment-state-served = bedient
admin-appointment-state-missed = verpasst
admin-appointment-state-cancelled = abgesagt
admin-appointments-caption = Termine am { $day }
admin-appointments-none = An diesem Tag gibt es keine Termine.
admin-appointments-none-in-state = An diesem Tag gibt es keine Termine in diesem Zustand.
admin-appointment-time = Uhrzeit
admin-appointment-reference = Buchungsnummer
admin-appointment-concern = Anliegen
admin-appointment-language = Sprache
admin-appointment-state = Zustand
admin-appointment-ticket = Wartenummer
admin-appointment-checked-in = Eingecheckt um
admin-appointment-late = Verspätet
admin-appointment-late-yes = ja
admin-appointment-no-language = keine Angabe
admin-appointment-fix = Ändern
admin-appointment-cancel = Absagen
admin-appointment-cancel-question = Termin { $reference } um { $time } absagen?
admin-appointment-cancel-confirm = Ja, absagen
admin-appointment-cancel-keep = Nein, behalten
admin-appointment-cancelled = Der Termin { $reference } ist abgesagt.
admin-appointment-new = Termin hinzufügen
admin-appointment-fix-heading = Termin { $reference } ändern
admin-appointment-day-change-hint = Ein anderer Tag sagt den Termin an seinem Tag ab und legt ihn am neuen Tag neu an.
admin-appointment-reference-help = Wie in der Buchungsbestätigung; { $min } bis { $max } Buchstaben und Ziffern, Leerzeichen und Bindestriche zählen nicht.
admin-appointment-reference-invalid = Die Buchungsnummer braucht { $min } bis { $max } Buchstaben und Ziffern.
admin-appointment-slot = Datum und Uhrzeit
admin-appointment-slot-invalid = Bitte geben Sie Datum und Uhrzeit an.
admin-choose-concern = Anliegen wählen
admin-appointment-save = Termin speichern
admin-appointment-close = Schließen, ohne zu speichern
admin-appointment-saved = Der Termin { $reference } ist gespeichert: { $day }, { $time }.
admin-appointment-moved = Der Termin { $reference } ist auf { $day }, { $time } verlegt; am { $old } ist er abgesagt.
admin-appointment-moved-not-cancelled = Der Termin { $reference } ist am { $day } um { $time } angelegt, aber am { $old } nicht abgesagt: { $reason }
admin-appointments-import = Termine aus einer Datei
admin-appointments-import-hint = Eine CSV- oder iCalendar-Datei (.ics) aus dem Buchungssystem, für einen Tag oder eine Woche. Zuerst wird geprüft, was sich ändern würde; erst „Importieren“ ändert etwas. Eine Datei mit Problemen wird ganz abgelehnt.
admin-appointments-import-file = Termindatei (.csv oder .ics)
admin-appointments-check = Datei prüfen
admin-appointments-import-now = Importieren
admin-import-would = Geprüft. Der Import würde Folgendes ändern:
admin-import-done = Importiert:
admin-import-created = { $count ->
    [one] 1 Termin neu
   *[other] { $count } Termine neu
}
admin-import-updated = { $count ->
    [one] 1 Termin geändert
   *[other] { $count } Termine geändert
}
admin-import-cancelled = { $count ->
    [one] 1 Termin abgesagt, weil die Datei ihn nicht mehr enthält
   *[other] { $count } Termine abgesagt, weil die Datei sie nicht mehr enthält
}
admin-import-unchanged = { $count ->
    [one] 1 Termin unverändert
   *[other] { $count } Termine unverändert
}
admin-import-kept = { $count ->
    [one] 1 Termin bleibt, obwohl die Datei ihn nicht mehr enthält: schon eingecheckt
   *[other] { $count } Termine bleiben, obwohl die Datei sie nicht mehr enthält: schon eingecheckt
}
admin-import-days = Tage in der Datei:
admin-import-refused = { $count ->
    [one] Die Datei hat 1 Problem; nichts wurde geändert.
   *[other] Die Datei hat { $count } Probleme; nichts wurde geändert.
}
admin-import-problem-line = Zeile { $line }
admin-import-problem-field = Zeile { $line }, { $field }
admin-import-map-heading = Dienstleistungen zuordnen
admin-import-map-hint = Diese Dienstleistungen des Buchungssystems kennt Willkommen noch nicht. Wählen Sie für jede das Anliegen; die Zuordnung wird für alle weiteren Importe gespeichert.
admin-import-map-save = Zuordnung speichern und Datei erneut prüfen
admin-services = Dienstleistungen des Buchungssystems
admin-services-hint = Welche Dienstleistung des Buchungssystems welches Anliegen ist. Die ID und der deutsche Name eines Anliegens werden auch ohne Zuordnung erkannt. Änderungen gelten sofort.
admin-services-show = Zuordnungen zeigen
admin-services-hide = Zuordnungen ausblenden
admin-services-caption = Gespeicherte Zuordnungen
admin-services-none = Noch keine Zuordnungen.
admin-service-name = Dienstleistung (wie im Buchungssystem)
admin-service-concern-for = Anliegen für „{ $service }“
admin-service-add = Zuordnung hinzufügen
admin-services-saved = Die Zuordnungen sind gespeichert.

admin-accounts-caption = Konten (Änderungen gelten sofort)
admin-display-name = Name
admin-role = Rolle
admin-role-staff = Sachbearbeitung
admin-role-admin = Admin
admin-account-state = Zustand
admin-active = aktiv
admin-inactive = deaktiviert
admin-activate = Aktivieren
admin-deactivate = Deaktivieren
admin-new-password = Neues Passwort
admin-set-password = Passwort setzen
admin-office-account = Dienstkonto (Name und Rolle vom Anmeldedienst)
admin-password-set = Das neue Passwort ist gesetzt; die Sitzungen des Kontos sind beendet.
admin-account-saved = Das Konto ist geändert.
admin-account-new = Neues Konto
admin-username-help = 3 bis 40 Kleinbuchstaben, Ziffern, Punkte, Binde- oder Unterstriche.
admin-account-create = Konto anlegen
admin-account-created = Das Konto ist angelegt.

admin-versions-caption = Veröffentlichte Versionen, neueste zuerst
admin-version = Version
admin-published-at = Veröffentlicht
admin-published-by = Von
admin-note = Notiz
admin-actions = Aktionen
admin-view = Ansehen
admin-restore = Wiederherstellen
admin-restored = Version { $version } ist jetzt der Entwurf. Prüfen Sie ihn und veröffentlichen Sie ihn dann.
admin-version-summary = Version { $version }: { $concerns } Anliegen, { $counters } Schalter, Sprachen { $languages }
admin-file = Konfigurationsdatei
admin-file-hint = Anliegen, Checklisten, Texte und Einstellungen als eine JSON-Datei; niemals Nummern oder Passwörter. Ein Import wird zum Entwurf; eine Datei mit Problemen ändert nichts.
admin-export = Veröffentlichte Konfiguration herunterladen
admin-import-file = Zu importierende Konfigurationsdatei
admin-import = Als Entwurf importieren
admin-imported = Die Datei ist jetzt der Entwurf. Prüfen Sie ihn und veröffentlichen Sie ihn dann.
admin-import-problems = Probleme in der Datei

admin-audit-actor = Wer (Benutzername)
admin-audit-kind = Was
admin-audit-all = alles
admin-audit-since = Ab
admin-audit-until = Bis (ausschließlich)
admin-audit-filter = Filtern
admin-audit-caption = Wer hat was geändert, neueste zuerst
admin-audit-when = Wann
admin-audit-what = Änderung
admin-audit-empty = Keine Einträge.
admin-audit-older = Ältere Einträge
admin-kind-draft-saved = Entwurf gespeichert
admin-kind-draft-discarded = Entwurf verworfen
admin-kind-published = veröffentlicht
admin-kind-restored = Version wiederhergestellt
admin-kind-imported = Datei importiert
admin-kind-account-created = Konto angelegt
admin-kind-account-changed = Konto geändert
admin-kind-password-reset = Passwort gesetzt
admin-kind-signed-in = angemeldet
admin-kind-sign-in-refused = Anmeldung abgewiesen
admin-kind-other = anderes

# Statistik (Issue 18): Abschnitte, Rolle, Ziel-Wartezeit, Hinweis an den Schaltern.
admin-section-statistics = Statistik
admin-section-live = Live
admin-role-statistics = Statistik (nur lesen)
admin-concern-target-wait = Ziel-Wartezeit in Minuten
admin-concern-target-wait-help = Leer lassen für kein Ziel. Wartet jemand länger, zeigen die Live-Ansicht und die Schalter einen Hinweis.
staff-over-target-heading = Wartezeit über dem Ziel
staff-over-target = { $name }: längste Wartezeit { $minutes } Min., Ziel { $target } Min.
staff-statistics-account = Dieses Konto liest nur die Statistik und ruft niemanden auf.
staff-to-statistics = Zur Statistik

statistics-range = Zeitraum
statistics-range-today = Heute
statistics-range-week = Diese Woche
statistics-range-month = Dieser Monat
statistics-range-year = Dieses Jahr
statistics-range-30-days = Letzte 30 Tage
statistics-from = Von
statistics-to = Bis (einschließlich)
statistics-show = Anzeigen
statistics-range-invalid = Bitte geben Sie beide Daten an.
statistics-range-reversed = Das erste Datum liegt nach dem zweiten.
statistics-range-too-long = Höchstens drei Jahre auf einmal.
statistics-shown = { $from } bis { $to } · Stand { $time }
statistics-privacy-note = Alle Zahlen gelten für Anliegen, Stunden und das Amt – nie für einzelne Besucher, Beschäftigte oder Schalter.
statistics-export-xlsx = Alle Tabellen als XLSX
statistics-empty = Keine Zahlen in diesem Zeitraum.
statistics-all-concerns = Alle Anliegen
statistics-booking-all = alle
statistics-booking-walk_in = ohne Termin
statistics-booking-appointment = mit Termin
statistics-reason-quota = Kontingent ausgeschöpft
statistics-reason-closed = geschlossen
statistics-reason-cut_off = nach Annahmeschluss
statistics-yes = ja
statistics-no = nein
statistics-chart-label = { $title }. Die Zahlen stehen in der Tabelle darunter.
statistics-chart-days = Ausgegeben und bedient pro Tag
statistics-chart-hours = Ankünfte pro Tag und höchstens gleichzeitig Wartende, nach Stunde (alle Anliegen)
statistics-chart-waits = Aufgerufene nach Wartezeit in Minuten

statistics-table-visitors = Besucher und was aus ihnen wurde
statistics-table-waiting = Wartezeiten
statistics-table-days = Pro Tag
statistics-table-hours = Pro Stunde
statistics-table-wait_distribution = Verteilung der Wartezeiten
statistics-table-languages = Gewählte Sprachen am Automaten
statistics-table-documents = Fehlende Unterlagen
statistics-table-quotas = Ausgeschöpfte Kontingente
statistics-table-turned_away = Ohne Nummer weggeschickt
statistics-table-feedback = Rückmeldungen: „Wie war Ihr Besuch?“ (gezeigt ab 5 Antworten)

statistics-column-concern = Anliegen
statistics-column-booking = Termin
statistics-column-issued = Ausgegeben
statistics-column-served = Bedient
statistics-column-no_show = Nicht erschienen
statistics-column-cancelled = Selbst abgemeldet
statistics-column-transferred = Weitergeleitet
statistics-column-unserved = Offen geblieben
statistics-column-turned_away = Weggeschickt
statistics-column-complete_documents = Unterlagen vollständig
statistics-column-waited = Aufgerufen
statistics-column-wait_mean = Wartezeit Mittel (Min.)
statistics-column-wait_median = Wartezeit Median (Min.)
statistics-column-wait_p90 = Wartezeit 90 % (Min.)
statistics-column-wait_max = Wartezeit längste (Min.)
statistics-column-walk_mean = Weg zum Schalter Mittel (Min.)
statistics-column-served_timed = Bedient mit Dauer
statistics-column-service_mean = Bearbeitung Mittel (Min.)
statistics-column-service_median = Bearbeitung Median (Min.)
statistics-column-estimated = Mit Schätzung
statistics-column-estimate_within = Schätzung getroffen
statistics-column-estimate_error_mean = Schätzung daneben, Mittel (Min.)
statistics-column-date = Tag
statistics-column-hour = Stunde
statistics-column-arrivals = Ankünfte
statistics-column-arrivals_per_day = Ankünfte pro Tag
statistics-column-most_waiting = Höchstens gleichzeitig wartend
statistics-column-from_minutes = Ab Minute
statistics-column-to_minutes = Bis unter Minute
statistics-column-visitors = Personen
statistics-column-share = Anteil
statistics-column-language = Sprache
statistics-column-item = Unterlage
statistics-column-required = Nötig
statistics-column-asked = Gefragt
statistics-column-missing = Fehlte
statistics-column-missing_share = Anteil fehlend
statistics-column-quota = Kontingent
statistics-column-ran_out_at = Ausgeschöpft um
statistics-column-reason = Grund
statistics-column-answers = Antworten
statistics-column-rating_mean = Bewertung Mittel
statistics-column-rating_1 = 1 sehr schlecht
statistics-column-rating_2 = 2 schlecht
statistics-column-rating_3 = 3 es geht
statistics-column-rating_4 = 4 gut
statistics-column-rating_5 = 5 sehr gut
statistics-column-waited_long = Lange gewartet
statistics-column-explained_well = Gut erklärt
statistics-column-knew_documents = Wusste, was mitbringen
statistics-column-understood = Konnte sich verständigen
statistics-column-friendly = Freundlich behandelt
statistics-all-languages = Alle Sprachen

live-at = Stand { $time } Uhr, alle 30 Sekunden neu
live-offline = Der Server ist gerade nicht erreichbar. Sie sehen die Zahlen von { $time } Uhr.
live-counters-open = Schalter offen
live-waiting = Wartend
live-longest-wait = Längste Wartezeit
live-served-today = Heute bedient
live-target = Ziel
live-state = Stand zum Ziel
live-minutes = { $minutes } Min.
live-concerns = Anliegen jetzt
live-closed-today = Heute ist geschlossen.
live-no-estimate = Noch keine Schätzung, wann alle Wartenden aufgerufen sind.
live-done-before-closing = Alle Wartenden sind voraussichtlich um { $time } Uhr aufgerufen, vor Schluss um { $closes } Uhr.
live-done-after-closing = Achtung: Alle Wartenden sind erst um { $time } Uhr aufgerufen, nach Schluss um { $closes } Uhr.
live-level-none = kein Ziel
live-level-ok = im Ziel
live-level-amber = bald über dem Ziel
live-level-red = über dem Ziel
