# Interface texts of the Willkommen web app in Ukrainian.
# Every locales/<language>/main.ftl has exactly the message ids of locales/de/main.ftl.

screen-staff = Робоче місце працівника
screen-admin = Адміністрування


## Settings bar, at the same place on every kiosk screen

settings-label = Читання й озвучення
settings-language = Мова
settings-large-text = Великий шрифт
settings-high-contrast = Високий контраст
settings-read-aloud = Читати вголос
settings-stop-reading = Зупинити читання
settings-repeat = Прочитати ще раз
speech-no-voice = Цей термінал не має голосу для мови «{ $language }». Якщо вам потрібна допомога, зверніться, будь ласка, до інформаційної стійки.
speech-unavailable = Цей термінал не може читати вголос. Якщо вам потрібна допомога, зверніться, будь ласка, до інформаційної стійки.

nav-back = Назад
nav-start-over = Почати спочатку

## Welcome screen

welcome-greeting = Ласкаво просимо
welcome-start = Почати
welcome-start-hint = Торкніться екрана або натисніть клавішу Enter, щоб отримати талон.
welcome-open = Зараз можна отримати талон.
welcome-unavailable = Зараз талони не видаються. Будь ласка, підійдіть до інформаційної стійки.

## Choosing the language

language-heading = Оберіть мову
language-hint = Мову можна змінити будь-коли кнопкою «Мова» внизу.

## Choosing the concern

kiosk-choose-concern = З яким питанням ви прийшли?
kiosk-choose-concern-hint = Натисніть на своє питання. Після цього ви отримаєте талон.
kiosk-loading = Зачекайте, будь ласка…
kiosk-issuing = Створюємо ваш талон…
kiosk-documents-count = { $count ->
    [0] Документи не потрібні
    [one] Потрібно принести { $count } документ
    [few] Потрібно принести { $count } документи
    [many] Потрібно принести { $count } документів
   *[other] Потрібно принести { $count } документа
}
concern-not-sure = Не знаю, що обрати
concern-not-sure-description = Ви отримаєте талон до інформаційної стійки. Там вам допоможуть.

kiosk-closed = Зараз ми зачинені.
kiosk-cut-off = Сьогодні нових талонів більше немає. Ми ще обслуговуємо всіх, хто вже чекає.
kiosk-reopens = Талони знову видаватимуть: { $time }.
kiosk-quota-reached = На сьогодні всі талони вже видано.

## Запис на прийом: реєстрація за номером із підтвердження запису

appointment-have = У мене є запис
appointment-have-description = Зареєструйтеся тут на свій прийом за номером із підтвердження запису.
reference-heading = Введіть номер свого запису
reference-hint = Номер указано в підтвердженні запису. Пробіли й дефіси можна не вводити.
reference-scan-hint = Або піднесіть QR-код із підтвердження запису до сканера.
reference-label = Номер вашого запису:
reference-delete = Стерти символ
reference-clear = Стерти все
reference-confirm = Знайти мій запис
reference-looking-up = Шукаємо ваш запис …
reference-unknown = Ми не знайшли такого номера запису. Будь ласка, звірте номер із підтвердженням запису й спробуйте ще раз.
reference-slow-down = { $seconds ->
    [one] Тут кілька разів ввели невідомі номери. Будь ласка, зачекайте { $seconds } секунду, потім можна спробувати ще раз.
    [few] Тут кілька разів ввели невідомі номери. Будь ласка, зачекайте { $seconds } секунди, потім можна спробувати ще раз.
    [many] Тут кілька разів ввели невідомі номери. Будь ласка, зачекайте { $seconds } секунд, потім можна спробувати ще раз.
   *[other] Тут кілька разів ввели невідомі номери. Будь ласка, зачекайте { $seconds } секунди, потім можна спробувати ще раз.
}
appointment-heading = Ваш запис
appointment-reference = Номер запису: { $reference }
appointment-open = Ви можете зареєструватися зараз. Спершу скажіть нам, які документи у вас із собою.
appointment-too-early = Ви прийшли зарано. Зареєструватися можна буде з такого часу: { $time }.
appointment-too-early-hint = Будь ласка, тоді підійдіть до термінала ще раз. До того часу можете почекати тут.
appointment-too-late = На жаль, час вашого запису вже минув.
appointment-late-walk-in = Ви можете отримати талон без запису з тим самим питанням. Можливо, чекати доведеться довше.
appointment-late-information = Ви можете отримати талон до інформаційної стійки. Там вам допоможуть.
appointment-cancelled = Цей запис скасовано.
appointment-over = Час цього запису вже минув.
appointment-ask-information = Будь ласка, зверніться до інформаційної стійки. Там вам допоможуть.
appointment-information-ticket = Талон до інформаційної стійки
appointment-checked-in-before = Ви вже зареєструвалися на цей запис. Ось ваш талон.
ticket-appointment = Запис на { $time }
error-check-in-too-early = На цей запис ще не можна зареєструватися. Будь ласка, спробуйте трохи пізніше.
error-appointment-closed = Цей запис скасовано, або його час уже минув. Будь ласка, зверніться до інформаційної стійки.

