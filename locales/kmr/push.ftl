# Web Push to a visitor's phone (crates/server/src/push/texts.rs): the server sends these in
# the language of the ticket page. { $number } is the ticket number (A 017), { $counter } the
# counter's name as the office wrote it, { $ahead } the people ahead.

push-near-title = { $number }: Dora we nêzîk e
push-near-body = { $ahead ->
    [0] Kes li pêşiya we nîne. Ji kerema xwe niha werin cihê bendemayînê.
    [one] Tenê 1 kes li pêşiya we ye. Ji kerema xwe niha werin cihê bendemayînê.
   *[other] Tenê { $ahead } kes li pêşiya we ne. Ji kerema xwe niha werin cihê bendemayînê.
}
push-called-title = { $number }: Dora we ye
push-called-body = Ji kerema xwe niha werin { $counter }.
push-recalled-title = { $number }: Hûn dîsa têne gazîkirin
push-recalled-body = Ji kerema xwe niha werin { $counter }.
push-last-call-title = { $number }: Gazîkirina dawî
push-last-call-body = Ji kerema xwe yekser werin { $counter }. Yan na hejmara we ya dorê betal dibe.
