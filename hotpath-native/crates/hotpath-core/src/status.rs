//! [`CoreError`] → `google.rpc.Status` with the standard error details of DESIGN.md's table.

use std::collections::HashMap;

use prost::Message;

use crate::ERROR_DOMAIN;
use crate::error::CoreError;
use crate::proto::google_rpc::{
    BadRequest, Code, DebugInfo, ErrorInfo, QuotaFailure, ResourceInfo, RetryInfo, Status,
    bad_request, quota_failure,
};

/// `ResourceInfo.resource_type` of collections.
pub(crate) const COLLECTION_RESOURCE_TYPE: &str = "hybrid.core.v1.Collection";
/// At most this many field violations travel in a `BadRequest` (details stay < 2 KiB).
pub(crate) const MAX_VIOLATIONS: usize = 10;
const MAX_TEXT: usize = 160;
const MAX_FIELD: usize = 64;
const MAX_DESCRIPTION: usize = 96;
const MAX_MESSAGE: usize = 1024;

impl CoreError {
    /// The canonical gRPC code number (the values of `tonic::Code` / `io.grpc.Status.Code`).
    pub fn code(&self) -> i32 {
        let code = match self {
            Self::MalformedRequest { .. } | Self::InvalidArgument { .. } => Code::InvalidArgument,
            Self::NotFound { .. } => Code::NotFound,
            Self::AlreadyExists { .. } => Code::AlreadyExists,
            Self::MemoryBudgetExceeded { .. } => Code::ResourceExhausted,
            Self::Overloaded { .. } => Code::Unavailable,
            Self::DeadlineExceeded => Code::DeadlineExceeded,
            Self::Cancelled => Code::Cancelled,
            Self::Internal { .. } => Code::Internal,
            Self::UnknownMethod { .. } => Code::Unimplemented,
            Self::SourceUnavailable { .. } => Code::FailedPrecondition,
        };
        code as i32
    }

    /// The human-readable `Status.message` (at most 1 KiB).
    pub fn message(&self) -> String {
        truncate(&self.to_string(), MAX_MESSAGE)
    }

    /// The `google.rpc.Status` of this error, with its details packed as `Any`
    /// (`type.googleapis.com/google.rpc.ErrorInfo`, ...). `DebugInfo` is added to `INTERNAL`
    /// only when `debug` is true.
    pub fn to_status(&self, debug: bool) -> Status {
        let mut details = Vec::new();
        if !matches!(self, Self::Cancelled) {
            details.push(pack("google.rpc.ErrorInfo", &self.error_info()));
        }
        match self {
            Self::InvalidArgument { violations, .. } => {
                let field_violations = violations
                    .iter()
                    .take(MAX_VIOLATIONS)
                    .map(|v| bad_request::FieldViolation {
                        field: truncate(&v.field, MAX_FIELD),
                        description: truncate(&v.description, MAX_DESCRIPTION),
                        ..Default::default()
                    })
                    .collect();
                details.push(pack(
                    "google.rpc.BadRequest",
                    &BadRequest { field_violations },
                ));
            }
            Self::NotFound { collection } | Self::AlreadyExists { collection } => {
                let description = if matches!(self, Self::NotFound { .. }) {
                    "no collection of this name on this core"
                } else {
                    "a collection of this name already exists on this core"
                };
                details.push(pack(
                    "google.rpc.ResourceInfo",
                    &ResourceInfo {
                        resource_type: COLLECTION_RESOURCE_TYPE.to_owned(),
                        resource_name: truncate(collection, MAX_TEXT),
                        owner: String::new(),
                        description: description.to_owned(),
                    },
                ));
            }
            Self::MemoryBudgetExceeded {
                requested,
                available,
                budget,
            } => {
                let violation = quota_failure::Violation {
                    subject: "hotpath-core memory budget".to_owned(),
                    description: format!(
                        "requested {requested} bytes, {available} of {budget} bytes available"
                    ),
                    quota_metric: "memory_bytes".to_owned(),
                    quota_id: "CoreMemoryBudget".to_owned(),
                    quota_value: i64::try_from(*budget).unwrap_or(i64::MAX),
                    ..Default::default()
                };
                details.push(pack(
                    "google.rpc.QuotaFailure",
                    &QuotaFailure {
                        violations: vec![violation],
                    },
                ));
            }
            Self::Overloaded { retry_after } => {
                let retry_delay = prost_types::Duration {
                    seconds: i64::try_from(retry_after.as_secs()).unwrap_or(i64::MAX),
                    nanos: retry_after.subsec_nanos() as i32,
                };
                details.push(pack(
                    "google.rpc.RetryInfo",
                    &RetryInfo {
                        retry_delay: Some(retry_delay),
                    },
                ));
            }
            Self::Internal {
                message,
                debug_detail,
            } if debug => {
                let detail = debug_detail.as_deref().unwrap_or(message);
                details.push(pack(
                    "google.rpc.DebugInfo",
                    &DebugInfo {
                        stack_entries: Vec::new(),
                        detail: truncate(detail, MAX_MESSAGE),
                    },
                ));
            }
            _ => {}
        }
        Status {
            code: self.code(),
            message: self.message(),
            details,
        }
    }

