# Interface texts of the Willkommen web app in Tigrinya (Ge'ez script).

screen-staff = ሰራሕተኛታት
screen-admin = ምምሕዳር


## Settings bar, at the same place on every kiosk screen

settings-label = ምንባብን ምስማዕን
settings-language = ቋንቋ
settings-large-text = ዓቢ ፊደል
settings-high-contrast = ልዑል ፍልልይ ሕብሪ
settings-read-aloud = ብድምጺ ምንባብ
settings-stop-reading = ንባብ ምቁራጽ
settings-repeat = እንደገና ምንባብ
speech-no-voice = እዚ ማሽን ንቋንቋ { $language } ድምጺ የብሉን። ሓገዝ እንተደሊኹም፣ በጃኹም ኣብ መደበር ሓበሬታ ሕተቱ።
speech-unavailable = እዚ ማሽን ብድምጺ ከንብብ ኣይክእልን እዩ። ሓገዝ እንተደሊኹም፣ በጃኹም ኣብ መደበር ሓበሬታ ሕተቱ።

nav-back = ንድሕሪት
nav-start-over = ካብ መጀመርታ ጀምሩ

## Welcome screen

welcome-greeting = እንቋዕ ብደሓን መጻእኹም
welcome-start = ጀምሩ
welcome-start-hint = ቁጽሪ ተራ ንምውሳድ፣ ነቲ ስክሪን ተንክፉ ወይ ድማ መጠወቒ Enter ጠውቑ።
welcome-open = ሕጂ ቁጽሪ ተራ ክትወስዱ ትኽእሉ ኢኹም።
welcome-unavailable = ሕጂ ቁጽሪ ተራ ኣይውሃብን እዩ። በጃኹም ናብ መደበር ሓበሬታ ኪዱ።

## Choosing the language

language-heading = ቋንቋኹም ምረጹ
language-hint = ኣብ ታሕቲ ብዘሎ መጠወቒ ቋንቋ፣ ቋንቋ ኣብ ዝኾነ ግዜ ክትቕይሩ ትኽእሉ ኢኹም።

## Choosing the concern

kiosk-choose-concern = ብዛዕባ እንታይ ጉዳይ መጺኹም?
kiosk-choose-concern-hint = ኣብ ጉዳይኩም ጠውቑ። ድሕሪኡ ቁጽሪ ተራ ክወሃበኩም እዩ።
kiosk-loading = በጃኹም ቁሩብ ተጸበዩ …
kiosk-issuing = ቁጽሪ ተራኹም ይዳሎ ኣሎ …
kiosk-documents-count = { $count ->
    [0] ዝኾነ ሰነድ ኣየድልን
    [one] { $count } ሰነድ ኣምጽኡ
   *[other] { $count } ሰነዳት ኣምጽኡ
}
concern-not-sure = ርግጸኛ ኣይኮንኩን
concern-not-sure-description = ናይ መደበር ሓበሬታ ቁጽሪ ተራ ክወሃበኩም እዩ። ኣብኡ ክንሕግዘኩም ኢና።

kiosk-closed = ሕጂ ዕጹዋት ኢና።
kiosk-cut-off = ሎሚ ደጊም ሓድሽ ቁጽሪ ተራ ኣይውሃብን። ንኹሎም ዝጽበዩ ዘለዉ ሰባት ግን ገና ነገልግል ኣለና።
kiosk-reopens = ቁጽሪ ተራ እንደገና ዝወሃበሉ ግዜ: { $time }።
kiosk-quota-reached = ናይዚ ጉዳይ ናይ ሎሚ ቁጽሪ ተራ ኩሉ ተወዲኡ እዩ።

## ቆጸራ: ብቑጽሪ መረጋገጺ ቆጸራ ምምጻእኩም ምምዝጋብ

