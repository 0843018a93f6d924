//! The caller's deadline: the `grpc-timeout` header turned into an absolute [`Instant`] the
//! moment the request arrives.
//!
//! The HTTP/2 server does not use tonic's `transport::Server`, whose built-in timeout layer reads
//! the same header and answers `CANCELLED` when it fires; here the handler alone enforces the
//! deadline and answers `DEADLINE_EXCEEDED` (see `service.rs`). [`DeadlineLayer`] runs before the
//! body is read, so time spent receiving and decoding a large request counts against the budget.

use std::fmt;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use http::HeaderMap;
use tower::Layer;
use tower_service::Service;

/// The request header that carries the caller's remaining budget (gRPC over HTTP/2 spec).
pub const GRPC_TIMEOUT_HEADER: &str = "grpc-timeout";

/// When a call arrived and, if the caller sent `grpc-timeout`, when it must be answered.
///
/// Stored as a request extension by [`DeadlineLayer`]; handlers read it with
/// `request.extensions().get::<CallDeadline>()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CallDeadline {
    /// When the request headers were received.
    pub arrived: Instant,
    /// `arrived + grpc-timeout`, or `None` when the caller sent no (valid) timeout.
    pub deadline: Option<Instant>,
}

impl CallDeadline {
    /// Reads `grpc-timeout` from `headers`, anchored at `arrived`. A malformed header is
    /// treated as absent (and logged), as other gRPC servers do; the server's maximum still
    /// applies.
    pub fn from_headers(headers: &HeaderMap, arrived: Instant) -> Self {
        let deadline = headers.get(GRPC_TIMEOUT_HEADER).and_then(|value| {
            match value
                .to_str()
                .map_err(|_| TimeoutParseError::NotAscii)
                .and_then(parse_grpc_timeout)
            {
                Ok(timeout) => arrived.checked_add(timeout),
                Err(error) => {
                    tracing::debug!(?value, %error, "ignoring malformed grpc-timeout");
                    None
                }
            }
        });
        Self { arrived, deadline }
    }

    /// The deadline the server enforces: the caller's, capped at `arrived + max` when a
    /// server maximum is configured (which also applies when the caller sent none).
    pub fn effective(&self, max: Option<Duration>) -> Option<Instant> {
        let cap = max.and_then(|max| self.arrived.checked_add(max));
        match (self.deadline, cap) {
            (Some(d), Some(c)) => Some(d.min(c)),
            (d, c) => d.or(c),
        }
    }
}

/// Why a `grpc-timeout` value was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimeoutParseError {
    /// The header value is not visible ASCII.
    NotAscii,
    /// No digits, or more than the 8 the spec allows.
    BadDigits,
    /// The unit is not one of `H M S m u n`.
    BadUnit,
}

impl fmt::Display for TimeoutParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::NotAscii => "value is not ASCII",
            Self::BadDigits => "expected 1 to 8 digits",
            Self::BadUnit => "expected unit H, M, S, m, u or n",
        })
    }
}

impl std::error::Error for TimeoutParseError {}

/// Parses a `grpc-timeout` value: 1..=8 ASCII digits followed by one unit
/// (`H` hours, `M` minutes, `S` seconds, `m` milliseconds, `u` microseconds, `n` nanoseconds).
///
/// ```
/// use std::time::Duration;
/// use hotpath_server::parse_grpc_timeout;
/// assert_eq!(parse_grpc_timeout("5m"), Ok(Duration::from_millis(5)));
/// assert_eq!(parse_grpc_timeout("2H"), Ok(Duration::from_secs(7200)));
/// assert!(parse_grpc_timeout("123456789S").is_err());
/// ```
pub fn parse_grpc_timeout(value: &str) -> Result<Duration, TimeoutParseError> {
    let (digits, unit) = value
        .char_indices()
        .last()
        .map(|(i, _)| value.split_at(i))
        .ok_or(TimeoutParseError::BadDigits)?;
    if digits.is_empty() || digits.len() > 8 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(TimeoutParseError::BadDigits);
    }
    // At most 8 digits: always fits in u64, and 99_999_999 hours still fits a Duration.
    let n: u64 = digits.parse().map_err(|_| TimeoutParseError::BadDigits)?;
    Ok(match unit {
        "H" => Duration::from_secs(n * 3600),
        "M" => Duration::from_secs(n * 60),
        "S" => Duration::from_secs(n),
        "m" => Duration::from_millis(n),
        "u" => Duration::from_micros(n),
        "n" => Duration::from_nanos(n),
        _ => return Err(TimeoutParseError::BadUnit),
    })
}

