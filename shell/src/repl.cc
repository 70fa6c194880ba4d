// The REPL engine: lines in, results out. No terminal here (repl_terminal.cc).
#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <sstream>

#include "repl_internal.h"
#include "vnkg/model/table.h"

namespace vnkg {

std::atomic<bool>& ReplInterruptFlag() { return InterruptFlag(); }

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool StartsSparql(std::string_view first_word) {
  static constexpr std::string_view kOpeners[] = {"select", "ask", "construct", "describe", "prefix", "base"};
  const std::string word = AsciiLower(first_word);
  return std::find(std::begin(kOpeners), std::end(kOpeners), word) != std::end(kOpeners);
}

Result<std::vector<std::string>> SplitCommandWords(std::string_view line) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  char quote = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quote) {
      if (c == quote) {
        quote = 0;
      } else if (c == '\\' && quote == '"' && i + 1 < line.size()) {
        word += line[++i];
      } else {
        word += c;
      }
    } else if (c == '"' || c == '\'') {
      quote = c;
      in_word = true;
    } else if (c == '\\' && i + 1 < line.size()) {
      word += line[++i];
      in_word = true;
    } else if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      if (in_word) words.push_back(std::move(word));
      word.clear();
      in_word = false;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (quote) return Status::InvalidArgument(std::string("unterminated ") + quote + " quote");
  if (in_word) words.push_back(std::move(word));
  return words;
}

// ---------------------------------------------------------------- Repl

Repl::Repl(ReplOptions options) : state_(std::make_unique<State>()) {
  state_->options = std::move(options);
}

Repl::~Repl() = default;

Status Repl::Open(const std::string& dir) {
  auto store = Store::Open(dir, Store::Mode::kReadOnly);
  if (!store.ok()) return store.status();
  // The one name index (query/questions.h); Ctrl-C stops its scans.
  auto names = NameResolver::Load(*store.value(), Deadline().CancelledBy(&ReplInterruptFlag()));
  if (ReplInterrupted()) return Cancelled();
  if (!names.ok()) return names.status();
  // What was made from the old store goes before it: the SPARQL engine may
  // pin parts of its files (Store::ReadDerived).
  state_->graph.reset();
  state_->sparql = nullptr;
  state_->store = std::move(store.value());
  state_->db_path = dir;
  state_->names = std::move(names).value();
  return Status::Ok();
}

const Store* Repl::store() const { return state_->store.get(); }
const std::string& Repl::db_path() const { return state_->db_path; }
bool Repl::continuing() const { return !state_->pending.empty(); }
void Repl::DiscardPending() { state_->pending.clear(); }
bool Repl::quit_requested() const { return state_->quit; }
void Repl::RequestQuit() { state_->quit = true; }
void Repl::set_mode(OutputMode mode) { state_->mode = mode; }
OutputMode Repl::mode() const { return state_->mode; }
void Repl::set_timer(bool on) { state_->timer = on; }
bool Repl::timer() const { return state_->timer; }
void Repl::set_max_rows(std::size_t n) { state_->max_rows = n; }
std::size_t Repl::max_rows() const { return state_->max_rows; }
void Repl::set_timeout(double seconds) { state_->timeout = seconds > 0 ? seconds : 0; }
double Repl::timeout() const { return state_->timeout; }
Deadline Repl::StatementDeadline() const {
  return Deadline::Seconds(state_->timeout).CancelledBy(&ReplInterruptFlag()).SettingName(".timeout");
}
std::ostream& Repl::err() { return *state_->options.err; }
std::ostream& Repl::out() {
  return state_->redirect.is_open() ? static_cast<std::ostream&>(state_->redirect) : *state_->options.out;
}

Status Repl::RedirectOutput(const std::string& path, bool once) {
  if (state_->redirect.is_open()) state_->redirect.close();
  state_->redirect.clear();
  state_->redirect_once = false;
  if (path.empty()) return Status::Ok();
  state_->redirect.open(path, std::ios::binary | std::ios::trunc);
  if (!state_->redirect) return Status::IoError("cannot write " + path);
  state_->redirect_once = once;
  return Status::Ok();
}

namespace {

std::string Trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return "";
  const auto last = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(first, last - first + 1));
}

std::string FormatMillis(double ms) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, ms < 10 ? "%.2f ms" : ms < 1000 ? "%.1f ms" : "%.0f ms", ms);
  if (ms >= 1000) std::snprintf(buffer, sizeof buffer, "%.2f s", ms / 1000);
  return buffer;
}

