//! `--preload` specs: collections the server creates before it reports SERVING.
//!
//! Grammar: `NAME:KIND:key=value,...` with KIND `synthetic` (keys `seed`, `count`, `dim`,
//! `metric`, optional `clusters`) or `file` (keys `path`, `dim`, `metric`, optional `limit`).
//! `metric` is `dot`, `l2` or `cosine`. The shard comes from `--shard`.

use std::collections::BTreeMap;
use std::str::FromStr;

use hotpath_core::proto::core_v1::create_collection_request::Source;
use hotpath_core::proto::core_v1::{
    CreateCollectionRequest, FileSource, Metric, ShardSpec, SyntheticSource,
};

/// One parsed `--preload` value.
#[derive(Debug, Clone, PartialEq)]
pub struct PreloadSpec {
    /// Collection name.
    pub name: String,
    /// Vector dimension.
    pub dim: u32,
    /// Metric of the collection.
    pub metric: Metric,
    /// Where the vectors come from.
    pub source: Source,
}

impl PreloadSpec {
    /// The request that creates this collection as `shard`.
    pub fn to_request(&self, shard: ShardSpec) -> CreateCollectionRequest {
        CreateCollectionRequest {
            name: self.name.clone(),
            dim: self.dim,
            metric: self.metric as i32,
            shard: Some(shard),
            source: Some(self.source.clone()),
        }
    }
}

impl FromStr for PreloadSpec {
    type Err = String;

    fn from_str(value: &str) -> Result<Self, Self::Err> {
        let mut parts = value.splitn(3, ':');
        let (Some(name), Some(kind), Some(params)) = (parts.next(), parts.next(), parts.next())
        else {
            return Err(format!(
                "expected NAME:synthetic:k=v,... or NAME:file:k=v,..., got {value:?}"
            ));
        };
        if name.is_empty() {
            return Err("preload: empty collection name".to_owned());
        }
        let mut params = Params::parse(params)?;
        let dim = params.number("dim")?;
        let metric = parse_metric(&params.take("metric")?)?;
        let source = match kind {
            "synthetic" => Source::Synthetic(SyntheticSource {
                seed: params.number("seed")?,
                count: params.number("count")?,
                clusters: params.optional_number("clusters")?.unwrap_or(0),
            }),
            "file" => Source::File(FileSource {
                path: params.take("path")?,
                limit: params.optional_number("limit")?.unwrap_or(0),
            }),
            other => return Err(format!("preload: unknown source kind {other:?}")),
        };
        params.finish()?;
        Ok(Self {
            name: name.to_owned(),
            dim,
            metric,
            source,
        })
    }
}

fn parse_metric(value: &str) -> Result<Metric, String> {
    match value.to_ascii_lowercase().as_str() {
        "dot" => Ok(Metric::Dot),
        "l2" => Ok(Metric::L2),
        "cosine" => Ok(Metric::Cosine),
        other => Err(format!(
            "preload: metric must be dot, l2 or cosine, got {other:?}"
        )),
    }
}

struct Params(BTreeMap<String, String>);

impl Params {
    fn parse(text: &str) -> Result<Self, String> {
        let mut map = BTreeMap::new();
        for pair in text.split(',').filter(|p| !p.trim().is_empty()) {
            let (key, value) = pair
                .split_once('=')
                .ok_or_else(|| format!("preload: expected key=value, got {pair:?}"))?;
            if map
                .insert(key.trim().to_owned(), value.trim().to_owned())
                .is_some()
            {
                return Err(format!("preload: key {key:?} given twice"));
            }
        }
        Ok(Self(map))
    }

    fn take(&mut self, key: &str) -> Result<String, String> {
        self.0
            .remove(key)
            .ok_or_else(|| format!("preload: missing {key}="))
    }

    fn number<T: FromStr>(&mut self, key: &str) -> Result<T, String> {
        let text = self.take(key)?;
        text.parse()
            .map_err(|_| format!("preload: {key}={text:?} is not a valid number"))
    }

    fn optional_number<T: FromStr>(&mut self, key: &str) -> Result<Option<T>, String> {
        if self.0.contains_key(key) {
            self.number(key).map(Some)
        } else {
            Ok(None)
        }
    }

    fn finish(self) -> Result<(), String> {
        match self.0.keys().next() {
            Some(key) => Err(format!("preload: unknown key {key:?}")),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synthetic_spec_parses() {
        let spec: PreloadSpec = "demo:synthetic:seed=42,count=100000,dim=384,metric=cosine"
            .parse()
            .unwrap();
        assert_eq!(spec.name, "demo");
        assert_eq!(spec.dim, 384);
        assert_eq!(spec.metric, Metric::Cosine);
        assert_eq!(
            spec.source,
            Source::Synthetic(SyntheticSource {
                seed: 42,
                count: 100_000,
                clusters: 0
            })
        );
        let request = spec.to_request(ShardSpec { index: 1, count: 2 });
        assert_eq!(request.shard, Some(ShardSpec { index: 1, count: 2 }));
        assert_eq!(request.metric, Metric::Cosine as i32);
    }

    #[test]
    fn file_spec_parses() {
        let spec: PreloadSpec = "sift:file:path=sift/base.fvecs,dim=128,metric=l2,limit=1000"
            .parse()
            .unwrap();
        assert_eq!(
            spec.source,
            Source::File(FileSource {
                path: "sift/base.fvecs".into(),
                limit: 1000
            })
        );
    }

    #[test]
    fn bad_specs_are_refused() {
        for bad in [
            "demo",
            "demo:synthetic",
            ":synthetic:seed=1,count=1,dim=1,metric=dot",
            "demo:synthetic:seed=1,count=1,dim=1",
            "demo:synthetic:seed=1,count=1,dim=1,metric=manhattan",
            "demo:synthetic:seed=x,count=1,dim=1,metric=dot",
            "demo:synthetic:seed=1,count=1,dim=1,metric=dot,colour=blue",
            "demo:synthetic:seed=1,seed=2,count=1,dim=1,metric=dot",
            "demo:random:seed=1,count=1,dim=1,metric=dot",
        ] {
            assert!(
                bad.parse::<PreloadSpec>().is_err(),
                "{bad} should be refused"
            );
        }
    }
}
