//! Draft interchange format v1 (JSON):
//!
//! ```json
//! {"format":"ocop-self-check/draft","version":1,"rubric":"QD26-2026","product_set":"QD26-07",
//!  "answers":{"1.1":2,"1.5":3}}
//! ```
//!
//! Answers are keyed by the decision's criterion code; the value is the 1-based position of the
//! chosen level as printed (in the tourism set, positions run through both cases). Optional:
//! `none_of_levels` (codes where no printed level is reached), `knock_outs` (id → bool),
//! `product`, `producer` and `report` (objects of strings; `report` holds what the producer writes
//! in Mẫu 02 beyond Part I), `evidence`
//! (code → note), `attachments` (the evidence files' descriptions, [`super::attachments`]), and
//! the local bookkeeping `id`, `title`, `created_ms`, `updated_ms`.
//! Unknown fields are ignored. Every error is typed and names the field; nothing here panics on
//! foreign input.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::{Draft, Field, Part, Producer, Product, RegistrationType, Report};
use crate::assess::Responses;
use crate::date::Date;
use crate::lang::slug;
use crate::rubric::{Catalogue, ProductSet, RUBRIC_ID};

pub const DRAFT_FORMAT: &str = "ocop-self-check/draft";
pub const DRAFT_VERSION: u64 = 1;
/// Largest file accepted by import (bytes).
pub const MAX_IMPORT_BYTES: usize = 1_000_000;

/// What is wrong with an imported draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportErrorKind {
    /// Larger than [`MAX_IMPORT_BYTES`].
    TooLarge { bytes: usize, limit: usize },
    /// Not UTF-8 text (byte offset of the first invalid byte).
    NotUtf8 { byte: usize },
    /// Not JSON at all (with the position serde_json reports).
    NotJson { line: usize, column: usize },
    /// JSON, but `format` is not a draft.
    WrongFormat { found: String },
    /// A version this build cannot read.
    UnsupportedVersion { found: String },
    /// JSON nested deeper than the parser allows (128 levels), anywhere in the file.
    TooDeep { line: usize, column: usize },
    /// The same key twice in one object (JSON readers disagree on which one counts, so neither
    /// is taken); `key` is its path, e.g. "format" or "answers.1.1".
    DuplicateKey { key: String },
    /// A field has the wrong JSON type.
    WrongType { expected: Expected },
    /// A required field is missing.
    Missing,
    /// Another rubric (decision) than the one this build knows.
    UnknownRubric { found: String },
    /// Not one of the 26 product sets.
    UnknownProductSet { found: String },
    /// No criterion with this code in the product set.
    UnknownCriterion { code: String },
    /// A position no criterion has: 0, or more than 255 (levels are numbered from 1; the set's
    /// own range is checked by [`check_against`]).
    NotAPosition { code: String, position: u64 },
    /// The position is outside the criterion's printed levels.
    InvalidPosition {
        code: String,
        position: u64,
        levels: usize,
    },
    /// A value that is not one of the allowed words.
    InvalidValue { found: String },
    /// An evidence file's description is not acceptable: a repeated or odd id, a type other than
    /// JPEG/PNG/PDF, a size over the limit, a checksum that is not one, too many files.
    InvalidAttachment { found: String },
}

/// The JSON type a field should have had (worded by `i18n::import_error` in each language).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    Object,
    Text,
    WholeNumber,
    Position,
    TrueFalse,
    CodeList,
    Code,
    List,
    Number,
}

impl Expected {
    fn english(self) -> &'static str {
        match self {
            Expected::Object => "an object",
            Expected::Text => "a string",
            Expected::WholeNumber => "a non-negative integer",
            Expected::Position => "a level position (1, 2, 3 …)",
            Expected::TrueFalse => "true or false",
            Expected::CodeList => "a list of criterion codes",
            Expected::Code => "a criterion code",
            Expected::List => "a list [ … ]",
            Expected::Number => "a non-negative integer",
        }
    }
}

/// An import error: which field, and what is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    /// Path of the field, e.g. "answers.1.5" or "product.name"; empty for the whole file.
    pub field: String,
    pub kind: ImportErrorKind,
}

