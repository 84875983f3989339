# Interface texts of the Willkommen web app in Northern Kurdish (Kurmanji, Latin script).

screen-staff = Maseya karmendan
screen-admin = Rêveberî


## Settings bar, at the same place on every kiosk screen

settings-label = Xwendin û guhdarîkirin
settings-language = Ziman
settings-large-text = Nivîsa mezin
settings-high-contrast = Kontrasta bilind
settings-read-aloud = Xwendina bi deng
settings-stop-reading = Rawestandina xwendinê
settings-repeat = Dîsa xwendin
speech-no-voice = Di vê makîneyê de ji bo { $language } deng tune ye. Heke hûn alîkariyê dixwazin, ji kerema xwe li maseya agahdariyê bipirsin.
speech-unavailable = Ev makîne nikare bi deng bixwîne. Heke hûn alîkariyê dixwazin, ji kerema xwe li maseya agahdariyê bipirsin.

nav-back = Paşve
nav-start-over = Ji nû ve dest pê bikin

## Welcome screen

welcome-greeting = Bi xêr hatin
welcome-start = Dest pê bikin
welcome-start-hint = Ji bo ku hûn hejmareke dorê bistînin, dest bidin ekranê an jî bişkoka Enter bitikînin.
welcome-open = Niha hejmarên dorê têne dayîn.
welcome-unavailable = Niha hejmarên dorê nayên dayîn. Ji kerema xwe herin maseya agahdariyê.

## Choosing the language

language-heading = Zimanê xwe hilbijêrin
language-hint = Bi bişkoka zimên li jêr, hûn dikarin zimên her gav biguherînin.

## Choosing the concern

kiosk-choose-concern = Hûn ji bo çi hatine?
kiosk-choose-concern-hint = Li ser mijara xwe bitikînin. Paşê hûn hejmareke dorê distînin.
kiosk-loading = Ji kerema xwe kêliyekê bisekinin …
kiosk-issuing = Hejmara we ya dorê tê amadekirin …
kiosk-documents-count = { $count ->
    [0] Ti belge ne pêwîst e
    [one] 1 belge bînin
   *[other] { $count } belge bînin
}
concern-not-sure = Ez ne bawer im
concern-not-sure-description = Hûn ji bo maseya agahdariyê hejmareke dorê distînin. Li wir em ê alîkariya we bikin.

kiosk-closed = Em niha girtî ne.
kiosk-cut-off = Îro êdî hejmarên dorê yên nû nayên dayîn. Em hîn jî xizmeta hemû kesên ku li bendê ne dikin.
kiosk-reopens = Dayîna hejmarên dorê dîsa dest pê dike: { $time }.
kiosk-quota-reached = Ji bo vê mijarê hemû hejmarên dorê yên îro hatine dayîn.

## Randevû: hatina xwe bi hejmara ji pejirandina randevûyê tomar bikin

