#include "commands.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <memory>
#include <set>
#include <sstream>
#include <thread>

#include "vnkg/extract/document_reader.h"
#include "vnkg/extract/extractor.h"
#include "vnkg/extract/facts_json.h"
#include "vnkg/extract/text.h"
#include "vnkg/query/bridges.h"
#include "vnkg/query/export.h"
#include "vnkg/query/table.h"
#include "vnkg/extract/legacy_encoding.h"
#include "vnkg/store/bulk.h"
#include "vnkg/store/ingest.h"
#include "vnkg/store/store.h"
#include "query_command.h"
#include "repl_command.h"
#include "vnkg/graph/graph.h"
#include "vnkg/query/questions.h"

namespace vnkg::app {
namespace {

int g_exit_code = kExitOk;

int Fail(const std::string& message) {
  std::cerr << "vnkg: " << message << '\n';
  return g_exit_code = kExitError;
}

void ReportIssue(const ReadIssue& issue) {
  std::cerr << "vnkg: " << issue.where << ": " << issue.message << '\n';
}

std::string FormatDouble(double value, int digits) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(digits) << value;
  return out.str();
}

// A one-line progress bar on stderr, redrawn at most ten times a second.
class ProgressBar {
 public:
  ProgressBar() : enabled_(isatty(STDERR_FILENO)), start_(std::chrono::steady_clock::now()) {}
  ~ProgressBar() { Finish(); }

  void Update(std::uint64_t done, std::uint64_t total) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(100) && done < total) return;
    last_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    const double fraction = total ? std::min(1.0, double(done) / double(total)) : 0.0;
    const int filled = static_cast<int>(fraction * 30);
    std::string bar = "[" + std::string(filled, '#') + std::string(30 - filled, '.') + "]";
    std::fprintf(stderr, "\r%s %5.1f%%  %.1f MB  %.1f MB/s ", bar.c_str(), fraction * 100, done / 1e6,
                 seconds > 0 ? done / 1e6 / seconds : 0.0);
    drawn_ = true;
  }

  // Clears the bar so that messages print on a clean line.
  void Clear() {
    if (drawn_) std::fprintf(stderr, "\r%80s\r", "");
  }
  void Finish() {
    Clear();
    drawn_ = false;
  }

 private:
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

Result<std::unique_ptr<Store>> OpenStore(const std::string& db, Store::Mode mode) {
  return Store::Open(db.empty() ? DefaultDatabasePath() : db, mode);
}

Result<std::unique_ptr<Extractor>> MakeExtractor() {
  auto gazetteer = LoadGazetteer(DefaultDataDir());
  if (!gazetteer.ok()) return gazetteer.status();
  return std::make_unique<Extractor>(gazetteer.value());
}

std::string DbHelp() { return "database directory (default: " + DefaultDatabasePath() + ")"; }

// ---------------------------------------------------------------- ingest
struct IngestArgs {
  std::vector<std::string> paths;
  std::string db;
  int jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  bool facts = false;
  bool bulk = false;
  bool quiet = false;
  std::string encoding;
};

// An unknown --encoding is refused before anything is opened or created.
bool CheckEncoding(const std::string& encoding) {
  if (encoding.empty()) return true;
  auto decoder = LegacyDecoder::Open(encoding);
  if (decoder.ok()) return true;
  Fail(decoder.status().message());
  return false;
}