impl ImportError {
    pub(crate) fn new(field: impl Into<String>, kind: ImportErrorKind) -> ImportError {
        ImportError {
            field: field.into(),
            kind,
        }
    }
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use ImportErrorKind::*;
        let field = if self.field.is_empty() {
            "file"
        } else {
            &self.field
        };
        match &self.kind {
            TooLarge { bytes, limit } => write!(f, "file is {bytes} bytes; the limit is {limit}"),
            NotUtf8 { byte } => write!(f, "not UTF-8 text (byte {byte})"),
            NotJson { line, column } => write!(f, "not JSON (line {line}, column {column})"),
            WrongFormat { found } => write!(f, "{field}: not an OCOP self-check draft ({found})"),
            UnsupportedVersion { found } => write!(f, "{field}: unsupported version {found}"),
            TooDeep { line, column } => write!(
                f,
                "nested more than 128 levels deep (line {line}, column {column})"
            ),
            DuplicateKey { key } => write!(f, "the key \"{key}\" appears twice"),
            WrongType { expected } => write!(f, "{field}: expected {}", expected.english()),
            NotAPosition { code, position } => write!(
                f,
                "{field}: criterion {code} has no level {position} (levels are numbered from 1)"
            ),
            Missing => write!(f, "{field}: missing"),
            UnknownRubric { found } => write!(f, "{field}: unknown rubric {found:?}"),
            UnknownProductSet { found } => write!(f, "{field}: unknown product set {found:?}"),
            UnknownCriterion { code } => write!(f, "{field}: no criterion {code:?} in this set"),
            InvalidPosition {
                code,
                position,
                levels,
            } => write!(
                f,
                "{field}: criterion {code} has levels 1–{levels}, not {position}"
            ),
            InvalidValue { found } => write!(f, "{field}: invalid value {found:?}"),
            InvalidAttachment { found } => {
                write!(f, "{field}: not an acceptable evidence file ({found:?})")
            }
        }
    }
}

impl std::error::Error for ImportError {}

/// A key as a message shows it: at most 40 characters (a crafted key may be a megabyte long).
fn describe_key(k: &str) -> String {
    if k.chars().count() > 40 {
        format!("{}…", k.chars().take(40).collect::<String>())
    } else {
        k.to_string()
    }
}

fn describe(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 40 {
        format!("{}…", s.chars().take(40).collect::<String>())
    } else {
        s
    }
}

fn string_field(
    obj: &Map<String, Value>,
    key: &str,
    path: &str,
) -> Result<Option<String>, ImportError> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(ImportError::new(
            format!("{path}{key}"),
            ImportErrorKind::WrongType {
                expected: Expected::Text,
            },
        )),
    }
}

fn u64_field(obj: &Map<String, Value>, key: &str) -> Result<Option<u64>, ImportError> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => v.as_u64().map(Some).ok_or_else(|| {
            ImportError::new(
                key,
                ImportErrorKind::WrongType {
                    expected: Expected::WholeNumber,
                },
            )
        }),
    }
}

fn object<'a>(v: &'a Value, field: &str) -> Result<&'a Map<String, Value>, ImportError> {
    v.as_object().ok_or_else(|| {
        ImportError::new(
            field,
            ImportErrorKind::WrongType {
                expected: Expected::Object,
            },
        )
    })
}

/// The fields of a draft file whose text is longer than [`super::MAX_FIELD_CHARS`] and was cut
/// to it on import (title, notes, details), as paths ("title", "evidence.1.1",
/// "product.certificates"); empty when nothing was cut or the text is not a draft.
pub fn clipped_fields(text: &str) -> Vec<String> {
    let Ok(Value::Object(obj)) = serde_json::from_str::<Value>(text.trim_start_matches('\u{feff}'))
    else {
        return Vec::new();
    };
    let long = |v: &Value| {
        v.as_str()
            .is_some_and(|s| s.chars().count() > super::MAX_FIELD_CHARS)
    };
    let mut out = Vec::new();
    if obj.get("title").is_some_and(long) {
        out.push("title".to_string());
    }
    if let Some(Value::Object(m)) = obj.get("evidence") {
        out.extend(
            m.iter()
                .filter(|(_, v)| long(v))
                .map(|(k, _)| format!("evidence.{k}")),
        );
    }
    // Only the members the import reads (unknown ones are ignored, not cut).
    for (part, name) in Part::ALL {
        if let Some(Value::Object(m)) = obj.get(name) {
            for f in Field::ALL.into_iter().filter(|f| f.part() == part) {
                if m.get(f.member()).is_some_and(long) {
                    out.push(format!("{name}.{}", f.member()));
                }
            }
        }
    }
    out
}

/// Read a draft from the bytes of a file (size limit, UTF-8, then [`from_json`]).
pub fn from_bytes(bytes: &[u8]) -> Result<Draft, ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::new(
            "",
            ImportErrorKind::TooLarge {
                bytes: bytes.len(),
                limit: MAX_IMPORT_BYTES,
            },
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        ImportError::new(
            "",
            ImportErrorKind::NotUtf8 {
                byte: e.valid_up_to(),
            },
        )
    })?;
    from_json(text)
}

/// Read a draft from JSON text. Checks the structure and the product set id; use
/// [`check_against`] to check codes and positions once the set's rubric is loaded.
pub fn from_json(text: &str) -> Result<Draft, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::new(
            "",
            ImportErrorKind::TooLarge {
                bytes: text.len(),
                limit: MAX_IMPORT_BYTES,
            },
        ));
    }
    let value = parse_strict(text.trim_start_matches('\u{feff}'))?;
    from_value(&value)
}

