#include "repl_command.h"

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>

#include "vnkg/query/repl.h"
#include "vnkg/store/store.h"

namespace vnkg::app {

int RunRepl(const std::string& db) {
  ReplSessionOptions options;
  options.db = db.empty() ? DefaultDatabasePath() : db;
  return RunReplSession(options);
}

void RegisterReplCommand(CLI::App& app) {
  auto db = std::make_shared<std::string>();
  CLI::App* repl = app.add_subcommand("repl", "An interactive shell: questions, SPARQL, tables, completion, history");
  repl->add_option("--db", *db, "database directory, opened read-only (default: " + DefaultDatabasePath() + ")");
  repl->footer(
      "Example:\n  vnkg repl --db /tmp/news.db\n  vnkg> who bui<Tab>        completes to Bùi Thanh Sơn\n"
      "  vnkg> .help\n"
      "Not on a terminal, stdin runs as a script and the first error ends it (status 1):\n"
      "  printf '.mode csv\\nbridges --province \"ha tinh\"\\n' | vnkg repl\n"
      "Reads ~/.vnkgrc (or $VNKG_RC) first; history in $XDG_STATE_HOME/vnkg/history.");
  repl->callback([db] {
    const int status = RunRepl(*db);
    if (status != 0) {
      std::cout.flush();
      std::cerr.flush();
      std::exit(status);
    }
  });
}

}  // namespace vnkg::app
