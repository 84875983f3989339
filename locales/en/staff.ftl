# Texts of the staff desk (/staff) and the admin console (/admin), in German and English only.
# locales/de/staff.ftl has exactly these ids (checked by the tests).

staff-sign-in-heading = Sign in
staff-username = User name
staff-password = Password
staff-sign-in = Sign in
staff-office-sign-in = Sign in with your office account
staff-office-sign-in-named = Sign in with { $label }
staff-local-admins-only = Administrator account (emergencies only)
staff-local-admins-only-help = Only when signing in with the office account does not work: with an administrator account's Willkommen password.
staff-local-sign-in-off = Please sign in with your office account. Here a Willkommen password is for administrator accounts only.
staff-sign-in-no-role = Your office account has no role in Willkommen. Ask your administrator to add you to the Willkommen group.
staff-sign-in-someone-else = Sign in as someone else
staff-sign-in-deactivated = Your account is deactivated in Willkommen. Please ask your administrator.
staff-sign-in-expired = Signing in took too long. Please try again.
staff-sign-in-cancelled = Signing in was cancelled.
staff-sign-in-provider-unreachable = The office's sign-in service does not answer right now. Please try again in a few minutes. Administrators can sign in with their Willkommen password.
staff-sign-in-failed = Signing in did not work. Please try again, or ask your administrator.
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
staff-appointment = Appointment { $time }
staff-appointment-late = Appointment { $time } · late

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

## The admin console (/admin)

admin-not-an-admin = This console is for admin accounts. Please sign in with one.
admin-sections = Sections
admin-section-concerns = Concerns
admin-section-translations = Translations
admin-section-settings = Settings
admin-section-counters = Counters
admin-section-appointments = Appointments
admin-section-accounts = Accounts
admin-section-versions = Versions and files
admin-section-audit = Audit trail

admin-state-unsaved = Changes not saved yet
admin-state-unpublished = Saved draft, not published yet
admin-state-published = Everything is published
admin-save = Save draft
admin-saved = Draft saved.
admin-publish-note = What changed (for the version list)
admin-publish = Publish
admin-published = Version { $version } is published. The kiosks show it within seconds.
admin-discard = Discard draft
admin-discarded = The draft was discarded; it is the published version again.
admin-problems = { $count ->
    [one] 1 problem stands in the way of publishing:
   *[other] { $count } problems stand in the way of publishing:
}
admin-problem-missing = missing ({ $detail })
admin-problem-too-long = too long ({ $detail })
admin-problem-too-many = too many ({ $detail })
admin-problem-out-of-range = not possible ({ $detail })
admin-problem-invalid-format = wrong form ({ $detail })
admin-problem-duplicate = used twice ({ $detail })
admin-problem-unknown-reference = does not exist ({ $detail })
admin-problem-unknown-field = unknown setting ({ $detail })
admin-problem-unreadable = cannot be read ({ $detail })
admin-error-conflict = Someone else saved the draft meanwhile. Discard your changes or copy them, then reload the draft.
admin-error-invalid = { $count ->
    [one] The configuration has 1 problem; nothing was changed.
   *[other] The configuration has { $count } problems; nothing was changed.
}
admin-error-last-admin = This is the last active admin account; make another account admin first.
admin-error-username-taken = There is an account with this user name already.

admin-concerns-hint = In the order the kiosk shows them. Changes are drafts until you publish them.
admin-concern-facts = Prefix { $prefix } · { $count ->
    [one] 1 document
   *[other] { $count } documents
} · daily limit { $quota }
admin-concern-active = Offered at the kiosk
admin-concern-add = Add a concern
admin-edit = Edit
admin-move-up = Move up: { $name }
admin-move-down = Move down: { $name }
admin-move-up-short = Move up:
admin-move-down-short = Move down:
admin-remove = Remove
admin-remove-named = Remove: { $name }
admin-add = Add

