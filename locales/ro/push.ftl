# Web Push to a visitor's phone (crates/server/src/push/texts.rs): the server sends these in
# the language of the ticket page. { $number } is the ticket number (A 017), { $counter } the
# counter's name as the office wrote it, { $ahead } the people ahead.

push-near-title = { $number }: În curând este rândul dumneavoastră
push-near-body = { $ahead ->
    [0] Urmați dumneavoastră. Vă rugăm să veniți acum în zona de așteptare.
    [one] Înaintea dumneavoastră mai este doar { $ahead } persoană. Vă rugăm să veniți acum în zona de așteptare.
    [few] Înaintea dumneavoastră mai sunt doar { $ahead } persoane. Vă rugăm să veniți acum în zona de așteptare.
   *[other] Înaintea dumneavoastră mai sunt doar { $ahead } de persoane. Vă rugăm să veniți acum în zona de așteptare.
}
push-called-title = { $number }: Este rândul dumneavoastră
push-called-body = Vă rugăm să veniți acum la { $counter }.
push-recalled-title = { $number }: Vă chemăm din nou
push-recalled-body = Vă rugăm să veniți acum la { $counter }.
push-last-call-title = { $number }: Ultimul apel
push-last-call-body = Vă rugăm să veniți imediat la { $counter }. Altfel bonul dumneavoastră expiră.
