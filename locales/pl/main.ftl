# Interface texts of the Willkommen web app in Polish.
# Every locales/<language>/main.ftl has exactly the message ids of locales/de/main.ftl.

screen-staff = Stanowisko obsługi
screen-admin = Administracja


## Settings bar, at the same place on every kiosk screen

settings-label = Czytanie i odsłuchiwanie
settings-language = Język
settings-large-text = Duży tekst
settings-high-contrast = Wysoki kontrast
settings-read-aloud = Czytaj na głos
settings-stop-reading = Zatrzymaj czytanie
settings-repeat = Przeczytaj jeszcze raz
speech-no-voice = Ten automat nie ma głosu dla języka „{ $language }”. Jeśli potrzebna jest pomoc, proszę zapytać w punkcie informacyjnym.
speech-unavailable = Ten automat nie może czytać na głos. Jeśli potrzebna jest pomoc, proszę zapytać w punkcie informacyjnym.

nav-back = Wstecz
nav-start-over = Zacznij od nowa

## Welcome screen

welcome-greeting = Witamy
welcome-start = Start
welcome-start-hint = Proszę dotknąć ekranu lub nacisnąć klawisz Enter, aby pobrać numerek.
welcome-open = Teraz można pobrać numerek.
welcome-unavailable = W tej chwili nie można wydać numerków. Proszę podejść do punktu informacyjnego.

## Choosing the language

language-heading = Proszę wybrać język
language-hint = Język można zmienić w każdej chwili przyciskiem „Język” na dole.

## Choosing the concern

kiosk-choose-concern = W czym możemy pomóc?
kiosk-choose-concern-hint = Proszę wybrać swoją sprawę. Potem będzie można pobrać numerek.
kiosk-loading = Chwileczkę…
kiosk-issuing = Przygotowujemy numerek…
kiosk-documents-count = { $count ->
    [0] Dokumenty nie są potrzebne
    [one] Proszę przynieść { $count } dokument
    [few] Proszę przynieść { $count } dokumenty
    [many] Proszę przynieść { $count } dokumentów
   *[other] Proszę przynieść { $count } dokumentu
}
concern-not-sure = Nie wiem, co wybrać
concern-not-sure-description = Można pobrać numerek do punktu informacyjnego. Tam pomożemy.

kiosk-closed = Teraz jesteśmy zamknięci.
kiosk-cut-off = Dziś nie wydajemy już nowych numerków. Obsłużymy jeszcze wszystkie osoby, które już czekają.
kiosk-reopens = Numerki będą znów dostępne: { $time }.
kiosk-quota-reached = Na dziś wszystkie numerki zostały już wydane.

## Wizyty umówione: zgłoszenie przybycia numerem z potwierdzenia rezerwacji

