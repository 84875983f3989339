# Interface texts of the Willkommen web app in Turkish.

screen-staff = Personel masası
screen-admin = Yönetim


## Settings bar, at the same place on every kiosk screen

settings-label = Okuma ve dinleme
settings-language = Dil
settings-large-text = Büyük yazı
settings-high-contrast = Yüksek kontrast
settings-read-aloud = Sesli oku
settings-stop-reading = Okumayı durdur
settings-repeat = Tekrar oku
speech-no-voice = Bu makinede { $language } için ses yok. Yardıma ihtiyacınız varsa lütfen danışma masasına başvurun.
speech-unavailable = Bu makine sesli okuyamıyor. Yardıma ihtiyacınız varsa lütfen danışma masasına başvurun.

nav-back = Geri
nav-start-over = Baştan başla

## Welcome screen

welcome-greeting = Hoş geldiniz
welcome-start = Başla
welcome-start-hint = Sıra numarası almak için ekrana dokunun veya Enter tuşuna basın.
welcome-open = Şu anda sıra numarası alabilirsiniz.
welcome-unavailable = Şu anda sıra numarası verilemiyor. Lütfen danışma masasına gidin.

## Choosing the language

language-heading = Dilinizi seçin
language-hint = Aşağıdaki dil düğmesiyle dili istediğiniz zaman değiştirebilirsiniz.

## Choosing the concern

kiosk-choose-concern = Hangi konuda geldiniz?
kiosk-choose-concern-hint = Konunuza dokunun. Ardından bir sıra numarası alırsınız.
kiosk-loading = Lütfen biraz bekleyin …
kiosk-issuing = Sıra numaranız hazırlanıyor …
kiosk-documents-count = { $count ->
    [0] Belge gerekmiyor
    [one] 1 belge getirin
   *[other] { $count } belge getirin
}
concern-not-sure = Emin değilim
concern-not-sure-description = Danışma masası için bir sıra numarası alırsınız. Orada size yardımcı oluruz.

kiosk-closed = Şu anda kapalıyız.
kiosk-cut-off = Bugün artık yeni sıra numarası verilmiyor. Bekleyen herkese hizmet vermeye devam ediyoruz.
kiosk-reopens = Sıra numarası yeniden verilecek: { $time }.
kiosk-quota-reached = Bu konu için bugünkü tüm sıra numaraları verildi.

## Randevu: randevu onayındaki numarayla geldiğinizi bildirme

appointment-have = Randevum var
appointment-have-description = Randevu onayınızdaki numarayla geldiğinizi burada bildirin.
reference-heading = Randevu numaranızı girin
reference-hint = Numarayı randevu onayınızda bulabilirsiniz. Boşlukları ve tireleri yazmanıza gerek yok.
reference-scan-hint = Ya da randevu onayınızdaki QR kodu tarayıcıya tutun.
reference-label = Randevu numaranız:
reference-delete = Karakteri sil
reference-clear = Tümünü sil
reference-confirm = Randevumu bul
reference-looking-up = Randevunuz aranıyor …
reference-unknown = Bu randevu numarasını bulamadık. Lütfen numarayı randevu onayınızdan kontrol edin ve tekrar deneyin.
reference-slow-down = { $seconds ->
    [one] Burada birkaç bilinmeyen numara girildi. Lütfen 1 saniye bekleyin, sonra tekrar deneyebilirsiniz.
   *[other] Burada birkaç bilinmeyen numara girildi. Lütfen { $seconds } saniye bekleyin, sonra tekrar deneyebilirsiniz.
}
appointment-heading = Randevunuz
appointment-reference = Randevu numarası: { $reference }
appointment-open = Geldiğinizi şimdi bildirebilirsiniz. Önce lütfen yanınızda hangi belgelerin olduğunu bize söyleyin.
appointment-too-early = Erken geldiniz. Geldiğinizi şu saatten itibaren bildirebilirsiniz: { $time }.
appointment-too-early-hint = Lütfen o saatte tekrar bu makineye gelin. O zamana kadar burada bekleyebilirsiniz.
appointment-too-late = Maalesef randevu saatiniz geçti.
appointment-late-walk-in = Aynı konu için randevusuz bir sıra numarası alabilirsiniz. Daha uzun beklemeniz gerekebilir.
appointment-late-information = Danışma masası için bir sıra numarası alabilirsiniz. Orada size yardımcı oluruz.
appointment-cancelled = Bu randevu iptal edildi.
appointment-over = Bu randevunun zamanı geçti.
appointment-ask-information = Lütfen danışma masasına başvurun. Orada size yardımcı oluruz.
appointment-information-ticket = Danışma masası için sıra numarası
appointment-checked-in-before = Bu randevu için geldiğinizi zaten bildirdiniz. Sıra numaranız bu.
ticket-appointment = Randevu { $time }
error-check-in-too-early = Bu randevu için geldiğinizi henüz bildiremezsiniz. Lütfen biraz sonra tekrar deneyin.
error-appointment-closed = Bu randevu iptal edildi veya zamanı geçti. Lütfen danışma masasına başvurun.