admin-back-to-concerns = Back to all concerns
admin-concern-heading = Concern: { $name }
admin-translate-into = Translate into
admin-concern-settings = Ticket and pictogram
admin-concern-prefix = Ticket prefix (1 to 3 capital letters)
admin-concern-quota = Tickets per day (empty: no limit)
admin-concern-icon = Pictogram
admin-concern-texts = Name and description
admin-concern-name = Name
admin-concern-description = Description
admin-checklist = Documents to bring
admin-item-add = Add a document
admin-item-required = Required
admin-item-text = Document
admin-item-hint = Hint
admin-status-current = up to date
admin-status-missing = missing
admin-status-outdated = out of date: the German text has changed since
admin-status-empty = not used
admin-still-fits = Still fits
admin-icon-residence-permit = Residence permit
admin-icon-blue-card = Blue Card
admin-icon-work = Work
admin-icon-family = Family
admin-icon-settlement = Settlement
admin-icon-study = Study
admin-icon-certificate = Certificate
admin-icon-home = Address
admin-icon-lost-card = Lost card
admin-icon-pickup = Collect
admin-icon-info = Information
admin-icon-document = Document

admin-preview = Preview at the kiosk
admin-preview-hint = Shows the saved draft as the kiosk shows it, in the language being translated. No tickets are issued here.
admin-preview-refresh = Save and show in the preview
admin-preview-updated = The preview shows the saved draft.

admin-translations-caption = Translations against the German source texts
admin-text = Text
admin-open = Open
admin-open-count = { $count ->
    [0] all done
    [one] 1 open
   *[other] { $count } open
}
admin-fallback-heading = What the kiosk shows when a translation is missing
admin-fallback-rules = The chosen language first, then English, then German. A visitor always sees a text, but perhaps not in their language.
admin-fallback-outdated = "Out of date" means the German text was changed after the translation was made. "Still fits" marks it as up to date.

admin-office-name = Office name
admin-display-info = Notice on the call display
admin-kiosk-languages = Kiosk languages (ticked: offered, in this order)
admin-opening = Opening hours
admin-time-zone = Time zone
admin-monday = Monday
admin-tuesday = Tuesday
admin-wednesday = Wednesday
admin-thursday = Thursday
admin-friday = Friday
admin-saturday = Saturday
admin-sunday = Sunday
admin-closed = closed
admin-from = from
admin-to = to
admin-add-hours = Add opening hours
admin-closed-days = Closed days
admin-closed-day-add = Add a closed day
admin-cutoff = No new tickets this many minutes before closing
admin-kiosk-behaviour = Kiosk
admin-idle-seconds = Start over after this many seconds without a touch
admin-warning-seconds = Seconds of warning before starting over (at least 20)
admin-information-concern = "I am not sure" leads to
admin-none = none
admin-queue-rules = Queue and data
admin-no-show-after = A visitor counts as not come after this many calls
admin-retention-days = Delete the visitors' answers after this many days
admin-notify-ahead = Phone notification "your turn is coming soon" when this many people are still ahead
admin-public-url = Address in the ticket QR codes
admin-public-url-help = Empty: the address the server was started with.
admin-appointment-rules = Appointments
admin-appointments-enabled = The kiosk offers “I have an appointment”
admin-check-in-opens = Check-in opens this many minutes before the appointment (at most 240)
admin-check-in-closes = Check-in is accepted up to this many minutes after the appointment (at most 120)
admin-late-arrival = Who comes later gets
admin-late-walk-in = a ticket for the same concern, without priority
admin-late-information-desk = a ticket for the information desk
admin-late-arrival-help = The kiosk tells them in their language. For the information desk, “I am not sure” must lead to a concern.
admin-call-ahead = Checked-in appointments go first from this many minutes before their time (at most 60)
admin-walk-in-every = Every how-many-th call goes to someone without an appointment while appointments are due (2 to 10)
admin-walk-in-every-help = Empty: appointments that are due always go first. 3 means: two appointments, then one person without.

