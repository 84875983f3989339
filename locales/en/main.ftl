# Interface texts of the Willkommen web app in English.
# Every locales/<language>/main.ftl has exactly the message ids of locales/de/main.ftl.

screen-staff = Staff desk
screen-admin = Administration


## Settings bar, at the same place on every kiosk screen

settings-label = Reading and listening
settings-language = Language
settings-large-text = Large text
settings-high-contrast = High contrast
settings-read-aloud = Read aloud
settings-stop-reading = Stop reading
settings-repeat = Read again
speech-no-voice = This kiosk has no voice for { $language }. Please ask at the information desk if you need help.
speech-unavailable = This kiosk cannot read aloud. Please ask at the information desk if you need help.

nav-back = Back
nav-start-over = Start over

## Welcome screen

welcome-greeting = Welcome
welcome-start = Start
welcome-start-hint = Touch the screen or press Enter to get a queue ticket.
welcome-open = Queue tickets are available now.
welcome-unavailable = Tickets cannot be issued right now. Please go to the information desk.

## Choosing the language

language-heading = Choose your language
language-hint = You can change the language at any time with the language button below.

## Choosing the concern

kiosk-choose-concern = What can we help you with?
kiosk-choose-concern-hint = Tap what you came for. Then you get a queue ticket.
kiosk-loading = One moment, please …
kiosk-issuing = Making your ticket …
kiosk-documents-count = { $count ->
    [0] No documents needed
    [one] Bring 1 document
   *[other] Bring { $count } documents
}
concern-not-sure = I am not sure
concern-not-sure-description = Get a ticket for the information desk. We will help you there.

kiosk-closed = We are closed right now.
kiosk-cut-off = No new tickets today. We are still serving everyone who is waiting.
kiosk-reopens = Tickets again from: { $time }.
kiosk-quota-reached = All of today's tickets for this are taken.

## Appointments: checking in with the number from the booking confirmation

appointment-have = I have an appointment
appointment-have-description = Check in for your appointment here with the number from your booking confirmation.
reference-heading = Enter your appointment number
reference-hint = You will find the number in your booking confirmation. You can leave out spaces and dashes.
reference-scan-hint = Or hold the QR code of your booking confirmation to the scanner.
reference-label = Your appointment number:
reference-delete = Delete character
reference-clear = Delete all
reference-confirm = Find my appointment
reference-looking-up = Looking for your appointment …
reference-unknown = We cannot find this appointment number. Please check the number in your booking confirmation and try again.
reference-slow-down = { $seconds ->
    [one] Several unknown numbers were entered here. Please wait 1 second, then you can try again.
   *[other] Several unknown numbers were entered here. Please wait { $seconds } seconds, then you can try again.
}
appointment-heading = Your appointment
appointment-reference = Appointment number: { $reference }
appointment-open = You can check in now. First, please tell us which documents you have with you.
appointment-too-early = You are early. You can check in from { $time }.
appointment-too-early-hint = Please come back to this machine then. You are welcome to wait here until then.
appointment-too-late = Unfortunately, the time for your appointment has passed.
appointment-late-walk-in = You can get a ticket without an appointment for the same matter. You may have to wait longer.
appointment-late-information = You can get a ticket for the information desk. We will help you there.
appointment-cancelled = This appointment has been cancelled.
appointment-over = This appointment is already over.
appointment-ask-information = Please ask at the information desk. We will help you there.
appointment-information-ticket = Ticket for the information desk
appointment-checked-in-before = You have already checked in for this appointment. This is your ticket.
ticket-appointment = Appointment { $time }
error-check-in-too-early = You cannot check in for this appointment yet. Please try again a little later.
error-appointment-closed = This appointment has been cancelled or is over. Please ask at the information desk.

## Document checklist

checklist-heading = Which documents do you have with you?
checklist-hint = For each document, choose "I have it" or "I do not have it".
checklist-required = Required
checklist-if-applicable = Only if it applies to you
checklist-have = I have it
checklist-missing = I do not have it
checklist-progress = { $answered } of { $total } answered
checklist-continue = Continue

## Summary before the ticket

summary-heading = Your overview
summary-have = You have with you
summary-missing = Missing
summary-complete = You have all the documents you need.
summary-missing-required = { $count ->
    [one] 1 required document is missing. You can still take a ticket, but without it we may not be able to finish your matter today.
   *[other] { $count } required documents are missing. You can still take a ticket, but without them we may not be able to finish your matter today.
}
summary-missing-if-applicable = Some documents that are only sometimes needed are missing. The staff will tell you if you need them.
summary-take-ticket = Take a ticket
summary-print-checklist = Print the list and come back later
summary-checklist-printed = Your list is being printed. Please take it with you.

## Ticket

