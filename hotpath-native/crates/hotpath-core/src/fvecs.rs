//! Loading `.fvecs` files (the format of the standard ANN benchmark sets): per record, a
//! little-endian `i32` dimension, then that many little-endian `f32` values. Ids are record
//! positions; a shard keeps only its own ids.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

use crate::error::CoreError;
use crate::proto::core_v1::ErrorReason;
use crate::stop::StopSignal;
use crate::synthetic::shard_len;

/// What to read from a file.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FvecsRequest<'a> {
    /// Path as given in the request (for error messages).
    pub(crate) display_path: &'a str,
    pub(crate) dim: usize,
    /// At most this many records; 0 reads all.
    pub(crate) limit: u64,
    pub(crate) shard_index: u32,
    pub(crate) shard_count: u32,
}

/// An opened file whose shape is known: the number of records this shard will keep.
pub(crate) struct FvecsFile<'a> {
    request: FvecsRequest<'a>,
    reader: BufReader<File>,
    records: u64,
}

fn unavailable(request: &FvecsRequest<'_>, detail: impl Into<String>) -> CoreError {
    CoreError::SourceUnavailable {
        path: request.display_path.to_owned(),
        detail: detail.into(),
    }
}

impl<'a> FvecsFile<'a> {
    /// Opens `path` and checks its shape: the first record's dimension must equal the
    /// request's (`DIMENSION_MISMATCH` on field `dim`), the length a whole number of records.
    pub(crate) fn open(path: &Path, request: FvecsRequest<'a>) -> Result<Self, CoreError> {
        let file =
            File::open(path).map_err(|e| unavailable(&request, format!("cannot open: {e}")))?;
        let len = file
            .metadata()
            .map_err(|e| unavailable(&request, format!("cannot stat: {e}")))?
            .len();
        let mut reader = BufReader::with_capacity(1 << 20, file);
        if len == 0 {
            return Ok(Self {
                request,
                reader,
                records: 0,
            });
        }
        let mut header = [0u8; 4];
        reader
            .read_exact(&mut header)
            .map_err(|e| unavailable(&request, format!("cannot read the first record: {e}")))?;
        let file_dim = i32::from_le_bytes(header);
        if i64::from(file_dim) != request.dim as i64 {
            return Err(CoreError::invalid(
                ErrorReason::DimensionMismatch,
                "dim",
                format!(
                    "the file's vectors have dim {file_dim}, the request has {}",
                    request.dim
                ),
            ));
        }
        let record = 4 + 4 * request.dim as u64;
        if len % record != 0 {
            return Err(unavailable(
                &request,
                format!(
                    "file length {len} is not a whole number of {record}-byte records of dim {}",
                    request.dim
                ),
            ));
        }
        let mut records = len / record;
        if request.limit > 0 {
            records = records.min(request.limit);
        }
        Ok(Self {
            request,
            reader,
            records,
        })
    }

    /// Vectors this shard will hold.
    pub(crate) fn shard_count(&self) -> u64 {
        shard_len(
            self.records,
            self.request.shard_index,
            self.request.shard_count,
        )
    }