appointment-have = Randevûya min heye
appointment-have-description = Bi hejmara ji pejirandina randevûyê, li vir hatina xwe ji bo randevûya xwe tomar bikin.
reference-heading = Hejmara randevûya xwe binivîsin
reference-hint = Hûn hejmarê di pejirandina randevûyê de dibînin. Ne hewce ye ku hûn valahî û xêzikan binivîsin.
reference-scan-hint = An jî koda QR ya pejirandina randevûyê nêzî skanerê bikin.
reference-label = Hejmara randevûya we:
reference-delete = Tîpekê jê bibin
reference-clear = Hemûyî jê bibin
reference-confirm = Randevûya min bibînin
reference-looking-up = Em li randevûya we digerin …
reference-unknown = Em vê hejmara randevûyê nabînin. Ji kerema xwe hejmarê bi pejirandina randevûyê re bidin ber hev û dîsa biceribînin.
reference-slow-down = { $seconds ->
    [one] Li vir çend hejmarên nenas hatin nivîsandin. Ji kerema xwe 1 çirkeyê li bendê bin, paşê hûn dikarin dîsa biceribînin.
   *[other] Li vir çend hejmarên nenas hatin nivîsandin. Ji kerema xwe { $seconds } çirkeyan li bendê bin, paşê hûn dikarin dîsa biceribînin.
}
appointment-heading = Randevûya we
appointment-reference = Hejmara randevûyê: { $reference }
appointment-open = Hûn niha dikarin hatina xwe tomar bikin. Berê ji me re bibêjin ka kîjan belge bi we re ne.
appointment-too-early = Hûn zû hatine. Hûn dikarin ji vê demê şûnde hatina xwe tomar bikin: { $time }.
appointment-too-early-hint = Ji kerema xwe wê demê dîsa werin ba vê makîneyê. Heta wê demê hûn dikarin li vir li bendê bin.
appointment-too-late = Mixabin, dema randevûya we derbas bûye.
appointment-late-walk-in = Hûn dikarin ji bo heman karî hejmareke dorê bêyî randevû bistînin. Dibe ku hûn dirêjtir li bendê bimînin.
appointment-late-information = Hûn dikarin ji bo maseya agahdariyê hejmareke dorê bistînin. Li wir em ê alîkariya we bikin.
appointment-cancelled = Ev randevû hatiye betalkirin.
appointment-over = Dema vê randevûyê êdî derbas bûye.
appointment-ask-information = Ji kerema xwe li maseya agahdariyê bipirsin. Li wir em ê alîkariya we bikin.
appointment-information-ticket = Hejmara dorê ji bo maseya agahdariyê
appointment-checked-in-before = We berê ji bo vê randevûyê hatina xwe tomar kiriye. Ev hejmara we ya dorê ye.
ticket-appointment = Randevû { $time }
error-check-in-too-early = Hûn hîn nikarin ji bo vê randevûyê hatina xwe tomar bikin. Ji kerema xwe piştî demekê dîsa biceribînin.
error-appointment-closed = Ev randevû hatiye betalkirin an jî dema wê derbas bûye. Ji kerema xwe li maseya agahdariyê bipirsin.

## Document checklist

checklist-heading = Kîjan belge bi we re ne?
checklist-hint = Ji bo her belgeyê “Bi min re ye” an “Bi min re nîne” hilbijêrin.
checklist-required = Pêwîst e
checklist-if-applicable = Tenê heke bi we re têkildar be
checklist-have = Bi min re ye
checklist-missing = Bi min re nîne
checklist-progress = { $answered } ji { $total } hatine bersivandin
checklist-continue = Berdewam

## Summary before the ticket

summary-heading = Kurteya we
summary-have = Ev bi we re ne
summary-missing = Ev kêm in
summary-complete = Hemû belgeyên pêwîst bi we re ne.
summary-missing-required = { $count ->
    [one] 1 belgeya pêwîst kêm e. Dîsa jî hûn dikarin hejmareke dorê bistînin. Bêyî vê belgeyê dibe ku em nikaribin îro karê we biqedînin.
   *[other] { $count } belgeyên pêwîst kêm in. Dîsa jî hûn dikarin hejmareke dorê bistînin. Bêyî van belgeyan dibe ku em nikaribin îro karê we biqedînin.
}
summary-missing-if-applicable = Hin belgeyên ku tenê carinan pêwîst in kêm in. Li gîşeyê em ê ji we re bibêjin ka hûn hewceyî wan in an na.
summary-take-ticket = Hejmara dorê bistînin
summary-print-checklist = Lîsteyê çap bikin û paşê dîsa werin
summary-checklist-printed = Lîsteya we tê çapkirin. Ji kerema xwe wê bi xwe re bibin.

## Ticket