admin-counters-hint = The concerns a counter serves unless the clerk there chooses otherwise.
admin-counter-add = Add a counter
admin-counter-name = Name on the call display
admin-counter-serves = Serves
admin-appointments-hint = Appointments are not part of the draft: changes take effect at once. Times are the office's.
admin-appointments-day = Day
admin-appointments-previous-day = Previous day
admin-appointments-next-day = Next day
admin-appointments-today = Today
admin-appointments-reload = Reload
admin-appointments-filter = Show:
admin-appointments-all = all
admin-appointment-state-expected = expected
admin-appointment-state-checked-in = checked in
admin-appointment-state-called = called
admin-appointment-state-served = served
admin-appointment-state-missed = missed
admin-appointment-state-cancelled = cancelled
admin-appointments-caption = Appointments on { $day }
admin-appointments-none = There are no appointments on this day.
admin-appointments-none-in-state = There are no appointments in this state on this day.
admin-appointment-time = Time
admin-appointment-reference = Booking reference
admin-appointment-concern = Concern
admin-appointment-language = Language
admin-appointment-state = State
admin-appointment-ticket = Ticket
admin-appointment-checked-in = Checked in at
admin-appointment-late = Late
admin-appointment-late-yes = yes
admin-appointment-no-language = not given
admin-appointment-fix = Change
admin-appointment-cancel = Cancel
admin-appointment-cancel-question = Cancel appointment { $reference } at { $time }?
admin-appointment-cancel-confirm = Yes, cancel it
admin-appointment-cancel-keep = No, keep it
admin-appointment-cancelled = Appointment { $reference } is cancelled.
admin-appointment-new = Add an appointment
admin-appointment-fix-heading = Change appointment { $reference }
admin-appointment-day-change-hint = Another day cancels the appointment on its day and adds it anew on the new day.
admin-appointment-reference-help = As on the booking confirmation; { $min } to { $max } letters and digits, spaces and dashes do not count.
admin-appointment-reference-invalid = The booking reference needs { $min } to { $max } letters and digits.
admin-appointment-slot = Date and time
admin-appointment-slot-invalid = Please give the date and time.
admin-choose-concern = Choose a concern
admin-appointment-save = Save appointment
admin-appointment-close = Close without saving
admin-appointment-saved = Appointment { $reference } is saved: { $day }, { $time }.
admin-appointment-moved = Appointment { $reference } is moved to { $day }, { $time }; on { $old } it is cancelled.
admin-appointment-moved-not-cancelled = Appointment { $reference } is added on { $day } at { $time }, but not cancelled on { $old }: { $reason }
admin-appointments-import = Appointments from a file
admin-appointments-import-hint = A CSV or iCalendar file (.ics) from the booking system, for a day or a week. It is checked first for what would change; only “Import” changes anything. A file with problems is refused whole.
admin-appointments-import-file = Appointment file (.csv or .ics)
admin-appointments-check = Check file
admin-appointments-import-now = Import
admin-import-would = Checked. The import would change this:
admin-import-done = Imported:
admin-import-created = { $count ->
    [one] 1 appointment new
   *[other] { $count } appointments new
}
admin-import-updated = { $count ->
    [one] 1 appointment changed
   *[other] { $count } appointments changed
}
admin-import-cancelled = { $count ->
    [one] 1 appointment cancelled because the file no longer has it
   *[other] { $count } appointments cancelled because the file no longer has them
}
admin-import-unchanged = { $count ->
    [one] 1 appointment unchanged
   *[other] { $count } appointments unchanged
}
admin-import-kept = { $count ->
    [one] 1 appointment stays although the file no longer has it: checked in already
   *[other] { $count } appointments stay although the file no longer has them: checked in already
}
admin-import-days = Days in the file:
admin-import-refused = { $count ->
    [one] The file has 1 problem; nothing was changed.
   *[other] The file has { $count } problems; nothing was changed.
}
admin-import-problem-line = Line { $line }
admin-import-problem-field = Line { $line }, { $field }
admin-import-map-heading = Map services
admin-import-map-hint = Willkommen does not know these services of the booking system yet. Choose the concern for each; the mapping is kept for every later import.
admin-import-map-save = Save the mapping and check the file again
admin-services = Services of the booking system
admin-services-hint = Which service of the booking system is which concern. A concern's id and German name are recognised without a mapping. Changes take effect at once.
admin-services-show = Show the mappings
admin-services-hide = Hide the mappings
admin-services-caption = Saved mappings
admin-services-none = No mappings yet.
admin-service-name = Service (as in the booking system)
admin-service-concern-for = Concern for “{ $service }”
admin-service-add = Add mapping
admin-services-saved = The mappings are saved.

