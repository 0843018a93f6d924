//! [`Method`]: the FFI method ids of `hotpath.proto`'s `HotPath` service.

use crate::error::CoreError;

/// A call of the `HotPath` service, identified over the C ABI by its method id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u32)]
pub enum Method {
    /// `Search(SearchRequest) -> SearchResponse`, id 1.
    Search = 1,
    /// `Rerank(RerankRequest) -> RerankResponse`, id 2.
    Rerank = 2,
    /// `CreateCollection(CreateCollectionRequest) -> CreateCollectionResponse`, id 3.
    CreateCollection = 3,
    /// `UpsertVectors(UpsertVectorsRequest) -> UpsertVectorsResponse`, id 4.
    UpsertVectors = 4,
    /// `GetCollection(GetCollectionRequest) -> CollectionInfo`, id 5.
    GetCollection = 5,
    /// `DeleteCollection(DeleteCollectionRequest) -> DeleteCollectionResponse`, id 6.
    DeleteCollection = 6,
    /// `ListCollections(ListCollectionsRequest) -> ListCollectionsResponse`, id 7.
    ListCollections = 7,
    /// `GetStats(GetStatsRequest) -> EngineStats`, id 8.
    GetStats = 8,
    /// Test hook, id 1000: panics deliberately when `EngineConfig::enable_test_hooks` is set (to
    /// test the panic boundary); otherwise answered like an unknown method.
    DebugPanic = 1000,
}

impl Method {
    /// Every method, in id order.
    pub const ALL: [Method; 9] = [
        Method::Search,
        Method::Rerank,
        Method::CreateCollection,
        Method::UpsertVectors,
        Method::GetCollection,
        Method::DeleteCollection,
        Method::ListCollections,
        Method::GetStats,
        Method::DebugPanic,
    ];

    /// The FFI method id.
    pub fn id(self) -> u32 {
        self as u32
    }

    /// The method of an FFI id, if known.
    pub fn from_id(id: u32) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.id() == id)
    }

    /// The gRPC method name (`"Search"`, ...; `"DebugPanic"` for the test hook).
    pub fn name(self) -> &'static str {
        match self {
            Method::Search => "Search",
            Method::Rerank => "Rerank",
            Method::CreateCollection => "CreateCollection",
            Method::UpsertVectors => "UpsertVectors",
            Method::GetCollection => "GetCollection",
            Method::DeleteCollection => "DeleteCollection",
            Method::ListCollections => "ListCollections",
            Method::GetStats => "GetStats",
            Method::DebugPanic => "DebugPanic",
        }
    }
}

impl TryFrom<u32> for Method {
    type Error = CoreError;

    /// The method of an FFI id, or `CoreError::UnknownMethod`.
    fn try_from(id: u32) -> Result<Self, CoreError> {
        Self::from_id(id).ok_or(CoreError::UnknownMethod { id })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip() {
        for m in Method::ALL {
            assert_eq!(Method::from_id(m.id()), Some(m));
        }
        assert_eq!(Method::Search.id(), 1);
        assert_eq!(Method::GetStats.id(), 8);
        assert_eq!(Method::DebugPanic.id(), 1000);
    }

    #[test]
    fn unknown_ids_are_refused() {
        for id in [0, 9, 999, 1001, u32::MAX] {
            assert_eq!(Method::try_from(id), Err(CoreError::UnknownMethod { id }));
        }
    }
}
