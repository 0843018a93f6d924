//! Errors the FFI layer raises itself (bad pointers and lengths), and reporting them to C.

use hotpath_core::CoreError;
use hotpath_core::proto::core_v1::ErrorReason;

use crate::abi::HotpathBuffer;
use crate::buffer;

/// INVALID_ARGUMENT, the canonical gRPC code returned alone when there is no buffer to put a
/// Status into (a NULL `out` / `out_status`).
pub(crate) const INVALID_ARGUMENT: i32 = 3;

/// INVALID_ARGUMENT naming the C argument `field` (BadRequest field path = argument name).
pub(crate) fn bad_argument(field: &str, description: impl Into<String>) -> CoreError {
    CoreError::invalid(ErrorReason::InvalidField, field, description)
}

/// Hands the encoded `google.rpc.Status` of `error` to `*out` and returns its gRPC code.
pub(crate) fn report(error: &CoreError, debug: bool, out: &mut HotpathBuffer) -> i32 {
    *out = buffer::hand_out(error.encode_status(debug));
    error.code()
}