    /// The encoded `google.rpc.Status` of [`CoreError::to_status`].
    pub fn encode_status(&self, debug: bool) -> Vec<u8> {
        self.to_status(debug).encode_to_vec()
    }

    fn error_info(&self) -> ErrorInfo {
        let mut metadata = HashMap::new();
        match self {
            Self::NotFound { collection } | Self::AlreadyExists { collection } => {
                metadata.insert("collection".to_owned(), truncate(collection, MAX_TEXT));
            }
            Self::MemoryBudgetExceeded {
                requested,
                available,
                budget,
            } => {
                metadata.insert("requested_bytes".to_owned(), requested.to_string());
                metadata.insert("available_bytes".to_owned(), available.to_string());
                metadata.insert("budget_bytes".to_owned(), budget.to_string());
            }
            Self::Overloaded { retry_after } => {
                metadata.insert(
                    "retry_after_ms".to_owned(),
                    retry_after.as_millis().to_string(),
                );
            }
            Self::DeadlineExceeded => {
                metadata.insert("stage".to_owned(), "core".to_owned());
            }
            Self::UnknownMethod { id } => {
                metadata.insert("method_id".to_owned(), id.to_string());
            }
            Self::SourceUnavailable { path, .. } => {
                metadata.insert("path".to_owned(), truncate(path, MAX_TEXT * 2));
            }
            _ => {}
        }
        ErrorInfo {
            reason: self.reason().as_str_name().to_owned(),
            domain: ERROR_DOMAIN.to_owned(),
            metadata,
        }
    }
}

fn pack<M: Message>(full_name: &str, message: &M) -> prost_types::Any {
    prost_types::Any {
        type_url: format!("type.googleapis.com/{full_name}"),
        value: message.encode_to_vec(),
    }
}

/// `text` cut to at most `max` bytes on a char boundary, with "…" when cut.
fn truncate(text: &str, max: usize) -> String {
    if text.len() <= max {
        return text.to_owned();
    }
    let mut end = max.saturating_sub('…'.len_utf8());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &text[..end])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::proto::core_v1::ErrorReason;

    #[test]
    fn cancelled_has_no_details() {
        let status = CoreError::Cancelled.to_status(true);
        assert_eq!(status.code, 1);
        assert!(status.details.is_empty());
    }

    #[test]
    fn debug_info_only_in_debug_mode() {
        let err = CoreError::Internal {
            message: "panic".into(),
            debug_detail: Some("at src/x.rs:1".into()),
        };
        assert_eq!(err.to_status(false).details.len(), 1);
        let status = err.to_status(true);
        assert_eq!(status.details.len(), 2);
        assert_eq!(
            status.details[1].type_url,
            "type.googleapis.com/google.rpc.DebugInfo"
        );
    }

    #[test]
    fn truncate_respects_char_boundaries() {
        let s = "ééééé";
        let t = truncate(s, 6);
        assert!(t.len() <= 6, "{t}");
        assert!(t.ends_with('…'));
        assert_eq!(truncate("abc", 3), "abc");
    }

    #[test]
    fn details_stay_small_with_many_long_violations() {
        let violations = (0..100)
            .map(|i| crate::FieldViolation::new(format!("queries[{i}].values"), "x".repeat(500)))
            .collect();
        let err = CoreError::InvalidArgument {
            reason: ErrorReason::DimensionMismatch,
            violations,
        };
        let bytes = err.encode_status(false);
        let details: usize = err
            .to_status(false)
            .details
            .iter()
            .map(|d| d.value.len())
            .sum();
        assert!(details < 2048, "details {details} bytes");
        assert!(bytes.len() < 4096);
    }
}