/// Parse JSON text, refusing a key repeated within one object (serde_json, like `JSON.parse`,
/// would silently keep the last one; a file whose readers disagree on its content is refused
/// instead) and naming deep nesting as such.
pub fn parse_strict(text: &str) -> Result<Value, ImportError> {
    use serde::de::DeserializeSeed;
    let duplicate = std::cell::RefCell::new(None::<String>);
    let mut de = serde_json::Deserializer::from_str(text);
    let parsed = strict::Strict {
        at: strict::At::Root,
        duplicate: &duplicate,
    }
    .deserialize(&mut de)
    .and_then(|v| de.end().map(|()| v));
    parsed.map_err(|e| {
        if let Some(key) = duplicate.borrow_mut().take() {
            return ImportError::new("", ImportErrorKind::DuplicateKey { key });
        }
        let (line, column) = (e.line(), e.column());
        // serde_json has no error category for its recursion limit; its message names it.
        let kind = if e.to_string().starts_with("recursion limit exceeded") {
            ImportErrorKind::TooDeep { line, column }
        } else {
            ImportErrorKind::NotJson { line, column }
        };
        ImportError::new("", kind)
    })
}

/// A serde visitor that builds a [`Value`] like serde_json's own, but stops at the first key an
/// object holds twice and records its path. Written here because serde_json offers no such
/// option and the crates that do (serde_with's `maps_duplicate_key_is_error`) work on typed maps,
/// not on a whole document.
mod strict {
    use std::cell::RefCell;
    use std::fmt;

    use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
    use serde_json::{Map, Value};

    /// Where a value sits: a chain of links to the parents, made into a text only when a
    /// repeated key is found (building each value's path as a string would copy a long key once
    /// per element below it: quadratic time on a crafted file).
    #[derive(Clone, Copy)]
    pub enum At<'a> {
        Root,
        Key(&'a At<'a>, &'a str),
        Index(&'a At<'a>, usize),
    }

    impl At<'_> {
        fn path(&self) -> String {
            let mut parts = Vec::new();
            let mut at = self;
            loop {
                match at {
                    At::Root => break,
                    At::Key(parent, k) => {
                        parts.push(super::describe_key(k));
                        at = parent;
                    }
                    At::Index(parent, i) => {
                        parts.push(i.to_string());
                        at = parent;
                    }
                }
            }
            parts.reverse();
            parts.join(".")
        }
    }

    pub struct Strict<'a> {
        pub at: At<'a>,
        pub duplicate: &'a RefCell<Option<String>>,
    }

    impl<'de> DeserializeSeed<'de> for Strict<'_> {
        type Value = Value;
        fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
            d.deserialize_any(self)
        }
    }

    impl<'de> Visitor<'de> for Strict<'_> {
        type Value = Value;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("any JSON value")
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
            Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
        }
        fn visit_str<E>(self, v: &str) -> Result<Value, E> {
            Ok(Value::String(v.to_string()))
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
        fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
            self.deserialize(d)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
            let mut out = Vec::new();
            loop {
                let at = At::Index(&self.at, out.len());
                let next = seq.next_element_seed(Strict {
                    at,
                    duplicate: self.duplicate,
                })?;
                match next {
                    Some(v) => out.push(v),
                    None => break,
                }
            }
            Ok(Value::Array(out))
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
            let mut out = Map::new();
            while let Some(key) = map.next_key::<String>()? {
                if out.contains_key(&key) {
                    *self.duplicate.borrow_mut() = Some(At::Key(&self.at, &key).path());
                    return Err(de::Error::custom("duplicate key"));
                }
                let v = map.next_value_seed(Strict {
                    at: At::Key(&self.at, &key),
                    duplicate: self.duplicate,
                })?;
                out.insert(key, v);
            }
            Ok(Value::Object(out))
        }
    }
}

