// Opening the Store: schema versions, the single writer, read-only handles,
// and directories that are missing, foreign or cannot be made.
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "store_test_support.h"

using namespace vnkg;
using namespace vnkg::store_test;

namespace {

bool Contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A child process forked before the parent opens anything, so that it shares
// none of the parent's RocksDB state (RocksDB remembers the locks a process
// holds in a process-wide table; a child forked after the parent's open would
// inherit that table and never reach the operating system's lock). The child
// waits until Release(), runs `probe` and exits with its return value.
class ForkedProbe {
 public:
  explicit ForkedProbe(const std::function<int()>& probe) {
    REQUIRE(::pipe(go_) == 0);
    pid_ = ::fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
      ::close(go_[1]);
      char byte;
      const bool released = ::read(go_[0], &byte, 1) == 1;
      ::_exit(released ? probe() : 100);  // _exit: no Catch2 or static destructors in the child
    }
    ::close(go_[0]);
  }
  ~ForkedProbe() {
    if (go_[1] >= 0) ::close(go_[1]);
    if (pid_ > 0 && !waited_) ::waitpid(pid_, nullptr, 0);
  }

  // Lets the child run and returns its exit code (-1 if it did not exit normally).
  int Release() {
    REQUIRE(::write(go_[1], "g", 1) == 1);
    ::close(go_[1]);
    go_[1] = -1;
    int status = 0;
    REQUIRE(::waitpid(pid_, &status, 0) == pid_);
    waited_ = true;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

 private:
  int go_[2] = {-1, -1};
  pid_t pid_ = -1;
  bool waited_ = false;
};

}  // namespace

TEST_CASE("a database of another schema version is refused clearly", "[store]") {
  TempDb db;
  {
    auto store = OpenOrDie(db.path);
    PutOrDie(*store, Record("d1", "x"), {MakeFact(Person("Ánh"), "attended", Event("2024"), "d1")});
  }
  EditRaw(db.path, [](rocksdb::DB& raw, const auto& family) {
    REQUIRE(raw.Put(rocksdb::WriteOptions(), family("meta"), "schema_version", "999").ok());
  });
  for (auto mode : {Store::Mode::kReadWrite, Store::Mode::kReadOnly}) {
    auto store = Store::Open(db.path, mode);
    REQUIRE_FALSE(store.ok());
    CHECK(store.status().code() == Status::Code::kVersionMismatch);
    const std::string& message = store.status().message();
    CHECK(Contains(message, db.path));
    CHECK(Contains(message, "schema version 999"));
    CHECK(Contains(message, "reads version " + std::to_string(kSchemaVersion)));
  }
  // The refusal changed nothing: the foreign version is still there.
  EditRaw(db.path, [](rocksdb::DB& raw, const auto& family) {
    std::string value;
    REQUIRE(raw.Get(rocksdb::ReadOptions(), family("meta"), "schema_version", &value).ok());
    CHECK(value == "999");
  });
}

TEST_CASE("a new database records this build's schema version", "[store]") {
  TempDb db;
  { auto store = OpenOrDie(db.path); }
  EditRaw(db.path, [](rocksdb::DB& raw, const auto& family) {
    std::string value;
    REQUIRE(raw.Get(rocksdb::ReadOptions(), family("meta"), "schema_version", &value).ok());
    CHECK(value == std::to_string(kSchemaVersion));
  });
}

TEST_CASE("a second writer in the same process is refused with the holder named", "[store]") {
  TempDb db;
  auto writer = OpenOrDie(db.path);
  auto second = Store::Open(db.path, Store::Mode::kReadWrite);
  REQUIRE_FALSE(second.ok());
  CHECK(second.status().code() == Status::Code::kBusy);
  const std::string& message = second.status().message();
  CHECK(Contains(message, "database " + db.path + " is being written by process " + std::to_string(::getpid())));
  CHECK(Contains(message, "read-only"));
  // The refused open did not disturb the writer.
  PutOrDie(*writer, Record("d1", "x"), {MakeFact(Person("Ánh"), "attended", Event("2024"), "d1")});
  CHECK(writer->Stats()->documents == 1);
}

TEST_CASE("a writer in another process is refused with the holder's pid", "[store]") {
  TempDb db;
  const std::string parent = std::to_string(::getpid());
  ForkedProbe probe([&] {
    auto other = Store::Open(db.path, Store::Mode::kReadWrite);
    if (other.ok()) return 1;
    if (other.status().code() != Status::Code::kBusy) return 2;
    if (!Contains(other.status().message(), "being written by process " + parent)) return 3;
    return 0;
  });
  auto writer = OpenOrDie(db.path);
  CHECK(probe.Release() == 0);  // 1: opened anyway; 2: another error; 3: holder not named
}