appointment-have = Mam umówioną wizytę
appointment-have-description = Tutaj można zgłosić przybycie na umówioną wizytę numerem z potwierdzenia rezerwacji.
reference-heading = Proszę wpisać numer rezerwacji
reference-hint = Numer znajduje się w potwierdzeniu rezerwacji. Spacje i myślniki można pominąć.
reference-scan-hint = Można też przyłożyć kod QR z potwierdzenia rezerwacji do skanera.
reference-label = Numer rezerwacji:
reference-delete = Usuń znak
reference-clear = Usuń wszystko
reference-confirm = Znajdź moją wizytę
reference-looking-up = Szukamy wizyty …
reference-unknown = Nie znaleźliśmy tego numeru rezerwacji. Proszę porównać numer z potwierdzeniem rezerwacji i spróbować ponownie.
reference-slow-down = { $seconds ->
    [one] Wpisano tu kilka nieznanych numerów. Proszę poczekać { $seconds } sekundę, potem można spróbować ponownie.
    [few] Wpisano tu kilka nieznanych numerów. Proszę poczekać { $seconds } sekundy, potem można spróbować ponownie.
    [many] Wpisano tu kilka nieznanych numerów. Proszę poczekać { $seconds } sekund, potem można spróbować ponownie.
   *[other] Wpisano tu kilka nieznanych numerów. Proszę poczekać { $seconds } sekundy, potem można spróbować ponownie.
}
appointment-heading = Umówiona wizyta
appointment-reference = Numer rezerwacji: { $reference }
appointment-open = Można teraz zgłosić przybycie. Najpierw prosimy powiedzieć, jakie dokumenty są przy sobie.
appointment-too-early = Jest jeszcze za wcześnie. Przybycie można zgłosić od: { $time }.
appointment-too-early-hint = Proszę wtedy wrócić do automatu. Do tego czasu można poczekać tutaj.
appointment-too-late = Niestety czas umówionej wizyty już minął.
appointment-late-walk-in = Można pobrać numerek bez umówionej wizyty w tej samej sprawie. Czekanie może potrwać dłużej.
appointment-late-information = Można pobrać numerek do punktu informacyjnego. Tam pomożemy.
appointment-cancelled = Ta wizyta została odwołana.
appointment-over = Czas tej wizyty już minął.
appointment-ask-information = Proszę zapytać w punkcie informacyjnym. Tam pomożemy.
appointment-information-ticket = Numerek do punktu informacyjnego
appointment-checked-in-before = Przybycie na tę wizytę zostało już zgłoszone. To jest numerek.
ticket-appointment = Wizyta o { $time }
error-check-in-too-early = Na tę wizytę nie można jeszcze zgłosić przybycia. Proszę spróbować nieco później.
error-appointment-closed = Ta wizyta została odwołana albo jej czas już minął. Proszę zapytać w punkcie informacyjnym.

## Document checklist

checklist-heading = Sprawdźmy dokumenty
checklist-hint = Przy każdym dokumencie proszę wybrać „Mam przy sobie” lub „Nie mam przy sobie”.
checklist-required = Wymagany
checklist-if-applicable = Tylko jeśli dotyczy
checklist-have = Mam przy sobie
checklist-missing = Nie mam przy sobie
checklist-progress = Odpowiedzi: { $answered } z { $total }
checklist-continue = Dalej

## Summary before the ticket

summary-heading = Podsumowanie
summary-have = Dokumenty przy sobie
summary-missing = Brakuje
summary-complete = Są wszystkie potrzebne dokumenty.
summary-missing-required = { $count ->
    [one] Brakuje { $count } wymaganego dokumentu. Mimo to można pobrać numerek, ale wtedy możliwe, że nie załatwimy sprawy dzisiaj.
    [few] Brakuje { $count } wymaganych dokumentów. Mimo to można pobrać numerek, ale wtedy możliwe, że nie załatwimy sprawy dzisiaj.
    [many] Brakuje { $count } wymaganych dokumentów. Mimo to można pobrać numerek, ale wtedy możliwe, że nie załatwimy sprawy dzisiaj.
   *[other] Brakuje { $count } wymaganego dokumentu. Mimo to można pobrać numerek, ale wtedy możliwe, że nie załatwimy sprawy dzisiaj.
}
summary-missing-if-applicable = Brakuje dokumentów, które są potrzebne tylko czasami. Przy stanowisku powiemy, czy są potrzebne.
summary-take-ticket = Pobierz numerek
summary-print-checklist = Wydrukuj listę i przyjdź później
summary-checklist-printed = Lista jest drukowana. Proszę ją zabrać.

## Ticket

