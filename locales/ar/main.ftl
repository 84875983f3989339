# Interface texts of the Willkommen web app in Modern Standard Arabic.

screen-staff = مكتب الموظفين
screen-admin = الإدارة


## Settings bar, at the same place on every kiosk screen

settings-label = القراءة والاستماع
settings-language = اللغة
settings-large-text = خط كبير
settings-high-contrast = تباين عالٍ
settings-read-aloud = القراءة بصوت عالٍ
settings-stop-reading = إيقاف القراءة
settings-repeat = إعادة القراءة
speech-no-voice = لا يتوفر في هذا الجهاز صوت للغة { $language }. إذا كنت بحاجة إلى مساعدة، فيُرجى السؤال في مكتب الاستعلامات.
speech-unavailable = لا يستطيع هذا الجهاز القراءة بصوت عالٍ. إذا كنت بحاجة إلى مساعدة، فيُرجى السؤال في مكتب الاستعلامات.

nav-back = رجوع
nav-start-over = البدء من جديد

## Welcome screen

welcome-greeting = أهلًا وسهلًا
welcome-start = ابدأ
welcome-start-hint = المس الشاشة أو اضغط على مفتاح الإدخال (Enter) للحصول على رقم انتظار.
welcome-open = أرقام الانتظار متاحة الآن.
welcome-unavailable = لا يمكن إصدار أرقام انتظار في الوقت الحالي. يُرجى التوجه إلى مكتب الاستعلامات.

## Choosing the language

language-heading = اختر لغتك
language-hint = يمكنك تغيير اللغة في أي وقت من زر اللغة في الأسفل.

## Choosing the concern

kiosk-choose-concern = كيف يمكننا مساعدتك؟
kiosk-choose-concern-hint = اضغط على سبب زيارتك، وبعدها تحصل على رقم انتظار.
kiosk-loading = لحظة من فضلك …
kiosk-issuing = جارٍ إعداد رقم انتظارك …
kiosk-documents-count = { $count ->
    [0] لا حاجة إلى أي مستندات
    [zero] لا حاجة إلى أي مستندات
    [one] إحضار مستند واحد
    [two] إحضار مستندين
    [few] إحضار { $count } مستندات
    [many] إحضار { $count } مستندًا
   *[other] إحضار { $count } مستند
}
concern-not-sure = لا أعرف بالضبط
concern-not-sure-description = ستحصل على رقم انتظار لمكتب الاستعلامات، وهناك سنساعدك.

kiosk-closed = نحن مغلقون الآن.
kiosk-cut-off = لا توجد أرقام انتظار جديدة اليوم. ما زلنا نخدم جميع من ينتظرون.
kiosk-reopens = تتوفر أرقام الانتظار مجددًا: { $time }.
kiosk-quota-reached = تم توزيع جميع أرقام الانتظار لهذا اليوم.

## المواعيد: تسجيل الحضور برقم الموعد من تأكيد الحجز

appointment-have = لدي موعد
appointment-have-description = سجّل حضورك لموعدك هنا برقم الموعد الموجود في تأكيد الحجز.
reference-heading = أدخل رقم موعدك
reference-hint = تجد الرقم في تأكيد الحجز. يمكنك ترك المسافات والشرطات.
reference-scan-hint = أو ضع رمز QR الموجود في تأكيد الحجز أمام الماسح الضوئي.
reference-label = رقم موعدك:
reference-delete = حذف حرف
reference-clear = حذف الكل
reference-confirm = ابحث عن موعدي
reference-looking-up = نبحث عن موعدك …
reference-unknown = لم نجد رقم الموعد هذا. يُرجى التحقق من الرقم في تأكيد الحجز ثم المحاولة مرة أخرى.
reference-slow-down = { $seconds ->
    [zero] أُدخلت هنا عدة أرقام غير معروفة. يمكنك المحاولة مرة أخرى الآن.
    [one] أُدخلت هنا عدة أرقام غير معروفة. يُرجى الانتظار ثانية واحدة، ثم يمكنك المحاولة مرة أخرى.
    [two] أُدخلت هنا عدة أرقام غير معروفة. يُرجى الانتظار ثانيتين، ثم يمكنك المحاولة مرة أخرى.
    [few] أُدخلت هنا عدة أرقام غير معروفة. يُرجى الانتظار { $seconds } ثوانٍ، ثم يمكنك المحاولة مرة أخرى.
    [many] أُدخلت هنا عدة أرقام غير معروفة. يُرجى الانتظار { $seconds } ثانية، ثم يمكنك المحاولة مرة أخرى.
   *[other] أُدخلت هنا عدة أرقام غير معروفة. يُرجى الانتظار { $seconds } ثانية، ثم يمكنك المحاولة مرة أخرى.
}
appointment-heading = موعدك
appointment-reference = رقم الموعد: { $reference }
appointment-open = يمكنك تسجيل حضورك الآن. أخبرنا أولًا بالمستندات التي أحضرتها معك.
appointment-too-early = لقد وصلت مبكرًا. يمكنك تسجيل حضورك ابتداءً من: { $time }.
appointment-too-early-hint = يُرجى العودة إلى الجهاز في ذلك الوقت. يمكنك الانتظار هنا حتى ذلك الحين.
appointment-too-late = للأسف، فات وقت موعدك.
appointment-late-walk-in = يمكنك الحصول على رقم انتظار بدون موعد للمعاملة نفسها. قد يطول انتظارك.
appointment-late-information = يمكنك الحصول على رقم انتظار لمكتب الاستعلامات، وهناك سنساعدك.
appointment-cancelled = أُلغي هذا الموعد.
appointment-over = انتهى هذا الموعد.
appointment-ask-information = يُرجى السؤال في مكتب الاستعلامات، وهناك سنساعدك.
appointment-information-ticket = رقم انتظار لمكتب الاستعلامات
appointment-checked-in-before = لقد سجّلت حضورك لهذا الموعد من قبل. هذا هو رقم انتظارك.
ticket-appointment = الموعد: { $time }
error-check-in-too-early = لا يمكنك تسجيل حضورك لهذا الموعد بعد. يُرجى المحاولة مرة أخرى بعد قليل.
error-appointment-closed = أُلغي هذا الموعد أو انتهى. يُرجى السؤال في مكتب الاستعلامات.

