# Interface texts of the Willkommen web app in Romanian.
# Every locales/<language>/main.ftl has exactly the message ids of locales/de/main.ftl.

screen-staff = Ghișeu
screen-admin = Administrare


## Settings bar, at the same place on every kiosk screen

settings-label = Citire și ascultare
settings-language = Limbă
settings-large-text = Text mare
settings-high-contrast = Contrast ridicat
settings-read-aloud = Citire cu voce tare
settings-stop-reading = Oprire citire
settings-repeat = Citire din nou
speech-no-voice = Acest automat nu are voce pentru limba „{ $language }”. Dacă aveți nevoie de ajutor, vă rugăm să întrebați la ghișeul de informații.
speech-unavailable = Acest automat nu poate citi cu voce tare. Dacă aveți nevoie de ajutor, vă rugăm să întrebați la ghișeul de informații.

nav-back = Înapoi
nav-start-over = De la început

## Welcome screen

welcome-greeting = Bine ați venit
welcome-start = Start
welcome-start-hint = Atingeți ecranul sau apăsați tasta Enter pentru a primi un bon de ordine.
welcome-open = Acum puteți lua un bon de ordine.
welcome-unavailable = Momentan nu se pot da bonuri de ordine. Vă rugăm să mergeți la ghișeul de informații.

## Choosing the language

language-heading = Alegeți limba
language-hint = Puteți schimba limba oricând cu butonul „Limbă” de mai jos.

## Choosing the concern

kiosk-choose-concern = Cu ce vă putem ajuta?
kiosk-choose-concern-hint = Atingeți motivul vizitei. Apoi primiți un bon de ordine.
kiosk-loading = Un moment, vă rugăm…
kiosk-issuing = Se pregătește bonul dumneavoastră…
kiosk-documents-count = { $count ->
    [0] Nu sunt necesare documente
    [one] Aduceți { $count } document
    [few] Aduceți { $count } documente
   *[other] Aduceți { $count } de documente
}
concern-not-sure = Nu știu ce să aleg
concern-not-sure-description = Primiți un bon pentru ghișeul de informații. Acolo vă ajutăm.

kiosk-closed = Acum suntem închiși.
kiosk-cut-off = Astăzi nu mai dăm bonuri noi. Îi servim încă pe toți cei care așteaptă.
kiosk-reopens = Bonuri de ordine din nou de la: { $time }.
kiosk-quota-reached = Pentru astăzi, toate bonurile de ordine au fost date.

## Programări: confirmarea sosirii cu numărul din confirmarea programării

appointment-have = Am o programare
appointment-have-description = Confirmați-vă aici sosirea la programare, cu numărul din confirmarea programării.
reference-heading = Introduceți numărul programării
reference-hint = Găsiți numărul în confirmarea programării. Spațiile și cratimele nu sunt necesare.
reference-scan-hint = Sau țineți codul QR din confirmarea programării în fața scanerului.
reference-label = Numărul programării:
reference-delete = Ștergeți un caracter
reference-clear = Ștergeți tot
reference-confirm = Căutați programarea mea
reference-looking-up = Căutăm programarea dumneavoastră …
reference-unknown = Nu găsim acest număr de programare. Vă rugăm să verificați numărul în confirmarea programării și să încercați din nou.
reference-slow-down = { $seconds ->
    [one] Aici s-au introdus mai multe numere necunoscute. Vă rugăm să așteptați { $seconds } secundă, apoi puteți încerca din nou.
    [few] Aici s-au introdus mai multe numere necunoscute. Vă rugăm să așteptați { $seconds } secunde, apoi puteți încerca din nou.
   *[other] Aici s-au introdus mai multe numere necunoscute. Vă rugăm să așteptați { $seconds } de secunde, apoi puteți încerca din nou.
}
appointment-heading = Programarea dumneavoastră
appointment-reference = Numărul programării: { $reference }
appointment-open = Vă puteți confirma sosirea acum. Mai întâi, spuneți-ne ce documente aveți la dumneavoastră.
appointment-too-early = Ați venit prea devreme. Vă puteți confirma sosirea începând de la: { $time }.
appointment-too-early-hint = Vă rugăm să reveniți atunci la acest automat. Până atunci puteți aștepta aici.
appointment-too-late = Din păcate, ora programării dumneavoastră a trecut.
appointment-late-walk-in = Puteți primi un bon de ordine fără programare pentru aceeași solicitare. Este posibil să așteptați mai mult.
appointment-late-information = Puteți primi un bon pentru ghișeul de informații. Acolo vă ajutăm.
appointment-cancelled = Această programare a fost anulată.
appointment-over = Această programare a trecut deja.
appointment-ask-information = Vă rugăm să întrebați la ghișeul de informații. Acolo vă ajutăm.
appointment-information-ticket = Bon pentru ghișeul de informații
appointment-checked-in-before = V-ați confirmat deja sosirea la această programare. Acesta este bonul dumneavoastră.
ticket-appointment = Programare la { $time }
error-check-in-too-early = Încă nu vă puteți confirma sosirea la această programare. Vă rugăm să încercați puțin mai târziu.
error-appointment-closed = Această programare a fost anulată sau a trecut deja. Vă rugăm să întrebați la ghișeul de informații.