appointment-have = ቆጸራ ኣለኒ
appointment-have-description = ብቑጽሪ መረጋገጺ ቆጸራኹም ኣብዚ ንቆጸራኹም ምምጻእኩም ኣመዝግቡ።
reference-heading = ቁጽሪ ቆጸራኹም ኣእትዉ
reference-hint = እቲ ቁጽሪ ኣብ መረጋገጺ ቆጸራኹም ይርከብ። ባዶ ቦታታትን መስመራትን ምእታው ኣየድልን።
reference-scan-hint = ወይ ድማ ናይ መረጋገጺ ቆጸራኹም QR ኮድ ናብቲ ስካነር ኣቕርብዎ።
reference-label = ቁጽሪ ቆጸራኹም:
reference-delete = ሓደ ፊደል ደምስሱ
reference-clear = ኩሉ ደምስሱ
reference-confirm = ቆጸራይ ድለዩ
reference-looking-up = ቆጸራኹም ንደሊ ኣለና …
reference-unknown = ነዚ ቁጽሪ ቆጸራ ክንረኽቦ ኣይከኣልናን። በጃኹም ነቲ ቁጽሪ ምስ መረጋገጺ ቆጸራኹም ኣነጻጽሩ፣ ደጊምኩም ድማ ፈትኑ።
reference-slow-down = { $seconds ->
    [one] ኣብዚ ብዙሓት ዘይፍለጡ ቁጽሪታት ኣትዮም። በጃኹም { $seconds } ካልኢት ተጸበዩ፣ ድሕሪኡ ደጊምኩም ክትፍትኑ ትኽእሉ ኢኹም።
   *[other] ኣብዚ ብዙሓት ዘይፍለጡ ቁጽሪታት ኣትዮም። በጃኹም { $seconds } ካልኢታት ተጸበዩ፣ ድሕሪኡ ደጊምኩም ክትፍትኑ ትኽእሉ ኢኹም።
}
appointment-heading = ቆጸራኹም
appointment-reference = ቁጽሪ ቆጸራ: { $reference }
appointment-open = ሕጂ ምምጻእኩም ከተመዝግቡ ትኽእሉ ኢኹም። ቅድሚኡ ኣየኖት ሰነዳት ሒዝኩም ከም ዘለኹም ንገሩና።
appointment-too-early = ኣቐዲምኩም መጺኹም። ካብዚ ግዜ ጀሚርኩም ምምጻእኩም ከተመዝግቡ ትኽእሉ ኢኹም: { $time }።
appointment-too-early-hint = በጃኹም ሽዑ ናብዚ ማሽን ተመለሱ። ክሳብ ሽዑ ኣብዚ ክትጽበዩ ትኽእሉ ኢኹም።
appointment-too-late = ይቕሬታ፣ ግዜ ቆጸራኹም ሓሊፉ እዩ።
appointment-late-walk-in = ንተመሳሳሊ ጉዳይ ብዘይ ቆጸራ ቁጽሪ ተራ ክትወስዱ ትኽእሉ ኢኹም። ምናልባት ዝያዳ ክትጽበዩ ትኽእሉ ኢኹም።
appointment-late-information = ናይ መደበር ሓበሬታ ቁጽሪ ተራ ክትወስዱ ትኽእሉ ኢኹም። ኣብኡ ክንሕግዘኩም ኢና።
appointment-cancelled = እዚ ቆጸራ ተሰሪዙ እዩ።
appointment-over = ግዜ እዚ ቆጸራ ሓሊፉ እዩ።
appointment-ask-information = በጃኹም ኣብ መደበር ሓበሬታ ሕተቱ። ኣብኡ ክንሕግዘኩም ኢና።
appointment-information-ticket = ናይ መደበር ሓበሬታ ቁጽሪ ተራ
appointment-checked-in-before = ንዚ ቆጸራ ምምጻእኩም ድሮ ኣመዝጊብኩም ኢኹም። እዚ ቁጽሪ ተራኹም እዩ።
ticket-appointment = ቆጸራ { $time }
error-check-in-too-early = ንዚ ቆጸራ ገና ምምጻእኩም ከተመዝግቡ ኣይትኽእሉን ኢኹም። በጃኹም ቁሩብ ጸኒሕኩም ደጊምኩም ፈትኑ።
error-appointment-closed = እዚ ቆጸራ ተሰሪዙ ወይ ግዜኡ ሓሊፉ እዩ። በጃኹም ኣብ መደበር ሓበሬታ ሕተቱ።

## Document checklist

checklist-heading = ኣየኖት ሰነዳት ሒዝኩም ኣለኹም?
checklist-hint = ንነፍሲ ወከፍ ሰነድ «ሒዘዮ ኣለኹ» ወይ «ኣይሓዝኩዎን» ምረጹ።
checklist-required = ግድን የድሊ
checklist-if-applicable = ንዓኹም ዝምልከት እንተኾይኑ ጥራይ
checklist-have = ሒዘዮ ኣለኹ
checklist-missing = ኣይሓዝኩዎን
checklist-progress = { $answered } ካብ { $total } ተመሊሱ
checklist-continue = ቀጽሉ