## Document checklist

checklist-heading = Які документи у вас із собою?
checklist-hint = Для кожного документа оберіть «Маю з собою» або «Немає з собою».
checklist-required = Обов’язково
checklist-if-applicable = Лише якщо це стосується вас
checklist-have = Маю з собою
checklist-missing = Немає з собою
checklist-progress = Заповнено: { $answered } з { $total }
checklist-continue = Далі

## Summary before the ticket

summary-heading = Ваш підсумок
summary-have = У вас із собою
summary-missing = Бракує
summary-complete = У вас із собою всі потрібні документи.
summary-missing-required = { $count ->
    [one] Бракує { $count } обов’язкового документа. Ви все одно можете взяти талон, але тоді ми, можливо, не зможемо вирішити ваше питання сьогодні.
    [few] Бракує { $count } обов’язкових документів. Ви все одно можете взяти талон, але тоді ми, можливо, не зможемо вирішити ваше питання сьогодні.
    [many] Бракує { $count } обов’язкових документів. Ви все одно можете взяти талон, але тоді ми, можливо, не зможемо вирішити ваше питання сьогодні.
   *[other] Бракує { $count } обов’язкового документа. Ви все одно можете взяти талон, але тоді ми, можливо, не зможемо вирішити ваше питання сьогодні.
}
summary-missing-if-applicable = Бракує деяких документів, які потрібні не завжди. Працівник скаже вам, чи вони потрібні.
summary-take-ticket = Взяти талон
summary-print-checklist = Надрукувати список і прийти пізніше
summary-checklist-printed = Ваш список друкується. Будь ласка, візьміть його з собою.

## Ticket

ticket-heading = Ваш номер
ticket-number-spoken = Ваш номер — { $number }.
ticket-people-ahead = { $count ->
    [0] Перед вами нікого немає — незабаром ваша черга.
    [one] Перед вами ще { $count } людина.
    [few] Перед вами ще { $count } людини.
    [many] Перед вами ще { $count } людей.
   *[other] Перед вами ще { $count } людини.
}
ticket-wait = { $max ->
    [one] Орієнтовний час очікування: від { $min } до { $max } хвилини.
    [few] Орієнтовний час очікування: від { $min } до { $max } хвилин.
    [many] Орієнтовний час очікування: від { $min } до { $max } хвилин.
   *[other] Орієнтовний час очікування: від { $min } до { $max } хвилини.
}
ticket-wait-hours = { $max ->
    [one] Орієнтовний час очікування: від { $min } до { $max } години.
    [few] Орієнтовний час очікування: від { $min } до { $max } годин.
    [many] Орієнтовний час очікування: від { $min } до { $max } годин.
   *[other] Орієнтовний час очікування: від { $min } до { $max } години.
}
ticket-wait-unknown = Ми поки не можемо оцінити час очікування.
ticket-wait-hint = Будь ласка, зачекайте, доки ваш номер з’явиться на екрані.
ticket-qr-hint = Відскануйте код телефоном. Там ви побачите, коли настане ваша черга.
ticket-qr-label = QR-код для вашого номера { $number }
ticket-missing-heading = Не забудьте: цих документів бракує
ticket-print = Надрукувати талон
ticket-printing = Ваш талон друкується. Будь ласка, візьміть його.
ticket-done = Готово
ticket-issued-at = Видано: { $time }

## Inactivity warning

idle-heading = Ви ще тут?
idle-countdown = { $seconds ->
    [one] Через { $seconds } секунду термінал почне спочатку й видалить ваші відповіді.
    [few] Через { $seconds } секунди термінал почне спочатку й видалить ваші відповіді.
    [many] Через { $seconds } секунд термінал почне спочатку й видалить ваші відповіді.
   *[other] Через { $seconds } секунди термінал почне спочатку й видалить ваші відповіді.
}
idle-more-time = Мені потрібно більше часу

## The visitor's ticket page on their phone

status-heading = Ваш номер
status-waiting = Ви в черзі.
status-called = Ваша черга. Будь ласка, підійдіть до вікна.
status-serving = Вас зараз обслуговують.
status-parked = Ваш талон тимчасово відкладено. Вас викличуть знову.
status-finished = Ваше питання вирішено.
status-no-show = Вас викликали, але ви не підійшли. Будь ласка, зверніться до інформаційної стійки.
status-cancelled = Цей талон скасовано.
status-not-found-heading = Талон не знайдено
status-not-found = Такого талона не знайдено, або термін його дії минув. Будь ласка, зверніться до інформаційної стійки.
status-your-turn = Ваша черга: { $counter }
status-title-called = { $number } → { $counter }
status-leave = Я йду
status-leave-question = Ви хочете скасувати свій талон? Тоді ви втратите своє місце в черзі.
status-leave-confirm = Так, скасувати талон
status-leave-keep = Ні, залишитися в черзі
status-offline = Зараз немає з’єднання. Ця сторінка оновиться сама, щойно з’єднання відновиться.
status-language = Мова цієї сторінки
status-appointment = Ваш запис: { $time }
status-appointment-late = Ви прийшли пізніше за час запису, тому вас викличуть без пріоритету.