    /// Reads the records, appending this shard's ids and values to `ids`/`vectors` (whose
    /// capacity the caller reserved). Non-finite values are `NON_FINITE_VALUE` on `file.path`.
    pub(crate) fn read_into(
        mut self,
        ids: &mut Vec<u64>,
        vectors: &mut Vec<f32>,
        stop: &StopSignal<'_>,
    ) -> Result<(), CoreError> {
        let dim = self.request.dim;
        let n = u64::from(self.request.shard_count.max(1));
        let mine = u64::from(self.request.shard_index);
        let check_every = (262_144 / dim).max(1) as u64;
        let mut record = vec![0u8; 4 + 4 * dim];
        for id in 0..self.records {
            if id % check_every == 0 {
                stop.check()?;
            }
            if id == 0 {
                // The header was consumed by `open`.
                self.reader.read_exact(&mut record[4..])
            } else {
                self.reader.read_exact(&mut record)
            }
            .map_err(|e| unavailable(&self.request, format!("cannot read record {id}: {e}")))?;
            if id > 0 {
                let record_dim = i32::from_le_bytes([record[0], record[1], record[2], record[3]]);
                if i64::from(record_dim) != dim as i64 {
                    return Err(CoreError::invalid(
                        ErrorReason::DimensionMismatch,
                        "dim",
                        format!(
                            "record {id} of the file has dim {record_dim}, the request has {dim}"
                        ),
                    ));
                }
            }
            if id % n != mine {
                continue;
            }
            let start = vectors.len();
            vectors.extend(
                record[4..]
                    .chunks_exact(4)
                    .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]])),
            );
            if let Some(j) = vectors[start..].iter().position(|x| !x.is_finite()) {
                return Err(CoreError::invalid(
                    ErrorReason::NonFiniteValue,
                    "file.path",
                    format!(
                        "record {id} value {j} is {}; values must be finite",
                        vectors[start + j]
                    ),
                ));
            }
            ids.push(id);
        }
        Ok(())
    }
}

/// Writes vectors as `.fvecs` (tests, examples and tools).
pub fn write_fvecs(path: &Path, dim: usize, vectors: &[f32]) -> std::io::Result<()> {
    use std::io::Write;
    assert!(
        dim > 0 && vectors.len().is_multiple_of(dim),
        "vectors must be whole rows"
    );
    let mut out = std::io::BufWriter::new(File::create(path)?);
    for row in vectors.chunks_exact(dim) {
        out.write_all(&(dim as i32).to_le_bytes())?;
        for x in row {
            out.write_all(&x.to_le_bytes())?;
        }
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::AtomicU32;

    use super::*;

    fn temp_path(name: &str) -> std::path::PathBuf {
        std::env::temp_dir().join(format!("hotpath-core-fvecs-{}-{name}", std::process::id()))
    }

    fn request(
        dim: usize,
        limit: u64,
        shard_index: u32,
        shard_count: u32,
    ) -> FvecsRequest<'static> {
        FvecsRequest {
            display_path: "x.fvecs",
            dim,
            limit,
            shard_index,
            shard_count,
        }
    }

    #[test]
    fn reads_shard_and_limit() {
        let path = temp_path("shard");
        let values: Vec<f32> = (0..30).map(|i| i as f32).collect();
        write_fvecs(&path, 3, &values).unwrap();
        let flag = AtomicU32::new(0);
        let stop = StopSignal::new(None, &flag);

        let file = FvecsFile::open(&path, request(3, 7, 1, 3)).unwrap();
        assert_eq!(file.shard_count(), 2);
        let (mut ids, mut vectors) = (Vec::new(), Vec::new());
        file.read_into(&mut ids, &mut vectors, &stop).unwrap();
        assert_eq!(ids, vec![1, 4]);
        assert_eq!(vectors, vec![3.0, 4.0, 5.0, 12.0, 13.0, 14.0]);
        std::fs::remove_file(&path).unwrap();
    }

    #[test]
    fn wrong_dim_and_truncated_files_are_refused() {
        let path = temp_path("bad");
        write_fvecs(&path, 2, &[1.0, 2.0, 3.0, 4.0]).unwrap();
        assert!(matches!(
            FvecsFile::open(&path, request(3, 0, 0, 1)).err(),
            Some(CoreError::InvalidArgument {
                reason: ErrorReason::DimensionMismatch,
                ..
            })
        ));
        let mut bytes = std::fs::read(&path).unwrap();
        bytes.pop();
        std::fs::write(&path, &bytes).unwrap();
        assert!(matches!(
            FvecsFile::open(&path, request(2, 0, 0, 1)).err(),
            Some(CoreError::SourceUnavailable { .. })
        ));
        std::fs::remove_file(&path).unwrap();
    }
}
