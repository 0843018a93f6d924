//! The one error type of the core. [`crate::status`] maps it onto `google.rpc.Status`.

use std::time::Duration;

use crate::proto::core_v1::ErrorReason;

/// One bad field of a request, named by its proto field path (`queries[2].values[5]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldViolation {
    /// Proto field path with indices, e.g. `"queries[2].values[5]"`, `"k"`, `"filter.ids"`.
    pub field: String,
    /// Why the field is bad, for humans.
    pub description: String,
}

impl FieldViolation {
    /// A violation of `field` described by `description`.
    pub fn new(field: impl Into<String>, description: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            description: description.into(),
        }
    }
}

/// Every way a core call can fail. Each variant maps to one canonical gRPC code
/// ([`CoreError::code`]) and a fixed set of `google.rpc` error details ([`CoreError::to_status`]).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CoreError {
    /// The request bytes are not a valid protobuf message of the method's type
    /// (`INVALID_ARGUMENT`, reason `MALFORMED_REQUEST`).
    #[error("malformed request: {detail}")]
    MalformedRequest {
        /// What the decoder reported.
        detail: String,
    },

    /// One or more fields break the contract: limits, dimensions, non-finite values
    /// (`INVALID_ARGUMENT` + `BadRequest`).
    #[error("invalid argument ({}): {}", reason.as_str_name(), describe_violations(violations))]
    InvalidArgument {
        /// The reason of the first violation, sent as `ErrorInfo.reason`.
        reason: ErrorReason,
        /// The offending fields (at most 10 are kept).
        violations: Vec<FieldViolation>,
    },

    /// The named collection does not exist on this core (`NOT_FOUND` + `ResourceInfo`).
    #[error("collection {collection:?} not found")]
    NotFound {
        /// The collection name from the request.
        collection: String,
    },

    /// A collection with that name already exists (`ALREADY_EXISTS` + `ResourceInfo`).
    #[error("collection {collection:?} already exists")]
    AlreadyExists {
        /// The collection name from the request.
        collection: String,
    },

    /// Admitting the call would exceed the core's memory budget
    /// (`RESOURCE_EXHAUSTED` + `QuotaFailure`).
    #[error(
        "memory budget exceeded: {requested} bytes requested, {available} of {budget} bytes available"
    )]
    MemoryBudgetExceeded {
        /// Bytes the call needed.
        requested: u64,
        /// Bytes left in the budget when the call asked.
        available: u64,
        /// The whole budget.
        budget: u64,
    },

    /// The compute pool's queue is full; retry later (`UNAVAILABLE` + `RetryInfo`).
    #[error("core overloaded: compute queue full, retry after {} ms", retry_after.as_millis())]
    Overloaded {
        /// Suggested back-off, sent as `RetryInfo.retry_delay`.
        retry_after: Duration,
    },

    /// The call's deadline passed before or during the work (`DEADLINE_EXCEEDED`).
    #[error("deadline exceeded in the core")]
    DeadlineExceeded,

    /// The caller cancelled the call (`CANCELLED`, no details).
    #[error("cancelled by the caller")]
    Cancelled,

    /// A bug in the core, typically a caught panic (`INTERNAL`; `DebugInfo` only in debug mode).
    #[error("internal error: {message}")]
    Internal {
        /// A message safe to show to callers.
        message: String,
        /// Extra detail (panic payload, location) sent only when debug mode is on.
        debug_detail: Option<String>,
    },

    /// The FFI method id is not known to this core (`UNIMPLEMENTED`).
    #[error("unknown method id {id}")]
    UnknownMethod {
        /// The method id the caller sent.
        id: u32,
    },

    /// Loading vectors from a file failed, or file loading is disabled
    /// (`FAILED_PRECONDITION`, `ErrorInfo.metadata["path"]`).
    #[error("source {path:?} unavailable: {detail}")]
    SourceUnavailable {
        /// The path from the request (relative to the data directory).
        path: String,
        /// What went wrong.
        detail: String,
    },
}

fn describe_violations(violations: &[FieldViolation]) -> String {
    let mut text = String::new();
    for (i, v) in violations.iter().enumerate() {
        if i > 0 {
            text.push_str("; ");
        }
        text.push_str(&v.field);
        text.push_str(": ");
        text.push_str(&v.description);
    }
    text
}

impl CoreError {
    /// An `InvalidArgument` error with a single violation.
    pub fn invalid(
        reason: ErrorReason,
        field: impl Into<String>,
        description: impl Into<String>,
    ) -> Self {
        Self::InvalidArgument {
            reason,
            violations: vec![FieldViolation::new(field, description)],
        }
    }

    /// The `ErrorReason` sent as `ErrorInfo.reason` (`ErrorReason::Unspecified` for `Cancelled`,
    /// which carries no details).
    pub fn reason(&self) -> ErrorReason {
        match self {
            Self::MalformedRequest { .. } => ErrorReason::MalformedRequest,
            Self::InvalidArgument { reason, .. } => *reason,
            Self::NotFound { .. } => ErrorReason::CollectionNotFound,
            Self::AlreadyExists { .. } => ErrorReason::CollectionAlreadyExists,
            Self::MemoryBudgetExceeded { .. } => ErrorReason::MemoryBudgetExceeded,
            Self::Overloaded { .. } => ErrorReason::Overloaded,
            Self::DeadlineExceeded => ErrorReason::DeadlineExceeded,
            Self::Cancelled => ErrorReason::Unspecified,
            Self::Internal { .. } => ErrorReason::InternalError,
            Self::UnknownMethod { .. } => ErrorReason::UnknownMethod,
            Self::SourceUnavailable { .. } => ErrorReason::SourceUnavailable,
        }
    }

    /// True for the two ways a call is stopped from outside: deadline and cancellation.
    pub fn is_stop(&self) -> bool {
        matches!(self, Self::DeadlineExceeded | Self::Cancelled)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_lists_violations() {
        let err = CoreError::InvalidArgument {
            reason: ErrorReason::InvalidField,
            violations: vec![
                FieldViolation::new("k", "must be 1..=1000"),
                FieldViolation::new("queries", "must not be empty"),
            ],
        };
        assert_eq!(
            err.to_string(),
            "invalid argument (INVALID_FIELD): k: must be 1..=1000; queries: must not be empty"
        );
    }

    #[test]
    fn reasons_follow_variants() {
        assert_eq!(
            CoreError::DeadlineExceeded.reason(),
            ErrorReason::DeadlineExceeded
        );
        assert_eq!(
            CoreError::NotFound {
                collection: "a".into()
            }
            .reason(),
            ErrorReason::CollectionNotFound
        );
        assert!(CoreError::Cancelled.is_stop());
        assert!(!CoreError::UnknownMethod { id: 9 }.is_stop());
    }
}
