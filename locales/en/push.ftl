# Web Push to a visitor's phone (crates/server/src/push/texts.rs): the server sends these in
# the language of the ticket page. { $number } is the ticket number (A 017), { $counter } the
# counter's name as the office wrote it, { $ahead } the people ahead.

push-near-title = { $number }: Your turn is coming soon
push-near-body = { $ahead ->
    [0] You are next. Please come to the waiting area now.
    [one] Only 1 person is ahead of you. Please come to the waiting area now.
   *[other] Only { $ahead } people are ahead of you. Please come to the waiting area now.
}
push-called-title = { $number }: It is your turn
push-called-body = Please come to { $counter } now.
push-recalled-title = { $number }: You are called again
push-recalled-body = Please come to { $counter } now.
push-last-call-title = { $number }: Last call
push-last-call-body = Please come to { $counter } at once. Otherwise your ticket number expires.
