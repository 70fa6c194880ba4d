#include "repl_command.h"

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>

#include "vnkg/shell/repl.h"
#include "vnkg/store/store.h"

namespace vnkg::app {

namespace {

int RunRepl(const std::string& db, double timeout) {
  ReplSessionOptions options;
  options.db = db.empty() ? DefaultDatabasePath() : db;
  options.timeout = timeout;
  return RunReplSession(options);
}

}  // namespace

int RunRepl(const std::string& db) { return RunRepl(db, kDefaultTimeoutSeconds); }

void RegisterReplCommand(CLI::App& app) {
  auto db = std::make_shared<std::string>();
  auto timeout = std::make_shared<double>(kDefaultTimeoutSeconds);
  CLI::App* repl = app.add_subcommand("repl", "An interactive shell: questions, SPARQL, tables, completion, history");
  repl->add_option("--db", *db, "database directory, opened read-only (default: " + DefaultDatabasePath() + ")");
  repl->add_option("--timeout", *timeout, "stop a statement after this many seconds (0: no limit; .timeout changes it)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  repl->footer(
      "Example:\n  vnkg repl --db /tmp/news.db\n  vnkg> who bui<Tab>        completes to Bùi Thanh Sơn\n"
      "  vnkg> .help\n"
      "Not on a terminal, stdin runs as a script and the first error ends it (status 1):\n"
      "  printf '.mode csv\\nbridges --province \"ha tinh\"\\n' | vnkg repl\n"
      "Reads ~/.vnkgrc (or $VNKG_RC) first; history in $XDG_STATE_HOME/vnkg/history.\n"
      "Ctrl-C stops the running statement and keeps the session.");
  repl->callback([db, timeout] {
    const int status = RunRepl(*db, *timeout);
    if (status != 0) {
      std::cout.flush();
      std::cerr.flush();
      std::exit(status);
    }
  });
}

}  // namespace vnkg::app