## Document checklist

checklist-heading = Yanınızda hangi belgeler var?
checklist-hint = Her belge için “Yanımda” veya “Yanımda değil” düğmesine dokunun.
checklist-required = Mutlaka gerekli
checklist-if-applicable = Sadece sizin için geçerliyse
checklist-have = Yanımda
checklist-missing = Yanımda değil
checklist-progress = Yanıtlanan: { $answered } / { $total }
checklist-continue = Devam

## Summary before the ticket

summary-heading = Özetiniz
summary-have = Yanınızda olanlar
summary-missing = Eksik olanlar
summary-complete = Gerekli tüm belgeler yanınızda.
summary-missing-required = { $count ->
    [one] 1 gerekli belge eksik. Yine de sıra numarası alabilirsiniz. Ancak bu belge olmadan işleminizi bugün tamamlayamayabiliriz.
   *[other] { $count } gerekli belge eksik. Yine de sıra numarası alabilirsiniz. Ancak bu belgeler olmadan işleminizi bugün tamamlayamayabiliriz.
}
summary-missing-if-applicable = Sadece bazı durumlarda gereken belgeler eksik. Bunlara ihtiyacınız olup olmadığını gişede size söyleriz.
summary-take-ticket = Sıra numarası al
summary-print-checklist = Listeyi yazdır, daha sonra tekrar gelirim
summary-checklist-printed = Listeniz yazdırılıyor. Lütfen yanınıza alın.

## Ticket

ticket-heading = Sıra numaranız
ticket-number-spoken = Sıra numaranız: { $number }.
ticket-people-ahead = { $count ->
    [0] Sıradaki sizsiniz.
    [one] Önünüzde 1 kişi var.
   *[other] Önünüzde { $count } kişi var.
}
ticket-wait = Tahmini bekleme süresi: { $min } ile { $max } dakika arası.
ticket-wait-hours = Tahmini bekleme süresi: { $min } ile { $max } saat arası.
ticket-wait-unknown = Bekleme süresini şu anda henüz tahmin edemiyoruz.
ticket-wait-hint = Lütfen numaranız ekranda görünene kadar bekleyin.
ticket-qr-hint = Kodu telefonunuzla tarayın. Sıranın size ne zaman geleceğini orada görürsünüz.
ticket-qr-label = Sıra numaranız { $number } için QR kod
ticket-missing-heading = Unutmayın: Bu belgeler eksik
ticket-print = Sıra numarasını yazdır
ticket-printing = Sıra numaranız yazdırılıyor. Lütfen yanınıza alın.
ticket-done = Tamam
ticket-issued-at = Verilme zamanı: { $time }

## Inactivity warning

idle-heading = Hâlâ burada mısınız?
idle-countdown = { $seconds ->
    [one] Makine 1 saniye içinde baştan başlayacak ve girdiğiniz bilgileri silecek.
   *[other] Makine { $seconds } saniye içinde baştan başlayacak ve girdiğiniz bilgileri silecek.
}
idle-more-time = Daha fazla zamana ihtiyacım var

## The visitor's ticket page on their phone

status-heading = Sıra numaranız
status-waiting = Sıradasınız.
status-called = Sıra sizde. Lütfen gişeye gelin.
status-serving = Şu anda size hizmet veriliyor.
status-parked = Sıra numaranız beklemeye alındı. Tekrar çağrılacaksınız.
status-finished = İşleminiz tamamlandı.
status-no-show = Çağrıldınız ama orada değildiniz. Lütfen danışma masasına başvurun.
status-cancelled = Bu sıra numarası iptal edildi.
status-not-found-heading = Sıra numarası bulunamadı
status-not-found = Bu sıra numarasını tanımıyoruz veya süresi dolmuş. Lütfen danışma masasına başvurun.
status-your-turn = Sıra sizde: { $counter }
status-title-called = { $number } → { $counter }
status-leave = Gidiyorum
status-leave-question = Sıra numaranızı iptal etmek istiyor musunuz? Bu durumda sıradaki yerinizi kaybedersiniz.
status-leave-confirm = Evet, sıra numaramı iptal et
status-leave-keep = Hayır, sıramı koru
status-offline = Şu anda bağlantı yok. Bu sayfa kendiliğinden yeniden güncellenecek.
status-language = Bu sayfanın dili
status-appointment = Randevunuz: { $time }
status-appointment-late = Randevu saatinizden sonra geldiniz. Bu yüzden öncelik olmadan çağrılacaksınız.