ticket-heading = Numer w kolejce
ticket-number-spoken = Numer w kolejce to { $number }.
ticket-people-ahead = { $count ->
    [0] Ten numer jest następny.
    [one] Przed tym numerem czeka jeszcze { $count } osoba.
    [few] Przed tym numerem czekają jeszcze { $count } osoby.
    [many] Przed tym numerem czeka jeszcze { $count } osób.
   *[other] Przed tym numerem czeka jeszcze { $count } osoby.
}
ticket-wait = { $max ->
    [one] Przewidywany czas oczekiwania: od { $min } do { $max } minuty.
    [few] Przewidywany czas oczekiwania: od { $min } do { $max } minut.
    [many] Przewidywany czas oczekiwania: od { $min } do { $max } minut.
   *[other] Przewidywany czas oczekiwania: od { $min } do { $max } minuty.
}
ticket-wait-hours = { $max ->
    [one] Przewidywany czas oczekiwania: od { $min } do { $max } godziny.
    [few] Przewidywany czas oczekiwania: od { $min } do { $max } godzin.
    [many] Przewidywany czas oczekiwania: od { $min } do { $max } godzin.
   *[other] Przewidywany czas oczekiwania: od { $min } do { $max } godziny.
}
ticket-wait-unknown = Nie możemy jeszcze oszacować czasu oczekiwania.
ticket-wait-hint = Proszę poczekać, aż numer pojawi się na ekranie.
ticket-qr-hint = Proszę zeskanować kod telefonem. Na telefonie będzie widać, kiedy nadejdzie kolej.
ticket-qr-label = Kod QR do numeru { $number }
ticket-missing-heading = Proszę pamiętać: brakuje tych dokumentów
ticket-print = Wydrukuj numerek
ticket-printing = Numerek jest drukowany. Proszę go zabrać.
ticket-done = Gotowe
ticket-issued-at = Wydano: { $time }

## Inactivity warning

idle-heading = Czy kontynuujemy?
idle-countdown = { $seconds ->
    [one] Za { $seconds } sekundę automat zacznie od nowa i usunie odpowiedzi.
    [few] Za { $seconds } sekundy automat zacznie od nowa i usunie odpowiedzi.
    [many] Za { $seconds } sekund automat zacznie od nowa i usunie odpowiedzi.
   *[other] Za { $seconds } sekundy automat zacznie od nowa i usunie odpowiedzi.
}
idle-more-time = Potrzebuję więcej czasu

## The visitor's ticket page on their phone

status-heading = Numer w kolejce
status-waiting = Numer czeka w kolejce.
status-called = Teraz kolej na ten numer. Proszę podejść do stanowiska.
status-serving = Trwa obsługa.
status-parked = Numer został wstrzymany. Zostanie wywołany ponownie.
status-finished = Sprawa została załatwiona.
status-no-show = Numer został wywołany, ale nikt nie podszedł. Proszę zapytać w punkcie informacyjnym.
status-cancelled = Ten numerek został anulowany.
status-not-found-heading = Nie znaleziono numerka
status-not-found = Ten numerek jest nieznany albo stracił ważność. Proszę zapytać w punkcie informacyjnym.
status-your-turn = Teraz kolej na ten numer: { $counter }
status-title-called = { $number } → { $counter }
status-leave = Wychodzę
status-leave-question = Anulować ten numerek? Miejsce w kolejce zostanie wtedy utracone.
status-leave-confirm = Tak, anuluj numerek
status-leave-keep = Nie, zostaję w kolejce
status-offline = W tej chwili brak połączenia. Strona sama się odświeży.
status-language = Język tej strony
status-appointment = Godzina wizyty: { $time }
status-appointment-late = Przybycie po godzinie wizyty: wywołanie nastąpi bez pierwszeństwa.

## Powiadomienia na telefonie (Web Push) i opinia po wizycie