int RunIngest(const IngestArgs& args) {
  if (!CheckEncoding(args.encoding)) return g_exit_code;
  const std::string db = args.db.empty() ? DefaultDatabasePath() : args.db;
  // One of the two sinks: the open database, or a bulk loader building a new one.
  std::unique_ptr<Store> store;
  std::unique_ptr<BulkLoader> loader;
  if (args.bulk) {
    auto created = BulkLoader::Create(db);
    if (!created.ok()) return Fail(created.status().message());
    loader = std::move(created.value());
  } else {
    auto opened = Store::Open(db, Store::Mode::kReadWrite);
    if (!opened.ok()) return Fail(opened.status().message());
    store = std::move(opened.value());
  }
  DocumentSink& sink = args.bulk ? static_cast<DocumentSink&>(*loader) : *store;

  ProgressBar bar;
  IngestOptions options;
  options.jobs = std::max(1, args.jobs);
  options.encoding = args.encoding;
  options.on_issue = [&](const ReadIssue& issue) {
    bar.Clear();
    ReportIssue(issue);
  };
  if (!args.quiet) options.on_progress = [&](std::uint64_t done, std::uint64_t total) { bar.Update(done, total); };

  Result<IngestSummary> summary = Status::Aborted("not run");
  if (args.facts) {
    summary = IngestFactFiles(sink, args.paths, options);
  } else {
    auto extractor = MakeExtractor();
    if (!extractor.ok()) return Fail(extractor.status().message());
    summary = IngestPaths(sink, *extractor.value(), args.paths, options);
  }
  bar.Finish();
  if (!summary.ok())
    return Fail(summary.status().message() +
                (args.bulk ? "\n(no database was made; the bulk load is all or nothing)"
                           : "\n(documents stored before this one are kept; run the same command again "
                             "once the cause is fixed, and it completes the graph)"));
  IngestSummary s = summary.value();
  if (loader) {
    const auto start = std::chrono::steady_clock::now();
    auto finished = loader->Finish();
    if (!finished.ok()) return Fail(finished.status().message());
    s.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    loader.reset();
    auto opened = Store::Open(db, Store::Mode::kReadOnly);
    if (!opened.ok()) return Fail(opened.status().message());
    store = std::move(opened.value());
  }
  auto stats = store->Stats();
  std::ostringstream line;
  line << "ingested " << s.documents << " documents (" << s.inserted << " new, " << s.replaced << " replaced, "
       << s.unchanged << " unchanged";
  if (s.skipped) line << ", " << s.skipped << " skipped";
  line << "): " << s.facts << " facts " << (args.facts ? "loaded" : "extracted");
  if (stats.ok())
    line << "; the graph has " << stats->documents << " documents, " << stats->facts << " facts, " << stats->entities
         << " entities";
  line << "; " << FormatDouble(s.seconds, 2) << " s";
  if (s.text_bytes && s.seconds > 0) line << ", " << FormatDouble(s.text_bytes / 1e6 / s.seconds, 1) << " MB/s";
  if (args.facts && s.seconds > 0) line << ", " << FormatDouble(s.facts / s.seconds, 0) << " facts/s";
  std::cerr << line.str() << '\n';
  return g_exit_code = s.skipped ? kExitSkipped : kExitOk;
}

// ---------------------------------------------------------------- extract
struct ExtractArgs {
  std::vector<std::string> paths;
  float min_confidence = 0.0f;
  std::string encoding;
};

int RunExtract(const ExtractArgs& args) {
  if (!CheckEncoding(args.encoding)) return g_exit_code;
  auto extractor = MakeExtractor();
  if (!extractor.ok()) return Fail(extractor.status().message());
  std::uint64_t skipped = 0;
  ReadCallbacks callbacks;
  callbacks.encoding = args.encoding;
  callbacks.on_issue = [&](const ReadIssue& issue) {
    if (issue.skipped) ++skipped;
    ReportIssue(issue);
  };
  callbacks.on_document = [&](Document&& doc) {
    Extraction extraction = extractor.value()->Extract(doc);
    for (const ExtractWarning& warning : extraction.warnings) std::cerr << "vnkg: " << doc.origin << ": " << warning.message << '\n';
    for (const Fact& fact : extraction.facts)
      if (fact.confidence >= args.min_confidence) std::cout << FactToJsonLine(fact) << '\n';
    return static_cast<bool>(std::cout);
  };
  std::vector<std::string> paths = args.paths.empty() ? std::vector<std::string>{"-"} : args.paths;
  Status status = ReadDocuments(paths, callbacks);
  std::cout.flush();
  if (!status.ok()) return Fail(status.message());
  if (!std::cout) return Fail("writing facts to standard output failed");
  return g_exit_code = skipped ? kExitSkipped : kExitOk;
}

