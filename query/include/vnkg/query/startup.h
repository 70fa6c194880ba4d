// What every reading process needs before its first answer, kept in the
// store so that a new process loads it instead of computing it: the
// resolution of events (kept by Store::Sync), the SPARQL view with its counts
// of facts per predicate, and the name index. Each is derived data
// (Store::ReadDerived) stamped with the write generation, so a copy older than
// the last write is never used: a reader then computes it afresh in memory,
// correct but slower, until the next KeepStartupIndexes.
#pragma once

#include "vnkg/status.h"
#include "vnkg/store/store.h"

namespace vnkg {

// Computes what is missing or stale and stores it, then syncs (the store's
// memtables flushed, so that readers do not replay the log). Call after a
// session of writes: `vnkg ingest` does, in every mode. Cheap when nothing
// changed since the last call.
// REQUIRES: `store` open kReadWrite. Errors: the store's.
Status KeepStartupIndexes(Store& store);

}  // namespace vnkg
