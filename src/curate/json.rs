//! Reading a JSON record as a value while noting every key that appears twice in one object:
//! serde keeps the last value silently, so a record with two `claim_date`s would be checked
//! on one of them only.

use serde::de::{DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

/// A JSON value, and the JSON pointers of keys repeated within one object.
pub(super) fn parse(text: &str) -> Result<(Value, Vec<String>), serde_json::Error> {
    let mut dups = Vec::new();
    let mut de = serde_json::Deserializer::from_str(text);
    let v = Checked {
        dups: &mut dups,
        at: String::new(),
    }
    .deserialize(&mut de)?;
    de.end()?;
    Ok((v, dups))
}

/// Reads one value, noting repeated keys under the pointer `at`.
pub(super) struct Checked<'a> {
    pub(super) dups: &'a mut Vec<String>,
    pub(super) at: String,
}

impl<'de> DeserializeSeed<'de> for Checked<'_> {
    type Value = Value;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Checked<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut out = Vec::new();
        while let Some(v) = seq.next_element_seed(Checked {
            dups: &mut *self.dups,
            at: format!("{}/{}", self.at, out.len()),
        })? {
            out.push(v);
        }
        Ok(Value::Array(out))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(k) = map.next_key::<String>()? {
            let at = format!("{}/{}", self.at, k.replace('~', "~0").replace('/', "~1"));
            let v = map.next_value_seed(Checked {
                dups: &mut *self.dups,
                at: at.clone(),
            })?;
            if out.insert(k, v).is_some() && !self.dups.contains(&at) {
                self.dups.push(at);
            }
        }
        Ok(Value::Object(out))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn repeated_keys_are_noted_by_pointer() {
        let (v, dups) =
            super::parse(r#"{"a": 1, "b": {"c": 2, "c": 3}, "a": [true, null]}"#).expect("JSON");
        assert_eq!(dups, ["/b/c", "/a"]);
        assert_eq!(v["a"], serde_json::json!([true, null]));
    }
}