## Document checklist

checklist-heading = ما المستندات التي أحضرتها معك؟
checklist-hint = اختر لكل مستند «معي» أو «ليس معي».
checklist-required = مطلوب
checklist-if-applicable = فقط إذا كان ذلك ينطبق عليك
checklist-have = معي
checklist-missing = ليس معي
checklist-progress = أجبت عن { $answered } من { $total }
checklist-continue = متابعة

## Summary before the ticket

summary-heading = الملخص
summary-have = ما معك
summary-missing = ما ينقصك
summary-complete = معك جميع المستندات المطلوبة.
summary-missing-required = { $count ->
    [zero] لا ينقصك أي مستند مطلوب.
    [one] ينقصك مستند مطلوب واحد. يمكنك مع ذلك أخذ رقم انتظار، لكن بدون هذا المستند قد لا نتمكن من إنهاء معاملتك اليوم.
    [two] ينقصك مستندان مطلوبان. يمكنك مع ذلك أخذ رقم انتظار، لكن بدونهما قد لا نتمكن من إنهاء معاملتك اليوم.
    [few] ينقصك { $count } مستندات مطلوبة. يمكنك مع ذلك أخذ رقم انتظار، لكن بدونها قد لا نتمكن من إنهاء معاملتك اليوم.
    [many] ينقصك { $count } مستندًا مطلوبًا. يمكنك مع ذلك أخذ رقم انتظار، لكن بدونها قد لا نتمكن من إنهاء معاملتك اليوم.
   *[other] ينقصك { $count } مستند مطلوب. يمكنك مع ذلك أخذ رقم انتظار، لكن بدونها قد لا نتمكن من إنهاء معاملتك اليوم.
}
summary-missing-if-applicable = تنقصك مستندات لا تُطلب إلا في بعض الحالات. سيخبرك الموظف عند الشباك إن كنت تحتاج إليها.
summary-take-ticket = خذ رقم انتظار
summary-print-checklist = اطبع القائمة وعُد لاحقًا
summary-checklist-printed = تتم طباعة قائمتك الآن. يُرجى أخذها معك.

## Ticket

ticket-heading = رقم انتظارك
ticket-number-spoken = رقم انتظارك هو { $number }.
ticket-people-ahead = { $count ->
    [0] دورك هو التالي.
    [zero] دورك هو التالي.
    [one] أمامك شخص واحد.
    [two] أمامك شخصان.
    [few] أمامك { $count } أشخاص.
    [many] أمامك { $count } شخصًا.
   *[other] أمامك { $count } شخص.
}
ticket-wait = { $max ->
    [zero] مدة الانتظار المتوقعة: من { $min } إلى { $max } دقيقة.
    [one] مدة الانتظار المتوقعة: من { $min } إلى { $max } دقيقة.
    [two] مدة الانتظار المتوقعة: من { $min } إلى { $max } دقيقة.
    [few] مدة الانتظار المتوقعة: من { $min } إلى { $max } دقائق.
    [many] مدة الانتظار المتوقعة: من { $min } إلى { $max } دقيقة.
   *[other] مدة الانتظار المتوقعة: من { $min } إلى { $max } دقيقة.
}
ticket-wait-hours = { $max ->
    [zero] مدة الانتظار المتوقعة: من { $min } إلى { $max } ساعة.
    [one] مدة الانتظار المتوقعة: من { $min } إلى { $max } ساعة.
    [two] مدة الانتظار المتوقعة: من { $min } إلى { $max } ساعة.
    [few] مدة الانتظار المتوقعة: من { $min } إلى { $max } ساعات.
    [many] مدة الانتظار المتوقعة: من { $min } إلى { $max } ساعة.
   *[other] مدة الانتظار المتوقعة: من { $min } إلى { $max } ساعة.
}
ticket-wait-unknown = لا يمكننا تقدير مدة الانتظار بعد.
ticket-wait-hint = يُرجى الانتظار حتى يظهر رقمك على الشاشة.
ticket-qr-hint = امسح الرمز بهاتفك، وسترى عليه متى يحين دورك.
ticket-qr-label = رمز QR لرقم انتظارك { $number }
ticket-missing-heading = تذكَّر: هذه المستندات ناقصة
ticket-print = طباعة رقم الانتظار
ticket-printing = تتم طباعة رقم انتظارك الآن. يُرجى أخذه معك.
ticket-done = تم
ticket-issued-at = وقت الإصدار: { $time }