## Сповіщення на телефоні (Web Push) і відгук після візиту

notify-heading = Можна чекати надворі
notify-explain = { $ahead ->
    [one] Ми надішлемо сповіщення на цей телефон, коли перед вами залишиться лише { $ahead } людина, і коли настане ваша черга. Це працює, навіть якщо сторінку закрито.
    [few] Ми надішлемо сповіщення на цей телефон, коли перед вами залишаться лише { $ahead } людини, і коли настане ваша черга. Це працює, навіть якщо сторінку закрито.
    [many] Ми надішлемо сповіщення на цей телефон, коли перед вами залишиться лише { $ahead } людей, і коли настане ваша черга. Це працює, навіть якщо сторінку закрито.
   *[other] Ми надішлемо сповіщення на цей телефон, коли перед вами залишиться лише { $ahead } людини, і коли настане ваша черга. Це працює, навіть якщо сторінку закрито.
}
notify-button = Сповістити мене
notify-asking = Будь ласка, дозвольте сповіщення.
notify-on = Сповіщення увімкнено. Можете закрити цю сторінку.
notify-off-button = Вимкнути сповіщення
notify-off = Сповіщення вимкнено.
notify-denied = Цей телефон не дозволяє сповіщення від цієї сторінки. Це можна змінити в налаштуваннях браузера. Або залиште цю сторінку відкритою: тут видно, коли настане ваша черга.
notify-unsupported = Цей браузер не може отримувати сповіщення. Залиште цю сторінку відкритою: тут видно, коли настане ваша черга.
notify-home-screen = На iPhone або iPad: натисніть «Поширити» (Share), потім «На початковий екран» (Add to Home Screen). Відкрийте сторінку звідти. Тоді ми зможемо надсилати вам сповіщення.
notify-failed = Не вдалося ввімкнути сповіщення. Залиште цю сторінку відкритою: тут видно, коли настане ваша черга.
alert-button = Увімкнути тут звук і вібрацію
alert-on = Звук і вібрація увімкнені, поки ця сторінка відкрита.
feedback-question = Як пройшов ваш візит?
feedback-rating-1 = Дуже погано
feedback-rating-2 = Погано
feedback-rating-3 = Нормально
feedback-rating-4 = Добре
feedback-rating-5 = Дуже добре
feedback-reasons = Що підходить? Можна нічого не позначати.
feedback-reason-waited-long = Мені довелося довго чекати.
feedback-reason-explained-well = Мені все добре пояснили.
feedback-reason-knew-documents = Мені було зрозуміло, які документи треба принести.
feedback-reason-understood = Мене добре розуміли.
feedback-reason-friendly = Зі мною поводилися привітно.
feedback-send = Надіслати
feedback-anonymous = Ваша відповідь анонімна. Її не зберігають разом із номером вашого талона.
feedback-thanks = Дякуємо за ваш відгук!

## Problems

error-unreachable = Система черги зараз недоступна. Будь ласка, спробуйте ще раз за хвилину або зверніться до інформаційної стійки.
error-retrying = Ми автоматично пробуємо знову.
error-unknown-concern = Цієї послуги більше немає. Будь ласка, оберіть ще раз.
error-not-found = Нічого не знайдено. Будь ласка, зверніться до інформаційної стійки.
error-refused = На жаль, не вдалося. Будь ласка, зверніться до інформаційної стійки.

error-office-closed = Зараз ми зачинені. Будь ласка, приходьте в години роботи.
error-cut-off-passed = Сьогодні нових талонів більше немає. Будь ласка, приходьте іншого дня.
error-quota-reached = На сьогодні всі талони з цього питання вже видано. Будь ласка, приходьте іншого дня.

action-retry = Спробувати ще раз
action-start-over = Почати спочатку

not-found-heading = Сторінку не знайдено
not-found-link = До термінала електронної черги

## The lobby call display (/display): headers in German and English, one line rotating through the other languages

display-heading = Виклик
display-number = Номер
display-counter = Вікно
display-again = повторний виклик
display-appointment = Запис
display-waiting-heading = Очікують
display-waiting = { $count ->
    [0] ніхто не чекає
    [one] { $count } людина чекає
    [few] { $count } людини чекають
    [many] { $count } людей чекають
   *[other] { $count } людини чекають
}
display-wait = близько { $minutes } хв
display-offline = немає з’єднання
display-announce = Номер { $number }, будь ласка, підійдіть до { $counter }.
display-announce-again = Повторний виклик: номер { $number }, будь ласка, підійдіть до { $counter }.
display-welcome = Ласкаво просимо! Будь ласка, візьміть талон у терміналі.
