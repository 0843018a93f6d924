package dev.hybridgateway.gateway.core.ffi;

import static dev.hybridgateway.gateway.core.ffi.HotpathLayouts.BUFFER;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;

/**
 * The generic path: {@code hotpath_call} with the protobuf bytes of any HotPath method.
 *
 * <p>Memory: the request is encoded straight into the worker's scratch memory (no intermediate
 * {@code byte[]}); Rust borrows it for the call. Rust answers with a buffer it owns (the response,
 * or the encoded Status on error); it is read in place, decoded into Java objects (protobuf copies
 * every value, aliasing is off), and given back with {@code hotpath_buffer_free} in a finally
 * block, on every path: OK, error status, undecodable bytes, or an exception.
 */
final class GenericPath {
  private GenericPath() {}

  /** Calls {@code methodId} with {@code request} and parses the response with {@code parser}. */
  static <R> R call(NativeCallContext context, int methodId, Message request, Parser<R> parser) {
    int size = request.getSerializedSize();
    return exchange(context, methodId, size,
        target -> {
          CodedOutputStream out = CodedOutputStream.newInstance(target.asByteBuffer());
          request.writeTo(out);
          out.flush();
          out.checkNoSpaceLeft();
        },
        // parseFrom copies every value out of the borrowed bytes (aliasing is off by default),
        // so the message refers to no native memory once the buffer is freed.
        bytes -> bytes.byteSize() == 0
            ? parser.parseFrom(new byte[0])
            : parser.parseFrom(bytes.asByteBuffer()));
  }

  /** Calls {@code methodId} with raw request bytes and returns a copy of the response bytes. */
  static byte[] callRaw(NativeCallContext context, int methodId, byte[] request) {
    return exchange(context, methodId, request.length,
        target -> MemorySegment.copy(MemorySegment.ofArray(request), 0, target, 0, request.length),
        bytes -> bytes.toArray(JAVA_BYTE));
  }

  /** Writes the request into native memory of exactly its size. */
  @FunctionalInterface
  private interface Writer {
    void write(MemorySegment target) throws IOException;
  }

  /** Reads the response bytes, which are valid only until the buffer is freed. */
  @FunctionalInterface
  private interface Reader<R> {
    R read(MemorySegment bytes) throws IOException;
  }

  private static <R> R exchange(
      NativeCallContext context, int methodId, long size, Writer writer, Reader<R> reader) {
    HotpathBindings bindings = context.bindings();
    SegmentAllocator scratch = context.scratch().reserve(BUFFER.byteSize() + size);
    MemorySegment out = scratch.allocate(BUFFER);
    MemorySegment request = scratch.allocate(size, 1);
    // A zeroed HotpathBuffer is the empty buffer: freeing it is a no-op, so the finally below is
    // safe even if the downcall never happens. Rust overwrites it with the buffer it hands out.
    out.fill((byte) 0);
    try {
      writer.write(request);
    } catch (IOException e) {
      throw NativeStatus.undecodable("request for method " + methodId, e);
    }
    try {
      int code = bindings.call(context.engine(), methodId, request, size, context.budgetNanos(),
          context.cancelFlag(), MemorySegment.NULL, 0, out);
      // Borrowed view of the Rust-owned bytes: read before the free below, never after.
      MemorySegment bytes = HotpathLayouts.contents(out);
      if (code != 0) {
        throw NativeStatus.error(code, bytes);
      }
      return reader.read(bytes);
    } catch (IOException e) {
      throw NativeStatus.undecodable("response to method " + methodId, e);
    } finally {
      // Gives the buffer back to Rust exactly once (hotpath_buffer_free zeroes the struct).
      bindings.bufferFree(out);
    }
  }
}
