package dev.hybridgateway.gateway.core.engine;

import dev.hybridgateway.core.v1.ErrorReason;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * An {@code .fvecs} file (per record a little-endian int32 dimension, then that many float32)
 * opened for loading, as hotpath-core's {@code fvecs.rs}: the shape is checked when opening (first
 * record's dim, whole records), ids are record positions, {@code limit} applies before the shard
 * filter, and a shard keeps only its own ids. I/O failures read like Rust's {@code io::Error} texts
 * for the common cases (missing file, permission, directory).
 */
final class FvecsFile implements AutoCloseable {
  private final String displayPath;
  private final int dim;
  private final int shardIndex;
  private final int shardCount;
  private final InputStream in;
  private final long records;

  private FvecsFile(
      String displayPath, int dim, int shardIndex, int shardCount, InputStream in, long records) {
    this.displayPath = displayPath;
    this.dim = dim;
    this.shardIndex = shardIndex;
    this.shardCount = Math.max(1, shardCount);
    this.in = in;
    this.records = records;
  }

  /** Opens {@code displayPath} under {@code dataDir} and checks its shape. */
  static FvecsFile open(
      Path dataDir, String displayPath, int dim, long limit, int shardIndex, int shardCount) {
    Path file;
    InputStream in;
    long len;
    try {
      file = dataDir.resolve(displayPath);
      in = new BufferedInputStream(Files.newInputStream(file), 1 << 20);
    } catch (IOException | RuntimeException e) {
      throw unavailable(displayPath, "cannot open: " + ioText(e));
    }
    try {
      len = Files.size(file);
    } catch (IOException e) {
      throw closing(in, unavailable(displayPath, "cannot stat: " + ioText(e)));
    }
    if (len == 0) {
      return new FvecsFile(displayPath, dim, shardIndex, shardCount, in, 0);
    }
    int fileDim;
    try {
      fileDim = readInt(in);
    } catch (IOException e) {
      throw closing(in, unavailable(displayPath, "cannot read the first record: " + ioText(e)));
    }
    if (fileDim != dim) {
      throw closing(
          in,
          new CoreException(
              CoreError.invalid(
                  ErrorReason.DIMENSION_MISMATCH,
                  "dim",
                  "the file's vectors have dim " + fileDim + ", the request has " + dim)));
    }
    long record = 4 + 4L * dim;
    if (len % record != 0) {
      throw closing(
          in,
          unavailable(
              displayPath,
              "file length "
                  + len
                  + " is not a whole number of "
                  + record
                  + "-byte records of dim "
                  + dim));
    }
    long records = len / record;
    if (limit != 0) {
      records = Long.compareUnsigned(records, limit) <= 0 ? records : limit;
    }
    return new FvecsFile(displayPath, dim, shardIndex, shardCount, in, records);
  }

  /** Vectors this shard will hold. */
  long shardRows() {
    return SyntheticGenerator.shardLen(records, shardIndex, shardCount);
  }

  /**
   * Reads every record, storing this shard's rows into {@code vectors} and their ids into {@code
   * ids} (sized by the caller from {@link #shardRows()}). Non-finite values are NON_FINITE_VALUE on
   * {@code file.path}; polls {@code stop} every {@code 262144 / dim} records.
   */
  void readInto(long[] ids, RowStore vectors, StopSignal stop) {
    long checkEvery = Math.max(262_144 / dim, 1);
    byte[] bytes = new byte[4 + 4 * dim];
    ByteBuffer record = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    float[] values = new float[dim];
    int row = 0;
    for (long id = 0; id < records; id++) {
      if (id % checkEvery == 0) {
        stop.check();
      }
      try {
        // The first record's dimension was consumed by open().
        int from = id == 0 ? 4 : 0;
        if (in.readNBytes(bytes, from, bytes.length - from) < bytes.length - from) {
          throw new EOFException();
        }
      } catch (IOException e) {
        throw unavailable(displayPath, "cannot read record " + id + ": " + ioText(e));
      }
      if (id > 0 && record.getInt(0) != dim) {
        throw new CoreException(
            CoreError.invalid(
                ErrorReason.DIMENSION_MISMATCH,
                "dim",
                "record "
                    + id
                    + " of the file has dim "
                    + record.getInt(0)
                    + ", the request has "
                    + dim));
      }
      if (id % shardCount != shardIndex) {
        continue;
      }
      for (int j = 0; j < dim; j++) {
        values[j] = record.getFloat(4 + 4 * j);
        if (!Float.isFinite(values[j])) {
          throw new CoreException(
              CoreError.invalid(
                  ErrorReason.NON_FINITE_VALUE,
                  "file.path",
                  "record "
                      + id
                      + " value "
                      + j
                      + " is "
                      + RustText.nonFinite(values[j])
                      + "; values must be finite"));
        }
      }
      vectors.write(row, values, 0);
      ids[row++] = id;
    }
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      // Read-only stream: nothing was written that a failed close could lose.
    }
  }

  private static int readInt(InputStream in) throws IOException {
    byte[] four = in.readNBytes(4);
    if (four.length < 4) {
      throw new EOFException();
    }
    return ByteBuffer.wrap(four).order(ByteOrder.LITTLE_ENDIAN).getInt();
  }

  private static CoreException unavailable(String path, String detail) {
    return new CoreException(new CoreError.SourceUnavailable(path, detail));
  }

  private static CoreException closing(InputStream in, CoreException error) {
    try {
      in.close();
    } catch (IOException e) {
      error.addSuppressed(e);
    }
    return error;
  }

  /** Rust's {@code io::Error} text for the failures an engine meets when loading a file. */
  static String ioText(Exception e) {
    return switch (e) {
      case NoSuchFileException x -> "No such file or directory (os error 2)";
      case AccessDeniedException x -> "Permission denied (os error 13)";
      case EOFException x -> "failed to fill whole buffer";
      case java.nio.file.InvalidPathException x -> "file name contained an unexpected NUL byte";
      default ->
          "Is a directory".equals(e.getMessage())
              ? "Is a directory (os error 21)"
              : String.valueOf(e.getMessage());
    };
  }
}
