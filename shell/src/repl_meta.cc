// The meta commands: one table of {name, arguments, help, handler}; .help is
// generated from it, and completion reads its argument choices.
#include <algorithm>
#include <charconv>
#include <chrono>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include "repl_internal.h"
#include "vnkg/query/export.h"
#include "vnkg/model/table.h"

namespace vnkg {
namespace {

Status NeedArgs(const std::vector<std::string>& args, std::size_t low, std::size_t high, std::string_view usage) {
  if (args.size() < low || args.size() > high) return Status::InvalidArgument("usage: " + std::string(usage));
  return Status::Ok();
}

Status NeedStore(Repl& repl) {
  return repl.store() ? Status::Ok() : Status::InvalidArgument("no database is open; .open DIR opens one");
}

Status Help(Repl& repl, const std::vector<std::string>& args);

Status Mode(Repl& repl, const std::vector<std::string>& args) {
  VNKG_RETURN_IF_ERROR(NeedArgs(args, 0, 1, ".mode table|json|csv|tsv"));
  if (args.empty()) {
    repl.out() << OutputModeName(repl.mode()) << '\n';
    return Status::Ok();
  }
  auto mode = ParseOutputMode(args[0]);
  if (!mode) return Status::InvalidArgument("unknown mode '" + args[0] + "'; the modes are table, json, csv, tsv");
  repl.set_mode(*mode);
  return Status::Ok();
}

Status Timer(Repl& repl, const std::vector<std::string>& args) {
  VNKG_RETURN_IF_ERROR(NeedArgs(args, 1, 1, ".timer on|off"));
  const std::string value = AsciiLower(args[0]);
  if (value != "on" && value != "off") return Status::InvalidArgument(".timer takes on or off, not '" + args[0] + "'");
  repl.set_timer(value == "on");
  return Status::Ok();
}

Status MaxRows(Repl& repl, const std::vector<std::string>& args) {
  VNKG_RETURN_IF_ERROR(NeedArgs(args, 0, 1, ".maxrows N"));
  if (args.empty()) {
    repl.out() << repl.max_rows() << '\n';
    return Status::Ok();
  }
  std::size_t n = 0;
  const auto [end, error] = std::from_chars(args[0].data(), args[0].data() + args[0].size(), n);
  if (error != std::errc() || end != args[0].data() + args[0].size())
    return Status::InvalidArgument(".maxrows takes a number (0: show all rows), not '" + args[0] + "'");
  repl.set_max_rows(n);
  return Status::Ok();
}

Status Timeout(Repl& repl, const std::vector<std::string>& args) {
  VNKG_RETURN_IF_ERROR(NeedArgs(args, 0, 1, ".timeout [SECONDS]"));
  if (args.empty()) {
    if (repl.timeout() > 0) repl.out() << repl.timeout() << " s\n";
    else repl.out() << "none\n";
    return Status::Ok();
  }
  double seconds = -1;
  const std::string& text = args[0];
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seconds);
  if (AsciiLower(text) == "none" || AsciiLower(text) == "off") seconds = 0;
  else if (error != std::errc() || end != text.data() + text.size() || !(seconds >= 0))
    return Status::InvalidArgument(".timeout takes seconds (0 or none: no limit), not '" + text + "'");
  repl.set_timeout(seconds);
  return Status::Ok();
}

Status Output(Repl& repl, const std::vector<std::string>& args) {
  VNKG_RETURN_IF_ERROR(NeedArgs(args, 0, 1, ".output [FILE]"));
  return repl.RedirectOutput(args.empty() ? "" : args[0], false);
}

Status Once(Repl& repl, const std::vector<std::string>& args) {
  VNKG_RETURN_IF_ERROR(NeedArgs(args, 1, 1, ".once FILE"));
  return repl.RedirectOutput(args[0], true);
}

Status Read(Repl& repl, const std::vector<std::string>& args) {
  VNKG_RETURN_IF_ERROR(NeedArgs(args, 1, 1, ".read FILE"));
  Repl::State& state = ReplAccess::state(repl);
  if (state.read_depth >= 16) return Status::InvalidArgument(".read nested too deeply (does a file read itself?)");
  std::ifstream file(args[0]);
  if (!file) return Status::IoError("cannot read " + args[0]);
  ++state.read_depth;
  Status status = repl.RunScript(file, args[0]);
  --state.read_depth;
  return status;
}

// ".export"'s arguments, from the one list of formats (export.h): the
// usage, .help and Tab completion all show it.
const std::string& ExportArguments() {
  static const std::string arguments = ExportFormatNames("|") + " FILE";
  return arguments;
}

Status Export(Repl& repl, const std::vector<std::string>& args) {
  VNKG_RETURN_IF_ERROR(NeedArgs(args, 2, 2, ".export " + ExportArguments()));
  VNKG_RETURN_IF_ERROR(NeedStore(repl));
  const ExportFormat* format = FindExportFormat(AsciiLower(args[0]));
  if (!format) return Status::InvalidArgument(".export writes " + ExportFormatNames(", ") + ", not '" + args[0] + "'");
  // A format that writes files of its own (csv) takes FILE as their prefix.
  std::ofstream file;
  if (!format->writes_files) {
    file.open(args[1], std::ios::binary | std::ios::trunc);
    if (!file) return Status::IoError("cannot write " + args[1]);
  }
  auto written = format->write(*repl.store(), ExportSettings{}, file, args[1]);
  if (!written.ok()) return written.status();
  if (!format->writes_files) {
    file.flush();
    if (!file) return Status::IoError("writing " + args[1] + " failed");
  }
  repl.err() << "wrote " << written.value() << ' ' << format->unit << " to " << args[1] << '\n';
  return Status::Ok();
}

Status Schema(Repl& repl, const std::vector<std::string>& args) {
  VNKG_RETURN_IF_ERROR(NeedArgs(args, 0, 0, ".schema"));
  VNKG_RETURN_IF_ERROR(NeedStore(repl));
  const auto start = std::chrono::steady_clock::now();
  const Store& store = *repl.store();
  std::map<std::string, std::uint64_t> types;
  VNKG_RETURN_IF_ERROR(store.ForEachEntity([&](TermId, const Entity& e) {
    ++types[std::string(EntityTypeName(e.type))];
    return !ReplInterrupted();
  }));
  if (ReplInterrupted()) return Cancelled();
  ResultTable table;
  table.header = {"kind", "name", "count"};
  for (const auto& [type, count] : types) table.rows.push_back({"entity type", type, std::to_string(count)});
  // One POS prefix scan per predicate: counts facts without decoding them.
  for (std::string_view predicate : kPredicates) {
    auto id = store.FindPredicate(std::string(predicate));
    if (!id.ok()) return id.status();
    std::uint64_t count = 0;
    if (id.value()) {
      VNKG_RETURN_IF_ERROR(store.Match(TriplePattern{std::nullopt, *id.value(), std::nullopt}, [&](TermId, TermId, TermId) {
        ++count;
        return !ReplInterrupted();
      }));
      if (ReplInterrupted()) return Cancelled();
    }
    table.rows.push_back({"predicate", std::string(predicate), std::to_string(count)});
  }
  EmitResult(repl, table, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  return Status::Ok();
}

Status OpenDb(Repl& repl, const std::vector<std::string>& args) {
  VNKG_RETURN_IF_ERROR(NeedArgs(args, 1, 1, ".open DIR"));
  VNKG_RETURN_IF_ERROR(repl.Open(args[0]));
  auto stats = repl.store()->Stats();
  if (stats.ok())
    repl.err() << "opened " << args[0] << " (read-only): " << stats->documents << " documents, " << stats->facts
               << " facts, " << stats->entities << " entities\n";
  return Status::Ok();
}

Status Sleep(Repl&, const std::vector<std::string>& args) {
  VNKG_RETURN_IF_ERROR(NeedArgs(args, 1, 1, ".sleep SECONDS"));
  double seconds = 0;
  try {
    seconds = std::stod(args[0]);
  } catch (...) {
    return Status::InvalidArgument(".sleep takes seconds, not '" + args[0] + "'");
  }
  const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (std::chrono::steady_clock::now() < until) {
    if (ReplInterrupted()) return Cancelled();
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return Status::Ok();
}

Status Quit(Repl& repl, const std::vector<std::string>& args) {
  VNKG_RETURN_IF_ERROR(NeedArgs(args, 0, 0, ".quit"));
  repl.RequestQuit();
  return Status::Ok();
}

// Built on first use: .export's arguments come from the list of formats.
std::span<const MetaCommand> MetaCommandTable() {
  static const MetaCommand kMetaCommands[] = {
    {".help", "[COMMAND]", "this list, or one command's", Help},
    {".mode", "table|json|csv|tsv", "how results are written (no argument: the current mode)", Mode},
    {".timer", "on|off", "show how long each statement took", Timer},
    {".maxrows", "N", "show at most N rows of a table (0: all; files and csv/json/tsv get all)", MaxRows},
    {".timeout", "[SECONDS]", "stop a statement running longer than this (default 30; 0: never; Ctrl-C always stops it)",
     Timeout},
    {".output", "[FILE]", "write results to FILE from now on (no FILE: back to the terminal)", Output},
    {".once", "FILE", "write the next result to FILE", Once},
    {".read", "FILE", "run the lines of FILE as if typed; stops at its first error", Read},
    {".export", ExportArguments(), "write the whole graph to FILE (csv: two files, FILE their prefix)", Export},
    {".schema", "", "entity types and predicates with their counts", Schema},
    {".open", "DIR", "open the database in DIR (read-only)", OpenDb},
    {".sleep", "SECONDS", "wait (Ctrl-C cancels it; for trying Ctrl-C and pacing scripts)", Sleep},
    {".quit", "", "leave (so does Ctrl-D)", Quit},
    {".exit", "", "leave", Quit},
  };
  return kMetaCommands;
}

Status Help(Repl& repl, const std::vector<std::string>& args) {
  VNKG_RETURN_IF_ERROR(NeedArgs(args, 0, 1, ".help [COMMAND]"));
  std::ostream& out = repl.out();
  std::vector<std::vector<std::string>> rows;
  const std::string wanted = args.empty() ? "" : AsciiLower(args[0]);
  auto usage = [](std::string_view name, std::string_view arguments) {
    std::string text(name);
    if (!arguments.empty()) text.append(" ").append(arguments);
    return text;
  };
  for (const QueryCommandInfo& c : QueryCommands())
    if (wanted.empty() || wanted == c.name) rows.push_back({usage(c.name, c.usage), std::string(c.help)});
  for (const MetaCommand& m : MetaCommandTable())
    if (wanted.empty() || wanted == m.name || m.name.substr(1) == wanted)
      rows.push_back({usage(m.name, m.arguments), std::string(m.help)});
  if (rows.empty()) return Status::NotFound("no command " + args[0] + "; .help lists them");
  PrintTable(out, {"command", "what it does"}, rows, 90);
  if (wanted.empty()) {
    out << "\nSPARQL: a statement starting with SELECT, ASK, CONSTRUCT, DESCRIBE or PREFIX runs over several lines\n"
           "until one ends with ';'"
        << (ReplAccess::state(repl).options.sparql ? "." : " (not available in this build yet).") << '\n'
        << "Names ignore case and diacritics: Tab completes \"bui\" to \"Bùi Thanh Sơn\". Ctrl-C cancels, Ctrl-D quits.\n";
  }
  return Status::Ok();
}

}  // namespace

std::span<const MetaCommand> MetaCommands() { return MetaCommandTable(); }

}  // namespace vnkg