TEST_CASE("another process reads while this one writes", "[store]") {
  TempDb db;
  ForkedProbe probe([&] {
    auto reader = Store::Open(db.path, Store::Mode::kReadOnly);
    if (!reader.ok()) return 1;
    auto stats = reader.value()->Stats();
    if (!stats.ok() || stats->documents != 1 || stats->facts != 1) return 2;
    int facts = 0;
    if (!reader.value()->ForEachFact([&](const StoredFact&) { return ++facts > 0; }).ok() || facts != 1) return 3;
    return 0;
  });
  auto writer = OpenOrDie(db.path);
  PutOrDie(*writer, Record("d1", "x"), {MakeFact(Person("Ánh"), "attended", Event("2024"), "d1")});
  CHECK(probe.Release() == 0);  // 1: could not open; 2: wrong counts; 3: facts not read

  // And in this process too, beside the writer.
  auto reader = OpenOrDie(db.path, Store::Mode::kReadOnly);
  CHECK(reader->Stats()->documents == 1);
  CHECK(MatchAll(*reader, {}).size() == 1);
}

TEST_CASE("the WRITER file names the writer while it is open", "[store]") {
  TempDb db;
  const std::string writer_file = db.path + "/WRITER";
  {
    auto writer = OpenOrDie(db.path);
    std::ifstream in(writer_file);
    std::string line;
    REQUIRE(std::getline(in, line));
    CHECK(Contains(line, "process " + std::to_string(::getpid())));
    auto reader = OpenOrDie(db.path, Store::Mode::kReadOnly);
  }
  CHECK_FALSE(fs::exists(writer_file));
  // The lock went with it: the next writer gets in.
  auto next = OpenOrDie(db.path);
}

TEST_CASE("read-only of a missing database is NotFound with the path", "[store]") {
  TempDb db;
  auto missing = Store::Open(db.path + "/nope", Store::Mode::kReadOnly);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == Status::Code::kNotFound);
  CHECK(Contains(missing.status().message(), db.path + "/nope"));
  CHECK_FALSE(fs::exists(db.path + "/nope"));
}

TEST_CASE("a directory that is not a vnkg database is refused and left alone", "[store]") {
  TempDb db;
  SECTION("a directory of other files") {
    fs::create_directories(db.path);
    std::ofstream(db.path + "/notes.txt") << "not a database";
    for (auto mode : {Store::Mode::kReadWrite, Store::Mode::kReadOnly}) {
      auto foreign = Store::Open(db.path, mode);
      REQUIRE_FALSE(foreign.ok());
      CHECK(Contains(foreign.status().message(), db.path));
    }
    auto foreign = Store::Open(db.path, Store::Mode::kReadWrite);
    CHECK(foreign.status().code() == Status::Code::kInvalidArgument);
    CHECK(Contains(foreign.status().message(), "not a vnkg database"));
    CHECK(fs::exists(db.path + "/notes.txt"));
    CHECK_FALSE(fs::exists(db.path + "/CURRENT"));
  }
  SECTION("another program's RocksDB database") {
    {
      rocksdb::Options options;
      options.create_if_missing = true;
      rocksdb::DB* raw = nullptr;
      REQUIRE(rocksdb::DB::Open(options, db.path, &raw).ok());
      REQUIRE(raw->Put(rocksdb::WriteOptions(), "theirs", "value").ok());
      delete raw;
    }
    for (auto mode : {Store::Mode::kReadWrite, Store::Mode::kReadOnly}) {
      auto foreign = Store::Open(db.path, mode);
      REQUIRE_FALSE(foreign.ok());
      CHECK(foreign.status().code() == Status::Code::kInvalidArgument);
      CHECK(Contains(foreign.status().message(), "not a vnkg database"));
      CHECK(Contains(foreign.status().message(), db.path));
    }
    std::vector<std::string> families;
    REQUIRE(rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), db.path, &families).ok());
    CHECK(families == std::vector<std::string>{"default"});
  }
}

TEST_CASE("a writer makes missing parents, and names the path it cannot make", "[store]") {
  TempDb db;
  auto nested = Store::Open(db.path + "/a/b/c", Store::Mode::kReadWrite);
  INFO(nested.status().message());
  CHECK(nested.ok());
  CHECK(fs::exists(db.path + "/a/b/c/CURRENT"));

  std::ofstream(db.path + "/plain-file") << "x";
  const std::string impossible = db.path + "/plain-file/db";
  auto refused = Store::Open(impossible, Store::Mode::kReadWrite);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.status().code() == Status::Code::kIoError);
  CHECK(Contains(refused.status().message(), impossible));
}
