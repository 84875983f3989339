//! Column types that read the same from SQLite and PostgreSQL through sqlx's `Any` driver,
//! which only knows integers, floats, text, bytes and booleans; and how moments are written.

use jiff::Timestamp;
use sqlx::any::AnyTypeInfo;
use sqlx::encode::IsNull;
use sqlx::error::BoxDynError;
use sqlx::{Any, Database, Decode, Encode, Type};

/// A JSON document kept in a TEXT column (`sqlx::types::Json` needs a JSON column type,
/// which SQLite does not have).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Json<T>(pub T);

impl<T> Type<Any> for Json<T> {
    fn type_info() -> AnyTypeInfo {
        <String as Type<Any>>::type_info()
    }

    fn compatible(ty: &AnyTypeInfo) -> bool {
        <String as Type<Any>>::compatible(ty)
    }
}

impl<'q, T: serde::Serialize> Encode<'q, Any> for Json<T> {
    fn encode_by_ref(&self, buf: &mut <Any as Database>::ArgumentBuffer<'q>) -> Result<IsNull, BoxDynError> {
        <String as Encode<'q, Any>>::encode(serde_json::to_string(&self.0)?, buf)
    }
}

impl<'r, T: serde::de::DeserializeOwned> Decode<'r, Any> for Json<T> {
    fn decode(value: <Any as Database>::ValueRef<'r>) -> Result<Self, BoxDynError> {
        let text = <&str as Decode<'r, Any>>::decode(value)?;
        Ok(Self(serde_json::from_str(text)?))
    }
}

/// A yes/no column: `0`/`1` in an INTEGER column on both databases, or a comparison's
/// result, which PostgreSQL gives as a boolean and SQLite as an integer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Flag(pub bool);

impl From<Flag> for bool {
    fn from(flag: Flag) -> Self {
        flag.0
    }
}

impl Type<Any> for Flag {
    fn type_info() -> AnyTypeInfo {
        <i64 as Type<Any>>::type_info()
    }

    fn compatible(ty: &AnyTypeInfo) -> bool {
        <i64 as Type<Any>>::compatible(ty) || <bool as Type<Any>>::compatible(ty)
    }
}

impl<'q> Encode<'q, Any> for Flag {
    fn encode_by_ref(&self, buf: &mut <Any as Database>::ArgumentBuffer<'q>) -> Result<IsNull, BoxDynError> {
        <i64 as Encode<'q, Any>>::encode(i64::from(self.0), buf)
    }
}

impl<'r> Decode<'r, Any> for Flag {
    fn decode(value: <Any as Database>::ValueRef<'r>) -> Result<Self, BoxDynError> {
        // Try the integer first: that is what both databases store.
        match <i64 as Decode<'r, Any>>::decode(value.clone()) {
            Ok(number) => Ok(Self(number != 0)),
            Err(_) => Ok(Self(<bool as Decode<'r, Any>>::decode(value)?)),
        }
    }
}

/// A moment as stored in the audit trail and version list: UTC to the second, so that text
/// order is time order.
pub fn utc(moment: Timestamp) -> String {
    moment.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}