admin-accounts-caption = Accounts (changes take effect at once)
admin-display-name = Name
admin-role = Role
admin-role-staff = Staff
admin-role-admin = Admin
admin-account-state = State
admin-active = active
admin-inactive = deactivated
admin-activate = Activate
admin-deactivate = Deactivate
admin-new-password = New password
admin-set-password = Set password
admin-office-account = Office account (name and role from the sign-in service)
admin-password-set = The new password is set; the account's sessions have ended.
admin-account-saved = The account is changed.
admin-account-new = New account
admin-username-help = 3 to 40 lower-case letters, digits, dots, dashes or underscores.
admin-account-create = Create account
admin-account-created = The account is created.

admin-versions-caption = Published versions, newest first
admin-version = Version
admin-published-at = Published
admin-published-by = By
admin-note = Note
admin-actions = Actions
admin-view = View
admin-restore = Restore
admin-restored = Version { $version } is now the draft. Check it, then publish it.
admin-version-summary = Version { $version }: { $concerns } concerns, { $counters } counters, languages { $languages }
admin-file = Configuration file
admin-file-hint = Concerns, checklists, texts and settings as one JSON file; never tickets or passwords. An import becomes the draft; a file with problems changes nothing.
admin-export = Download the published configuration
admin-import-file = Configuration file to import
admin-import = Import as draft
admin-imported = The file is now the draft. Check it, then publish it.
admin-import-problems = Problems in the file

admin-audit-actor = Who (user name)
admin-audit-kind = What
admin-audit-all = everything
admin-audit-since = From
admin-audit-until = Until (exclusive)
admin-audit-filter = Filter
admin-audit-caption = Who changed what, newest first
admin-audit-when = When
admin-audit-what = Change
admin-audit-empty = No entries.
admin-audit-older = Older entries
admin-kind-draft-saved = draft saved
admin-kind-draft-discarded = draft discarded
admin-kind-published = published
admin-kind-restored = version restored
admin-kind-imported = file imported
admin-kind-account-created = account created
admin-kind-account-changed = account changed
admin-kind-password-reset = password set
admin-kind-signed-in = signed in
admin-kind-sign-in-refused = sign-in refused
admin-kind-other = other

# Statistics (issue 18): sections, role, target wait, notice at the counters.
admin-section-statistics = Statistics
admin-section-live = Live
admin-role-statistics = Statistics (read only)
admin-concern-target-wait = Target wait in minutes
admin-concern-target-wait-help = Leave empty for no target. When someone waits longer, the live board and the counters show a notice.
staff-over-target-heading = Waiting longer than the target
staff-over-target = { $name }: longest wait { $minutes } min, target { $target } min
staff-statistics-account = This account reads the statistics only and calls nobody.
staff-to-statistics = Go to the statistics

statistics-range = Period
statistics-range-today = Today
statistics-range-week = This week
statistics-range-month = This month
statistics-range-year = This year
statistics-range-30-days = Last 30 days
statistics-from = From
statistics-to = To (included)
statistics-show = Show
statistics-range-invalid = Please enter both dates.
statistics-range-reversed = The first date is after the second.
statistics-range-too-long = Three years at most at once.
statistics-shown = { $from } to { $to } · as of { $time }
statistics-privacy-note = Every figure is about concerns, hours and the office – never about one visitor, employee or counter.
statistics-export-xlsx = All tables as XLSX
statistics-empty = No figures in this period.
statistics-all-concerns = All concerns
statistics-booking-all = all
statistics-booking-walk_in = walk-in
statistics-booking-appointment = appointment
statistics-reason-quota = quota used up
statistics-reason-closed = closed
statistics-reason-cut_off = past the last ticket
statistics-yes = yes
statistics-no = no
statistics-chart-label = { $title }. The figures are in the table below.
statistics-chart-days = Issued and served per day
statistics-chart-hours = Arrivals per day and most waiting at once, by hour (all concerns)
statistics-chart-waits = Called visitors by wait in minutes