ticket-heading = Hejmara we ya dorê
ticket-number-spoken = Hejmara we ya dorê { $number } e.
ticket-people-ahead = { $count ->
    [0] Kes li pêşiya we nîne.
    [one] 1 kes li pêşiya we ye.
   *[other] { $count } kes li pêşiya we ne.
}
ticket-wait = Dema bendemayînê ya texmînkirî: { $min } heta { $max } deqîqe.
ticket-wait-hours = Dema bendemayînê ya texmînkirî: { $min } heta { $max } saet.
ticket-wait-unknown = Em hîn nikarin dema bendemayînê texmîn bikin.
ticket-wait-hint = Ji kerema xwe li bendê bin heta ku hejmara we li ser ekranê xuya bibe.
ticket-qr-hint = Kodê bi telefona xwe skan bikin. Li wir hûn ê bibînin ka dora we kengê tê.
ticket-qr-label = Koda QR ji bo hejmara dorê { $number }
ticket-missing-heading = Ji bîr nekin: ev belge kêm in
ticket-print = Hejmara dorê çap bikin
ticket-printing = Hejmara we ya dorê tê çapkirin. Ji kerema xwe wê bi xwe re bibin.
ticket-done = Temam
ticket-issued-at = Hate dayîn: { $time }

## Inactivity warning

idle-heading = Hûn hîn li vir in?
idle-countdown = { $seconds ->
    [one] Di 1 çirkeyê de makîne ji nû ve dest pê dike û agahiyên we jê dibe.
   *[other] Di { $seconds } çirkeyan de makîne ji nû ve dest pê dike û agahiyên we jê dibe.
}
idle-more-time = Ji min re bêtir dem lazim e

## The visitor's ticket page on their phone

status-heading = Hejmara we ya dorê
status-waiting = Hûn di rêzê de ne.
status-called = Dora we ye. Ji kerema xwe werin gîşeyê.
status-serving = Niha karê we tê kirin.
status-parked = Hejmara we ya dorê hate paşxistin. Hûn ê dîsa bên gazîkirin.
status-finished = Karê we qediya.
status-no-show = Hûn hatin gazîkirin, lê hûn ne li wir bûn. Ji kerema xwe li maseya agahdariyê bipirsin.
status-cancelled = Ev hejmara dorê hate betalkirin.
status-not-found-heading = Hejmara dorê nehate dîtin
status-not-found = Em vê hejmara dorê nas nakin, an jî dema wê derbas bûye. Ji kerema xwe li maseya agahdariyê bipirsin.
status-your-turn = Dora we ye: { $counter }
status-title-called = { $number } → { $counter }
status-leave = Ez diçim
status-leave-question = Hûn dixwazin hejmara xwe ya dorê betal bikin? Wê demê cihê we di rêzê de winda dibe.
status-leave-confirm = Erê, ez hejmara xwe betal dikim
status-leave-keep = Na, ez di rêzê de dimînim
status-offline = Niha girêdan tune. Ev rûpel dê bixweber dîsa bê nûkirin.
status-language = Zimanê vê rûpelê
status-appointment = Randevûya we: { $time }
status-appointment-late = Hûn piştî dema randevûya xwe hatin, ji ber vê yekê hûn bê pêşanî têne gazîkirin.

## Agahdarî li ser telefonê (Web Push) û nêrîna we piştî serdanê

