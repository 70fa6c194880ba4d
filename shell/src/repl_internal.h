// The REPL's state, shared by its source files (engine, questions, meta
// commands, completion, terminal). Not a public header.
#pragma once

#include <chrono>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "vnkg/graph/graph.h"
#include "vnkg/query/questions.h"
#include "vnkg/shell/repl.h"

namespace vnkg {

struct Repl::State {
  ReplOptions options;
  std::unique_ptr<Store> store;
  std::string db_path;
  NameResolver names;  // entity names, for completion
  std::optional<KnowledgeGraph> graph;  // loaded on first use, dropped by .open
  SparqlRunner sparql;                  // made on first use, dropped by .open

  OutputMode mode = OutputMode::kTable;
  bool timer = false;
  std::size_t max_rows = 50;
  double timeout = kDefaultTimeoutSeconds;  // per statement; 0: none
  std::ofstream redirect;  // open while .output/.once sends results to a file
  bool redirect_once = false;
  bool quit = false;
  int read_depth = 0;  // nesting of .read, bounded so a file reading itself stops

  std::vector<std::string> pending;  // lines of an unfinished SPARQL statement
};

// What the other source files of the REPL may touch inside a Repl.
struct ReplAccess {
  static Repl::State& state(Repl& repl) { return *repl.state_; }
  static const Repl::State& state(const Repl& repl) { return *repl.state_; }
};

// A question command by name ("bridges", "who", ...) with its arguments,
// stopping at `deadline` (the statement's .timeout and Ctrl-C).
// kNotFound when `name` is no question command. (repl_questions.cc)
Result<ResultTable> RunQuestion(Repl::State& state, const std::string& name, const std::vector<std::string>& args,
                                const Deadline& deadline);
// The options each question command takes, for completion and messages.
std::vector<std::string> QuestionOptions(std::string_view command);

// The graph of the open store, loaded once and kept; Ctrl-C or the
// statement's deadline while loading gives its error and keeps nothing.
Result<const KnowledgeGraph*> LoadGraph(Repl::State& state, const Deadline& deadline);

// Writes a result in the current mode with its footer ("3 rows", the time
// with .timer on), then ends a .once redirection.
void EmitResult(Repl& repl, const ResultTable& table, double millis);

// "cancelled" as a Status, for the loops that poll ReplInterrupted().
inline Status Cancelled() { return Status::Aborted("cancelled (Ctrl-C)"); }

// The loose key of a word for case-insensitive command lookups.
std::string AsciiLower(std::string_view s);
// Words that open a SPARQL statement.
bool StartsSparql(std::string_view first_word);

}  // namespace vnkg