statistics-table-visitors = Visitors and what became of them
statistics-table-waiting = Waiting times
statistics-table-days = Per day
statistics-table-hours = Per hour
statistics-table-wait_distribution = Distribution of waits
statistics-table-languages = Languages chosen at the kiosk
statistics-table-documents = Missing documents
statistics-table-quotas = Quotas used up
statistics-table-turned_away = Turned away without a ticket
statistics-table-feedback = Feedback: "How was your visit?" (shown from 5 answers)

statistics-column-concern = Concern
statistics-column-booking = Appointment
statistics-column-issued = Issued
statistics-column-served = Served
statistics-column-no_show = No-show
statistics-column-cancelled = Gave up
statistics-column-transferred = Transferred
statistics-column-unserved = Left open
statistics-column-turned_away = Turned away
statistics-column-complete_documents = Documents complete
statistics-column-waited = Called
statistics-column-wait_mean = Wait mean (min)
statistics-column-wait_median = Wait median (min)
statistics-column-wait_p90 = Wait 90 % (min)
statistics-column-wait_max = Longest wait (min)
statistics-column-walk_mean = Walk to the counter mean (min)
statistics-column-served_timed = Served with duration
statistics-column-service_mean = Service mean (min)
statistics-column-service_median = Service median (min)
statistics-column-estimated = With estimate
statistics-column-estimate_within = Estimate right
statistics-column-estimate_error_mean = Estimate off, mean (min)
statistics-column-date = Day
statistics-column-hour = Hour
statistics-column-arrivals = Arrivals
statistics-column-arrivals_per_day = Arrivals per day
statistics-column-most_waiting = Most waiting at once
statistics-column-from_minutes = From minute
statistics-column-to_minutes = Below minute
statistics-column-visitors = People
statistics-column-share = Share
statistics-column-language = Language
statistics-column-item = Document
statistics-column-required = Required
statistics-column-asked = Asked
statistics-column-missing = Missing
statistics-column-missing_share = Share missing
statistics-column-quota = Quota
statistics-column-ran_out_at = Ran out at
statistics-column-reason = Reason
statistics-column-answers = Answers
statistics-column-rating_mean = Mean rating
statistics-column-rating_1 = 1 very bad
statistics-column-rating_2 = 2 bad
statistics-column-rating_3 = 3 okay
statistics-column-rating_4 = 4 good
statistics-column-rating_5 = 5 very good
statistics-column-waited_long = Waited long
statistics-column-explained_well = Explained well
statistics-column-knew_documents = Knew what to bring
statistics-column-understood = Could make themselves understood
statistics-column-friendly = Treated kindly
statistics-all-languages = All languages

live-at = As of { $time }, updated every 30 seconds
live-offline = The server cannot be reached right now. You see the figures of { $time }.
live-counters-open = Counters open
live-waiting = Waiting
live-longest-wait = Longest wait
live-served-today = Served today
live-target = Target
live-state = Against the target
live-minutes = { $minutes } min
live-concerns = Concerns now
live-closed-today = Closed today.
live-no-estimate = No estimate yet of when everyone waiting will have been called.
live-done-before-closing = Everyone waiting should have been called by { $time }, before closing at { $closes }.
live-done-after-closing = Attention: everyone waiting will only have been called by { $time }, after closing at { $closes }.
live-level-none = no target
live-level-ok = within the target
live-level-amber = close to the target
live-level-red = over the target