## Document checklist

checklist-heading = Ce documente aveți la dumneavoastră?
checklist-hint = Pentru fiecare document, alegeți „Îl am la mine” sau „Nu îl am la mine”.
checklist-required = Obligatoriu
checklist-if-applicable = Doar dacă este cazul
checklist-have = Îl am la mine
checklist-missing = Nu îl am la mine
checklist-progress = Ați răspuns la { $answered } din { $total }
checklist-continue = Continuare

## Summary before the ticket

summary-heading = Rezumat
summary-have = Aveți la dumneavoastră
summary-missing = Lipsesc
summary-complete = Aveți toate documentele necesare.
summary-missing-required = { $count ->
    [one] Lipsește { $count } document obligatoriu. Puteți lua totuși un bon de ordine, dar atunci este posibil să nu putem rezolva solicitarea dumneavoastră astăzi.
    [few] Lipsesc { $count } documente obligatorii. Puteți lua totuși un bon de ordine, dar atunci este posibil să nu putem rezolva solicitarea dumneavoastră astăzi.
   *[other] Lipsesc { $count } de documente obligatorii. Puteți lua totuși un bon de ordine, dar atunci este posibil să nu putem rezolva solicitarea dumneavoastră astăzi.
}
summary-missing-if-applicable = Lipsesc documente care sunt necesare doar uneori. La ghișeu vă spunem dacă aveți nevoie de ele.
summary-take-ticket = Luați bonul de ordine
summary-print-checklist = Tipăriți lista și reveniți mai târziu
summary-checklist-printed = Lista se tipărește. Vă rugăm să o luați cu dumneavoastră.

## Ticket

ticket-heading = Numărul dumneavoastră
ticket-number-spoken = Numărul dumneavoastră este { $number }.
ticket-people-ahead = { $count ->
    [0] Urmați dumneavoastră.
    [one] Înaintea dumneavoastră mai este { $count } persoană.
    [few] Înaintea dumneavoastră mai sunt { $count } persoane.
   *[other] Înaintea dumneavoastră mai sunt { $count } de persoane.
}
ticket-wait = { $max ->
    [one] Timp de așteptare estimat: între { $min } și { $max } minut.
    [few] Timp de așteptare estimat: între { $min } și { $max } minute.
   *[other] Timp de așteptare estimat: între { $min } și { $max } de minute.
}
ticket-wait-hours = { $max ->
    [one] Timp de așteptare estimat: între { $min } și { $max } oră.
    [few] Timp de așteptare estimat: între { $min } și { $max } ore.
   *[other] Timp de așteptare estimat: între { $min } și { $max } de ore.
}
ticket-wait-unknown = Momentan nu putem estima timpul de așteptare.
ticket-wait-hint = Vă rugăm să așteptați până când numărul dumneavoastră apare pe ecran.
ticket-qr-hint = Scanați codul cu telefonul. Acolo vedeți când vine rândul dumneavoastră.
ticket-qr-label = Cod QR pentru numărul dumneavoastră { $number }
ticket-missing-heading = Nu uitați: lipsesc aceste documente
ticket-print = Tipăriți bonul
ticket-printing = Bonul se tipărește. Vă rugăm să îl luați.
ticket-done = Gata
ticket-issued-at = Eliberat: { $time }

## Inactivity warning

idle-heading = Mai sunteți aici?
idle-countdown = { $seconds ->
    [one] Peste { $seconds } secundă automatul o ia de la început și vă șterge răspunsurile.
    [few] Peste { $seconds } secunde automatul o ia de la început și vă șterge răspunsurile.
   *[other] Peste { $seconds } de secunde automatul o ia de la început și vă șterge răspunsurile.
}
idle-more-time = Am nevoie de mai mult timp

## The visitor's ticket page on their phone

status-heading = Numărul dumneavoastră
status-waiting = Sunteți în așteptare.
status-called = Este rândul dumneavoastră. Vă rugăm să veniți la ghișeu.
status-serving = Acum vă servim.
status-parked = Bonul dumneavoastră a fost pus în așteptare. Vă vom chema din nou.
status-finished = Solicitarea dumneavoastră a fost rezolvată.
status-no-show = V-am chemat, dar nu erați aici. Vă rugăm să întrebați la ghișeul de informații.
status-cancelled = Acest bon de ordine a fost anulat.
status-not-found-heading = Bonul nu a fost găsit
status-not-found = Nu cunoaștem acest bon sau a expirat. Vă rugăm să întrebați la ghișeul de informații.
status-your-turn = Este rândul dumneavoastră: { $counter }
status-title-called = { $number } → { $counter }
status-leave = Plec
status-leave-question = Doriți să anulați bonul de ordine? Atunci vă pierdeți locul la rând.
status-leave-confirm = Da, anulez bonul
status-leave-keep = Nu, îmi păstrez locul
status-offline = Momentan nu există conexiune. Pagina se va actualiza din nou automat.
status-language = Limba acestei pagini
status-appointment = Programarea dumneavoastră: { $time }
status-appointment-late = Ați venit după ora programării, de aceea veți fi chemat fără prioritate.

