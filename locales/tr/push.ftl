# Web Push to a visitor's phone (crates/server/src/push/texts.rs): the server sends these in
# the language of the ticket page. { $number } is the ticket number (A 017), { $counter } the
# counter's name as the office wrote it, { $ahead } the people ahead.

push-near-title = { $number }: Sıranız yaklaşıyor
push-near-body = { $ahead ->
    [0] Sıradaki sizsiniz. Lütfen şimdi bekleme alanına gelin.
    [one] Önünüzde sadece 1 kişi var. Lütfen şimdi bekleme alanına gelin.
   *[other] Önünüzde sadece { $ahead } kişi var. Lütfen şimdi bekleme alanına gelin.
}
push-called-title = { $number }: Sıra sizde
push-called-body = Lütfen şimdi { $counter } gişesine gelin.
push-recalled-title = { $number }: Tekrar çağrılıyorsunuz
push-recalled-body = Lütfen şimdi { $counter } gişesine gelin.
push-last-call-title = { $number }: Son çağrı
push-last-call-body = Lütfen hemen { $counter } gişesine gelin. Yoksa sıra numaranız geçersiz olur.
