/*
 * A plain C caller of libhotpath_ffi, built and run by tests/c_harness.rs. It proves that the
 * committed header compiles as strict C11 and that the library works from C without Rust:
 * version check, generic call (hand-encoded protobuf), fast path, errors, panic boundary, and
 * that every buffer handed out is freed.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "hotpath.h"

#define CHECK(cond)                                                        \
    do {                                                                   \
        if (!(cond)) {                                                     \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            return 1;                                                      \
        }                                                                  \
    } while (0)

enum { OK = 0, INVALID_ARGUMENT = 3, INTERNAL = 13 };
enum { METHOD_CREATE_COLLECTION = 3, METHOD_DEBUG_PANIC = 1000 };
enum { DIM = 8, QUERIES = 2, K = 5 };

int main(void) {
    CHECK(hotpath_abi_version() == HOTPATH_ABI_VERSION);
    CHECK(hotpath_noop() == 0);

    HotpathEngine *engine = hotpath_engine_new(0, NULL, 0, HOTPATH_FLAG_TEST_HOOKS);
    CHECK(engine != NULL);

    /* CreateCollectionRequest{name:"c", dim:8, metric:METRIC_DOT, synthetic{seed:42, count:100}} */
    const uint8_t create[] = {0x0A, 0x01, 'c', 0x10, DIM, 0x18, 0x01,
                              0x52, 0x04, 0x08, 0x2A, 0x10, 0x64};
    HotpathBuffer out = {0};
    int32_t code = hotpath_call(engine, METHOD_CREATE_COLLECTION, create, sizeof create,
                                UINT64_MAX, NULL, NULL, 0, &out);
    CHECK(code == OK);
    CHECK(out.ptr != NULL && out.len > 0);
    hotpath_buffer_free(&out);
    CHECK(out.ptr == NULL && out.len == 0 && out.cap == 0);

    float queries[QUERIES * DIM];
    for (int i = 0; i < QUERIES * DIM; i++) {
        queries[i] = (float)((i * 7) % 11) / 11.0f - 0.5f;
    }
    uint64_t ids[QUERIES * K];
    float scores[QUERIES * K];
    uint32_t cancel = 0;
    HotpathTiming timing;
    HotpathBuffer status = {0};
    code = hotpath_search_f32(engine, (const uint8_t *)"c", 1, queries, QUERIES, DIM, K,
                              1000000000ULL, &cancel, ids, scores, &timing, &status);
    CHECK(code == OK);
    CHECK(status.ptr == NULL);
    CHECK(timing.compute_ns > 0);
    for (int q = 0; q < QUERIES; q++) {
        for (int i = 0; i < K; i++) {
            CHECK(ids[q * K + i] < 100);
            CHECK(!isnan(scores[q * K + i]));
            if (i > 0) {
                CHECK(scores[q * K + i - 1] >= scores[q * K + i]); /* dot: best first */
            }
        }
    }

    /* Errors: garbage bytes, NULL pointers, a forced panic. Each Status is freed. */
    const uint8_t garbage[] = {0xFF, 0xFF, 0xFF};
    code = hotpath_call(engine, 1, garbage, sizeof garbage, UINT64_MAX, NULL, NULL, 0, &out);
    CHECK(code == INVALID_ARGUMENT && out.len > 0);
    hotpath_buffer_free(&out);

    code = hotpath_search_f32(engine, (const uint8_t *)"c", 1, NULL, QUERIES, DIM, K,
                              UINT64_MAX, NULL, ids, scores, NULL, &status);
    CHECK(code == INVALID_ARGUMENT && status.len > 0);
    hotpath_buffer_free(&status);

    uint64_t panics = hotpath_panics_caught();
    code = hotpath_call(engine, METHOD_DEBUG_PANIC, NULL, 0, UINT64_MAX, NULL, NULL, 0, &out);
    CHECK(code == INTERNAL && out.len > 0);
    hotpath_buffer_free(&out);
    CHECK(hotpath_panics_caught() == panics + 1);

    CHECK(hotpath_call(engine, 7, NULL, 0, UINT64_MAX, NULL, NULL, 0, NULL) == INVALID_ARGUMENT);

    hotpath_engine_free(engine);
    hotpath_engine_free(NULL);
    hotpath_buffer_free(NULL);
    CHECK(hotpath_live_buffers() == 0);
    printf("c harness: ok\n");
    return 0;
}
