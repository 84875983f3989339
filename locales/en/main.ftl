# Interface texts of the Willkommen web app in English.

app-name = Willkommen
screen-kiosk = Ticket kiosk
screen-staff = Staff desk
screen-admin = Administration
screen-display = Call display

language-label = Language

kiosk-welcome = Welcome
kiosk-choose-concern = What can we help you with?
kiosk-choose-concern-hint = Tap what you came for. Then you get a queue ticket.
kiosk-loading = One moment, please …
kiosk-issuing = Making your ticket …
kiosk-documents-count = { $count ->
    [0] No documents needed
    [one] Bring 1 document
   *[other] Bring { $count } documents
}

kiosk-closed = We are closed right now.
kiosk-cut-off = No new tickets today. We are still serving everyone who is waiting.
kiosk-reopens = Tickets again from: { $time }.
kiosk-quota-reached = All of today's tickets for this are taken.

ticket-heading = Your ticket number
ticket-number-spoken = Your ticket number is { $number }.
ticket-people-ahead = { $count ->
    [0] You are next.
    [one] 1 person is before you.
   *[other] { $count } people are before you.
}
ticket-wait = Expected wait: { $min } to { $max } minutes.
ticket-wait-unknown = We cannot estimate the wait yet.
ticket-wait-hint = Please wait until your number appears on the screen.
ticket-qr-hint = Scan the code with your phone to see there when it is your turn.
ticket-qr-label = QR code for your ticket { $number }
ticket-done = Done

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

error-unreachable = The queue system cannot be reached right now. Please try again in a moment or ask at the information desk.
error-unknown-concern = This service is no longer offered. Please choose again.
error-not-found = We could not find that. Please ask at the information desk.
error-refused = Sorry, that did not work. Please ask at the information desk.

error-office-closed = We are closed right now. Please come back during opening hours.
error-cut-off-passed = No new tickets today. Please come back on another day.
error-quota-reached = All of today's tickets for this are taken. Please come back on another day.

action-retry = Try again
action-start-over = Start over

planned-body = This area is being built and will be here soon.
not-found-heading = Page not found
not-found-link = Go to the ticket kiosk
