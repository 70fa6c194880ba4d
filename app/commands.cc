#include "commands.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <thread>

#include "query_command.h"
#include "repl_command.h"
#include "vnkg/extract/legacy_encoding.h"
#include "vnkg/ingest/ingest.h"
#include "vnkg/model/table.h"
#include "vnkg/query/bridges.h"
#include "vnkg/query/export.h"
#include "vnkg/query/startup.h"
#include "vnkg/shell/presenters.h"
#include "vnkg/shell/progress.h"
#include "vnkg/store/store.h"

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

Result<std::unique_ptr<Store>> OpenStore(const std::string& db, Store::Mode mode) {
  return Store::Open(db.empty() ? DefaultDatabasePath() : db, mode);
}

std::string DbHelp() { return "database directory (default: " + DefaultDatabasePath() + ")"; }

std::vector<std::string> ExportFormatNameList() {
  std::vector<std::string> names;
  for (const ExportFormat& format : ExportFormats()) names.emplace_back(format.name);
  return names;
}

// "facts (JSON Lines of docs/facts.md), ntriples, ..." for --help.
std::string ExportFormatHelp() {
  std::string text;
  for (const ExportFormat& format : ExportFormats()) {
    if (!text.empty()) text += ", ";
    text += format.name;
    if (!format.help.empty()) text.append(" (").append(format.help).append(")");
  }
  return text;
}

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

int RunIngest(const IngestArgs& args) {
  ProgressBar bar;
  IngestRequest request;
  request.paths = args.paths;
  request.db = args.db.empty() ? DefaultDatabasePath() : args.db;
  request.facts = args.facts;
  request.bulk = args.bulk;
  request.options.jobs = std::max(1, args.jobs);
  request.options.encoding = args.encoding;
  request.options.on_issue = [&](const ReadIssue& issue) {
    bar.Clear();
    ReportIssue(issue);
  };
  if (!args.quiet) request.options.on_progress = [&](std::uint64_t done, std::uint64_t total) { bar.Update(done, total); };
  auto report = IngestIntoDatabase(request);
  bar.Finish();
  if (!report.ok()) return Fail(report.status().message());
  // Every later process loads these instead of computing them (docs/performance.md).
  // They are a cache: without them readers compute them, so failing to keep
  // them (a full disk) is said, and the ingest, already committed, stands.
  {
    auto store = Store::Open(request.db, Store::Mode::kReadWrite);
    Status kept = store.ok() ? KeepStartupIndexes(*store.value()) : store.status();
    if (!kept.ok())
      std::cerr << "vnkg: note: the start-up indexes were not kept (" << kept.message()
                << "); every reader will compute them until the next ingest\n";
  }
  std::cerr << DescribeIngest(report.value(), args.facts) << '\n';
  return g_exit_code = report->summary.skipped ? kExitSkipped : kExitOk;
}

// ---------------------------------------------------------------- extract
struct ExtractArgs {
  std::vector<std::string> paths;
  float min_confidence = 0.0f;
  std::string encoding;
};

int RunExtract(const ExtractArgs& args) {
  // An unknown --encoding is refused before the gazetteers are loaded.
  if (!args.encoding.empty()) {
    auto decoder = LegacyDecoder::Open(args.encoding);
    if (!decoder.ok()) return Fail(decoder.status().message());
  }
  auto extractor = MakeDefaultExtractor();
  if (!extractor.ok()) return Fail(extractor.status().message());
  ExtractLinesOptions options;
  options.encoding = args.encoding;
  options.min_confidence = args.min_confidence;
  options.on_issue = ReportIssue;
  auto skipped = ExtractFactLines(*extractor.value(), args.paths.empty() ? std::vector<std::string>{"-"} : args.paths,
                                  options, std::cout);
  if (!skipped.ok()) return Fail(skipped.status().message());
  return g_exit_code = skipped.value() ? kExitSkipped : kExitOk;
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
  const ExportFormat* format = FindExportFormat(args.format);
  if (!format) return Fail("unknown export format '" + args.format + "' (" + ExportFormatNames(", ") + ")");
  auto store = OpenStore(args.db, Store::Mode::kReadOnly);
  if (!store.ok()) return Fail(store.status().message());
  if (format->writes_files && args.output.empty())
    return Fail("--format " + args.format + " writes two files: give their prefix with -o (e.g. -o out/)");
  std::ofstream file;
  if (!args.output.empty() && !format->writes_files) {
    file.open(args.output, std::ios::binary | std::ios::trunc);
    if (!file) return Fail("cannot write " + args.output);
  }
  std::ostream& out = args.output.empty() ? std::cout : file;
  ExportSettings settings;
  settings.min_confidence = args.min_confidence;
  if (format->name == "dot" && (!args.focus.empty() || !args.event.empty() || !args.province.empty())) {
    auto selection = DotNeighbourhood(*store.value(), args.focus, args.event, args.province, args.depth);
    if (!selection.ok()) return Fail(selection.status().message());
    settings.dot.only = std::move(selection.value());
  }
  auto written = format->write(*store.value(), settings, out, args.output);
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

int RunBridges(const BridgesArgs& args) {
  auto store = OpenStore(args.db, Store::Mode::kReadOnly);
  if (!store.ok()) return Fail(store.status().message());
  auto rows = ListBridgePoints(*store.value(), args.filter);
  if (!rows.ok()) return Fail(rows.status().message());
  if (rows->empty()) {
    std::cout << "no bridge points match\n";
    return kExitOk;
  }
  // The presenter's table, laid out as one block per event: its date and
  // name, then the remaining columns.
  const ResultTable table = BridgesTable(rows.value());  // date, event, then the block's columns
  const std::vector<std::string> header(table.header.begin() + 2, table.header.end());
  std::string current;
  std::vector<std::vector<std::string>> block;
  auto flush = [&] {
    if (!block.empty()) PrintTable(std::cout, header, block, 70);
    block.clear();
  };
  for (const auto& row : table.rows) {
    const std::string heading = row[0] + "  " + (row[1].empty() ? "(unnamed event)" : row[1]);
    if (heading != current) {
      flush();
      std::cout << (current.empty() ? "" : "\n") << heading << '\n';
      current = heading;
    }
    block.emplace_back(row.begin() + 2, row.end());
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
  ingest->add_flag("--facts", ingest_args->facts,
                   "the inputs are facts (JSON Lines from `vnkg extract`), not articles; into a new --db they "
                   "are loaded as --bulk loads (all or nothing)");
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
                   ExportFormatHelp())
      ->check(CLI::IsMember(ExportFormatNameList()));
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
