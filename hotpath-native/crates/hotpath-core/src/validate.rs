//! Request validation: the protovalidate rules of the `.proto` files, enforced again by the
//! core so a core reached directly refuses bad input with the same field paths.

use crate::error::{CoreError, FieldViolation};
use crate::proto::core_v1::{ErrorReason, Metric, Vector};
use crate::status::MAX_VIOLATIONS;

/// Most values a vector may have.
pub(crate) const MAX_DIM: usize = 4096;
/// Longest collection name, in characters.
pub(crate) const MAX_NAME_CHARS: usize = 128;

/// Collects field violations; the error's reason is the reason of the first one.
#[derive(Debug, Default)]
pub(crate) struct Violations {
    reason: Option<ErrorReason>,
    list: Vec<FieldViolation>,
}

impl Violations {
    pub(crate) fn new() -> Self {
        Self::default()
    }

    /// Adds a violation (only the first [`MAX_VIOLATIONS`] are kept).
    pub(crate) fn add(
        &mut self,
        reason: ErrorReason,
        field: impl Into<String>,
        description: impl Into<String>,
    ) {
        self.reason.get_or_insert(reason);
        if self.list.len() < MAX_VIOLATIONS {
            self.list.push(FieldViolation::new(field, description));
        }
    }

    /// True once no more violations would be kept (callers may stop looking).
    pub(crate) fn is_full(&self) -> bool {
        self.list.len() >= MAX_VIOLATIONS
    }

    #[cfg(test)]
    pub(crate) fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// `Ok(())` when nothing was found, else the `InvalidArgument` error.
    pub(crate) fn into_result(self) -> Result<(), CoreError> {
        match self.reason {
            None => Ok(()),
            Some(reason) => Err(CoreError::InvalidArgument {
                reason,
                violations: self.list,
            }),
        }
    }

    /// A string length rule counted in characters, as protovalidate does.
    pub(crate) fn string_len(&mut self, field: &str, value: &str, min: usize, max: usize) -> bool {
        let chars = value.chars().count();
        if chars < min || chars > max {
            self.add(
                ErrorReason::InvalidField,
                field,
                format!("must have {min}..={max} characters, has {chars}"),
            );
            return false;
        }
        true
    }

    /// A collection name: 1..=128 characters of `[A-Za-z0-9_.-]`.
    pub(crate) fn collection_name(&mut self, field: &str, name: &str) {
        if self.string_len(field, name, 1, MAX_NAME_CHARS)
            && !name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'))
        {
            self.add(
                ErrorReason::InvalidField,
                field,
                "must match ^[A-Za-z0-9_.-]+$",
            );
        }
    }

    /// A repeated-field item count in `min..=max`.
    pub(crate) fn count(&mut self, field: &str, len: usize, min: usize, max: usize) -> bool {
        if len < min || len > max {
            self.add(
                ErrorReason::InvalidField,
                field,
                format!("must have {min}..={max} items, has {len}"),
            );
            return false;
        }
        true
    }

    /// An integer in `min..=max`.
    pub(crate) fn range(&mut self, field: &str, value: u64, min: u64, max: u64) -> bool {
        if value < min || value > max {
            self.add(
                ErrorReason::InvalidField,
                field,
                format!("must be in {min}..={max}, is {value}"),
            );
            return false;
        }
        true
    }

    /// A metric enum value: defined, and not `METRIC_UNSPECIFIED` when `required`.
    pub(crate) fn metric(&mut self, field: &str, value: i32, required: bool) -> Option<Metric> {
        match Metric::try_from(value) {
            Ok(Metric::Unspecified) if required => {
                self.add(
                    ErrorReason::InvalidField,
                    field,
                    "is required (METRIC_UNSPECIFIED is not allowed)",
                );
                None
            }
            Ok(metric) => Some(metric),
            Err(_) => {
                self.add(
                    ErrorReason::InvalidField,
                    field,
                    format!("{value} is not a defined Metric"),
                );
                None
            }
        }
    }