/// Read a draft from an already parsed JSON value (see [`from_json`]).
pub fn from_value(value: &Value) -> Result<Draft, ImportError> {
    let obj = object(value, "")?;
    match obj.get("format") {
        Some(Value::String(s)) if s == DRAFT_FORMAT => {}
        Some(v) => {
            return Err(ImportError::new(
                "format",
                ImportErrorKind::WrongFormat { found: describe(v) },
            ))
        }
        None => return Err(ImportError::new("format", ImportErrorKind::Missing)),
    }
    match obj.get("version") {
        Some(v) if v.as_u64() == Some(DRAFT_VERSION) => {}
        Some(v) => {
            return Err(ImportError::new(
                "version",
                ImportErrorKind::UnsupportedVersion { found: describe(v) },
            ))
        }
        None => return Err(ImportError::new("version", ImportErrorKind::Missing)),
    }
    let rubric = string_field(obj, "rubric", "")?
        .ok_or_else(|| ImportError::new("rubric", ImportErrorKind::Missing))?;
    if rubric != RUBRIC_ID {
        return Err(ImportError::new(
            "rubric",
            ImportErrorKind::UnknownRubric { found: rubric },
        ));
    }
    let product_set = string_field(obj, "product_set", "")?
        .ok_or_else(|| ImportError::new("product_set", ImportErrorKind::Missing))?;
    let known = Catalogue::shared().set(&product_set).is_some();
    if !known {
        return Err(ImportError::new(
            "product_set",
            ImportErrorKind::UnknownProductSet { found: product_set },
        ));
    }

    let mut responses = Responses::default();
    if let Some(v) = obj.get("answers").filter(|v| !v.is_null()) {
        for (code, pos) in object(v, "answers")? {
            let field = format!("answers.{code}");
            let p = pos.as_u64().ok_or_else(|| {
                ImportError::new(
                    field.clone(),
                    ImportErrorKind::WrongType {
                        expected: Expected::Position,
                    },
                )
            })?;
            let p = u8::try_from(p).ok().filter(|p| *p >= 1).ok_or_else(|| {
                ImportError::new(
                    field.clone(),
                    ImportErrorKind::NotAPosition {
                        code: code.clone(),
                        position: p,
                    },
                )
            })?;
            responses.answers.insert(code.clone(), p);
        }
    }
    if let Some(v) = obj.get("none_of_levels").filter(|v| !v.is_null()) {
        let arr = v.as_array().ok_or_else(|| {
            ImportError::new(
                "none_of_levels",
                ImportErrorKind::WrongType {
                    expected: Expected::CodeList,
                },
            )
        })?;
        for (i, c) in arr.iter().enumerate() {
            let code = c.as_str().ok_or_else(|| {
                ImportError::new(
                    format!("none_of_levels.{i}"),
                    ImportErrorKind::WrongType {
                        expected: Expected::Code,
                    },
                )
            })?;
            if !responses.answers.contains_key(code) {
                responses.none_of_levels.insert(code.to_string());
            }
        }
    }
    if let Some(v) = obj.get("knock_outs").filter(|v| !v.is_null()) {
        for (id, b) in object(v, "knock_outs")? {
            let b = b.as_bool().ok_or_else(|| {
                ImportError::new(
                    format!("knock_outs.{id}"),
                    ImportErrorKind::WrongType {
                        expected: Expected::TrueFalse,
                    },
                )
            })?;
            responses.knock_outs.insert(id.clone(), b);
        }
    }
    let mut evidence = BTreeMap::new();
    if let Some(v) = obj.get("evidence").filter(|v| !v.is_null()) {
        for (code, t) in object(v, "evidence")? {
            let t = t.as_str().ok_or_else(|| {
                ImportError::new(
                    format!("evidence.{code}"),
                    ImportErrorKind::WrongType {
                        expected: Expected::Text,
                    },
                )
            })?;
            if !t.trim().is_empty() {
                evidence.insert(code.clone(), super::clip(t.to_string()));
            }
        }
    }
    let attachments = match obj.get("attachments").filter(|v| !v.is_null()) {
        Some(v) => super::attachments::from_value(v)?,
        None => Vec::new(),
    };
    let created_ms = u64_field(obj, "created_ms")?.unwrap_or(0);
    let updated_ms = u64_field(obj, "updated_ms")?.unwrap_or(created_ms);
    let mut draft = Draft {
        id: string_field(obj, "id", "")?
            .filter(|id| is_valid_id(id))
            .unwrap_or_default(),
        title: super::clip(string_field(obj, "title", "")?.unwrap_or_default()),
        rubric,
        product_set,
        responses,
        product: Product::default(),
        producer: Producer::default(),
        report: Report::default(),
        evidence,
        attachments,
        created_ms,
        updated_ms,
    };
    if let Some(v) = obj.get("product").filter(|v| !v.is_null()) {
        let product = object(v, "product")?;
        read_details(product, Part::Product, &mut draft)?;
        draft.product.registration_type = read_registration_type(product)?;
    }
    if let Some(v) = obj.get("producer").filter(|v| !v.is_null()) {
        read_details(object(v, "producer")?, Part::Producer, &mut draft)?;
    }
    if let Some(v) = obj.get("report").filter(|v| !v.is_null()) {
        read_details(object(v, "report")?, Part::Report, &mut draft)?;
    }
    Ok(draft)
}

/// Read the text details of one object (`product` or `producer`): every [`Field`] of that part,
/// by its member name, so a new field is read without touching this file. Unknown members are
/// ignored (files from newer versions).
fn read_details(obj: &Map<String, Value>, part: Part, d: &mut Draft) -> Result<(), ImportError> {
    let path = match part {
        Part::Producer => "producer.",
        Part::Product => "product.",
        Part::Report => "report.",
    };
    for f in Field::ALL.into_iter().filter(|f| f.part() == part) {
        if let Some(s) = string_field(obj, f.member(), path)? {
            f.set(d, s);
        }
    }
    Ok(())
}