notify-heading = Li derve li bendê bin
notify-explain = { $ahead ->
    [one] Gava ku tenê 1 kes li pêşiya we bimîne, û gava ku dora we bê, em ê li ser vê telefonê we agahdar bikin. Heke ev rûpel girtî be jî.
   *[other] Gava ku tenê { $ahead } kes li pêşiya we bimînin, û gava ku dora we bê, em ê li ser vê telefonê we agahdar bikin. Heke ev rûpel girtî be jî.
}
notify-button = Min agahdar bikin
notify-asking = Ji kerema xwe destûrê bidin agahdariyan.
notify-on = Agahdarî vekirî ne. Hûn dikarin vê rûpelê bigirin.
notify-off-button = Agahdariyan vemirînin
notify-off = Agahdarî hatin vemirandin.
notify-denied = Ev telefon destûrê nade agahdariyên ji vê rûpelê. Hûn dikarin vê di mîhengên gerokê de biguherînin. An jî vê rûpelê vekirî bihêlin: li vir hûn dibînin ka dora we kengê tê.
notify-unsupported = Ev gerok nikare agahdariyan bistîne. Vê rûpelê vekirî bihêlin: li vir hûn dibînin ka dora we kengê tê.
notify-home-screen = Li ser iPhone an iPadê: li “Parve bike” (Share) bitikînin, paşê li “Li ekrana destpêkê zêde bike” (Add to Home Screen). Rûpelê ji wir vekin. Wê demê em dikarin we agahdar bikin.
notify-failed = Agahdarî nehatin vekirin. Vê rûpelê vekirî bihêlin: li vir hûn dibînin ka dora we kengê tê.
alert-button = Deng û lerizînê li vir vekin
alert-on = Heta ku ev rûpel vekirî be, deng û lerizîn vekirî ne.
feedback-question = Serdana we çawa bû?
feedback-rating-1 = Gelek xirab
feedback-rating-2 = Xirab
feedback-rating-3 = Ne baş, ne xirab
feedback-rating-4 = Baş
feedback-rating-5 = Gelek baş
feedback-reasons = Kîjan rast e? Hûn dikarin tiştekî nîşan nekin jî.
feedback-reason-waited-long = Ez demeke dirêj li bendê mam.
feedback-reason-explained-well = Her tişt ji min re baş hate ravekirin.
feedback-reason-knew-documents = Min dizanî ku divê ez kîjan belgeyan bînim.
feedback-reason-understood = Min karî xwe baş bidim fêmkirin.
feedback-reason-friendly = Bi min re bi dilovanî tevgeriyan.
feedback-send = Bişînin
feedback-anonymous = Bersiva we bênav e. Ew bi hejmara we ya dorê re nayê tomarkirin.
feedback-thanks = Ji bo nêrîna we gelek spas!

## Problems

error-unreachable = Niha em nikarin xwe bigihînin pergala dorê. Ji kerema xwe piştî kêliyekê dîsa biceribînin an jî li maseya agahdariyê bipirsin.
error-retrying = Em bixweber dîsa diceribînin.
error-unknown-concern = Ev mijar êdî tune ye. Ji kerema xwe dîsa hilbijêrin.
error-not-found = Me ev nedît. Ji kerema xwe li maseya agahdariyê bipirsin.
error-refused = Mixabin, ev bi ser neket. Ji kerema xwe li maseya agahdariyê bipirsin.

error-office-closed = Em niha girtî ne. Ji kerema xwe di saetên vekirinê de dîsa werin.
error-cut-off-passed = Îro êdî hejmarên dorê yên nû nayên dayîn. Ji kerema xwe rojeke din werin.
error-quota-reached = Ji bo vê mijarê hemû hejmarên dorê yên îro hatine dayîn. Ji kerema xwe rojeke din werin.

action-retry = Dîsa biceribînin
action-start-over = Ji nû ve dest pê bikin

not-found-heading = Rûpel nehate dîtin
not-found-link = Herin makîneya hejmarên dorê

## The lobby call display (/display): headers in German and English, one line rotating through the other languages

display-heading = Gazîkirin
display-number = Hejmar
display-counter = Gîşe
display-again = dîsa gazîkirin
display-appointment = Randevû
display-waiting-heading = Li bendê
display-waiting = { $count ->
    [0] kes li bendê nîne
    [one] 1 kes li bendê ye
   *[other] { $count } kes li bendê ne
}
display-wait = nêzîkî { $minutes } deqîqe
display-offline = girêdan tune
display-announce = Hejmara dorê { $number }, ji kerema xwe werin { $counter }.
display-announce-again = Careke din: hejmara dorê { $number }, ji kerema xwe werin { $counter }.
display-welcome = Bi xêr hatin! Ji kerema xwe ji makîneyê hejmareke dorê bistînin.
