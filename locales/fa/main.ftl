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

## وقت ملاقات: ثبت حضور با شماره‌ای که در تأییدیه وقت ملاقات آمده است

appointment-have = وقت ملاقات دارم
appointment-have-description = با شماره‌ای که در تأییدیه وقت ملاقات شما آمده است، اینجا حضور خود را ثبت کنید.
reference-heading = شماره وقت ملاقات خود را وارد کنید
reference-hint = این شماره در تأییدیه وقت ملاقات شما آمده است. فاصله‌ها و خط‌تیره‌ها را لازم نیست وارد کنید.
reference-scan-hint = یا کد QR تأییدیه وقت ملاقات خود را جلوی اسکنر بگیرید.
reference-label = شماره وقت ملاقات شما:
reference-delete = پاک کردن یک حرف
reference-clear = پاک کردن همه
reference-confirm = پیدا کردن وقت ملاقات من
reference-looking-up = در حال جستجوی وقت ملاقات شما …
reference-unknown = این شماره وقت ملاقات را پیدا نکردیم. لطفاً شماره را با تأییدیه وقت ملاقات خود مقایسه کنید و دوباره تلاش کنید.
reference-slow-down = { $seconds ->
    [one] اینجا چند شماره ناشناخته وارد شده است. لطفاً { $seconds } ثانیه صبر کنید، بعد می‌توانید دوباره تلاش کنید.
   *[other] اینجا چند شماره ناشناخته وارد شده است. لطفاً { $seconds } ثانیه صبر کنید، بعد می‌توانید دوباره تلاش کنید.
}
appointment-heading = وقت ملاقات شما
appointment-reference = شماره وقت ملاقات: { $reference }
appointment-open = اکنون می‌توانید حضور خود را ثبت کنید. اول به ما بگویید کدام مدارک را همراه دارید.
appointment-too-early = زود آمده‌اید. از این زمان می‌توانید حضور خود را ثبت کنید: { $time }.
appointment-too-early-hint = لطفاً آن موقع دوباره به این دستگاه برگردید. تا آن زمان می‌توانید اینجا منتظر بمانید.
appointment-too-late = متأسفانه زمان وقت ملاقات شما گذشته است.
appointment-late-walk-in = می‌توانید برای همین کار یک شماره نوبت بدون وقت ملاقات بگیرید. شاید بیشتر منتظر بمانید.
appointment-late-information = می‌توانید یک شماره نوبت برای میز راهنمایی بگیرید. آنجا به شما کمک می‌کنیم.
appointment-cancelled = این وقت ملاقات لغو شده است.
appointment-over = این وقت ملاقات گذشته است.
appointment-ask-information = لطفاً از میز راهنمایی بپرسید. آنجا به شما کمک می‌کنیم.
appointment-information-ticket = شماره نوبت برای میز راهنمایی
appointment-checked-in-before = شما قبلاً برای این وقت ملاقات حضور خود را ثبت کرده‌اید. این شماره نوبت شماست.
ticket-appointment = وقت ملاقات: { $time }
error-check-in-too-early = هنوز نمی‌توانید برای این وقت ملاقات حضور خود را ثبت کنید. لطفاً کمی بعد دوباره تلاش کنید.
error-appointment-closed = این وقت ملاقات لغو شده یا گذشته است. لطفاً از میز راهنمایی بپرسید.

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

## اعلان روی موبایل (Web Push) و نظر شما بعد از مراجعه

notify-heading = بیرون منتظر بمانید
notify-explain = { $ahead ->
    [one] وقتی قبل از شما فقط یک نفر مانده باشد، و وقتی نوبت شما برسد، روی همین موبایل برای شما اعلان می‌فرستیم. حتی اگر این صفحه بسته باشد.
   *[other] وقتی قبل از شما فقط { $ahead } نفر مانده باشند، و وقتی نوبت شما برسد، روی همین موبایل برای شما اعلان می‌فرستیم. حتی اگر این صفحه بسته باشد.
}
notify-button = به من خبر بدهید
notify-asking = لطفاً اجازه دهید اعلان‌ها نشان داده شوند.
notify-on = اعلان‌ها روشن است. می‌توانید این صفحه را ببندید.
notify-off-button = خاموش کردن اعلان‌ها
notify-off = اعلان‌ها خاموش است.
notify-denied = این موبایل اجازه نمی‌دهد که این صفحه اعلان بفرستد. می‌توانید این را در تنظیمات مرورگر تغییر دهید. یا این صفحه را باز بگذارید: اینجا می‌بینید که نوبت شما کی می‌رسد.
notify-unsupported = این مرورگر نمی‌تواند اعلان دریافت کند. این صفحه را باز بگذارید: اینجا می‌بینید که نوبت شما کی می‌رسد.
notify-home-screen = در iPhone یا iPad: روی «اشتراک‌گذاری» (Share) بزنید، بعد روی «افزودن به صفحه اصلی» (Add to Home Screen). بعد صفحه را از آنجا باز کنید. آن وقت می‌توانیم برای شما اعلان بفرستیم.
notify-failed = روشن کردن اعلان‌ها انجام نشد. این صفحه را باز بگذارید: اینجا می‌بینید که نوبت شما کی می‌رسد.
alert-button = روشن کردن صدا و لرزش در اینجا
alert-on = تا وقتی این صفحه باز است، صدا و لرزش روشن است.
feedback-question = مراجعه شما چطور بود؟
feedback-rating-1 = خیلی بد
feedback-rating-2 = بد
feedback-rating-3 = متوسط
feedback-rating-4 = خوب
feedback-rating-5 = خیلی خوب
feedback-reasons = کدام‌ها درست است؟ می‌توانید هیچ‌کدام را هم انتخاب نکنید.
feedback-reason-waited-long = مدت زیادی منتظر ماندم.
feedback-reason-explained-well = همه چیز را خوب برایم توضیح دادند.
feedback-reason-knew-documents = می‌دانستم کدام مدارک را باید همراه بیاورم.
feedback-reason-understood = توانستم حرفم را خوب بفهمانم.
feedback-reason-friendly = با من مهربان بودند.
feedback-send = ارسال
feedback-anonymous = پاسخ شما بی‌نام است. آن را همراه با شماره نوبت شما ذخیره نمی‌کنیم.
feedback-thanks = از نظر شما متشکریم!

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