## Notificări pe telefon (Web Push) și părerea dumneavoastră după vizită

notify-heading = Puteți aștepta afară
notify-explain = { $ahead ->
    [one] Vă trimitem o notificare pe acest telefon când mai este doar { $ahead } persoană înaintea dumneavoastră și când vine rândul dumneavoastră. Funcționează și dacă această pagină este închisă.
    [few] Vă trimitem o notificare pe acest telefon când mai sunt doar { $ahead } persoane înaintea dumneavoastră și când vine rândul dumneavoastră. Funcționează și dacă această pagină este închisă.
   *[other] Vă trimitem o notificare pe acest telefon când mai sunt doar { $ahead } de persoane înaintea dumneavoastră și când vine rândul dumneavoastră. Funcționează și dacă această pagină este închisă.
}
notify-button = Anunțați-mă
notify-asking = Vă rugăm să permiteți notificările.
notify-on = Notificările sunt pornite. Puteți închide această pagină.
notify-off-button = Opriți notificările
notify-off = Notificările sunt oprite.
notify-denied = Acest telefon nu permite notificări de la această pagină. Puteți schimba asta în setările browserului. Sau lăsați această pagină deschisă: aici vedeți când vine rândul dumneavoastră.
notify-unsupported = Acest browser nu poate primi notificări. Lăsați această pagină deschisă: aici vedeți când vine rândul dumneavoastră.
notify-home-screen = Pe iPhone sau iPad: atingeți „Partajați” (Share), apoi „Adăugați pe ecranul principal” (Add to Home Screen). Deschideți pagina de acolo. Atunci vă putem trimite notificări.
notify-failed = Notificările nu au putut fi pornite. Lăsați această pagină deschisă: aici vedeți când vine rândul dumneavoastră.
alert-button = Porniți aici sunetul și vibrația
alert-on = Sunetul și vibrația sunt pornite cât timp această pagină este deschisă.
feedback-question = Cum a fost vizita dumneavoastră?
feedback-rating-1 = Foarte proastă
feedback-rating-2 = Proastă
feedback-rating-3 = Acceptabilă
feedback-rating-4 = Bună
feedback-rating-5 = Foarte bună
feedback-reasons = Ce se potrivește? Puteți să nu bifați nimic.
feedback-reason-waited-long = Am așteptat mult.
feedback-reason-explained-well = Mi s-a explicat totul bine.
feedback-reason-knew-documents = Știam ce documente trebuie să aduc.
feedback-reason-understood = M-au înțeles bine.
feedback-reason-friendly = Oamenii au fost amabili cu mine.
feedback-send = Trimiteți
feedback-anonymous = Răspunsul dumneavoastră este anonim. Nu este salvat împreună cu bonul dumneavoastră.
feedback-thanks = Vă mulțumim pentru părere!

## Problems

error-unreachable = Sistemul de bonuri nu este disponibil acum. Vă rugăm să încercați din nou peste puțin timp sau să întrebați la ghișeul de informații.
error-retrying = Încercăm din nou automat.
error-unknown-concern = Acest serviciu nu mai este oferit. Vă rugăm să alegeți din nou.
error-not-found = Nu am găsit ce căutați. Vă rugăm să întrebați la ghișeul de informații.
error-refused = Ne pare rău, nu a funcționat. Vă rugăm să întrebați la ghișeul de informații.

error-office-closed = Acum suntem închiși. Vă rugăm să reveniți în timpul programului.
error-cut-off-passed = Astăzi nu mai dăm bonuri noi. Vă rugăm să reveniți în altă zi.
error-quota-reached = Pentru acest serviciu, toate bonurile de astăzi au fost date. Vă rugăm să reveniți în altă zi.

action-retry = Încercați din nou
action-start-over = De la început

not-found-heading = Pagina nu a fost găsită
not-found-link = Mergeți la automatul de bonuri

## The lobby call display (/display): headers in German and English, one line rotating through the other languages

display-heading = Apel
display-number = Număr
display-counter = Ghișeu
display-again = apel repetat
display-appointment = Programare
display-waiting-heading = În așteptare
display-waiting = { $count ->
    [0] nu așteaptă nimeni
    [one] { $count } persoană așteaptă
    [few] { $count } persoane așteaptă
   *[other] { $count } de persoane așteaptă
}
display-wait = aprox. { $minutes } min
display-offline = fără conexiune
display-announce = Numărul { $number }, vă rugăm să veniți la { $counter }.
display-announce-again = Repetăm: numărul { $number }, vă rugăm să veniți la { $counter }.
display-welcome = Bine ați venit! Vă rugăm să luați un bon de ordine de la automat.