## Telefona bildirim (Web Push) ve ziyaretten sonra geri bildirim

notify-heading = Dışarıda bekleyin
notify-explain = { $ahead ->
    [one] Önünüzde sadece 1 kişi kaldığında ve sıra size geldiğinde bu telefona bildirim göndeririz. Bu sayfa kapalı olsa bile.
   *[other] Önünüzde sadece { $ahead } kişi kaldığında ve sıra size geldiğinde bu telefona bildirim göndeririz. Bu sayfa kapalı olsa bile.
}
notify-button = Bana bildirim gönder
notify-asking = Lütfen bildirimlere izin verin.
notify-on = Bildirimler açık. Bu sayfayı kapatabilirsiniz.
notify-off-button = Bildirimleri kapat
notify-off = Bildirimler kapalı.
notify-denied = Bu telefon, bu sayfadan gelen bildirimlere izin vermiyor. Bunu tarayıcının ayarlarından değiştirebilirsiniz. Ya da bu sayfayı açık bırakın: Sıranın size ne zaman geleceğini burada görürsünüz.
notify-unsupported = Bu tarayıcı bildirim alamıyor. Bu sayfayı açık bırakın: Sıranın size ne zaman geleceğini burada görürsünüz.
notify-home-screen = iPhone veya iPad'de: Önce “Paylaş” simgesine, sonra “Ana Ekrana Ekle” seçeneğine dokunun. Sayfayı oradan açın. Sonra size bildirim gönderebiliriz.
notify-failed = Bildirimler açılamadı. Bu sayfayı açık bırakın: Sıranın size ne zaman geleceğini burada görürsünüz.
alert-button = Sesi ve titreşimi burada aç
alert-on = Bu sayfa açık olduğu sürece ses ve titreşim açık.
feedback-question = Ziyaretiniz nasıldı?
feedback-rating-1 = Çok kötü
feedback-rating-2 = Kötü
feedback-rating-3 = İdare eder
feedback-rating-4 = İyi
feedback-rating-5 = Çok iyi
feedback-reasons = Hangileri sizin için doğru? Hiçbirini işaretlemek zorunda değilsiniz.
feedback-reason-waited-long = Uzun süre bekledim.
feedback-reason-explained-well = Bana her şey iyi açıklandı.
feedback-reason-knew-documents = Hangi belgeleri getirmem gerektiğini biliyordum.
feedback-reason-understood = Kendimi iyi anlatabildim.
feedback-reason-friendly = Bana nazik davranıldı.
feedback-send = Gönder
feedback-anonymous = Yanıtınız anonimdir. Sıra numaranızla birlikte kaydedilmez.
feedback-thanks = Geri bildiriminiz için teşekkür ederiz!

## Problems

error-unreachable = Sıra sistemine şu anda ulaşılamıyor. Lütfen birazdan tekrar deneyin veya danışma masasına başvurun.
error-retrying = Otomatik olarak tekrar denemeye devam ediyoruz.
error-unknown-concern = Bu konu artık mevcut değil. Lütfen tekrar seçin.
error-not-found = Bunu bulamadık. Lütfen danışma masasına başvurun.
error-refused = Maalesef bu işlem gerçekleşmedi. Lütfen danışma masasına başvurun.

error-office-closed = Şu anda kapalıyız. Lütfen çalışma saatlerinde tekrar gelin.
error-cut-off-passed = Bugün artık yeni sıra numarası verilmiyor. Lütfen başka bir gün tekrar gelin.
error-quota-reached = Bu konu için bugünkü tüm sıra numaraları verildi. Lütfen başka bir gün tekrar gelin.

action-retry = Tekrar dene
action-start-over = Baştan başla

not-found-heading = Sayfa bulunamadı
not-found-link = Sıra numarası makinesine git

## The lobby call display (/display): headers in German and English, one line rotating through the other languages

display-heading = Şimdi çağrılanlar
display-number = Numara
display-counter = Gişe
display-again = tekrar çağrı
display-appointment = Randevu
display-waiting-heading = Bekleyenler
display-waiting = { $count ->
    [0] kimse beklemiyor
    [one] 1 kişi bekliyor
   *[other] { $count } kişi bekliyor
}
display-wait = yaklaşık { $minutes } dk.
display-offline = bağlantı yok
display-announce = Sıra numarası { $number }, lütfen { $counter } gişesine gelin.
display-announce-again = Sıra numarası { $number } tekrar çağrılıyor, lütfen { $counter } gişesine gelin.
display-welcome = Hoş geldiniz! Lütfen makineden bir sıra numarası alın.
