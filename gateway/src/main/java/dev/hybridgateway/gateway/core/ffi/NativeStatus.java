package dev.hybridgateway.gateway.core.ffi;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import com.google.rpc.Code;
import com.google.rpc.Status;
import dev.hybridgateway.gateway.core.CoreErrors;
import io.grpc.StatusRuntimeException;
import java.lang.foreign.MemorySegment;

/**
 * Turns the error outcome of a downcall (the returned gRPC code and the encoded {@code
 * google.rpc.Status} Rust wrote into a buffer) into the StatusRuntimeException a gRPC client of
 * the same core would raise.
 */
final class NativeStatus {
  private NativeStatus() {}

  /**
   * The exception for {@code code} and the Status bytes {@code encoded} (still owned by Rust: they
   * are copied here, and the caller frees the buffer afterwards).
   */
  static StatusRuntimeException error(int code, MemorySegment encoded) {
    if (encoded.byteSize() == 0) {
      // hotpath.h always writes a Status on error; an empty one would be a bug of the library.
      Code known = Code.forNumber(code);
      return CoreErrors.toException(
          Status.newBuilder()
              .setCode(known == null ? Code.UNKNOWN_VALUE : code)
              .setMessage("the core returned code " + code + " without a status")
              .build());
    }
    return CoreErrors.fromStatusBytes(encoded.toArray(JAVA_BYTE));
  }

  /** INTERNAL for bytes that do not encode or decode (a bug on one side, never the caller's). */
  static StatusRuntimeException undecodable(String what, Exception cause) {
    return CoreErrors.toException(
        CoreErrors.internal("the " + what + " does not encode or decode: " + cause.getMessage()));
  }
}