/// Tower layer that stamps every request with its [`CallDeadline`].
#[derive(Debug, Clone, Copy, Default)]
pub struct DeadlineLayer;

impl<S> Layer<S> for DeadlineLayer {
    type Service = DeadlineService<S>;

    fn layer(&self, inner: S) -> Self::Service {
        DeadlineService { inner }
    }
}

/// The service produced by [`DeadlineLayer`].
#[derive(Debug, Clone)]
pub struct DeadlineService<S> {
    inner: S,
}

impl<S, B> Service<http::Request<B>> for DeadlineService<S>
where
    S: Service<http::Request<B>>,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = S::Future;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut request: http::Request<B>) -> Self::Future {
        let deadline = CallDeadline::from_headers(request.headers(), Instant::now());
        request.extensions_mut().insert(deadline);
        self.inner.call(request)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_unit() {
        assert_eq!(parse_grpc_timeout("1H"), Ok(Duration::from_secs(3600)));
        assert_eq!(parse_grpc_timeout("3M"), Ok(Duration::from_secs(180)));
        assert_eq!(parse_grpc_timeout("7S"), Ok(Duration::from_secs(7)));
        assert_eq!(parse_grpc_timeout("250m"), Ok(Duration::from_millis(250)));
        assert_eq!(
            parse_grpc_timeout("99999999u"),
            Ok(Duration::from_micros(99_999_999))
        );
        assert_eq!(parse_grpc_timeout("0n"), Ok(Duration::ZERO));
        assert_eq!(
            parse_grpc_timeout("00000012n"),
            Ok(Duration::from_nanos(12))
        );
        assert_eq!(
            parse_grpc_timeout("99999999H"),
            Ok(Duration::from_secs(99_999_999 * 3600))
        );
    }

    #[test]
    fn refuses_malformed_values() {
        assert_eq!(parse_grpc_timeout(""), Err(TimeoutParseError::BadDigits));
        assert_eq!(parse_grpc_timeout("m"), Err(TimeoutParseError::BadDigits));
        assert_eq!(
            parse_grpc_timeout("123456789m"),
            Err(TimeoutParseError::BadDigits)
        );
        assert_eq!(parse_grpc_timeout("-5m"), Err(TimeoutParseError::BadDigits));
        assert_eq!(parse_grpc_timeout("5 m"), Err(TimeoutParseError::BadDigits));
        assert_eq!(parse_grpc_timeout("5x"), Err(TimeoutParseError::BadUnit));
        assert_eq!(parse_grpc_timeout("5ms"), Err(TimeoutParseError::BadDigits));
        assert_eq!(parse_grpc_timeout("5é"), Err(TimeoutParseError::BadUnit));
    }

    #[test]
    fn header_becomes_absolute_instant() {
        let now = Instant::now();
        let mut headers = HeaderMap::new();
        headers.insert(GRPC_TIMEOUT_HEADER, "20m".parse().unwrap());
        let d = CallDeadline::from_headers(&headers, now);
        assert_eq!(d.deadline, Some(now + Duration::from_millis(20)));

        headers.insert(GRPC_TIMEOUT_HEADER, "soon".parse().unwrap());
        assert_eq!(CallDeadline::from_headers(&headers, now).deadline, None);
        assert_eq!(
            CallDeadline::from_headers(&HeaderMap::new(), now).deadline,
            None
        );
    }

    #[test]
    fn effective_deadline_is_capped_by_server_maximum() {
        let now = Instant::now();
        let max = Some(Duration::from_secs(60));
        let none = CallDeadline {
            arrived: now,
            deadline: None,
        };
        assert_eq!(none.effective(max), Some(now + Duration::from_secs(60)));
        assert_eq!(none.effective(None), None);

        let short = CallDeadline {
            arrived: now,
            deadline: Some(now + Duration::from_millis(5)),
        };
        assert_eq!(short.effective(max), Some(now + Duration::from_millis(5)));

        let long = CallDeadline {
            arrived: now,
            deadline: Some(now + Duration::from_secs(600)),
        };
        assert_eq!(long.effective(max), Some(now + Duration::from_secs(60)));
        assert_eq!(long.effective(None), Some(now + Duration::from_secs(600)));
    }
}