// The same error, its message prefixed with where it happened.
Status WithPlace(const Status& status, const std::string& place) {
  const std::string message = place + status.message();
  switch (status.code()) {
    case Status::Code::kOk: return status;
    case Status::Code::kInvalidArgument: return Status::InvalidArgument(message);
    case Status::Code::kNotFound: return Status::NotFound(message);
    case Status::Code::kIoError: return Status::IoError(message);
    case Status::Code::kCorruption: return Status::Corruption(message);
    case Status::Code::kVersionMismatch: return Status::VersionMismatch(message);
    case Status::Code::kBusy: return Status::Busy(message);
    case Status::Code::kUnsupported: return Status::Unsupported(message);
    case Status::Code::kAborted: return Status::Aborted(message);
    case Status::Code::kDeadlineExceeded: return Status::DeadlineExceeded(message);
  }
  return Status::InvalidArgument(message);
}

}  // namespace

// Writes a result and its footer ("3 rows", the time with .timer on), then
// ends a .once redirection.
void EmitResult(Repl& repl, const ResultTable& table, double millis) {
  Repl::State& s = ReplAccess::state(repl);
  std::ostream& out = repl.out();
  WriteResult(out, table, s.mode, s.max_rows);
  out.flush();
  if (s.mode == OutputMode::kTable || s.options.interactive || s.timer) {
    std::string footer = table.rows.empty() ? "no rows" : std::to_string(table.rows.size()) + (table.rows.size() == 1 ? " row" : " rows");
    if (s.timer) footer += " (" + FormatMillis(millis) + ")";
    repl.err() << footer << '\n';
  }
  if (s.redirect_once) (void)repl.RedirectOutput("", false);
}

Status Repl::ExecuteLine(std::string_view raw_line) {
  State& s = *state_;
  const std::string line = Trim(raw_line);

  // Inside a SPARQL statement every line belongs to it until one ends with ';'.
  if (!s.pending.empty() || (!line.empty() && line[0] != '.' && [&] {
        const auto end = line.find_first_of(" \t");
        return StartsSparql(line.substr(0, end));
      }())) {
    s.pending.push_back(std::string(raw_line));
    if (line.empty() || line.back() != ';') return Status::Ok();
    std::string query;
    for (const auto& part : s.pending) query += part + '\n';
    s.pending.clear();
    query.erase(query.find_last_of(';'));
    if (!s.store) return Status::InvalidArgument("no database is open; .open DIR opens one");
    if (!s.options.sparql)
      return Status::Unsupported("SPARQL is not available in this build yet; the questions are: " + [] {
        std::string names;
        for (const auto& c : QueryCommands()) names += (names.empty() ? "" : ", ") + std::string(c.name);
        return names;
      }());
    const auto start = std::chrono::steady_clock::now();
    const Deadline deadline = StatementDeadline();
    if (!s.sparql) {
      auto runner = s.options.sparql(*s.store);
      if (!runner.ok()) return runner.status();
      s.sparql = std::move(runner.value());
    }
    auto table = s.sparql(query, deadline);
    if (!table.ok()) return table.status();
    EmitResult(*this, table.value(), std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    return Status::Ok();
  }

  if (line.empty() || line[0] == '#') return Status::Ok();  // blank lines and comments (rc files)

  auto words = SplitCommandWords(line);
  if (!words.ok()) return words.status();
  if (words->empty()) return Status::Ok();
  const std::string name = AsciiLower(words->front());
  const std::vector<std::string> args(words->begin() + 1, words->end());

  if (name[0] == '.') {
    for (const MetaCommand& meta : MetaCommands())
      if (meta.name == name) return meta.handler(*this, args);
    return Status::InvalidArgument("unknown command " + words->front() + "; .help lists them");
  }

  const auto start = std::chrono::steady_clock::now();
  auto table = RunQuestion(s, name, args, StatementDeadline());
  if (!table.ok()) return table.status();
  EmitResult(*this, table.value(), std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  return Status::Ok();
}

Status Repl::RunScript(std::istream& in, const std::string& origin) {
  std::string line;
  std::size_t number = 0, statement_start = 0;
  while (!state_->quit && std::getline(in, line)) {
    ++number;
    if (ReplInterrupted()) return Cancelled();  // Ctrl-C between two lines of a .read file
    if (!continuing()) statement_start = number;
    Status status = ExecuteLine(line);
    if (!status.ok()) {
      DiscardPending();
      const std::string where = statement_start == number ? std::to_string(number)
                                                          : std::to_string(statement_start) + "-" + std::to_string(number);
      return WithPlace(status, origin + ":" + where + ": ");
    }
  }
  if (continuing()) {
    DiscardPending();
    return Status::InvalidArgument(origin + ":" + std::to_string(statement_start) +
                                   ": the statement starting here never ends with ';'");
  }
  return Status::Ok();
}

}  // namespace vnkg
