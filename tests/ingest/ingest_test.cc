// The ingest pipeline on the seed articles: files -> documents -> facts ->
// store, through both sinks, and the account it gives of itself.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "vnkg/ingest/ingest.h"
#include "vnkg/model/facts_json.h"
#include "vnkg/store/store.h"

using namespace vnkg;
namespace fs = std::filesystem;

namespace {

// A fresh directory under the system's temporary directory, removed afterwards.
struct TempDir {
  fs::path path;
  TempDir() {
    static int counter = 0;
    path = fs::temp_directory_path() / ("vnkg-ingest-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string operator/(const std::string& name) const { return (path / name).string(); }
};

std::string Articles() { return std::string(VNKG_SOURCE_DIR) + "/examples/articles"; }

const Extractor& SharedExtractor() {
  static const std::unique_ptr<Extractor> extractor = [] {
    auto made = MakeDefaultExtractor();
    REQUIRE(made.ok());
    return std::move(made.value());
  }();
  return *extractor;
}

// Every fact of a store as export lines, sorted: equal stores give equal lists.
std::vector<std::string> FactLines(const Store& store) {
  std::vector<std::string> lines;
  REQUIRE(store
              .ForEachFact([&](const StoredFact& fact) {
                lines.push_back(EntityKey(fact.subject) + "|" + fact.predicate + "|" + EntityKey(fact.object));
                return true;
              })
              .ok());
  std::sort(lines.begin(), lines.end());
  return lines;
}

}  // namespace

TEST_CASE("the seed articles are ingested, and again as a no-op", "[ingest]") {
  TempDir dir;
  auto store = Store::Open(dir / "db", Store::Mode::kReadWrite);
  REQUIRE(store.ok());
  IngestOptions options;
  auto first = IngestPaths(*store.value(), SharedExtractor(), {Articles()}, options);
  REQUIRE(first.ok());
  CHECK(first->documents > 0);
  CHECK(first->inserted == first->documents);
  CHECK(first->facts > 0);
  CHECK(first->skipped == 0);
  auto again = IngestPaths(*store.value(), SharedExtractor(), {Articles()}, options);
  REQUIRE(again.ok());
  CHECK(again->unchanged == first->documents);
  CHECK(again->inserted == 0);
}

TEST_CASE("the graph does not depend on the number of extraction threads", "[ingest]") {
  TempDir dir;
  std::vector<std::string> facts[2];
  for (int jobs : {1, 3}) {
    auto store = Store::Open(dir / ("db" + std::to_string(jobs)), Store::Mode::kReadWrite);
    REQUIRE(store.ok());
    IngestOptions options;
    options.jobs = jobs;
    options.batch_documents = 2;  // several batches in flight
    REQUIRE(IngestPaths(*store.value(), SharedExtractor(), {Articles()}, options).ok());
    facts[jobs == 1 ? 0 : 1] = FactLines(*store.value());
  }
  CHECK(!facts[0].empty());
  CHECK(facts[0] == facts[1]);
}

TEST_CASE("facts written by extract load back into the same graph", "[ingest]") {
  TempDir dir;
  std::ostringstream lines;
  auto skipped = ExtractFactLines(SharedExtractor(), {Articles()}, ExtractLinesOptions{}, lines);
  REQUIRE(skipped.ok());
  CHECK(skipped.value() == 0);
  std::ofstream(dir / "facts.jsonl") << lines.str() << "\nnot json\n";

  std::vector<ReadIssue> issues;
  IngestOptions options;
  options.on_issue = [&](const ReadIssue& issue) { issues.push_back(issue); };
  auto from_facts = Store::Open(dir / "facts.db", Store::Mode::kReadWrite);
  REQUIRE(from_facts.ok());
  auto loaded = IngestFactFiles(*from_facts.value(), {dir / "facts.jsonl"}, options);
  REQUIRE(loaded.ok());
  CHECK(loaded->skipped == 1);  // the line that is not JSON, named with its line number
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].where.find("facts.jsonl:") != std::string::npos);

  auto from_text = Store::Open(dir / "text.db", Store::Mode::kReadWrite);
  REQUIRE(from_text.ok());
  REQUIRE(IngestPaths(*from_text.value(), SharedExtractor(), {Articles()}, IngestOptions{}).ok());
  CHECK(FactLines(*from_facts.value()) == FactLines(*from_text.value()));
}