## Summary before the ticket

summary-heading = ጽማቕኹም
summary-have = ምሳኹም ዘሎ
summary-missing = ዝጎደለ
summary-complete = ኩሎም ዘድልዩ ሰነዳት ሒዝኩም ኣለኹም።
summary-missing-required = { $count ->
    [one] { $count } ዘድሊ ሰነድ ጎዲሉ ኣሎ። ዋላ እንተኾነ ቁጽሪ ተራ ክትወስዱ ትኽእሉ ኢኹም። ብዘይ እዚ ሰነድ ግን ምናልባት ጉዳይኩም ሎሚ ክንዛዝሞ ኣይንኽእልን ኢና።
   *[other] { $count } ዘድልዩ ሰነዳት ጎዲሎም ኣለዉ። ዋላ እንተኾነ ቁጽሪ ተራ ክትወስዱ ትኽእሉ ኢኹም። ብዘይ እዞም ሰነዳት ግን ምናልባት ጉዳይኩም ሎሚ ክንዛዝሞ ኣይንኽእልን ኢና።
}
summary-missing-if-applicable = ሓደ ሓደ ግዜ ጥራይ ዘድልዩ ሰነዳት ጎዲሎም ኣለዉ። የድልዩኹም እንተኾይኖም ኣብ መስኮት ክንነግረኩም ኢና።
summary-take-ticket = ቁጽሪ ተራ ውሰዱ
summary-print-checklist = ዝርዝር ሕተሙ፣ ደሓር ተመለሱ
summary-checklist-printed = ዝርዝርኩም ይሕተም ኣሎ። በጃኹም ውሰድዎ።

## Ticket

ticket-heading = ቁጽሪ ተራኹም
ticket-number-spoken = ቁጽሪ ተራኹም { $number } እዩ።
ticket-people-ahead = { $count ->
    [0] ዝቕጽል ተራ ናትኩም እዩ።
    [one] ቅድሜኹም { $count } ሰብ ኣሎ።
   *[other] ቅድሜኹም { $count } ሰባት ኣለዉ።
}
ticket-wait = ግምታዊ ግዜ ምጽባይ: ካብ { $min } ክሳብ { $max } ደቓይቕ።
ticket-wait-hours = ግምታዊ ግዜ ምጽባይ: ካብ { $min } ክሳብ { $max } ሰዓታት።
ticket-wait-unknown = ግዜ ምጽባይ ገና ክንግምቶ ኣይከኣልናን።
ticket-wait-hint = በጃኹም ቁጽርኹም ኣብ ስክሪን ክሳብ ዝርአ ተጸበዩ።
ticket-qr-hint = ነዚ ኮድ ብሞባይልኩም ስካን ግበርዎ። ኣብኡ ተራኹም መዓስ ከም ዝበጽሕ ክትርእዩ ኢኹም።
ticket-qr-label = QR ኮድ ናይ ቁጽሪ ተራኹም { $number }
ticket-missing-heading = ዘክሩ: እዞም ሰነዳት ጎዲሎም ኣለዉ
ticket-print = ቁጽሪ ተራ ሕተሙ
ticket-printing = ቁጽሪ ተራኹም ይሕተም ኣሎ። በጃኹም ውሰድዎ።
ticket-done = ተወዲኡ
ticket-issued-at = ዝተዋህበሉ ግዜ: { $time }

## Inactivity warning

idle-heading = ገና ኣብዚ ኣለኹም ዶ?
idle-countdown = { $seconds ->
    [one] ኣብ ውሽጢ { $seconds } ካልኢት እዚ ማሽን ካብ መጀመርታ ክጅምር እዩ፣ ዝሃብኩምዎ ሓበሬታ ድማ ክድምስስ እዩ።
   *[other] ኣብ ውሽጢ { $seconds } ካልኢታት እዚ ማሽን ካብ መጀመርታ ክጅምር እዩ፣ ዝሃብኩምዎ ሓበሬታ ድማ ክድምስስ እዩ።
}
idle-more-time = ተወሳኺ ግዜ የድልየኒ

## The visitor's ticket page on their phone

