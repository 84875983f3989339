# Interface texts of the Willkommen web app in Persian (Farsi/Dari).

screen-staff = میز کارمندان
screen-admin = مدیریت


## Settings bar, at the same place on every kiosk screen

settings-label = خواندن و شنیدن
settings-language = زبان
settings-large-text = متن بزرگ
settings-high-contrast = کنتراست بالا
settings-read-aloud = خواندن با صدا
settings-stop-reading = توقف خواندن
settings-repeat = خواندن دوباره
speech-no-voice = این دستگاه برای زبان { $language } صدا ندارد. اگر به کمک نیاز دارید، لطفاً از میز راهنمایی بپرسید.
speech-unavailable = این دستگاه نمی‌تواند متن را با صدا بخواند. اگر به کمک نیاز دارید، لطفاً از میز راهنمایی بپرسید.

nav-back = برگشت
nav-start-over = شروع از اول

## Welcome screen

welcome-greeting = خوش آمدید
welcome-start = شروع
welcome-start-hint = برای گرفتن شماره نوبت، صفحه را لمس کنید یا دکمه Enter را فشار دهید.
welcome-open = اکنون شماره نوبت داده می‌شود.
welcome-unavailable = در حال حاضر شماره نوبت داده نمی‌شود. لطفاً به میز راهنمایی بروید.

## Choosing the language

language-heading = زبان خود را انتخاب کنید
language-hint = با دکمه زبان در پایین صفحه، هر وقت بخواهید می‌توانید زبان را تغییر دهید.

## Choosing the concern

kiosk-choose-concern = برای چه کاری آمده‌اید؟
kiosk-choose-concern-hint = کاری را که برای آن آمده‌اید لمس کنید. بعد یک شماره نوبت می‌گیرید.
kiosk-loading = لطفاً کمی صبر کنید …
kiosk-issuing = شماره نوبت شما آماده می‌شود …
kiosk-documents-count = { $count ->
    [0] مدرکی لازم نیست
    [one] یک مدرک همراه بیاورید
   *[other] { $count } مدرک همراه بیاورید
}
concern-not-sure = مطمئن نیستم
concern-not-sure-description = یک شماره نوبت برای میز راهنمایی می‌گیرید. آنجا به شما کمک می‌کنیم.

kiosk-closed = در حال حاضر بسته هستیم.
kiosk-cut-off = امروز دیگر شماره نوبت جدید داده نمی‌شود. به همه کسانی که منتظر هستند، هنوز رسیدگی می‌کنیم.
kiosk-reopens = زمان بعدی دادن شماره نوبت: { $time }.
kiosk-quota-reached = همه شماره‌های نوبت امروز داده شده است.

## Document checklist

checklist-heading = کدام مدارک را همراه دارید؟
checklist-hint = برای هر مدرک «همراه دارم» یا «همراه ندارم» را انتخاب کنید.
checklist-required = ضروری
checklist-if-applicable = فقط اگر به شما مربوط باشد
checklist-have = همراه دارم
checklist-missing = همراه ندارم
checklist-progress = { $answered } از { $total } پاسخ داده شده
checklist-continue = ادامه

## Summary before the ticket

summary-heading = خلاصه
summary-have = این‌ها را همراه دارید
summary-missing = این‌ها را همراه ندارید
summary-complete = همه مدارک لازم را همراه دارید.
summary-missing-required = { $count ->
    [one] یک مدرک لازم را همراه ندارید. باز هم می‌توانید شماره نوبت بگیرید. اما بدون این مدرک شاید نتوانیم کار شما را امروز تمام کنیم.
   *[other] { $count } مدرک لازم را همراه ندارید. باز هم می‌توانید شماره نوبت بگیرید. اما بدون این مدارک شاید نتوانیم کار شما را امروز تمام کنیم.
}
summary-missing-if-applicable = بعضی مدارک که فقط گاهی لازم هستند، همراه شما نیست. کارمند ما به شما می‌گوید که آیا به آن‌ها نیاز دارید یا نه.
summary-take-ticket = گرفتن شماره نوبت
summary-print-checklist = فهرست را چاپ کنید و بعداً برگردید
summary-checklist-printed = فهرست شما در حال چاپ است. لطفاً آن را با خود ببرید.

## Ticket

