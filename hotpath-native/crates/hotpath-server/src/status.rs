//! [`CoreError`] → [`tonic::Status`]: the code, the message and `grpc-status-details-bin`.
//!
//! The details are the encoded `google.rpc.Status` that the core builds ([`CoreError::to_status`]),
//! byte for byte what the FFI transport returns, so the Java side decodes both transports into
//! the same `StatusRuntimeException`.

use bytes::Bytes;
use hotpath_core::CoreError;
use tonic::{Code, Status};

/// The gRPC status of a core error; `debug` adds `DebugInfo` to `INTERNAL` errors.
pub fn core_status(error: &CoreError, debug: bool) -> Status {
    let code = Code::from_i32(error.code());
    if matches!(error, CoreError::Cancelled) {
        // CANCELLED carries no details (DESIGN.md error table).
        return Status::new(code, error.message());
    }
    Status::with_details(
        code,
        error.message(),
        Bytes::from(error.encode_status(debug)),
    )
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use hotpath_core::proto::google_rpc;
    use prost::Message;

    use super::*;

    fn details(status: &Status) -> google_rpc::Status {
        google_rpc::Status::decode(status.details()).expect("details decode")
    }

    #[test]
    fn overloaded_is_unavailable_with_retry_info() {
        let status = core_status(
            &CoreError::Overloaded {
                retry_after: Duration::from_millis(50),
            },
            false,
        );
        assert_eq!(status.code(), Code::Unavailable);
        let decoded = details(&status);
        assert_eq!(decoded.code, Code::Unavailable as i32);
        let types: Vec<_> = decoded
            .details
            .iter()
            .map(|a| a.type_url.as_str())
            .collect();
        assert!(
            types.contains(&"type.googleapis.com/google.rpc.ErrorInfo"),
            "{types:?}"
        );
        assert!(
            types.contains(&"type.googleapis.com/google.rpc.RetryInfo"),
            "{types:?}"
        );
    }

    #[test]
    fn cancelled_has_no_details() {
        let status = core_status(&CoreError::Cancelled, false);
        assert_eq!(status.code(), Code::Cancelled);
        assert!(status.details().is_empty());
    }

    #[test]
    fn deadline_exceeded_keeps_its_code() {
        let status = core_status(&CoreError::DeadlineExceeded, false);
        assert_eq!(status.code(), Code::DeadlineExceeded);
        assert_eq!(details(&status).details.len(), 1);
    }
}
