# Texts of the staff desk (/staff), in German and English only.
# locales/de/staff.ftl has exactly these ids (checked by the tests).

staff-sign-in-heading = Sign in
staff-username = User name
staff-password = Password
staff-sign-in = Sign in
staff-sign-out = Sign out
staff-signed-in-as = Signed in: { $name }
staff-invalid-credentials = User name or password is wrong.
staff-too-many-attempts = Too many attempts. Please wait 15 minutes.
staff-session-expired = Your session has expired. Please sign in again.
staff-interface-language = Interface language

staff-choose-counter = Which counter are you at?
staff-counter-serves = { $count ->
    [one] 1 concern
   *[other] { $count } concerns
}
staff-choose-concerns = { $counter }: which concerns do you serve?
staff-concerns-all = All concerns of this counter
staff-start-work = Start work
staff-other-counter = Choose another counter
staff-choose-at-least-one = Choose at least one concern.
staff-counter-occupied = serving { $number } · { $name }
staff-waiting-for-you = { $count ->
    [0] Nobody is waiting for your concerns.
    [one] 1 person is waiting for your concerns.
   *[other] { $count } people are waiting for your concerns.
}
staff-change-counter = Change counter or concerns

staff-call-next = Call next number
staff-current = Current number
staff-no-current = No number at your counter right now.
staff-language = Language
staff-waited = { $minutes ->
    [one] waited 1 minute
   *[other] waited { $minutes } minutes
}
staff-called-times = { $count ->
    [one] called once
   *[other] called { $count } times
}
staff-documents = Documents, as answered at the kiosk
staff-document-have = has it
staff-document-missing = missing
staff-document-unanswered = no answer
staff-document-required = required
staff-missing-required = { $count ->
    [0] All required documents there
    [one] 1 required document missing
   *[other] { $count } required documents missing
}

staff-action-recall = Call again
staff-action-start = Start serving
staff-action-finish = Finish
staff-action-no-show = Did not come
staff-action-park = Put on hold
staff-action-return = Back into the queue
staff-action-transfer = Transfer to
staff-action-call-now = Call now

staff-status-waiting = waiting
staff-status-called = called
staff-status-serving = being served
staff-status-parked = on hold
staff-status-finished = finished
staff-status-no-show = did not come
staff-status-cancelled = given back

staff-scanned = Scanned number
staff-scan-unknown = This code is not a ticket of this office.
staff-close = Close

staff-queue = Queue
staff-queue-waiting = { $count ->
    [0] nobody waiting
    [one] 1 waiting
   *[other] { $count } waiting
}
staff-queue-oldest = longest wait { $minutes } min
staff-queue-missing-documents = documents missing
staff-counters = Counters
staff-counter-free = free
staff-queue-parked = On hold

staff-error-queue-empty = Nobody is waiting for your concerns.
staff-error-counter-busy = There is still a number at your counter. Finish it first.
staff-error-invalid-transition = That is no longer possible with this number; it has changed meanwhile.
staff-error-other = That did not work: { $reason }
staff-offline = No connection to the server. The page keeps trying.

staff-camera-scan = Scan with camera
staff-camera-hint = Hold the ticket's QR code in front of the camera.
staff-camera-unavailable = No camera found, or access to the camera is not allowed.
