// The REPL on a terminal: libedit's readline-compatible API for line editing,
// history and completion; SIGINT for cancelling; script mode when stdin is
// not a terminal.
//
// The loop uses libedit's callback interface (rl_callback_read_char under our
// own select) rather than readline(): readline() keeps reading after a
// SIGINT, so Ctrl-C could not clear the line; with select we see EINTR, drop
// the line and prompt again.
#include <editline/readline.h>
#include <signal.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <clocale>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "repl_internal.h"
#include "vnkg/model/text.h"

namespace vnkg {
namespace {

constexpr const char* kPrompt = "vnkg> ";
constexpr const char* kContinuationPrompt = "   ...> ";
constexpr int kHistoryLength = 2000;

// libedit calls plain C functions: they reach the session through these.
Repl* g_repl = nullptr;
std::optional<std::string> g_line;
bool g_end_of_input = false;
volatile sig_atomic_t g_resized = 0;

extern "C" void OnInterrupt(int) { ReplInterruptFlag().store(true, std::memory_order_relaxed); }
extern "C" void OnResize(int) { g_resized = 1; }

void OnLine(char* line) {
  if (line == nullptr) {
    g_end_of_input = true;
    return;
  }
  g_line = line;
  std::free(line);
}

std::string CommonPrefix(const std::vector<std::string>& items) {
  std::string prefix = items.front();
  for (const auto& item : items) {
    std::size_t n = 0;
    while (n < prefix.size() && n < item.size() && prefix[n] == item[n]) ++n;
    prefix.resize(n);
  }
  // Never end inside a UTF-8 sequence: drop a last character cut short.
  std::size_t last = prefix.size();
  while (last > 0 && (static_cast<unsigned char>(prefix[last - 1]) & 0xC0) == 0x80) --last;
  if (last > 0) {
    const unsigned char lead = static_cast<unsigned char>(prefix[last - 1]);
    const std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    if (prefix.size() - (last - 1) < length) prefix.resize(last - 1);
  }
  return prefix;
}

// How much of a name `text` pins down, diacritics aside ("Bùi " -> 4).
std::size_t LooseLength(const std::string& text) {
  const bool blank_end = !text.empty() && (text.back() == ' ' || text.back() == '"');
  return FoldLoose(text).size() + (blank_end ? 1 : 0);
}

// libedit looks at matches[2] to decide whether a match is single, so the
// array holds two terminating nulls, not GNU readline's one.
char** SingleMatch(const std::string& text) {
  char** matches = static_cast<char**>(std::calloc(3, sizeof(char*)));
  matches[0] = strdup(text.c_str());
  return matches;
}

bool IsDirectory(const std::string& path) {
  struct stat info;
  return ::stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode);
}

// libedit's word is the whole line (no break characters, see RunInteractive),
// so every match replaces the line left of the cursor. That lets a candidate
// replace more than one word ("who bui th" -> "who Bùi Thanh Sơn") and put
// back the diacritics the user left out. Several candidates: extend to their
// common prefix if that adds something; else list them under the prompt.
char** Complete(const char* text, int, int) {
  rl_attempted_completion_over = 1;  // no file-name fallback unless we ask for it
  const std::string line = text;
  Completion completion = g_repl->Complete(line);
  const std::string kept = line.substr(0, completion.replace_from);
  const std::string fragment = line.substr(completion.replace_from);
  if (completion.file_names) {
    for (int state = 0;; ++state) {
      char* name = rl_filename_completion_function(fragment.c_str(), state);
      if (name == nullptr) break;
      completion.candidates.emplace_back(name);
      std::free(name);
    }
  }
  std::vector<std::string>& candidates = completion.candidates;
  if (candidates.empty()) return nullptr;
  if (candidates.size() == 1) {
    const bool directory = completion.file_names && IsDirectory(candidates.front());
    rl_completion_append_character = directory ? '\0' : ' ';
    return SingleMatch(kept + candidates.front() + (directory ? "/" : ""));
  }
  rl_completion_append_character = '\0';
  const std::string common = CommonPrefix(candidates);
  if (LooseLength(common) > LooseLength(fragment)) return SingleMatch(kept + common);
  // Nothing to add: show the choices below the line, then redraw it.
  std::fputc('\n', rl_outstream);
  std::size_t shown = 0;
  for (const auto& candidate : candidates) {
    if (++shown > 40) {
      std::fprintf(rl_outstream, "… and %zu more\n", candidates.size() - 40);
      break;
    }
    std::string shown_name = candidate;  // without the quotes the line needs around it
    if (!shown_name.empty() && shown_name.back() == '"') shown_name.pop_back();
    if (!shown_name.empty() && shown_name.front() == '"') shown_name.erase(0, 1);
    std::fprintf(rl_outstream, "  %s\n", shown_name.c_str());
  }
  std::fflush(rl_outstream);
  rl_forced_update_display();
  return SingleMatch(line);
}

void InstallSignalHandlers() {
  struct sigaction action {};
  action.sa_handler = OnInterrupt;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;  // no SA_RESTART: select must return EINTR so the prompt can react
  sigaction(SIGINT, &action, nullptr);
  action.sa_handler = OnResize;
  sigaction(SIGWINCH, &action, nullptr);
}

void Report(Repl& repl, const Status& status) {
  // The terminal echoed "^C" where the cursor was: start a fresh line.
  if (status.code() == Status::Code::kAborted) repl.err() << '\n' << status.message() << '\n';
  else repl.err() << "error: " << status.message() << '\n';
}

// Runs an rc file's lines as if typed; its errors are reported with their line.
Status RunRcFile(Repl& repl, const std::string& path) {
  if (path.empty()) return Status::Ok();
  std::ifstream file(path);
  if (!file) return Status::Ok();  // no rc file is the common case
  return repl.RunScript(file, path);
}

}  // namespace