status-heading = ቁጽሪ ተራኹም
status-waiting = ኣብ መስርዕ ኣለኹም።
status-called = ተራኹም እዩ። በጃኹም ናብ መስኮት ንዑ።
status-serving = ሕጂ ኣገልግሎት ይወሃበኩም ኣሎ።
status-parked = ቁጽሪ ተራኹም ንግዜኡ ደው ኢሉ ኣሎ። ደጊምኩም ክትጽውዑ ኢኹም።
status-finished = ጉዳይኩም ተዛዚሙ እዩ።
status-no-show = ተጸዊዕኩም ነይርኩም፣ ግን ኣብኡ ኣይነበርኩምን። በጃኹም ኣብ መደበር ሓበሬታ ሕተቱ።
status-cancelled = እዚ ቁጽሪ ተራ ተሰሪዙ እዩ።
status-not-found-heading = ቁጽሪ ተራ ኣይተረኽበን
status-not-found = ነዚ ቁጽሪ ተራ ኣይንፈልጦን፣ ወይ ድማ ግዜኡ ሓሊፉ እዩ። በጃኹም ኣብ መደበር ሓበሬታ ሕተቱ።
status-your-turn = ተራኹም እዩ: { $counter }
status-title-called = { $number } → { $counter }
status-leave = ይኸይድ ኣለኹ
status-leave-question = ቁጽሪ ተራኹም ክትሰርዝዎ ትደልዩ ዶ? ሽዑ ቦታኹም ኣብ መስርዕ ክጠፍእ እዩ።
status-leave-confirm = እወ፣ ቁጽሪ ተራይ ክሰርዝ እደሊ
status-leave-keep = ኣይፋል፣ ቦታይ ክዕቅብ እደሊ
status-offline = ሕጂ ምትእስሳር የለን። እዚ ገጽ ባዕሉ እንደገና ክሕደስ እዩ።
status-language = ቋንቋ ናይዚ ገጽ
status-appointment = ቆጸራኹም: { $time }
status-appointment-late = ድሕሪ ሰዓት ቆጸራኹም መጺእኩም፣ ስለዚ ብዘይ ቀዳምነት ክጽዋዕ ኢኹም።

## መልእኽቲ ኣብ ሞባይል (Web Push)፣ ድሕሪ ምብጻሕኩም ርእይቶ

notify-heading = ኣብ ደገ ተጸበዩ
notify-explain = { $ahead ->
    [one] ቅድሜኹም { $ahead } ሰብ ጥራይ ምስ ተረፈ፣ ከምኡ ድማ ተራኹም ምስ በጽሐ፣ ናብዚ ሞባይል መልእኽቲ ክንሰደልኩም ኢና። እዚ ገጽ እንተተዓጽወ እውን ይሰርሕ እዩ።
   *[other] ቅድሜኹም { $ahead } ሰባት ጥራይ ምስ ተረፉ፣ ከምኡ ድማ ተራኹም ምስ በጽሐ፣ ናብዚ ሞባይል መልእኽቲ ክንሰደልኩም ኢና። እዚ ገጽ እንተተዓጽወ እውን ይሰርሕ እዩ።
}
notify-button = መልእኽቲ ስደዱለይ
notify-asking = በጃኹም ንመልእኽቲ ፍቓድ ሃቡ።
notify-on = መልእኽቲ ተኸፊቱ ኣሎ። ነዚ ገጽ ክትዓጽውዎ ትኽእሉ ኢኹም።
notify-off-button = መልእኽቲ ዕጸዉ
notify-off = መልእኽቲ ተዓጽዩ ኣሎ።
notify-denied = እዚ ሞባይል ካብዚ ገጽ መልእኽቲ ኣይፈቅድን እዩ። ነዚ ኣብ ቅጥዕታት (Settings) ናይቲ ብራውዘር ክትቕይርዎ ትኽእሉ ኢኹም። ወይ ድማ ነዚ ገጽ ክፉት ግደፍዎ: ተራኹም መዓስ ከም ዝበጽሕ ኣብዚ ክትርእዩ ኢኹም።
notify-unsupported = እዚ ብራውዘር መልእኽቲ ክቕበል ኣይክእልን እዩ። ነዚ ገጽ ክፉት ግደፍዎ: ተራኹም መዓስ ከም ዝበጽሕ ኣብዚ ክትርእዩ ኢኹም።
notify-home-screen = ኣብ iPhone ወይ iPad: ኣብ «ኣካፍል» (Share) ጠውቑ፣ ድሕሪኡ ኣብ «ናብ ቀንዲ ስክሪን ወስኽ» (Add to Home Screen)። ድሕሪኡ ነቲ ገጽ ካብኡ ክፈትዎ። ሽዑ መልእኽቲ ክንሰደልኩም ንኽእል ኢና።
notify-failed = መልእኽቲ ክኽፈት ኣይከኣለን። ነዚ ገጽ ክፉት ግደፍዎ: ተራኹም መዓስ ከም ዝበጽሕ ኣብዚ ክትርእዩ ኢኹም።
alert-button = ኣብዚ ድምጽን ምንቅጥቃጥን ክፈቱ
alert-on = እዚ ገጽ ክፉት ክሳብ ዘሎ፣ ድምጽን ምንቅጥቃጥን ክፉታት እዮም።
feedback-question = ምብጻሕኩም ከመይ ነይሩ?
feedback-rating-1 = ኣዝዩ ሕማቕ
feedback-rating-2 = ሕማቕ
feedback-rating-3 = ማእከላይ
feedback-rating-4 = ጽቡቕ
feedback-rating-5 = ኣዝዩ ጽቡቕ
feedback-reasons = ኣየኖት ይሰማምዑ? ዋላ ሓደ ከይመረጽኩም እውን ክትሰዱ ትኽእሉ ኢኹም።
feedback-reason-waited-long = ነዊሕ ተጸበኹ።
feedback-reason-explained-well = ኩሉ ብጽቡቕ ተገሊጹለይ።
feedback-reason-knew-documents = ኣየኖት ሰነዳት ከም ዘምጽእ ፈሊጠ ነይረ።
feedback-reason-understood = ሓሳበይ ብጽቡቕ ከረድእ ክኢለ።
feedback-reason-friendly = ምሳይ ሕያዋት ነይሮም።
feedback-send = ስደዱ
feedback-anonymous = መልስኹም ብዘይ ስም እዩ። ምስ ቁጽሪ ተራኹም ኣይዕቀብን እዩ።
feedback-thanks = ስለ ርእይቶኹም የቐንየልና!

