// Helpers shared by the store tests: throw-away databases, fact builders,
// and raw RocksDB access for planting or overwriting bytes behind the Store.
#pragma once

#include <rocksdb/db.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <functional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "vnkg/store/store.h"

namespace vnkg::store_test {

namespace fs = std::filesystem;

// A fresh path under the system's temporary directory, removed afterwards.
struct TempDb {
  std::string path;
  TempDb() {
    static int counter = 0;
    path = (fs::temp_directory_path() / ("vnkg-store-" + std::to_string(::getpid()) + "-" + std::to_string(++counter)))
               .string();
    fs::remove_all(path);
  }
  ~TempDb() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  TempDb(const TempDb&) = delete;
  TempDb& operator=(const TempDb&) = delete;
};

inline Entity Person(const std::string& name) { return Entity{EntityType::kPerson, name, "", "", "", ""}; }
inline Entity Organization(const std::string& name) {
  return Entity{EntityType::kOrganization, name, "", "", "", ""};
}
inline Entity Event(const std::string& date, const std::string& name = "Hội nghị") {
  return Entity{EntityType::kEvent, name, date, "", "", ""};
}
inline Entity Bridge(const std::string& province, const std::string& date) {
  return Entity{EntityType::kBridgePoint, "", date, province, "", ""};
}

inline Fact MakeFact(const Entity& s, const std::string& p, const Entity& o, const std::string& doc,
                     const std::string& evidence = "Câu chứng cứ.", std::uint32_t offset = 12) {
  Fact f;
  f.subject = s;
  f.predicate = p;
  f.object = o;
  f.doc = doc;
  f.evidence = evidence;
  f.sentence_offset = offset;
  f.confidence = 0.9f;
  return f;
}

inline DocumentRecord Record(const std::string& id, const std::string& text) {
  DocumentRecord r;
  r.id = id;
  r.title = "Tiêu đề";
  r.content_hash = ContentHash(r.title, text);
  return r;
}

inline std::unique_ptr<Store> OpenOrDie(const std::string& path, Store::Mode mode = Store::Mode::kReadWrite) {
  auto store = Store::Open(path, mode);
  INFO(store.status().message());
  REQUIRE(store.ok());
  return std::move(store.value());
}

inline IngestOutcome PutOrDie(Store& store, const DocumentRecord& record, const std::vector<Fact>& facts) {
  auto outcome = store.PutDocument(record, facts);
  INFO(outcome.status().message());
  REQUIRE(outcome.ok());
  return outcome.value();
}

using Triple = std::tuple<TermId, TermId, TermId>;

inline std::set<Triple> MatchAll(const Store& store, TriplePattern pattern) {
  std::set<Triple> out;
  auto status = store.Match(pattern, [&](TermId s, TermId p, TermId o) {
    out.emplace(s, p, o);
    return true;
  });
  INFO(status.message());
  REQUIRE(status.ok());
  return out;
}

inline TermId IdOf(const Store& store, const Entity& e) {
  auto id = store.FindEntity(e);
  REQUIRE(id.ok());
  REQUIRE(id.value().has_value());
  return *id.value();
}

inline TermId PredicateId(const Store& store, const std::string& predicate) {
  auto id = store.FindPredicate(predicate);
  REQUIRE(id.ok());
  REQUIRE(id.value().has_value());
  return *id.value();
}

// The column families of a vnkg database, in the order RawDb's handles use.
inline const std::vector<std::string>& FamilyNames() {
  static const std::vector<std::string> names = {"default", "meta", "terms",      "term_index", "spo",
                                                 "pos",     "osp",  "provenance", "documents"};
  return names;
}

// Opens the database behind a (closed) Store with plain RocksDB and lets
// `edit` write to it by family name.
inline void EditRaw(const std::string& path,
                    const std::function<void(rocksdb::DB&, const std::function<rocksdb::ColumnFamilyHandle*(
                                                               const std::string&)>&)>& edit) {
  std::vector<rocksdb::ColumnFamilyDescriptor> families;
  for (const auto& name : FamilyNames()) families.emplace_back(name, rocksdb::ColumnFamilyOptions());
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  auto s = rocksdb::DB::Open(rocksdb::DBOptions(), path, families, &handles, &raw);
  INFO(s.ToString());
  REQUIRE(s.ok());
  auto family = [&](const std::string& name) {
    for (std::size_t i = 0; i < handles.size(); ++i)
      if (FamilyNames()[i] == name) return handles[i];
    FAIL("no family " << name);
    return handles[0];
  };
  edit(*raw, family);
  for (auto* h : handles) raw->DestroyColumnFamilyHandle(h);
  delete raw;
}

// Three 8-byte big-endian ids, as the triple families key them.
inline std::string RawTripleKey(TermId a, TermId b, TermId c) {
  std::string key;
  for (TermId id : {a, b, c})
    for (int shift = 56; shift >= 0; shift -= 8) key.push_back(static_cast<char>((id >> shift) & 0xFF));
  return key;
}

}  // namespace vnkg::store_test
