# Web Push to a visitor's phone (crates/server/src/push/texts.rs): the server sends these in
# the language of the ticket page. { $number } is the ticket number (A 017), { $counter } the
# counter's name as the office wrote it, { $ahead } the people ahead.

push-near-title = { $number }: ተራኹም ቀሪቡ እዩ
push-near-body = { $ahead ->
    [0] ዝቕጽል ተራ ናትኩም እዩ። በጃኹም ሕጂ ናብ መጽበዪ ቦታ ንዑ።
    [one] ቅድሜኹም { $ahead } ሰብ ጥራይ እዩ ዘሎ። በጃኹም ሕጂ ናብ መጽበዪ ቦታ ንዑ።
   *[other] ቅድሜኹም { $ahead } ሰባት ጥራይ እዮም ዘለዉ። በጃኹም ሕጂ ናብ መጽበዪ ቦታ ንዑ።
}
push-called-title = { $number }: ተራኹም እዩ
push-called-body = በጃኹም ሕጂ ናብ { $counter } ንዑ።
push-recalled-title = { $number }: ደጊምና ንጽውዓኩም ኣለና
push-recalled-body = በጃኹም ሕጂ ናብ { $counter } ንዑ።
push-last-call-title = { $number }: ናይ መወዳእታ ጻውዒት
push-last-call-body = በጃኹም ብቕልጡፍ ናብ { $counter } ንዑ። እንተዘይኮይኑ ቁጽሪ ተራኹም ግዜኡ ክሓልፍ እዩ።