// The facts reader's pipeline (blocks of lines, one reader per thread, two
// passes): a document's lines are one document wherever they are in the
// file, each skipped line is named with its number (past the first block
// too), and the result and the content hashes do not depend on `jobs`.
TEST_CASE("a facts file: lines grouped by document wherever they are, each skipped line named", "[ingest]") {
  TempDir dir;
  auto fact = [](const std::string& doc, const std::string& person) {
    Fact f;
    f.subject = Entity{EntityType::kPerson, person, "", "", "", ""};
    f.predicate = "chaired";
    f.object = Entity{EntityType::kProvince, "Hà Tĩnh", "", "", "", ""};
    f.doc = doc;
    f.evidence = person + " chủ trì tại Hà Tĩnh.";
    return FactToJsonLine(f);
  };
  std::ostringstream file;
  file << fact("a", "Nguyễn Văn A") << "\n"       // 1
       << fact("b", "Trần Thị B") << "\n"         // 2
       << "  \t\r\n"                             // 3: blank, passed over
       << fact("a", "Lê Văn C") << "\r\n"        // 4: document a again, CRLF
       << "{\"subject\": \"x\n"                  // 5: malformed
       << R"({"subject":{"type":"Person","name":"D"},"predicate":"chaired","object":{"type":"Province","name":"Huế"}})"
       << "\n";                                    // 6: no doc
  for (int i = 7; i < 10000; ++i) file << fact("bulk" + std::to_string(i % 50), "Người " + std::to_string(i)) << "\n";
  file << "[1]\n"                                  // 10000: not an object
       << fact("c", "Phạm Văn E");                  // 10001: no newline at the end
  std::ofstream(dir / "facts.jsonl") << file.str();

  std::vector<std::string> graphs;
  for (int jobs : {1, 3}) {
    std::vector<ReadIssue> issues;
    IngestOptions options;
    options.jobs = jobs;
    options.on_issue = [&](const ReadIssue& issue) { issues.push_back(issue); };
    auto store = Store::Open(dir / ("db" + std::to_string(jobs)), Store::Mode::kReadWrite);
    REQUIRE(store.ok());
    auto loaded = IngestFactFiles(*store.value(), {dir / "facts.jsonl"}, options);
    REQUIRE(loaded.ok());
    CHECK(loaded->documents == 3 + 50);
    CHECK(loaded->facts == 4 + (10000 - 7));
    CHECK(loaded->skipped == 3);
    REQUIRE(issues.size() == 3);
    CHECK(issues[0].where == dir / "facts.jsonl:5");
    CHECK(issues[0].message == "not valid JSON: a string is not closed; line skipped");
    CHECK(issues[1].where == dir / "facts.jsonl:6");
    CHECK(issues[1].message == "fact has no \"doc\"; line skipped");
    CHECK(issues[2].where == dir / "facts.jsonl:10000");
    CHECK(issues[2].message == "not a JSON object; line skipped");
    auto a = store.value()->GetDocument("a");
    REQUIRE(a.ok());
    REQUIRE(a.value());
    CHECK(a.value()->fact_count == 2);  // lines 1 and 4

    // The same file again: every document unchanged, whatever `jobs` was.
    options.jobs = jobs == 1 ? 3 : 1;
    auto again = IngestFactFiles(*store.value(), {dir / "facts.jsonl"}, options);
    REQUIRE(again.ok());
    CHECK(again->unchanged == again->documents);
    std::string graph;
    for (const std::string& line : FactLines(*store.value())) graph += line + "\n";
    graphs.push_back(graph);
  }
  CHECK(graphs[0] == graphs[1]);
}

TEST_CASE("a whole ingest: both sinks make the same graph, and say so in one line", "[ingest]") {
  TempDir dir;
  IngestRequest request;
  request.paths = {Articles()};
  request.db = dir / "normal.db";
  auto normal = IngestIntoDatabase(request);
  REQUIRE(normal.ok());
  request.db = dir / "bulk.db";
  request.bulk = true;
  auto bulk = IngestIntoDatabase(request);
  REQUIRE(bulk.ok());
  REQUIRE(normal->graph);
  REQUIRE(bulk->graph);
  CHECK(normal->graph->facts == bulk->graph->facts);
  CHECK(normal->graph->entities == bulk->graph->entities);

  const std::string line = DescribeIngest(normal.value(), false);
  CHECK(line.rfind("ingested " + std::to_string(normal->summary.documents) + " documents (", 0) == 0);
  CHECK(line.find(" facts extracted; the graph has ") != std::string::npos);
}

// Facts into a new database go through the bulk loader, into an existing one
// through the per-document writer: the same graph, the same counts.
TEST_CASE("a facts load makes the same graph into a new database and into an existing one", "[ingest]") {
  TempDir dir;
  std::ostringstream lines;
  REQUIRE(ExtractFactLines(SharedExtractor(), {Articles()}, ExtractLinesOptions{}, lines).ok());
  const std::string text = lines.str();
  std::ofstream(dir / "facts.jsonl") << text << "not json\n";
  const std::string bad_line = dir / "facts.jsonl:" + std::to_string(std::count(text.begin(), text.end(), '\n') + 1);

  IngestRequest request;
  request.paths = {dir / "facts.jsonl"};
  request.facts = true;
  std::vector<std::string> where;
  request.options.on_issue = [&](const ReadIssue& issue) { where.push_back(issue.where); };
  fs::create_directories(dir / "empty-dir.db");
  {
    auto existing = Store::Open(dir / "existing.db", Store::Mode::kReadWrite);  // created empty
    REQUIRE(existing.ok());
  }
  std::vector<std::vector<std::string>> graphs;
  for (const char* db : {"new.db", "empty-dir.db", "existing.db"}) {
    request.db = dir / db;
    auto report = IngestIntoDatabase(request);
    REQUIRE(report.ok());
    CHECK(report->summary.skipped == 1);
    REQUIRE(report->graph);
    CHECK(report->graph->documents == report->summary.documents);
    CHECK(report->graph->provenance == report->summary.facts);
    auto store = Store::Open(request.db, Store::Mode::kReadOnly);
    REQUIRE(store.ok());
    graphs.push_back(FactLines(*store.value()));
  }
  CHECK(!graphs[0].empty());
  CHECK(graphs[0] == graphs[1]);
  CHECK(graphs[0] == graphs[2]);
  REQUIRE(where.size() == 3);
  for (const std::string& w : where) CHECK(w == bad_line);

  // Into the database just made (not new any more): the writer, every document unchanged.
  request.db = dir / "new.db";
  auto again = IngestIntoDatabase(request);
  REQUIRE(again.ok());
  CHECK(again->summary.unchanged == again->summary.documents);
}

TEST_CASE("an unknown encoding is refused before anything is created", "[ingest]") {
  TempDir dir;
  IngestRequest request;
  request.paths = {Articles()};
  request.db = dir / "never.db";
  request.options.encoding = "no-such-encoding";
  auto report = IngestIntoDatabase(request);
  CHECK(!report.ok());
  CHECK(!fs::exists(request.db));
}