// ---------------------------------------------------------------- stats
int RunStats(const std::string& db) {
  auto store = OpenStore(db, Store::Mode::kReadOnly);
  if (!store.ok()) return Fail(store.status().message());
  auto stats = store.value()->Stats();
  if (!stats.ok()) return Fail(stats.status().message());
  std::cout << "documents   " << stats->documents << '\n'
            << "facts       " << stats->facts << '\n'
            << "entities    " << stats->entities << '\n'
            << "provenance  " << stats->provenance << '\n'
            << "disk bytes  " << stats->disk_bytes << '\n';
  return kExitOk;
}

// ---------------------------------------------------------------- export
struct ExportArgs {
  std::string db;
  std::string format = "facts";
  std::string output;
  float min_confidence = 0.0f;
  // dot only: what to draw, and whether to run Graphviz on it.
  std::string focus, event, province, render;
  int depth = 2;
};

// The entities to draw around a focus, an event or a province: the stored
// ones within `depth` hops.
Result<std::set<TermId>> DotSelection(const Store& store, const ExportArgs& args) {
  auto graph = KnowledgeGraph::Load(store);
  if (!graph.ok()) return graph.status();
  std::optional<Vertex> center;
  if (!args.focus.empty()) {
    auto resolution = ResolveName(store, args.focus);
    if (!resolution.ok()) return resolution.status();
    if (resolution->matches.size() != 1)
      return Status::NotFound("--focus '" + args.focus + "' " +
                              (resolution->matches.empty() ? "names no entity" : "is ambiguous") +
                              "; `vnkg who` shows the candidates");
    center = graph->VertexOf(resolution->matches.front().id);
  } else if (!args.event.empty()) {
    for (Vertex v = 0; v < graph->size() && !center; ++v) {
      const Entity& e = graph->EntityOf(v);
      if (e.type == EntityType::kEvent && (e.date == args.event || FoldLoose(e.name).find(FoldLoose(args.event)) != std::string::npos))
        center = v;
    }
    if (!center) return Status::NotFound("--event '" + args.event + "': no event on that date or with those words");
  } else {
    auto resolution = ResolveName(store, args.province, EntityType::kProvince);
    if (!resolution.ok()) return resolution.status();
    if (resolution->matches.empty()) return Status::NotFound("--province '" + args.province + "' is not in the graph");
    center = graph->VertexOfKey(EntityKey(resolution->matches.front().entity));
  }
  std::set<TermId> ids;
  if (!center) return ids;
  if (graph->graph()[*center].id) ids.insert(graph->graph()[*center].id);
  for (auto [v, distance] : Neighborhood(graph.value(), *center, args.depth, 2000))
    if (graph->graph()[v].id) ids.insert(graph->graph()[v].id);
  return ids;
}

// Runs `dot -T<format>` on a DOT file; says how to get Graphviz when it is missing.
int RenderDot(const std::string& dot_file, const std::string& format, const std::string& output) {
  if (std::system("command -v dot >/dev/null 2>&1") != 0)
    return Fail("--render needs Graphviz's `dot`; install it with: apt-get install graphviz");
  const std::string command = "dot -T" + format + " '" + dot_file + "' -o '" + output + "'";
  if (std::system(command.c_str()) != 0) return Fail("dot failed on " + dot_file);
  std::cerr << "vnkg: drew " << output << '\n';
  return kExitOk;
}