## Inactivity warning

idle-heading = هل ما زلت هنا؟
idle-countdown = { $seconds ->
    [zero] سيبدأ الجهاز من جديد الآن، وستُحذف إجاباتك.
    [one] سيبدأ الجهاز من جديد بعد ثانية واحدة، وستُحذف إجاباتك.
    [two] سيبدأ الجهاز من جديد بعد ثانيتين، وستُحذف إجاباتك.
    [few] سيبدأ الجهاز من جديد بعد { $seconds } ثوانٍ، وستُحذف إجاباتك.
    [many] سيبدأ الجهاز من جديد بعد { $seconds } ثانية، وستُحذف إجاباتك.
   *[other] سيبدأ الجهاز من جديد بعد { $seconds } ثانية، وستُحذف إجاباتك.
}
idle-more-time = أحتاج إلى وقت إضافي

## The visitor's ticket page on their phone

status-heading = رقم انتظارك
status-waiting = أنت في قائمة الانتظار.
status-called = حان دورك. يُرجى التوجه إلى الشباك.
status-serving = تتم خدمتك الآن.
status-parked = تم تأجيل رقم انتظارك مؤقتًا. سيُنادى على رقمك مرة أخرى.
status-finished = تم إنجاز معاملتك.
status-no-show = نودي على رقمك، لكنك لم تكن هنا. يُرجى السؤال في مكتب الاستعلامات.
status-cancelled = تم إلغاء رقم الانتظار هذا.
status-not-found-heading = لم يتم العثور على رقم الانتظار
status-not-found = لا نعرف رقم الانتظار هذا، أو انتهت صلاحيته. يُرجى السؤال في مكتب الاستعلامات.
status-your-turn = حان دورك: { $counter }
status-title-called = { $number } → { $counter }
status-leave = سأغادر
status-leave-question = هل تريد إلغاء رقم انتظارك؟ ستفقد بذلك مكانك في قائمة الانتظار.
status-leave-confirm = نعم، أريد إلغاء رقم الانتظار
status-leave-keep = لا، أريد الاحتفاظ بمكاني
status-offline = لا يوجد اتصال حاليًا. ستُحدَّث هذه الصفحة تلقائيًا.
status-language = لغة هذه الصفحة
status-appointment = موعدك: { $time }
status-appointment-late = وصلت بعد وقت موعدك، لذلك سيُنادى عليك دون أولوية.

## الإشعارات على الهاتف (Web Push) والتقييم بعد الزيارة

