// What the store's RocksDB database is made of, shared by the per-document
// writer (rocks_store.cc) and the bulk loader (bulk_loader.cc), which must
// build byte-identical databases.
#pragma once

#include <rocksdb/db.h>
#include <rocksdb/options.h>
#include <rocksdb/status.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "vnkg/status.h"

namespace vnkg::storage {

// Column family names, in the order of Family.
inline const char* const kFamilyNames[] = {"default", "meta", "terms",      "term_index", "spo",
                                           "pos",     "osp",  "provenance", "documents"};
enum Family { kDefault, kMeta, kTerms, kTermIndex, kSpo, kPos, kOsp, kProvenance, kDocuments, kFamilyCount };

// Keys of the `meta` family.
inline constexpr const char* kSchemaKey = "schema_version";
inline constexpr const char* kNextIdKey = "next_term_id";
// Bumped by every document batch that changes the database (absent: 0).
inline constexpr const char* kGenerationKey = "write_generation";
// Derived data (Store::ReadDerived) lives under this prefix: the value, then
// the generation it was computed at (8 bytes).
inline constexpr const char* kDerivedPrefix = "derived/";
inline constexpr const char* kCounterKeys[] = {"count_documents", "count_facts", "count_entities", "count_provenance"};
enum Counter { kDocumentsCount, kFactsCount, kEntitiesCount, kProvenanceCount, kCounterCount };

// The options of one column family: compression, filters, prefix extractor.
rocksdb::ColumnFamilyOptions FamilyOptions(int family);
// Every family with its options, in Family order, for DB::Open.
std::vector<rocksdb::ColumnFamilyDescriptor> FamilyDescriptors();

// A RocksDB status as ours, `context` first in the message.
Status FromRocks(const rocksdb::Status& s, const std::string& context);

// RocksDB's informational log, written to `dir`/LOG (truncated at each open)
// by plain stdio: RocksDB's own log writer asserts when an append follows a
// failed one, so a full disk would abort the process instead of returning
// the write error. This one drops what it cannot write.
std::shared_ptr<rocksdb::Logger> OpenInfoLog(const std::string& dir);
// A log that writes nothing, for read-only opens.
std::shared_ptr<rocksdb::Logger> DiscardingInfoLog();

// 8-byte big-endian encoding of a number (ids, counters).
std::string EncodeU64(std::uint64_t v);

}  // namespace vnkg::storage