int RunExport(const ExportArgs& args) {
  auto store = OpenStore(args.db, Store::Mode::kReadOnly);
  if (!store.ok()) return Fail(store.status().message());
  std::ofstream file;
  if (!args.output.empty() && args.format != "csv") {
    file.open(args.output, std::ios::binary | std::ios::trunc);
    if (!file) return Fail("cannot write " + args.output);
  }
  std::ostream& out = args.output.empty() ? std::cout : file;
  FactsExportOptions options;
  options.min_confidence = args.min_confidence;
  Result<std::uint64_t> written = Status::Aborted("not run");
  if (args.format == "facts") {
    written = ExportFacts(*store.value(), options, out);
  } else if (args.format == "ntriples" || args.format == "turtle") {
    written = ExportRdf(*store.value(), args.format == "turtle" ? RdfSyntax::kTurtle : RdfSyntax::kNTriples, out);
  } else if (args.format == "csv") {
    if (args.output.empty()) return Fail("--format csv writes two files: give their prefix with -o (e.g. -o out/)");
    written = ExportNeo4jCsv(*store.value(), args.output);
  } else if (args.format == "dot") {
    DotOptions dot;
    if (!args.focus.empty() || !args.event.empty() || !args.province.empty()) {
      auto selection = DotSelection(*store.value(), args);
      if (!selection.ok()) return Fail(selection.status().message());
      dot.only = std::move(selection.value());
    }
    written = ExportDot(*store.value(), dot, out);
  }
  if (!written.ok()) return Fail(written.status().message());
  out.flush();
  if (!out) return Fail("writing the export failed");
  if (!args.render.empty()) {
    if (args.output.empty()) return Fail("--render needs -o FILE.dot (the picture is written beside it)");
    file.close();
    const std::string picture = args.output.substr(0, args.output.rfind('.')) + "." + args.render;
    return RenderDot(args.output, args.render, picture);
  }
  return kExitOk;
}

// ---------------------------------------------------------------- bridges
struct BridgesArgs {
  std::string db;
  BridgeFilter filter;
};

std::string Join(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

int RunBridges(const BridgesArgs& args) {
  auto store = OpenStore(args.db, Store::Mode::kReadOnly);
  if (!store.ok()) return Fail(store.status().message());
  auto rows = ListBridgePoints(*store.value(), args.filter);
  if (!rows.ok()) return Fail(rows.status().message());
  if (rows->empty()) {
    std::cout << "no bridge points match\n";
    return kExitOk;
  }
  // One block per event: its date and name, then a table of its bridge points.
  std::string current;
  std::vector<std::vector<std::string>> table;
  auto flush = [&] {
    if (!table.empty()) PrintTable(std::cout, {"bridge point", "role", "person", "office", "source"}, table, 70);
    table.clear();
  };
  for (const BridgePointRow& row : rows.value()) {
    const std::string heading = row.event_date + "  " + (row.event_name.empty() ? "(unnamed event)" : row.event_name);
    if (heading != current) {
      flush();
      std::cout << (current.empty() ? "" : "\n") << heading << '\n';
      current = heading;
    }
    const std::string role = row.role == "chaired" ? "chủ trì (chaired)" : row.role == "attended" ? "dự (attended)" : "-";
    table.push_back({row.province, role, row.person.empty() ? "-" : row.person, Join(row.offices, "; "),
                     Join(row.docs, ", ")});
  }
  flush();
  return kExitOk;
}

}  // namespace