notify-heading = انتظر في الخارج
notify-explain = { $ahead ->
    [zero] سنرسل إليك إشعارًا على هذا الهاتف عندما يكون دورك هو التالي، وعندما يحين دورك. وهذا يعمل حتى لو أغلقت هذه الصفحة.
    [one] سنرسل إليك إشعارًا على هذا الهاتف عندما يبقى أمامك شخص واحد فقط، وعندما يحين دورك. وهذا يعمل حتى لو أغلقت هذه الصفحة.
    [two] سنرسل إليك إشعارًا على هذا الهاتف عندما يبقى أمامك شخصان فقط، وعندما يحين دورك. وهذا يعمل حتى لو أغلقت هذه الصفحة.
    [few] سنرسل إليك إشعارًا على هذا الهاتف عندما يبقى أمامك { $ahead } أشخاص فقط، وعندما يحين دورك. وهذا يعمل حتى لو أغلقت هذه الصفحة.
    [many] سنرسل إليك إشعارًا على هذا الهاتف عندما يبقى أمامك { $ahead } شخصًا فقط، وعندما يحين دورك. وهذا يعمل حتى لو أغلقت هذه الصفحة.
   *[other] سنرسل إليك إشعارًا على هذا الهاتف عندما يبقى أمامك { $ahead } شخص فقط، وعندما يحين دورك. وهذا يعمل حتى لو أغلقت هذه الصفحة.
}
notify-button = أرسل لي إشعارًا
notify-asking = يُرجى السماح بالإشعارات.
notify-on = الإشعارات مفعّلة. يمكنك إغلاق هذه الصفحة.
notify-off-button = إيقاف الإشعارات
notify-off = الإشعارات متوقفة.
notify-denied = هذا الهاتف لا يسمح بالإشعارات من هذه الصفحة. يمكنك تغيير ذلك في إعدادات المتصفح. أو اترك هذه الصفحة مفتوحة: ستعرف منها متى يحين دورك.
notify-unsupported = هذا المتصفح لا يستطيع استقبال الإشعارات. اترك هذه الصفحة مفتوحة: ستعرف منها متى يحين دورك.
notify-home-screen = على iPhone أو iPad: اضغط على «مشاركة»، ثم على «إضافة إلى الشاشة الرئيسية». افتح الصفحة من هناك. بعدها يمكننا أن نرسل إليك الإشعارات.
notify-failed = لم نتمكن من تفعيل الإشعارات. اترك هذه الصفحة مفتوحة: ستعرف منها متى يحين دورك.
alert-button = تشغيل الصوت والاهتزاز هنا
alert-on = الصوت والاهتزاز يعملان ما دامت هذه الصفحة مفتوحة.
feedback-question = كيف كانت زيارتك؟
feedback-rating-1 = سيئة جدًا
feedback-rating-2 = سيئة
feedback-rating-3 = مقبولة
feedback-rating-4 = جيدة
feedback-rating-5 = جيدة جدًا
feedback-reasons = ما الذي ينطبق على زيارتك؟ يمكنك أيضًا ألا تختار شيئًا.
feedback-reason-waited-long = انتظرت وقتًا طويلًا.
feedback-reason-explained-well = شُرح لي كل شيء بشكل جيد.
feedback-reason-knew-documents = كنت أعرف المستندات التي يجب أن أحضرها.
feedback-reason-understood = تمكنت من التفاهم بشكل جيد.
feedback-reason-friendly = عاملني الموظفون بلطف.
feedback-send = إرسال
feedback-anonymous = إجابتك مجهولة الهوية. لا نحفظها مع رقم انتظارك.
feedback-thanks = شكرًا لك على رأيك!

## Problems

error-unreachable = لا يمكن الوصول إلى نظام الانتظار الآن. يُرجى المحاولة مرة أخرى بعد قليل أو السؤال في مكتب الاستعلامات.
error-retrying = نواصل المحاولة تلقائيًا.
error-unknown-concern = هذه الخدمة لم تعد متوفرة. يُرجى الاختيار مرة أخرى.
error-not-found = لم نعثر على ما تبحث عنه. يُرجى السؤال في مكتب الاستعلامات.
error-refused = عذرًا، لم ينجح ذلك. يُرجى السؤال في مكتب الاستعلامات.

error-office-closed = نحن مغلقون الآن. يُرجى العودة خلال أوقات الدوام.
error-cut-off-passed = لا توجد أرقام انتظار جديدة اليوم. يُرجى العودة في يوم آخر.
error-quota-reached = نفدت أرقام الانتظار لهذه الخدمة اليوم. يُرجى العودة في يوم آخر.

action-retry = حاول مرة أخرى
action-start-over = البدء من جديد

not-found-heading = الصفحة غير موجودة
not-found-link = إلى جهاز أرقام الانتظار

## The lobby call display (/display): headers in German and English, one line rotating through the other languages

display-heading = يُنادى الآن
display-number = الرقم
display-counter = الشباك
display-again = نداء مجدد
display-appointment = موعد
display-waiting-heading = في الانتظار
display-waiting = { $count ->
    [0] لا أحد ينتظر
    [zero] لا أحد ينتظر
    [one] شخص واحد ينتظر
    [two] شخصان ينتظران
    [few] { $count } أشخاص ينتظرون
    [many] { $count } شخصًا ينتظرون
   *[other] { $count } شخص ينتظرون
}
display-wait = { $minutes ->
    [zero] حوالي { $minutes } دقيقة
    [one] حوالي { $minutes } دقيقة
    [two] حوالي { $minutes } دقيقة
    [few] حوالي { $minutes } دقائق
    [many] حوالي { $minutes } دقيقة
   *[other] حوالي { $minutes } دقيقة
}
display-offline = لا يوجد اتصال
display-announce = الرقم { $number }، يُرجى التوجه إلى { $counter }.
display-announce-again = الرقم { $number } مرة أخرى، يُرجى التوجه إلى { $counter }.
display-welcome = أهلًا وسهلًا! يُرجى أخذ رقم انتظار من الجهاز.