fn read_registration_type(obj: &Map<String, Value>) -> Result<RegistrationType, ImportError> {
    let Some(s) = string_field(obj, "registration_type", "product.")? else {
        return Ok(RegistrationType::default());
    };
    match s.as_str() {
        "first_time" => Ok(RegistrationType::FirstTime),
        "upgrade" => Ok(RegistrationType::Upgrade),
        "re_evaluation" => Ok(RegistrationType::ReEvaluation),
        _ => Err(ImportError::new(
            "product.registration_type",
            ImportErrorKind::InvalidValue { found: s },
        )),
    }
}

/// Check a draft's codes and positions against its product set's rubric: the first thing that
/// does not fit (see [`misfits`] for all of them).
pub fn check_against(draft: &Draft, set: &ProductSet) -> Result<(), ImportError> {
    if draft.product_set != set.id {
        return Err(ImportError::new(
            "product_set",
            ImportErrorKind::UnknownProductSet {
                found: draft.product_set.clone(),
            },
        ));
    }
    match misfits(draft, set).into_iter().next() {
        Some(m) => Err(m.error),
        None => Ok(()),
    }
}

/// One item of a draft that its product set does not have: an answer with an unknown code or a
/// level the criterion does not print, a "none of the levels" for an unknown code, an unknown
/// knock-out question, a note on an unknown criterion.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Misfit {
    pub error: ImportError,
    /// The change that sets the item aside (removes it from the draft).
    pub remove: super::Command,
}

/// Every item of `draft` that `set` does not have, in a stable order. A file or a link with any
/// of them is refused ([`check_against`]); a stored draft is opened with them shown, and the
/// user can set them aside ([`Misfit::remove`]); nothing is dropped silently.
pub fn misfits(draft: &Draft, set: &ProductSet) -> Vec<Misfit> {
    use super::Command;
    let mut out = Vec::new();
    for (code, pos) in &draft.responses.answers {
        let field = format!("answers.{code}");
        let kind = match set.criterion(code) {
            None => ImportErrorKind::UnknownCriterion { code: code.clone() },
            Some(c) if c.level(*pos).is_none() => ImportErrorKind::InvalidPosition {
                code: code.clone(),
                position: u64::from(*pos),
                levels: c.levels.len(),
            },
            Some(_) => continue,
        };
        out.push(Misfit {
            error: ImportError::new(field, kind),
            remove: Command::SetAnswer {
                code: code.clone(),
                position: None,
            },
        });
    }
    for code in &draft.responses.none_of_levels {
        if set.criterion(code).is_none() {
            out.push(Misfit {
                error: ImportError::new(
                    "none_of_levels",
                    ImportErrorKind::UnknownCriterion { code: code.clone() },
                ),
                remove: Command::SetAnswer {
                    code: code.clone(),
                    position: None,
                },
            });
        }
    }
    for id in draft.responses.knock_outs.keys() {
        if set.knock_out(id).is_none() {
            out.push(Misfit {
                error: ImportError::new(
                    format!("knock_outs.{id}"),
                    ImportErrorKind::InvalidValue { found: id.clone() },
                ),
                remove: Command::SetKnockOut {
                    id: id.clone(),
                    applies: None,
                },
            });
        }
    }
    for (i, a) in draft.attachments.iter().enumerate() {
        if let super::Target::Criterion(code) = &a.target {
            if set.criterion(code).is_none() {
                out.push(Misfit {
                    error: ImportError::new(
                        format!("attachments.{i}.criterion"),
                        ImportErrorKind::UnknownCriterion { code: code.clone() },
                    ),
                    remove: Command::RemoveAttachment { id: a.id.clone() },
                });
            }
        }
    }
    for code in draft.evidence.keys() {
        if set.criterion(code).is_none() {
            out.push(Misfit {
                error: ImportError::new(
                    format!("evidence.{code}"),
                    ImportErrorKind::UnknownCriterion { code: code.clone() },
                ),
                remove: Command::SetEvidence {
                    code: code.clone(),
                    text: String::new(),
                },
            });
        }
    }
    out
}

