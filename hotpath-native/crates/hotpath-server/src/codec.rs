//! [`CoreCodec`]: the protobuf codec of `hybrid.core.v1.HotPath`, which answers undecodable
//! request bytes the way every transport of the core does.
//!
//! tonic's own `ProstCodec` maps a decode failure to `INTERNAL` (the gRPC status-code guide
//! treats it as a server-side parse failure). For this service the bytes come from the caller,
//! so DESIGN.md's error table says `INVALID_ARGUMENT` with `ErrorInfo{reason:
//! MALFORMED_REQUEST}` — exactly what the C ABI answers for the same bytes.

use std::marker::PhantomData;

use hotpath_core::CoreError;
use prost::Message;
use tonic::Status;
use tonic::codec::{BufferSettings, Codec, DecodeBuf, Decoder};
use tonic_prost::{ProstCodec, ProstDecoder, ProstEncoder};

use crate::status::core_status;

/// `ProstCodec` with [`MalformedAsInvalidArgument`] decoding; selected for HotPath in `build.rs`.
#[derive(Debug, Clone, Copy)]
pub struct CoreCodec<T, U> {
    _pd: PhantomData<(T, U)>,
}

impl<T, U> Default for CoreCodec<T, U> {
    fn default() -> Self {
        Self { _pd: PhantomData }
    }
}

impl<T, U> Codec for CoreCodec<T, U>
where
    T: Message + Send + 'static,
    U: Message + Default + Send + 'static,
{
    type Encode = T;
    type Decode = U;
    type Encoder = ProstEncoder<T>;
    type Decoder = MalformedAsInvalidArgument<U>;

    fn encoder(&mut self) -> Self::Encoder {
        ProstCodec::<T, U>::default().encoder()
    }

    fn decoder(&mut self) -> Self::Decoder {
        MalformedAsInvalidArgument {
            inner: ProstCodec::<T, U>::default().decoder(),
        }
    }
}

/// A prost decoder whose failures become the core's `MalformedRequest` status.
#[derive(Debug)]
pub struct MalformedAsInvalidArgument<U> {
    inner: ProstDecoder<U>,
}

impl<U: Message + Default> Decoder for MalformedAsInvalidArgument<U> {
    type Item = U;
    type Error = Status;

    fn decode(&mut self, buf: &mut DecodeBuf<'_>) -> Result<Option<U>, Status> {
        self.inner.decode(buf).map_err(|status| {
            let error = CoreError::MalformedRequest {
                detail: status.message().to_owned(),
            };
            core_status(&error, false)
        })
    }

    fn buffer_settings(&self) -> BufferSettings {
        self.inner.buffer_settings()
    }
}
