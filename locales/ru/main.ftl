# Interface texts of the Willkommen web app in Russian.
# Every locales/<language>/main.ftl has exactly the message ids of locales/de/main.ftl.

screen-staff = Рабочее место сотрудника
screen-admin = Администрирование


## Settings bar, at the same place on every kiosk screen

settings-label = Чтение и озвучивание
settings-language = Язык
settings-large-text = Крупный шрифт
settings-high-contrast = Высокий контраст
settings-read-aloud = Читать вслух
settings-stop-reading = Остановить чтение
settings-repeat = Прочитать ещё раз
speech-no-voice = На этом терминале нет голоса для языка «{ $language }». Если вам нужна помощь, обратитесь, пожалуйста, в справочную.
speech-unavailable = Этот терминал не может читать вслух. Если вам нужна помощь, обратитесь, пожалуйста, в справочную.

nav-back = Назад
nav-start-over = Начать сначала

## Welcome screen

welcome-greeting = Добро пожаловать
welcome-start = Начать
welcome-start-hint = Коснитесь экрана или нажмите клавишу Enter, чтобы получить талон.
welcome-open = Сейчас можно получить талон.
welcome-unavailable = Сейчас талоны не выдаются. Пожалуйста, подойдите в справочную.

## Choosing the language

language-heading = Выберите язык
language-hint = Язык можно сменить в любой момент кнопкой «Язык» внизу.

## Choosing the concern

kiosk-choose-concern = По какому вы вопросу?
kiosk-choose-concern-hint = Нажмите на ваш вопрос. После этого вы получите талон.
kiosk-loading = Подождите, пожалуйста…
kiosk-issuing = Создаём ваш талон…
kiosk-documents-count = { $count ->
    [0] Документы не нужны
    [one] Нужно принести { $count } документ
    [few] Нужно принести { $count } документа
    [many] Нужно принести { $count } документов
   *[other] Нужно принести { $count } документа
}
concern-not-sure = Не знаю, что выбрать
concern-not-sure-description = Вы получите талон в справочную. Там вам помогут.

kiosk-closed = Сейчас мы закрыты.
kiosk-cut-off = Сегодня новых талонов больше нет. Мы ещё принимаем всех, кто уже ждёт.
kiosk-reopens = Талоны снова будут выдаваться: { $time }.
kiosk-quota-reached = На сегодня все талоны уже выданы.

## Запись на приём: регистрация по номеру из подтверждения записи

appointment-have = У меня есть запись
appointment-have-description = Зарегистрируйтесь здесь на свой приём по номеру из подтверждения записи.
reference-heading = Введите номер своей записи
reference-hint = Номер указан в подтверждении записи. Пробелы и дефисы можно не вводить.
reference-scan-hint = Или поднесите QR-код из подтверждения записи к сканеру.
reference-label = Номер вашей записи:
reference-delete = Стереть символ
reference-clear = Стереть всё
reference-confirm = Найти мою запись
reference-looking-up = Ищем вашу запись …
reference-unknown = Мы не нашли такой номер записи. Пожалуйста, сверьте номер с подтверждением записи и попробуйте ещё раз.
reference-slow-down = { $seconds ->
    [one] Здесь несколько раз ввели неизвестные номера. Пожалуйста, подождите { $seconds } секунду, потом можно попробовать ещё раз.
    [few] Здесь несколько раз ввели неизвестные номера. Пожалуйста, подождите { $seconds } секунды, потом можно попробовать ещё раз.
    [many] Здесь несколько раз ввели неизвестные номера. Пожалуйста, подождите { $seconds } секунд, потом можно попробовать ещё раз.
   *[other] Здесь несколько раз ввели неизвестные номера. Пожалуйста, подождите { $seconds } секунды, потом можно попробовать ещё раз.
}
appointment-heading = Ваша запись
appointment-reference = Номер записи: { $reference }
appointment-open = Вы можете зарегистрироваться сейчас. Сначала скажите нам, какие документы у вас с собой.
appointment-too-early = Вы пришли слишком рано. Зарегистрироваться можно будет с этого времени: { $time }.
appointment-too-early-hint = Пожалуйста, подойдите тогда к терминалу ещё раз. До этого можете подождать здесь.
appointment-too-late = К сожалению, время вашей записи уже прошло.
appointment-late-walk-in = Вы можете получить талон без записи по тому же вопросу. Возможно, ждать придётся дольше.
appointment-late-information = Вы можете получить талон в справочную. Там вам помогут.
appointment-cancelled = Эта запись отменена.
appointment-over = Время этой записи уже прошло.
appointment-ask-information = Пожалуйста, обратитесь в справочную. Там вам помогут.
appointment-information-ticket = Талон в справочную
appointment-checked-in-before = Вы уже зарегистрировались на эту запись. Вот ваш талон.
ticket-appointment = Запись на { $time }
error-check-in-too-early = На эту запись пока нельзя зарегистрироваться. Пожалуйста, попробуйте чуть позже.
error-appointment-closed = Эта запись отменена, или её время уже прошло. Пожалуйста, обратитесь в справочную.

