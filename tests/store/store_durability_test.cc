// A writer killed with SIGKILL in the middle of an ingest leaves every
// document wholly present or wholly absent, and counters that agree with the
// data: each document is one WriteBatch, one write-ahead-log record.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <map>
#include <thread>

#include "store_test_support.h"

using namespace vnkg;
using namespace vnkg::store_test;

namespace {

constexpr const char* kDbVariable = "VNKG_STORE_KILL_DB";
constexpr int kOwnFactsPerDocument = 20;

// Version `version` of document `index`: its own facts, plus one fact every
// document states (so triples shared between documents are exercised too).
std::vector<Fact> DocumentFacts(const std::string& doc, int version) {
  std::vector<Fact> facts;
  const Entity event = Event("2025-01-06", "Hội nghị chung");
  for (int k = 0; k < kOwnFactsPerDocument; ++k) {
    const Entity person = Person("Người " + doc + " " + std::to_string(version) + " " + std::to_string(k));
    facts.push_back(MakeFact(person, "attended", event, doc, "Câu " + std::to_string(k), k * 10));
  }
  facts.push_back(MakeFact(Person("Phạm Minh Chung"), "chaired", event, doc));
  return facts;
}

}  // namespace

// Not a test on its own (hidden by the leading '.'): the child process that
// the kill test starts, writing documents until it is killed.
TEST_CASE("store kill-test writer", "[.kill-writer]") {
  const char* path = std::getenv(kDbVariable);
  REQUIRE(path != nullptr);
  auto store = OpenOrDie(path);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  for (int i = 0; std::chrono::steady_clock::now() < deadline; ++i) {
    // Every fourth write replaces an earlier document, so kills also land in replacements.
    const bool replace = i % 4 == 3;
    const std::string doc = std::string("doc-").append(std::to_string(replace ? i - 2 : i));
    const std::string text = std::string("v").append(std::to_string(i));
    PutOrDie(*store, Record(doc, text), DocumentFacts(doc, i));
  }
}

TEST_CASE("a writer killed mid-ingest leaves every document whole", "[store]") {
  TempDb db;
  const std::string variable = std::string(kDbVariable) + "=" + db.path;
  pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    // A fresh image of this test binary: no RocksDB state inherited from this process.
    ::putenv(const_cast<char*>(variable.c_str()));
    const int null = ::open("/dev/null", O_WRONLY);
    if (null >= 0) ::dup2(null, STDOUT_FILENO);
    char* argv[] = {const_cast<char*>("vnkg_store_tests"), const_cast<char*>("[.kill-writer]"), nullptr};
    ::execv("/proc/self/exe", argv);
    ::_exit(127);
  }
  // Kill it once it has committed some documents (watched through read-only
  // handles, which work beside the writer), while it keeps writing.
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  std::uint64_t committed = 0;
  while (committed < 20 && std::chrono::steady_clock::now() < give_up) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    if (!fs::exists(db.path + "/WRITER")) continue;
    auto watcher = Store::Open(db.path, Store::Mode::kReadOnly);
    if (watcher.ok()) committed = watcher.value()->Stats()->documents;
  }
  REQUIRE(::kill(child, SIGKILL) == 0);
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  REQUIRE(WIFSIGNALED(status));  // killed while still writing, not finished or failed

  // The stale WRITER file does not stop the next writer: the lock died with the process.
  auto store = OpenOrDie(db.path);
  auto documents = store->ListDocuments();
  REQUIRE(documents.ok());
  INFO(documents->size() << " documents survived the kill");
  REQUIRE(documents->size() >= 20);

  std::map<std::string, int> rows_per_document;
  std::uint64_t triples = 0, rows = 0;
  REQUIRE(store->ForEachFact([&](const StoredFact& fact) {
                 ++triples;
                 for (const Provenance& p : fact.provenance) ++rows_per_document[p.doc], ++rows;
                 return true;
               }).ok());
  // Every stored document has all its facts, and no fact is from a document not stored.
  for (const DocumentRecord& d : documents.value()) {
    INFO(d.id);
    CHECK(rows_per_document[d.id] == kOwnFactsPerDocument + 1);
    CHECK(d.fact_count == kOwnFactsPerDocument + 1);
  }
  CHECK(rows_per_document.size() == documents->size());
  // The counters were in the same batches.
  auto stats = store->Stats().value();
  CHECK(stats.documents == documents->size());
  CHECK(stats.facts == triples);
  CHECK(stats.provenance == rows);
  CHECK(triples == documents->size() * kOwnFactsPerDocument + 1);
  // And the database takes the next document.
  PutOrDie(*store, Record("after", "x"), DocumentFacts("after", 0));
}