    /// A vector's value count (1..=4096) and that every value is finite. `field` is the path of
    /// the vector's `values` field, e.g. `queries[2].values`.
    pub(crate) fn vector_values(&mut self, field: &str, values: &[f32]) {
        if !self.count(field, values.len(), 1, MAX_DIM) {
            return;
        }
        self.finite(field, values);
    }

    /// Every value finite; the first bad one is reported as `field[j]`.
    pub(crate) fn finite(&mut self, field: &str, values: &[f32]) {
        if values.iter().all(|x| x.is_finite()) {
            return;
        }
        if let Some((j, x)) = values.iter().enumerate().find(|(_, x)| !x.is_finite()) {
            self.add(
                ErrorReason::NonFiniteValue,
                format!("{field}[{j}]"),
                format!("must be finite, is {x}"),
            );
        }
    }

    /// Each vector of a repeated `Vector` field (`prefix[i].values`).
    pub(crate) fn vectors(&mut self, prefix: &str, vectors: &[Vector]) {
        for (i, v) in vectors.iter().enumerate() {
            if self.is_full() {
                return;
            }
            self.vector_values(&format!("{prefix}[{i}].values"), &v.values);
        }
    }

    /// Every vector of a repeated field has `dim` values (`DIMENSION_MISMATCH`); `what` names the
    /// reference dimension in the description.
    pub(crate) fn dims(&mut self, prefix: &str, vectors: &[Vector], dim: usize, what: &str) {
        for (i, v) in vectors.iter().enumerate() {
            if self.is_full() {
                return;
            }
            if v.values.len() != dim {
                self.add(
                    ErrorReason::DimensionMismatch,
                    format!("{prefix}[{i}].values"),
                    format!("has {} values, {what} is {dim}", v.values.len()),
                );
            }
        }
    }
}

/// A file path relative to the data directory: no root, no prefix, no `..`.
pub(crate) fn relative_path(violations: &mut Violations, field: &str, path: &str) {
    use std::path::Component;
    let p = std::path::Path::new(path);
    let escapes = p.is_absolute()
        || p.components().any(|c| {
            matches!(
                c,
                Component::ParentDir | Component::RootDir | Component::Prefix(_)
            )
        });
    if escapes {
        violations.add(
            ErrorReason::InvalidField,
            field,
            "must be relative to the data directory (no absolute path, no \"..\")",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_violations_are_ok() {
        assert_eq!(Violations::new().into_result(), Ok(()));
    }

    #[test]
    fn reason_is_the_first_violation_reason() {
        let mut v = Violations::new();
        v.finite("queries[0].values", &[1.0, f32::NAN]);
        v.range("k", 0, 1, 1000);
        match v.into_result().unwrap_err() {
            CoreError::InvalidArgument { reason, violations } => {
                assert_eq!(reason, ErrorReason::NonFiniteValue);
                assert_eq!(violations[0].field, "queries[0].values[1]");
                assert_eq!(violations[1].field, "k");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn names_follow_the_pattern_and_length() {
        for (name, ok) in [
            ("a", true),
            ("A-z_0.9", true),
            ("", false),
            ("a b", false),
            ("é", false),
        ] {
            let mut v = Violations::new();
            v.collection_name("collection", name);
            assert_eq!(v.is_empty(), ok, "{name:?}");
        }
        let mut v = Violations::new();
        v.collection_name("collection", &"x".repeat(129));
        assert!(!v.is_empty());
    }

    #[test]
    fn keeps_at_most_ten() {
        let mut v = Violations::new();
        for i in 0..50 {
            v.add(ErrorReason::InvalidField, format!("f{i}"), "bad");
        }
        assert!(v.is_full());
        match v.into_result().unwrap_err() {
            CoreError::InvalidArgument { violations, .. } => assert_eq!(violations.len(), 10),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn relative_paths_only() {
        for (path, ok) in [
            ("a/b.fvecs", true),
            ("/etc/passwd", false),
            ("../x", false),
            ("a/../../x", false),
        ] {
            let mut v = Violations::new();
            relative_path(&mut v, "file.path", path);
            assert_eq!(v.is_empty(), ok, "{path}");
        }
    }
}