## Document checklist

checklist-heading = Какие документы у вас с собой?
checklist-hint = Для каждого документа выберите «Есть с собой» или «Нет с собой».
checklist-required = Обязательно
checklist-if-applicable = Только если это касается вас
checklist-have = Есть с собой
checklist-missing = Нет с собой
checklist-progress = Отвечено: { $answered } из { $total }
checklist-continue = Далее

## Summary before the ticket

summary-heading = Ваша сводка
summary-have = У вас с собой
summary-missing = Не хватает
summary-complete = У вас с собой все нужные документы.
summary-missing-required = { $count ->
    [one] Не хватает { $count } обязательного документа. Вы всё равно можете взять талон, но тогда мы, возможно, не сможем решить ваш вопрос сегодня.
    [few] Не хватает { $count } обязательных документов. Вы всё равно можете взять талон, но тогда мы, возможно, не сможем решить ваш вопрос сегодня.
    [many] Не хватает { $count } обязательных документов. Вы всё равно можете взять талон, но тогда мы, возможно, не сможем решить ваш вопрос сегодня.
   *[other] Не хватает { $count } обязательного документа. Вы всё равно можете взять талон, но тогда мы, возможно, не сможем решить ваш вопрос сегодня.
}
summary-missing-if-applicable = Не хватает некоторых документов, которые нужны не всегда. Сотрудник скажет вам, нужны ли они.
summary-take-ticket = Взять талон
summary-print-checklist = Распечатать список и прийти позже
summary-checklist-printed = Ваш список печатается. Пожалуйста, возьмите его с собой.

## Ticket

ticket-heading = Ваш номер
ticket-number-spoken = Ваш номер — { $number }.
ticket-people-ahead = { $count ->
    [0] Перед вами никого нет — скоро ваша очередь.
    [one] Перед вами ещё { $count } человек.
    [few] Перед вами ещё { $count } человека.
    [many] Перед вами ещё { $count } человек.
   *[other] Перед вами ещё { $count } человека.
}
ticket-wait = { $max ->
    [one] Примерное время ожидания: от { $min } до { $max } минуты.
    [few] Примерное время ожидания: от { $min } до { $max } минут.
    [many] Примерное время ожидания: от { $min } до { $max } минут.
   *[other] Примерное время ожидания: от { $min } до { $max } минуты.
}
ticket-wait-hours = { $max ->
    [one] Примерное время ожидания: от { $min } до { $max } часа.
    [few] Примерное время ожидания: от { $min } до { $max } часов.
    [many] Примерное время ожидания: от { $min } до { $max } часов.
   *[other] Примерное время ожидания: от { $min } до { $max } часа.
}
ticket-wait-unknown = Мы пока не можем оценить время ожидания.
ticket-wait-hint = Пожалуйста, подождите, пока ваш номер не появится на экране.
ticket-qr-hint = Отсканируйте код телефоном. Там вы увидите, когда подойдёт ваша очередь.
ticket-qr-label = QR-код для вашего номера { $number }
ticket-missing-heading = Не забудьте: этих документов не хватает
ticket-print = Распечатать талон
ticket-printing = Ваш талон печатается. Пожалуйста, возьмите его.
ticket-done = Готово
ticket-issued-at = Выдан: { $time }

## Inactivity warning

idle-heading = Вы ещё здесь?
idle-countdown = { $seconds ->
    [one] Через { $seconds } секунду терминал начнёт сначала и удалит ваши ответы.
    [few] Через { $seconds } секунды терминал начнёт сначала и удалит ваши ответы.
    [many] Через { $seconds } секунд терминал начнёт сначала и удалит ваши ответы.
   *[other] Через { $seconds } секунды терминал начнёт сначала и удалит ваши ответы.
}
idle-more-time = Мне нужно больше времени

## The visitor's ticket page on their phone

status-heading = Ваш номер
status-waiting = Вы в очереди.
status-called = Ваша очередь. Пожалуйста, подойдите к окну.
status-serving = Вас сейчас обслуживают.
status-parked = Ваш талон временно отложен. Вас вызовут снова.
status-finished = Ваш вопрос решён.
status-no-show = Вас вызывали, но вы не подошли. Пожалуйста, обратитесь в справочную.
status-cancelled = Этот талон отменён.
status-not-found-heading = Талон не найден
status-not-found = Такой талон не найден, или срок его действия истёк. Пожалуйста, обратитесь в справочную.
status-your-turn = Ваша очередь: { $counter }
status-title-called = { $number } → { $counter }
status-leave = Я ухожу
status-leave-question = Вы хотите отменить свой талон? Тогда вы потеряете своё место в очереди.
status-leave-confirm = Да, отменить талон
status-leave-keep = Нет, остаться в очереди
status-offline = Сейчас нет соединения. Эта страница обновится сама, как только соединение восстановится.
status-language = Язык этой страницы
status-appointment = Ваша запись: { $time }
status-appointment-late = Вы пришли позже времени записи, поэтому вас вызовут без приоритета.