/// The draft as an interchange v1 JSON value.
pub fn to_value(d: &Draft) -> Value {
    let mut o = Map::new();
    o.insert("format".into(), DRAFT_FORMAT.into());
    o.insert("version".into(), DRAFT_VERSION.into());
    o.insert("rubric".into(), d.rubric.clone().into());
    o.insert("product_set".into(), d.product_set.clone().into());
    o.insert(
        "answers".into(),
        Value::Object(
            d.responses
                .answers
                .iter()
                .map(|(k, v)| (k.clone(), Value::from(*v)))
                .collect(),
        ),
    );
    if !d.responses.none_of_levels.is_empty() {
        o.insert(
            "none_of_levels".into(),
            d.responses
                .none_of_levels
                .iter()
                .cloned()
                .collect::<Vec<_>>()
                .into(),
        );
    }
    if !d.responses.knock_outs.is_empty() {
        o.insert(
            "knock_outs".into(),
            Value::Object(
                d.responses
                    .knock_outs
                    .iter()
                    .map(|(k, v)| (k.clone(), Value::from(*v)))
                    .collect(),
            ),
        );
    }
    if d.product != Product::default() {
        o.insert(
            "product".into(),
            serde_json::to_value(&d.product).unwrap_or(Value::Null),
        );
    }
    if d.producer != Producer::default() {
        o.insert(
            "producer".into(),
            serde_json::to_value(&d.producer).unwrap_or(Value::Null),
        );
    }
    if d.report != Report::default() {
        o.insert(
            "report".into(),
            serde_json::to_value(&d.report).unwrap_or(Value::Null),
        );
    }
    if !d.evidence.is_empty() {
        o.insert(
            "evidence".into(),
            Value::Object(
                d.evidence
                    .iter()
                    .map(|(k, v)| (k.clone(), Value::from(v.clone())))
                    .collect(),
            ),
        );
    }
    if !d.attachments.is_empty() {
        o.insert(
            "attachments".into(),
            Value::Array(
                d.attachments
                    .iter()
                    .map(super::attachments::to_value)
                    .collect(),
            ),
        );
    }
    if !d.id.is_empty() {
        o.insert("id".into(), d.id.clone().into());
    }
    if !d.title.is_empty() {
        o.insert("title".into(), d.title.clone().into());
    }
    o.insert("created_ms".into(), d.created_ms.into());
    o.insert("updated_ms".into(), d.updated_ms.into());
    Value::Object(o)
}

/// The draft as interchange v1 JSON text (pretty-printed, UTF-8).
pub fn to_json(d: &Draft) -> String {
    serde_json::to_string_pretty(&to_value(d)).unwrap_or_default()
}

/// Longest draft id kept from a file or a link.
pub const MAX_ID_CHARS: usize = 64;

/// Whether a draft id from outside may be kept: 1 to [`MAX_ID_CHARS`] ASCII letters, digits and
/// `-_.:`. Any other id is dropped on reading (the app then gives the draft a fresh one), so an id
/// can neither bloat the store (it is saved as a key and as `current`) nor become odd markup.
pub fn is_valid_id(id: &str) -> bool {
    (1..=MAX_ID_CHARS).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'))
}

/// The stem of a draft's file names: the slug of the product name, else of the draft's title
/// (`None` when both fold to nothing): "nuoc-mam-co-ba".
pub fn file_stem(d: &Draft) -> Option<String> {
    [d.product.name.as_str(), d.title.as_str()]
        .into_iter()
        .map(slug)
        .find(|s| !s.is_empty())
}