notify-heading = Można poczekać na zewnątrz
notify-explain = { $ahead ->
    [one] Wyślemy powiadomienie na ten telefon, gdy przed tym numerem zostanie już tylko { $ahead } osoba, i gdy nadejdzie kolej. Działa to także wtedy, gdy ta strona jest zamknięta.
    [few] Wyślemy powiadomienie na ten telefon, gdy przed tym numerem zostaną już tylko { $ahead } osoby, i gdy nadejdzie kolej. Działa to także wtedy, gdy ta strona jest zamknięta.
    [many] Wyślemy powiadomienie na ten telefon, gdy przed tym numerem zostanie już tylko { $ahead } osób, i gdy nadejdzie kolej. Działa to także wtedy, gdy ta strona jest zamknięta.
   *[other] Wyślemy powiadomienie na ten telefon, gdy przed tym numerem zostanie już tylko { $ahead } osoby, i gdy nadejdzie kolej. Działa to także wtedy, gdy ta strona jest zamknięta.
}
notify-button = Powiadom mnie
notify-asking = Proszę zezwolić na powiadomienia.
notify-on = Powiadomienia są włączone. Można zamknąć tę stronę.
notify-off-button = Wyłącz powiadomienia
notify-off = Powiadomienia są wyłączone.
notify-denied = Ten telefon nie pozwala na powiadomienia z tej strony. Można to zmienić w ustawieniach przeglądarki. Albo proszę zostawić tę stronę otwartą: widać na niej, kiedy nadejdzie kolej.
notify-unsupported = Ta przeglądarka nie może odbierać powiadomień. Proszę zostawić tę stronę otwartą: widać na niej, kiedy nadejdzie kolej.
notify-home-screen = Na iPhonie lub iPadzie: proszę dotknąć „Udostępnij”, a potem „Do ekranu początkowego”. Potem proszę otworzyć stronę z ekranu początkowego. Wtedy możemy wysyłać powiadomienia.
notify-failed = Nie udało się włączyć powiadomień. Proszę zostawić tę stronę otwartą: widać na niej, kiedy nadejdzie kolej.
alert-button = Włącz tutaj dźwięk i wibracje
alert-on = Dźwięk i wibracje są włączone, dopóki ta strona jest otwarta.
feedback-question = Jak przebiegła wizyta?
feedback-rating-1 = Bardzo źle
feedback-rating-2 = Źle
feedback-rating-3 = Tak sobie
feedback-rating-4 = Dobrze
feedback-rating-5 = Bardzo dobrze
feedback-reasons = Co się zgadza? Można też nic nie zaznaczać.
feedback-reason-waited-long = Czekanie trwało długo.
feedback-reason-explained-well = Wszystko dobrze mi wyjaśniono.
feedback-reason-knew-documents = Było dla mnie jasne, jakie dokumenty przynieść.
feedback-reason-understood = Dobrze mnie rozumiano.
feedback-reason-friendly = Traktowano mnie życzliwie.
feedback-send = Wyślij
feedback-anonymous = Odpowiedź jest anonimowa. Nie zapisujemy jej razem z numerkiem.
feedback-thanks = Dziękujemy za opinię!

## Problems

error-unreachable = System kolejkowy jest teraz niedostępny. Proszę spróbować ponownie za chwilę lub zapytać w punkcie informacyjnym.
error-retrying = Automatycznie próbujemy dalej.
error-unknown-concern = Ta sprawa nie jest już dostępna. Proszę wybrać jeszcze raz.
error-not-found = Nie udało się tego znaleźć. Proszę zapytać w punkcie informacyjnym.
error-refused = Niestety, to się nie udało. Proszę zapytać w punkcie informacyjnym.

error-office-closed = Teraz jesteśmy zamknięci. Proszę przyjść w godzinach otwarcia.
error-cut-off-passed = Dziś nie wydajemy już nowych numerków. Proszę przyjść innego dnia.
error-quota-reached = Na dziś wszystkie numerki do tej sprawy zostały już wydane. Proszę przyjść innego dnia.

action-retry = Spróbuj ponownie
action-start-over = Zacznij od nowa

not-found-heading = Nie znaleziono strony
not-found-link = Do automatu kolejkowego

## The lobby call display (/display): headers in German and English, one line rotating through the other languages

display-heading = Teraz wywołujemy
display-number = Numer
display-counter = Stanowisko
display-again = ponowne wywołanie
display-appointment = Wizyta
display-waiting-heading = Oczekujący
display-waiting = { $count ->
    [0] nikt nie czeka
    [one] { $count } osoba czeka
    [few] { $count } osoby czekają
    [many] { $count } osób czeka
   *[other] { $count } osoby czeka
}
display-wait = ok. { $minutes } min
display-offline = brak połączenia
display-announce = Numer { $number }, proszę podejść do { $counter }.
display-announce-again = Ponownie numer { $number }, proszę podejść do { $counter }.
display-welcome = Witamy! Proszę pobrać numerek z automatu.