## Уведомления на телефоне (Web Push) и отзыв после визита

notify-heading = Можно ждать на улице
notify-explain = { $ahead ->
    [one] Мы пришлём уведомление на этот телефон, когда перед вами останется всего { $ahead } человек, и когда подойдёт ваша очередь. Это работает, даже если страница закрыта.
    [few] Мы пришлём уведомление на этот телефон, когда перед вами останется всего { $ahead } человека, и когда подойдёт ваша очередь. Это работает, даже если страница закрыта.
    [many] Мы пришлём уведомление на этот телефон, когда перед вами останется всего { $ahead } человек, и когда подойдёт ваша очередь. Это работает, даже если страница закрыта.
   *[other] Мы пришлём уведомление на этот телефон, когда перед вами останется всего { $ahead } человека, и когда подойдёт ваша очередь. Это работает, даже если страница закрыта.
}
notify-button = Уведомить меня
notify-asking = Пожалуйста, разрешите уведомления.
notify-on = Уведомления включены. Эту страницу можно закрыть.
notify-off-button = Выключить уведомления
notify-off = Уведомления выключены.
notify-denied = Этот телефон не разрешает уведомления от этой страницы. Это можно изменить в настройках браузера. Или оставьте эту страницу открытой: здесь видно, когда подойдёт ваша очередь.
notify-unsupported = Этот браузер не может получать уведомления. Оставьте эту страницу открытой: здесь видно, когда подойдёт ваша очередь.
notify-home-screen = На iPhone или iPad: нажмите «Поделиться», затем «На экран „Домой“». Откройте страницу оттуда. Тогда мы сможем присылать вам уведомления.
notify-failed = Не удалось включить уведомления. Оставьте эту страницу открытой: здесь видно, когда подойдёт ваша очередь.
alert-button = Включить здесь звук и вибрацию
alert-on = Звук и вибрация включены, пока эта страница открыта.
feedback-question = Как прошёл ваш визит?
feedback-rating-1 = Очень плохо
feedback-rating-2 = Плохо
feedback-rating-3 = Нормально
feedback-rating-4 = Хорошо
feedback-rating-5 = Очень хорошо
feedback-reasons = Что подходит? Можно ничего не отмечать.
feedback-reason-waited-long = Мне пришлось долго ждать.
feedback-reason-explained-well = Мне всё хорошо объяснили.
feedback-reason-knew-documents = Мне было понятно, какие документы нужно принести.
feedback-reason-understood = Меня хорошо понимали.
feedback-reason-friendly = Со мной обращались приветливо.
feedback-send = Отправить
feedback-anonymous = Ваш ответ анонимный. Он не сохраняется вместе с номером вашего талона.
feedback-thanks = Спасибо за ваш отзыв!

## Problems

error-unreachable = Система очереди сейчас недоступна. Пожалуйста, попробуйте ещё раз через минуту или обратитесь в справочную.
error-retrying = Мы продолжаем попытки автоматически.
error-unknown-concern = Этой услуги больше нет. Пожалуйста, выберите ещё раз.
error-not-found = Ничего не найдено. Пожалуйста, обратитесь в справочную.
error-refused = К сожалению, не получилось. Пожалуйста, обратитесь в справочную.

error-office-closed = Сейчас мы закрыты. Пожалуйста, приходите в часы работы.
error-cut-off-passed = Сегодня новых талонов больше нет. Пожалуйста, приходите в другой день.
error-quota-reached = На сегодня все талоны по этому вопросу уже выданы. Пожалуйста, приходите в другой день.

action-retry = Попробовать снова
action-start-over = Начать сначала

not-found-heading = Страница не найдена
not-found-link = К терминалу электронной очереди

## The lobby call display (/display): headers in German and English, one line rotating through the other languages

display-heading = Вызов
display-number = Номер
display-counter = Окно
display-again = повторный вызов
display-appointment = Запись
display-waiting-heading = Ожидают
display-waiting = { $count ->
    [0] никто не ждёт
    [one] { $count } человек ждёт
    [few] { $count } человека ждут
    [many] { $count } человек ждут
   *[other] { $count } человека ждут
}
display-wait = около { $minutes } мин
display-offline = нет соединения
display-announce = Номер { $number }, пожалуйста, подойдите к { $counter }.
display-announce-again = Повторный вызов: номер { $number }, пожалуйста, подойдите к { $counter }.
display-welcome = Добро пожаловать! Пожалуйста, возьмите талон в терминале.