void RegisterCommands(CLI::App& app) {
  auto ingest_args = std::make_shared<IngestArgs>();
  CLI::App* ingest = app.add_subcommand("ingest", "Read articles and add their facts to the graph");
  ingest->add_option("paths", ingest_args->paths, "files (.txt, .jsonl, .jsonl.zst), directories, or - for stdin")
      ->required();
  ingest->add_option("--db", ingest_args->db, DbHelp());
  ingest->add_option("-j,--jobs", ingest_args->jobs, "extraction threads (default: the number of cores)");
  ingest->add_flag("--facts", ingest_args->facts, "the inputs are facts (JSON Lines from `vnkg extract`), not articles");
  ingest->add_flag("--bulk", ingest_args->bulk,
                   "build a new database (--db must not exist or be empty) from sorted SST files: faster for a "
                   "large corpus; the database appears only when the load completes");
  ingest->add_option("--encoding", ingest_args->encoding, "the inputs' encoding when not UTF-8: windows-1258, tcvn3 or viscii (legacy Vietnamese)");
  ingest->add_flag("-q,--quiet", ingest_args->quiet, "no progress bar");
  ingest->footer("Example:\n  vnkg ingest examples/articles\n  zstdcat news.jsonl.zst | vnkg ingest -\n"
                 "  vnkg ingest --bulk --db new.db news.jsonl.zst\n"
                 "Exit status 3 when some input was skipped (each skip is reported on stderr).");
  ingest->callback([ingest_args] { RunIngest(*ingest_args); });

  auto extract_args = std::make_shared<ExtractArgs>();
  CLI::App* extract = app.add_subcommand("extract", "Print the facts of articles as JSON Lines, without a database");
  extract->add_option("paths", extract_args->paths, "inputs as for ingest (default: - for stdin)");
  extract->add_option("--min-confidence", extract_args->min_confidence, "leave out facts below this confidence (0-1)");
  extract->add_option("--encoding", extract_args->encoding, "the inputs' encoding when not UTF-8: windows-1258, tcvn3 or viscii (legacy Vietnamese)");
  extract->footer("Example:\n  vnkg extract < articles.jsonl > facts.jsonl\n"
                  "A pure filter: run it on many machines, then `vnkg ingest --facts facts.jsonl`.");
  extract->callback([extract_args] { RunExtract(*extract_args); });

  auto stats_db = std::make_shared<std::string>();
  CLI::App* stats = app.add_subcommand("stats", "Count documents, facts and entities in the graph");
  stats->add_option("--db", *stats_db, DbHelp());
  stats->footer("Example:\n  vnkg stats --db /tmp/news.db");
  stats->callback([stats_db] { RunStats(*stats_db); });

  auto export_args = std::make_shared<ExportArgs>();
  CLI::App* exporter = app.add_subcommand("export", "Write the whole graph in an exchange format");
  exporter->add_option("--db", export_args->db, DbHelp());
  exporter
      ->add_option("-f,--format", export_args->format,
                   "facts (JSON Lines of docs/facts.md), ntriples, turtle, csv (Neo4j import), dot (Graphviz)")
      ->check(CLI::IsMember({"facts", "ntriples", "turtle", "csv", "dot"}));
  exporter->add_option("-o,--output", export_args->output,
                       "write to FILE instead of stdout (csv: the prefix of nodes.csv and relationships.csv)");
  exporter->add_option("--min-confidence", export_args->min_confidence, "leave out facts below this confidence (0-1)");
  exporter->add_option("--focus", export_args->focus, "dot: draw what lies around this entity (by name)");
  exporter->add_option("--depth", export_args->depth, "dot: hops around --focus, --event or --province (default 2)")
      ->check(CLI::Range(1, 5));
  exporter->add_option("--event", export_args->event, "dot: draw around the event of this date (YYYY-MM-DD) or name");
  exporter->add_option("--province", export_args->province, "dot: draw around this province");
  exporter->add_option("--render", export_args->render, "dot: also run Graphviz: svg or png (needs -o FILE.dot)")
      ->check(CLI::IsMember({"svg", "png"}));
  exporter->footer("Examples:\n  vnkg export --format facts > facts.jsonl\n  vnkg export --format ntriples | rapper -i ntriples -c -\n"
                   "  vnkg export --format dot --focus \"Bùi Thanh Sơn\" --depth 2 -o bts.dot --render png\n"
                   "  vnkg export --format csv -o neo4j/   # neo4j/nodes.csv, neo4j/relationships.csv");
  exporter->callback([export_args] { RunExport(*export_args); });

  auto bridges_args = std::make_shared<BridgesArgs>();
  CLI::App* bridges = app.add_subcommand("bridges", "Who chaired or attended each event's bridge points");
  bridges->add_option("--db", bridges_args->db, DbHelp());
  bridges->add_option("--province", bridges_args->filter.province, "only this province (any case, with or without diacritics)");
  bridges->add_option("--date", bridges_args->filter.date, "only events on this date or date prefix (2025-01-06, 2025-01, 2025)");
  bridges->add_option("--event", bridges_args->filter.event, "only events whose name has these words");
  bridges->footer("Example:\n  vnkg bridges --province \"ha tinh\" --date 2025");
  bridges->callback([bridges_args] { RunBridges(*bridges_args); });

  RegisterQuestionCommands(app, g_exit_code);
  RegisterReplCommand(app);
  RegisterQueryCommand(app);
  RegisterServeCommand(app);
}

int ExitCode() { return g_exit_code; }

}  // namespace vnkg::app