ticket-heading = Your ticket number
ticket-number-spoken = Your ticket number is { $number }.
ticket-people-ahead = { $count ->
    [0] You are next.
    [one] 1 person is before you.
   *[other] { $count } people are before you.
}
ticket-wait = Expected wait: { $min } to { $max } minutes.
ticket-wait-hours = Expected wait: { $min } to { $max } hours.
ticket-wait-unknown = We cannot estimate the wait yet.
ticket-wait-hint = Please wait until your number appears on the screen.
ticket-qr-hint = Scan the code with your phone to see there when it is your turn.
ticket-qr-label = QR code for your ticket { $number }
ticket-missing-heading = Please remember: these documents are missing
ticket-print = Print ticket
ticket-printing = Your ticket is being printed. Please take it.
ticket-done = Done
ticket-issued-at = Issued: { $time }

## Inactivity warning

idle-heading = Are you still there?
idle-countdown = { $seconds ->
    [one] The kiosk starts over in 1 second and forgets your answers.
   *[other] The kiosk starts over in { $seconds } seconds and forgets your answers.
}
idle-more-time = I need more time

## The visitor's ticket page on their phone

status-heading = Your ticket number
status-waiting = You are in the queue.
status-called = It is your turn. Please come to the counter.
status-serving = You are being served.
status-parked = Your ticket is on hold. You will be called again.
status-finished = Your visit is complete.
status-no-show = You were called but were not there. Please ask at the information desk.
status-cancelled = This ticket was given back.
status-not-found-heading = Ticket not found
status-not-found = We do not know this ticket, or it has expired. Please ask at the information desk.
status-your-turn = It is your turn: { $counter }
status-title-called = { $number } → { $counter }
status-leave = I am leaving
status-leave-question = Do you want to give back your ticket? Your place in the queue is then gone.
status-leave-confirm = Yes, give back my ticket
status-leave-keep = No, keep my place
status-offline = No connection right now. This page updates again by itself.
status-language = Language of this page
status-appointment = Your appointment: { $time }
status-appointment-late = You came after your appointment time, so you are called without priority.

## Notifications on the phone (Web Push) and feedback after the visit

notify-heading = Wait outside
notify-explain = { $ahead ->
    [one] We notify you on this phone when only 1 person is ahead of you, and when it is your turn. Even when this page is closed.
   *[other] We notify you on this phone when only { $ahead } people are ahead of you, and when it is your turn. Even when this page is closed.
}
notify-button = Notify me
notify-asking = Please allow notifications.
notify-on = Notifications are on. You can close this page.
notify-off-button = Turn notifications off
notify-off = Notifications are off.
notify-denied = This phone does not allow notifications from this page. You can change that in the browser's settings. Or keep this page open: it shows when it is your turn.
notify-unsupported = This browser cannot receive notifications. Keep this page open: it shows when it is your turn.
notify-home-screen = On an iPhone or iPad: tap "Share", then "Add to Home Screen". Open the page from there. Then we can notify you.
notify-failed = Notifications could not be turned on. Keep this page open: it shows when it is your turn.
alert-button = Turn on sound and vibration here
alert-on = Sound and vibration are on while this page is open.
feedback-question = How was your visit?
feedback-rating-1 = Very bad
feedback-rating-2 = Bad
feedback-rating-3 = Okay
feedback-rating-4 = Good
feedback-rating-5 = Very good
feedback-reasons = What applies? You can also tick nothing.
feedback-reason-waited-long = I waited a long time.
feedback-reason-explained-well = Everything was explained to me well.
feedback-reason-knew-documents = I knew which documents to bring.
feedback-reason-understood = I could make myself understood.
feedback-reason-friendly = People were friendly to me.
feedback-send = Send
feedback-anonymous = Your answer is anonymous. It is not stored with your ticket number.
feedback-thanks = Thank you for your feedback!

## Problems

error-unreachable = The queue system cannot be reached right now. Please try again in a moment or ask at the information desk.
error-retrying = We keep trying automatically.
error-unknown-concern = This service is no longer offered. Please choose again.
error-not-found = We could not find that. Please ask at the information desk.
error-refused = Sorry, that did not work. Please ask at the information desk.

error-office-closed = We are closed right now. Please come back during opening hours.
error-cut-off-passed = No new tickets today. Please come back on another day.
error-quota-reached = All of today's tickets for this are taken. Please come back on another day.

action-retry = Try again
action-start-over = Start over

not-found-heading = Page not found
not-found-link = Go to the ticket kiosk

## The lobby call display (/display): headers in German and English, one line rotating through the other languages

display-heading = Now calling
display-number = Number
display-counter = Counter
display-again = called again
display-appointment = Appointment
display-waiting-heading = Waiting
display-waiting = { $count ->
    [0] nobody waiting
    [one] 1 waiting
   *[other] { $count } waiting
}
display-wait = about { $minutes } min
display-offline = offline
display-announce = Number { $number }, please come to { $counter }.
display-announce-again = Number { $number } again, please come to { $counter }.
display-welcome = Welcome! Please take a ticket at the kiosk.