## Problems

error-unreachable = ስርዓት ተራ ሕጂ ክርከብ ኣይከኣለን። በጃኹም ድሕሪ ቁሩብ ደጊምኩም ፈትኑ ወይ ኣብ መደበር ሓበሬታ ሕተቱ።
error-retrying = ብኣውቶማቲክ ምፍታን ንቕጽል ኣለና።
error-unknown-concern = እዚ ጉዳይ ደጊም የለን። በጃኹም ደጊምኩም ምረጹ።
error-not-found = እዚ ክንረኽቦ ኣይከኣልናን። በጃኹም ኣብ መደበር ሓበሬታ ሕተቱ።
error-refused = ይቕሬታ፣ እዚ ኣይሰለጠን። በጃኹም ኣብ መደበር ሓበሬታ ሕተቱ።

error-office-closed = ሕጂ ዕጹዋት ኢና። በጃኹም ኣብ ሰዓታት ስራሕ ተመለሱ።
error-cut-off-passed = ሎሚ ደጊም ሓድሽ ቁጽሪ ተራ ኣይውሃብን። በጃኹም ካልእ መዓልቲ ተመለሱ።
error-quota-reached = ናይዚ ጉዳይ ናይ ሎሚ ቁጽሪ ተራ ኩሉ ተወዲኡ እዩ። በጃኹም ካልእ መዓልቲ ተመለሱ።

action-retry = ደጊምኩም ፈትኑ
action-start-over = ካብ መጀመርታ ጀምሩ

not-found-heading = እዚ ገጽ ኣይተረኽበን
not-found-link = ናብ ማሽን ቁጽሪ ተራ ኪዱ

## The lobby call display (/display): headers in German and English, one line rotating through the other languages

display-heading = ጻውዒት
display-number = ቁጽሪ
display-counter = መስኮት
display-again = ዳግማይ ጻውዒት
display-appointment = ቆጸራ
display-waiting-heading = ዝጽበዩ ዘለዉ
display-waiting = { $count ->
    [0] ዝጽበ ሰብ የለን
    [one] { $count } ሰብ ይጽበ ኣሎ
   *[other] { $count } ሰባት ይጽበዩ ኣለዉ
}
display-wait = ኣስታት { $minutes } ደቓይቕ
display-offline = ምትእስሳር የለን
display-announce = ቁጽሪ { $number }፣ በጃኹም ናብ { $counter } ንዑ።
display-announce-again = ደጊምና ንጽውዕ: ቁጽሪ { $number }፣ በጃኹም ናብ { $counter } ንዑ።
display-welcome = እንቋዕ ብደሓን መጻእኹም! በጃኹም ካብቲ ማሽን ቁጽሪ ተራ ውሰዱ።
