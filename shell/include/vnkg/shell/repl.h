// An interactive shell over a read-only fact store: the everyday questions as
// commands (bridges, who, path, neighbors, events, top), SPARQL over several
// lines ended by ';', meta commands (.help, .mode, .timer, ...), results as
// aligned tables, JSON, CSV or TSV.
//
// Repl is the engine: it takes lines and writes results, knows nothing about
// terminals, and is what tests drive. RunInteractive adds the terminal: line
// editing, persistent history and Tab completion (libedit), and Ctrl-C.
// RunReplSession picks between the two the way a shell does: a terminal on
// stdin gets the prompt, anything else is run as a script.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <istream>
#include <memory>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "vnkg/deadline.h"
#include "vnkg/shell/result.h"
#include "vnkg/status.h"
#include "vnkg/store/store.h"

namespace vnkg {

// ------------------------------------------------------------ cancellation
// Set by the SIGINT handler RunInteractive installs and polled by the REPL's
// long loops (graph loading, scans, searches, SPARQL, .sleep), which then stop
// with Status::Code::kAborted. Process-wide because a signal handler can reach
// nothing else: it is vnkg::InterruptFlag() (deadline.h), which each
// statement's Deadline watches. RunInteractive clears it once a statement has
// finished (or been cancelled); RunScript stops between lines when it is set.
std::atomic<bool>& ReplInterruptFlag();
inline bool ReplInterrupted() { return ReplInterruptFlag().load(std::memory_order_relaxed); }

// ------------------------------------------------------------ words
// Splits a command line into words: blanks separate, "double" or 'single'
// quotes group (a name with spaces is one word), a backslash escapes the next
// character outside single quotes. An unterminated quote is kInvalidArgument.
Result<std::vector<std::string>> SplitCommandWords(std::string_view line);

// What Tab should offer: the candidates replace the line's bytes from
// `replace_from` to the cursor.
struct Completion {
  std::size_t replace_from = 0;
  std::vector<std::string> candidates;
  bool file_names = false;  // the word is a path: let the terminal complete file names
};

// ------------------------------------------------------------ the engine
class Repl;

// A meta command: one row of the table that .help is generated from.
struct MetaCommand {
  std::string_view name;       // ".mode"
  std::string_view arguments;  // "table|json|csv|tsv"; a|b|c lists the choices Tab offers
  std::string_view help;
  Status (*handler)(Repl& repl, const std::vector<std::string>& args);
};
std::span<const MetaCommand> MetaCommands();

// A question command (bridges, who, ...): the table `.help` lists them from.
struct QueryCommandInfo {
  std::string_view name;
  std::string_view usage;  // "[--province P] [--date D]"
  std::string_view help;
};
std::span<const QueryCommandInfo> QueryCommands();

// Answers one SPARQL query (the text up to, without, its ';'). Implementations
// should stop when `deadline` says so (it carries .timeout and Ctrl-C) and
// return its Deadline::Stop status, as the default engine does.
using SparqlRunner = std::function<Result<ResultTable>(const std::string& query, const Deadline& deadline)>;
// Makes the runner for one store. The REPL calls it on the first SPARQL
// statement after each Open and keeps the runner until the next Open, so an
// engine may index the store once; the store outlives the runner.
using SparqlEngineFactory = std::function<Result<SparqlRunner>(const Store& store)>;
// The SPARQL engine of this build, or an empty function when there is none
// yet (then the REPL says that SPARQL is not available). See repl_sparql.cc.
SparqlEngineFactory DefaultSparqlEngine();

struct ReplOptions {
  std::ostream* out = nullptr;  // results; required
  std::ostream* err = nullptr;  // errors, notes and footers; required
  SparqlEngineFactory sparql = DefaultSparqlEngine();
  // Row counts (and, with .timer on, timings) go to `err`, and only in table
  // mode, with .timer on, or when this is true (a terminal): a script writing
  // CSV gets clean output on both streams.
  bool interactive = false;
};

class Repl {
 public:
  explicit Repl(ReplOptions options);
  ~Repl();
  Repl(const Repl&) = delete;
  Repl& operator=(const Repl&) = delete;

  // Opens `dir` read-only (closing any database open before) and indexes its
  // entity names for completion. A read-only handle sees the database as it
  // was when opened: .open it again to see a later ingest.
  Status Open(const std::string& dir);
  const Store* store() const;
  const std::string& db_path() const;

  // Runs one line of input. A line that starts a SPARQL query (SELECT, ASK,
  // PREFIX, ...) opens a statement that collects lines until one ends with
  // ';'; meanwhile continuing() is true and nothing runs. Errors are returned,
  // not printed: the caller decides whether they end the session.
  Status ExecuteLine(std::string_view line);
  bool continuing() const;
  // Forgets a half-typed statement (Ctrl-C at the continuation prompt).
  void DiscardPending();
  bool quit_requested() const;

  // Runs `in` line by line as typed, stopping at the first error, which comes
  // back as "ORIGIN:LINE: message". An unfinished statement at the end is an
  // error too.
  Status RunScript(std::istream& in, const std::string& origin);

  // Tab completion for the text left of the cursor: commands, meta commands
  // and their choices, options, predicates and entity names.
  Completion Complete(std::string_view line_before_cursor) const;

  // Settings, used by the meta commands and available to embedders.
  void set_mode(OutputMode mode);
  OutputMode mode() const;
  void set_timer(bool on);
  bool timer() const;
  void set_max_rows(std::size_t n);  // 0: all
  std::size_t max_rows() const;
  // Each statement (question or SPARQL query, graph loading included) stops
  // with kDeadlineExceeded after this many seconds; 0: no limit. Ctrl-C
  // stops it whatever the limit. Default kDefaultTimeoutSeconds.
  void set_timeout(double seconds);
  double timeout() const;
  // The deadline of a statement starting now: the timeout and Ctrl-C.
  Deadline StatementDeadline() const;
  // Results go to `path` (empty: back to the default output); once: for the
  // next result only.
  Status RedirectOutput(const std::string& path, bool once);
  void RequestQuit();
  std::ostream& out();  // where the next result goes
  std::ostream& err();

  struct State;  // opaque: defined and used by the REPL's own source files

 private:
  std::unique_ptr<State> state_;
  friend struct ReplAccess;
};

// ------------------------------------------------------------ sessions
// $XDG_STATE_HOME/vnkg/history, else ~/.local/state/vnkg/history; empty when
// neither variable is set.
std::string DefaultHistoryPath();
// $VNKG_RC, else ~/.vnkgrc; empty when neither variable is set.
std::string DefaultRcPath();

// The terminal loop: prompt ("vnkg> ", "   ...> " inside a statement), line
// editing, history read from and written to `history_path` (its directory is
// created; empty: no history), Tab completion, Ctrl-C (cancels a running
// statement; at the prompt clears the line), Ctrl-D or .quit ends. Errors are
// printed and the loop goes on. Returns the exit status: 0.
int RunInteractive(Repl& repl, const std::string& history_path);

struct ReplSessionOptions {
  std::string db;            // opened read-only at start
  std::string rc_path = DefaultRcPath();            // run first if it exists
  std::string history_path = DefaultHistoryPath();  // interactive only
  double timeout = kDefaultTimeoutSeconds;          // Repl::set_timeout before the rc file runs
};

// A whole `vnkg repl`: on a terminal, RunInteractive on std::cin/cout (an
// unopenable database is reported and .open can fix it); otherwise std::cin
// runs as a script: no prompt, no editing, and the first error (named with
// its line) ends it with status 1.
int RunReplSession(const ReplSessionOptions& options);

}  // namespace vnkg