ticket-heading = شماره نوبت شما
ticket-number-spoken = شماره نوبت شما { $number } است.
ticket-people-ahead = { $count ->
    [0] نفر بعدی شما هستید.
    [one] قبل از شما یک نفر در نوبت است.
   *[other] قبل از شما { $count } نفر در نوبت هستند.
}
ticket-wait = زمان تقریبی انتظار: { $min } تا { $max } دقیقه.
ticket-wait-hours = زمان تقریبی انتظار: { $min } تا { $max } ساعت.
ticket-wait-unknown = فعلاً نمی‌توانیم زمان انتظار را تخمین بزنیم.
ticket-wait-hint = لطفاً صبر کنید تا شماره شما روی صفحه نشان داده شود.
ticket-qr-hint = کد را با موبایل خود اسکن کنید. آنجا می‌بینید که نوبت شما کی می‌رسد.
ticket-qr-label = کد QR برای شماره نوبت شما { $number }
ticket-missing-heading = یادتان باشد: این مدارک همراه شما نیست
ticket-print = چاپ شماره نوبت
ticket-printing = شماره نوبت شما در حال چاپ است. لطفاً آن را با خود ببرید.
ticket-done = تمام
ticket-issued-at = زمان صدور: { $time }

## Inactivity warning

idle-heading = هنوز اینجا هستید؟
idle-countdown = { $seconds ->
    [one] دستگاه تا { $seconds } ثانیه دیگر از اول شروع می‌کند و پاسخ‌های شما پاک می‌شود.
   *[other] دستگاه تا { $seconds } ثانیه دیگر از اول شروع می‌کند و پاسخ‌های شما پاک می‌شود.
}
idle-more-time = وقت بیشتری لازم دارم

## The visitor's ticket page on their phone

status-heading = شماره نوبت شما
status-waiting = شما در نوبت هستید.
status-called = نوبت شماست. لطفاً به میز بیایید.
status-serving = در حال رسیدگی به کار شما هستیم.
status-parked = نوبت شما موقتاً کنار گذاشته شده است. دوباره شما را صدا می‌زنیم.
status-finished = کار شما انجام شد.
status-no-show = شما را صدا زدیم، اما اینجا نبودید. لطفاً از میز راهنمایی بپرسید.
status-cancelled = این شماره نوبت لغو شده است.
status-not-found-heading = شماره نوبت پیدا نشد
status-not-found = این شماره نوبت را نمی‌شناسیم، یا اعتبار آن تمام شده است. لطفاً از میز راهنمایی بپرسید.
status-your-turn = نوبت شماست: { $counter }
status-title-called = { $number } → { $counter }
status-leave = من می‌روم
status-leave-question = می‌خواهید شماره نوبت خود را لغو کنید؟ در این صورت نوبت خود را از دست می‌دهید.
status-leave-confirm = بله، شماره نوبتم را لغو می‌کنم
status-leave-keep = نه، در نوبت می‌مانم
status-offline = در حال حاضر اتصال برقرار نیست. این صفحه خودبه‌خود دوباره به‌روز می‌شود.
status-language = زبان این صفحه
status-appointment = وقت ملاقات شما: { $time }
status-appointment-late = شما بعد از وقت ملاقات خود آمدید، برای همین بدون اولویت صدا زده می‌شوید.

## Problems

error-unreachable = در حال حاضر دسترسی به سیستم نوبت‌دهی ممکن نیست. لطفاً کمی بعد دوباره تلاش کنید یا از میز راهنمایی بپرسید.
error-retrying = به‌طور خودکار دوباره تلاش می‌کنیم.
error-unknown-concern = این خدمت دیگر وجود ندارد. لطفاً دوباره انتخاب کنید.
error-not-found = آن را پیدا نکردیم. لطفاً از میز راهنمایی بپرسید.
error-refused = متأسفانه انجام نشد. لطفاً از میز راهنمایی بپرسید.

error-office-closed = در حال حاضر بسته هستیم. لطفاً در ساعات کاری دوباره بیایید.
error-cut-off-passed = امروز دیگر شماره نوبت جدید داده نمی‌شود. لطفاً روز دیگری بیایید.
error-quota-reached = همه شماره‌های نوبت امروز برای این کار داده شده است. لطفاً روز دیگری بیایید.

action-retry = دوباره تلاش کنید
action-start-over = شروع از اول

not-found-heading = صفحه پیدا نشد
not-found-link = رفتن به دستگاه نوبت‌دهی

## The lobby call display (/display): headers in German and English, one line rotating through the other languages

display-heading = اعلام نوبت
display-number = شماره
display-counter = میز
display-again = اعلام دوباره
display-appointment = وقت ملاقات
display-waiting-heading = در انتظار
display-waiting = { $count ->
    [0] کسی منتظر نیست
    [one] یک نفر منتظر است
   *[other] { $count } نفر منتظر هستند
}
display-wait = حدود { $minutes } دقیقه
display-offline = اتصال برقرار نیست
display-announce = شماره { $number }، لطفاً به { $counter } بیایید.
display-announce-again = یک بار دیگر: شماره { $number }، لطفاً به { $counter } بیایید.
display-welcome = خوش آمدید! لطفاً از دستگاه نوبت‌دهی یک شماره نوبت بگیرید.
