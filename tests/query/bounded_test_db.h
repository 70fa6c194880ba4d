// A store big enough for runaway queries, shared by the bounded SPARQL tests
// (tests/query) and the bounded REPL tests (tests/shell).
#pragma once

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "vnkg/store/store.h"

namespace vnkg::testing {

inline constexpr int kPeople = 3000;

// 3000 people attending 30 events: about 10,000 triples in the RDF view
// (facts, types, labels, dates), so a two-pattern cross product has ~10^8
// solutions and the nested loop below ~10^8 steps.
class BigStore {
 public:
  BigStore()
      : dir_((std::filesystem::temp_directory_path() / ("vnkg-bounded-sparql-" + std::to_string(::getpid()))).string()) {
    std::filesystem::remove_all(dir_);
    auto opened = Store::Open(dir_, Store::Mode::kReadWrite);
    REQUIRE(opened.ok());
    store_ = std::move(opened.value());
    std::vector<Fact> facts;
    for (int i = 0; i < kPeople; ++i) {
      Fact f;
      f.subject = Entity{EntityType::kPerson, "Người " + std::to_string(i), "", "", "", ""};
      f.predicate = "attended";
      const int event = i % 30;
      f.object = Entity{EntityType::kEvent, "Hội nghị " + std::to_string(event),
                        "2024-01-" + std::string(event < 9 ? "0" : "") + std::to_string(event + 1), "", "", ""};
      f.doc = "d";
      f.evidence = "x";
      facts.push_back(std::move(f));
    }
    DocumentRecord record;
    record.id = "d";
    record.content_hash = ContentHash("t", "x");
    REQUIRE(store_->PutDocument(record, facts).ok());
  }
  ~BigStore() {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  const Store& store() const { return *store_; }
  const std::string& dir() const { return dir_; }
  void Close() { store_.reset(); }

 private:
  std::string dir_;
  std::unique_ptr<Store> store_;
};

// Every triple against every triple: the solutions themselves pile up.
inline constexpr const char* kCrossProduct = "SELECT * WHERE { ?a ?p ?b . ?c ?q ?d }";
// Every triple against every triple again, but the OPTIONAL's filter throws
// each pair away: memory stays small while the work is quadratic (the
// variables of the filter are not joined in the pattern, a common mistake).
inline constexpr const char* kNestedLoop =
    "SELECT ?a ?b WHERE { ?a ?p ?b OPTIONAL { ?c ?q ?d FILTER(?c = ?b && ?d = ?a) } }";

inline bool Contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace vnkg::testing