/// The one file name of a draft's JSON export, wherever it is downloaded (details screen,
/// drafts list, share panel): "nuoc-mam-co-ba-2026-11-29.json", or "ocop-qd26-09-2026-11-29.json"
/// for a draft without a name.
pub fn export_file_name(d: &Draft, today: Date) -> String {
    let stem = file_stem(d).unwrap_or_else(|| format!("ocop-{}", slug(&d.product_set)));
    format!("{stem}-{}.json", today.iso())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rubric::embedded;

    fn err(text: &str) -> ImportError {
        match from_json(text) {
            Err(e) => e,
            Ok(d) => panic!("accepted {text}: {d:?}"),
        }
    }

    #[test]
    fn reads_the_example_from_the_spec() {
        let d = from_json(r#"{"format":"ocop-self-check/draft","version":1,"rubric":"QD26-2026","product_set":"QD26-07","answers":{"1.1":2,"1.5":3},"extra":{"ignored":true}}"#)
            .expect("valid");
        assert_eq!(d.product_set, "QD26-07");
        assert_eq!(d.responses.answers.get("1.5"), Some(&3));
        let set = match embedded::load("QD26-07") {
            Some(Ok(s)) => s,
            _ => panic!("set"),
        };
        assert_eq!(check_against(&d, &set), Ok(()));
    }

    #[test]
    fn ids_from_outside_are_kept_only_when_short_and_plain() {
        let with_id = |id: &str| {
            let v = serde_json::json!({"format":"ocop-self-check/draft","version":1,"rubric":"QD26-2026","product_set":"QD26-09","id":id});
            from_value(&v).expect("draft").id
        };
        assert_eq!(with_id("d-1764547200000-ab12"), "d-1764547200000-ab12");
        assert_eq!(with_id(&"x".repeat(64)), "x".repeat(64));
        assert_eq!(
            with_id(&"x".repeat(65)),
            "",
            "too long: a fresh id is given"
        );
        assert_eq!(with_id(&"x".repeat(990_000)), "");
        assert_eq!(with_id("a\"><img src=x>"), "");
        assert_eq!(with_id("bản-nháp"), "");
        assert_eq!(with_id(""), "");
    }

    #[test]
    fn round_trips() {
        let mut d = Draft::new("abc", "QD26-26", 5);
        d.title = "Homestay <b>&\"".into();
        d.responses.answers.insert("8".into(), 4);
        d.responses.none_of_levels.insert("3.3".into());
        d.responses.knock_outs.insert("forged".into(), false);
        d.product.name = "Nước mắm".into();
        d.producer.email = "a@b.vn".into();
        d.evidence.insert("1.1".into(), "hợp đồng".into());
        let back = from_json(&to_json(&d)).expect("round trip");
        assert_eq!(back, d);
    }

    #[test]
    fn the_report_round_trips_is_absent_when_empty_and_is_read_strictly() {
        let mut d = Draft::new("abc", "QD26-09", 5);
        let text = to_json(&d);
        assert!(!text.contains("\"report\""), "{text}");
        for (i, f) in Field::ALL
            .into_iter()
            .filter(|f| f.part() == Part::Report)
            .enumerate()
        {
            f.set(&mut d, format!("dòng {i}\nLịch sử <b>&\u{202E}"));
        }
        let text = to_json(&d);
        let v: Value = serde_json::from_str(&text).expect("json");
        assert_eq!(v["report"]["history"], "dòng 0\nLịch sử <b>&\u{202E}");
        assert_eq!(from_json(&text).expect("round trip"), d);
        // Files written before the report existed read as "nothing written".
        let old = from_json(r#"{"format":"ocop-self-check/draft","version":1,"rubric":"QD26-2026","product_set":"QD26-09"}"#)
            .expect("old file");
        assert_eq!(old.report, Report::default());
        // A report of the wrong type is named.
        let bad = from_json(
            r#"{"format":"ocop-self-check/draft","version":1,"rubric":"QD26-2026","product_set":"QD26-09","report":{"plan":5}}"#,
        );
        assert_eq!(bad.map_err(|e| e.field), Err("report.plan".to_string()));
        let bad = from_json(
            r#"{"format":"ocop-self-check/draft","version":1,"rubric":"QD26-2026","product_set":"QD26-09","report":[]}"#,
        );
        assert_eq!(bad.map_err(|e| e.field), Err("report".to_string()));
        // Long texts are cut and said so.
        let long = "x".repeat(super::super::MAX_FIELD_CHARS + 5);
        let text = format!(
            r#"{{"format":"ocop-self-check/draft","version":1,"rubric":"QD26-2026","product_set":"QD26-09","report":{{"plan":"{long}"}}}}"#
        );
        assert_eq!(clipped_fields(&text), ["report.plan"]);
    }

    #[test]
    fn the_representatives_disability_status_round_trips_and_may_be_absent() {
        let mut d = Draft::new("abc", "QD26-09", 5);
        d.producer.representative_disability = "Có".into();
        let text = to_json(&d);
        let v: Value = serde_json::from_str(&text).expect("json");
        assert_eq!(v["producer"]["representative_disability"], "Có", "{text}");
        assert_eq!(from_json(&text).expect("round trip"), d);
        // Files written before the field existed read as "not given".
        let old = from_json(r#"{"format":"ocop-self-check/draft","version":1,"rubric":"QD26-2026","product_set":"QD26-09","producer":{"representative_gender":"Nữ"}}"#)
            .expect("old file");
        assert_eq!(old.producer.representative_disability, "");
        assert_eq!(old.producer.representative_gender, "Nữ");
    }

    #[test]
    fn errors_name_the_field() {
        let base = |rest: &str| {
            format!(
                r#"{{"format":"ocop-self-check/draft","version":1,"rubric":"QD26-2026","product_set":"QD26-07"{rest}}}"#
            )
        };
        assert_eq!(
            err("").kind,
            ImportErrorKind::NotJson { line: 1, column: 0 }
        );
        assert_eq!(
            err("[1]").kind,
            ImportErrorKind::WrongType {
                expected: Expected::Object
            }
        );
        assert_eq!(err(r#"{"format":"x","version":1}"#).field, "format");
        assert_eq!(
            err(r#"{"format":"ocop-self-check/draft","version":2}"#).kind,
            ImportErrorKind::UnsupportedVersion { found: "2".into() }
        );
        assert_eq!(
            err(r#"{"format":"ocop-self-check/draft"}"#).field,
            "version"
        );
        assert_eq!(err(&base(r#","answers":{"1.1":"2"}"#)).field, "answers.1.1");
        assert_eq!(err(&base(r#","answers":{"1.1":0}"#)).field, "answers.1.1");
        assert_eq!(err(&base(r#","answers":{"1.1":300}"#)).field, "answers.1.1");
        assert_eq!(err(&base(r#","answers":[1]"#)).field, "answers");
        assert_eq!(err(&base(r#","product":{"name":5}"#)).field, "product.name");
        assert_eq!(
            err(&base(r#","knock_outs":{"forged":"no"}"#)).field,
            "knock_outs.forged"
        );
        let e = err(
            r#"{"format":"ocop-self-check/draft","version":1,"rubric":"QD26-2026","product_set":"QD26-99"}"#,
        );
        assert_eq!(e.field, "product_set");
        let big = format!("{{\"a\":\"{}\"}}", "x".repeat(MAX_IMPORT_BYTES));
        assert!(matches!(err(&big).kind, ImportErrorKind::TooLarge { .. }));
    }

    #[test]
    fn repeated_keys_are_found_however_written_and_in_linear_time() {
        let e = parse_strict(r#"{"a":1,"\u0061":2}"#).expect_err("the same key, escaped");
        assert_eq!(e.kind, ImportErrorKind::DuplicateKey { key: "a".into() });
        let e = parse_strict(r#"{"x":[{"k":1},{"k":2,"k":3}]}"#).expect_err("nested");
        assert_eq!(
            e.kind,
            ImportErrorKind::DuplicateKey {
                key: "x.1.k".into()
            }
        );
        // A long key is named in 40 characters.
        let long = "k".repeat(5000);
        let e = parse_strict(&format!(r#"{{"{long}":1,"{long}":2}}"#)).expect_err("repeat");
        assert!(
            matches!(&e.kind, ImportErrorKind::DuplicateKey { key } if key.chars().count() == 41)
        );
        // Big numbers and -0 read as serde_json reads them.
        for t in [
            "18446744073709551615",
            "-9223372036854775808",
            "-0",
            "1.5e300",
        ] {
            let loose: Value = serde_json::from_str(t).expect("json");
            assert_eq!(parse_strict(t).ok(), Some(loose), "{t}");
        }
        // A crafted document: a 100 kB key above 50,000 array elements. Building each element's
        // path as text would copy the key 50,000 times (5 GB); the parser reads it once.
        let doc = format!(
            r#"{{"{}":[{}0]}}"#,
            "k".repeat(100_000),
            "0,".repeat(50_000)
        );
        assert!(parse_strict(&doc).is_ok());
    }

    #[test]
    fn texts_cut_on_import_are_named() {
        let long = "ạ".repeat(super::super::MAX_FIELD_CHARS + 1);
        let text = serde_json::json!({
            "format": DRAFT_FORMAT, "version": 1, "rubric": RUBRIC_ID, "product_set": "QD26-09",
            "title": long, "evidence": {"1.1": long, "1.2": "ngắn"},
            "product": {"name": "x", "certificates": long, "unknown_member": long},
        })
        .to_string();
        assert_eq!(
            clipped_fields(&format!("\u{feff}{text}")).len(),
            3,
            "after a BOM too"
        );
        assert_eq!(
            clipped_fields(&text),
            ["title", "evidence.1.1", "product.certificates"]
        );
        let d = from_json(&text).expect("accepted, cut");
        assert_eq!(d.title.chars().count(), super::super::MAX_FIELD_CHARS);
        assert!(clipped_fields(&to_json(&d)).is_empty());
        assert!(clipped_fields("not json").is_empty());
    }

    #[test]
    fn misfits_lists_every_item_the_set_lacks_and_how_to_set_it_aside() {
        let Some(Ok(set)) = crate::rubric::embedded::load("QD26-09") else {
            panic!("set")
        };
        let mut d = Draft::new("d1", "QD26-09", 0);
        d.responses.answers.insert("1.2".into(), 2);
        d.responses.answers.insert("1.1".into(), 200);
        d.responses.answers.insert("99.99".into(), 7);
        d.responses.none_of_levels.insert("zz.9".into());
        d.responses.knock_outs.insert("evil".into(), true);
        d.evidence.insert("nope".into(), "ghi chú".into());
        d.evidence.insert("1.2".into(), "có thật".into());
        let found = misfits(&d, &set);
        let fields: Vec<&str> = found.iter().map(|m| m.error.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "answers.1.1",
                "answers.99.99",
                "none_of_levels",
                "knock_outs.evil",
                "evidence.nope"
            ]
        );
        assert_eq!(
            check_against(&d, &set).map_err(|e| e.field),
            Err("answers.1.1".into())
        );
        let clean = found
            .into_iter()
            .fold(d.clone(), |d, m| d.apply(m.remove, 1));
        assert_eq!(check_against(&clean, &set), Ok(()));
        assert!(misfits(&clean, &set).is_empty());
        assert_eq!(clean.responses.answers.len(), 1, "the sound answer stays");
        assert_eq!(
            clean.evidence.get("1.2").map(String::as_str),
            Some("có thật")
        );
    }

    #[test]
    fn check_against_rejects_unknown_codes_and_positions() {
        let set = match embedded::load("QD26-07") {
            Some(Ok(s)) => s,
            _ => panic!("set"),
        };
        let mut d = Draft::new("x", "QD26-07", 0);
        d.responses.answers.insert("9.9".into(), 1);
        assert_eq!(
            check_against(&d, &set).map_err(|e| e.field),
            Err("answers.9.9".into())
        );
        d.responses.answers.clear();
        d.responses.answers.insert("1.1".into(), 9);
        assert!(matches!(
            check_against(&d, &set).map_err(|e| e.kind),
            Err(ImportErrorKind::InvalidPosition { levels: 3, .. })
        ));
    }
}