std::string DefaultHistoryPath() {
  if (const char* state = std::getenv("XDG_STATE_HOME"); state && *state) return std::string(state) + "/vnkg/history";
  if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.local/state/vnkg/history";
  return "";
}

std::string DefaultRcPath() {
  if (const char* rc = std::getenv("VNKG_RC"); rc && *rc) return rc;
  if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.vnkgrc";
  return "";
}

int RunInteractive(Repl& repl, const std::string& history_path) {
  g_repl = &repl;
  // libedit edits wide characters, converting with the C library's locale:
  // under the default "C" locale every Vietnamese letter would be lost.
  if (!std::setlocale(LC_CTYPE, "") || MB_CUR_MAX == 1) std::setlocale(LC_CTYPE, "C.UTF-8");
  rl_readline_name = "vnkg";
  rl_catch_signals = 0;  // ours: libedit's handler re-raises SIGINT and would end the process
  rl_attempted_completion_function = Complete;
  rl_basic_word_break_characters = "\n";  // the whole line is the "word"; see Complete
  rl_completer_quote_characters = "";
  using_history();
  stifle_history(kHistoryLength);
  if (!history_path.empty()) {
    std::error_code ignored;
    std::filesystem::create_directories(std::filesystem::path(history_path).parent_path(), ignored);
    read_history(history_path.c_str());  // a missing file is a first session
  }
  InstallSignalHandlers();

  auto prompt = [&] { return repl.continuing() ? kContinuationPrompt : kPrompt; };
  rl_callback_handler_install(prompt(), OnLine);
  while (!repl.quit_requested() && !g_end_of_input) {
    fd_set readable;
    FD_ZERO(&readable);
    FD_SET(STDIN_FILENO, &readable);
    const int ready = select(STDIN_FILENO + 1, &readable, nullptr, nullptr, nullptr);
    if (ready < 0) {
      if (errno != EINTR) break;
      if (g_resized) {
        g_resized = 0;
        rl_resize_terminal();
      }
      if (ReplInterrupted()) {  // Ctrl-C at the prompt: drop the line (and any unfinished statement)
        ReplInterruptFlag().store(false);
        repl.DiscardPending();
        rl_callback_handler_remove();
        std::fputs("^C\n", rl_outstream);
        std::fflush(rl_outstream);
        rl_callback_handler_install(prompt(), OnLine);
      }
      continue;
    }
    rl_callback_read_char();
    if (!g_line) continue;
    const std::string line = std::move(*g_line);
    g_line.reset();
    rl_callback_handler_remove();  // the terminal back in normal mode while the statement runs
    if (line.find_first_not_of(" \t") != std::string::npos) {
      const HIST_ENTRY* last = history_length > 0 ? history_get(history_base + history_length - 1) : nullptr;
      if (last == nullptr || line != last->line) add_history(line.c_str());
      // Written after every line so that a killed terminal keeps its history.
      if (!history_path.empty()) write_history(history_path.c_str());
    }
    Status status = repl.ExecuteLine(line);
    std::cout.flush();
    if (!status.ok()) Report(repl, status);
    ReplInterruptFlag().store(false);
    if (!repl.quit_requested()) rl_callback_handler_install(prompt(), OnLine);
  }
  if (g_end_of_input) {
    rl_callback_handler_remove();
    std::fputc('\n', rl_outstream);  // Ctrl-D leaves the cursor after the prompt
  }
  if (!history_path.empty()) write_history(history_path.c_str());
  g_repl = nullptr;
  return 0;
}

int RunReplSession(const ReplSessionOptions& options) {
  const bool terminal = isatty(STDIN_FILENO);
  ReplOptions repl_options;
  repl_options.out = &std::cout;
  repl_options.err = &std::cerr;
  repl_options.interactive = terminal;
  Repl repl(std::move(repl_options));
  repl.set_timeout(options.timeout);

  Status opened = options.db.empty() ? Status::Ok() : repl.Open(options.db);
  if (!terminal) {
    // A script: no prompt, no editing; the first error ends it, named by line.
    if (!opened.ok()) {
      std::cerr << "vnkg: " << opened.message() << '\n';
      return 1;
    }
    Status status = RunRcFile(repl, options.rc_path);
    if (status.ok() && !repl.quit_requested()) status = repl.RunScript(std::cin, "<stdin>");
    std::cout.flush();
    if (!status.ok()) {
      std::cerr << "vnkg: " << status.message() << '\n';
      return 1;
    }
    return 0;
  }

  if (opened.ok() && repl.store()) {
    auto stats = repl.store()->Stats();
    std::cerr << "vnkg repl on " << options.db;
    if (stats.ok()) std::cerr << ": " << stats->documents << " documents, " << stats->facts << " facts, " << stats->entities << " entities";
    std::cerr << "\n";
  } else if (!opened.ok()) {
    std::cerr << "vnkg: " << opened.message() << "\n(.open DIR opens another database)\n";
  }
  std::cerr << "Type .help for the commands; Tab completes names (bui -> Bùi); Ctrl-C cancels; Ctrl-D quits.\n";
  if (Status rc = RunRcFile(repl, options.rc_path); !rc.ok()) Report(repl, rc);
  if (repl.quit_requested()) return 0;
  return RunInteractive(repl, options.history_path);
}

}  // namespace vnkg
