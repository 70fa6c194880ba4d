// libFuzzer target: the SPARQL subset (query/include/vnkg/query/sparql.h).
//
// Each input is a query. It is parsed (ParseSparql), and run on the graph of
// the seed articles (examples/articles, ingested once into a temporary
// RocksDB store at start-up), and the result is written in all four formats.
// Checks beyond "no crash, leak or UB":
//  - ParseSparql and SparqlEngine::Run agree on whether the query is
//    well-formed and supported (same code, same message);
//  - errors are the documented ones (kInvalidArgument, kUnsupported,
//    kAborted, kDeadlineExceeded), never an exception or another code;
//  - every row is as wide as the projection.
// max_rows is small and a deadline (as `vnkg query --timeout`) stops long
// queries: a cross product of the seed graph is legal SPARQL, and its cost is
// not a bug. A loop that never polls the deadline still shows as a libFuzzer
// timeout (-timeout in the Makefile, well above the deadline).
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>

#include "fuzz_support.h"
#include "vnkg/deadline.h"
#include "vnkg/extract/extractor.h"
#include "vnkg/query/sparql.h"
#include "vnkg/ingest/ingest.h"
#include "vnkg/store/store.h"

namespace {

using namespace vnkg;
using namespace vnkg::fuzz;

// Both live for the whole run: the engine reads the store on every query.
Store* g_store = nullptr;
SparqlEngine* g_engine = nullptr;

constexpr std::size_t kMaxRows = 20'000;
constexpr double kDeadlineSeconds = 2;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  auto gazetteer = LoadGazetteer(DefaultDataDir());
  if (!gazetteer.ok()) Fail("cannot load the gazetteer", gazetteer.status().message());
  const Extractor extractor(std::move(gazetteer.value()));
  auto store = Store::Open(ScratchDir() + "/db", Store::Mode::kReadWrite);
  if (!store.ok()) Fail("cannot create the store", store.status().message());
  g_store = store.value().release();
  // VNKG_SOURCE_DIR: the source tree, recorded by fuzz/CMakeLists.txt.
  auto ingested = IngestPaths(*g_store, extractor, {std::string(VNKG_SOURCE_DIR) + "/examples/articles"}, {});
  if (!ingested.ok()) Fail("cannot ingest the seed articles", ingested.status().message());
  if (ingested.value().documents == 0 || ingested.value().facts == 0) Fail("the seed articles gave no facts");
  auto engine = SparqlEngine::Create(*g_store);
  if (!engine.ok()) Fail("cannot build the SPARQL view", engine.status().message());
  g_engine = engine.value().release();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view query(reinterpret_cast<const char*>(data), size);
  const Status parsed = ParseSparql(query);

  SparqlOptions options;
  options.max_rows = kMaxRows;
  options.deadline = Deadline::Seconds(kDeadlineSeconds);
  auto result = g_engine->Run(query, options);

  if (!result.ok()) {
    const Status& status = result.status();
    if (status.code() == Status::Code::kAborted || status.code() == Status::Code::kDeadlineExceeded) {
      if (!parsed.ok()) Fail("a query ParseSparql rejects was run", std::string(query));
      return 0;
    }
    if (parsed.ok()) Fail("Run rejects a query ParseSparql accepts", status.message());
    if (status.code() != parsed.code() || status.message() != parsed.message())
      Fail("Run and ParseSparql give different errors", status.message() + "\n" + parsed.message());
    if (status.code() != Status::Code::kInvalidArgument && status.code() != Status::Code::kUnsupported)
      Fail("an undocumented error code for a bad query", status.message());
    return 0;
  }
  if (!parsed.ok()) Fail("Run answers a query ParseSparql rejects", parsed.message());

  const SparqlResult& answer = result.value();
  for (const auto& row : answer.rows)
    if (row.size() != answer.variables.size()) Fail("a result row is not as wide as the projection");
  for (SparqlFormat format : {SparqlFormat::kTable, SparqlFormat::kTsv, SparqlFormat::kCsv, SparqlFormat::kJson}) {
    std::ostringstream out;
    WriteSparqlResult(out, answer, format);
  }
  return 0;
}
