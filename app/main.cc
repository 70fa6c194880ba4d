// The vnkg command: wires the modules to the command line. Every capability
// lives in a module (model, extract, store, ingest, graph, query, shell; see
// docs/architecture.md); this file parses options, opens what a subcommand
// needs and prints.
//
// Exit status: 0 all good; 1 an error stopped the command; 2 bad usage;
// 3 the command finished but skipped some input (each skip was reported).
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <thread>

#include "commands.h"
#include "repl_command.h"

int main(int argc, char** argv) {
  CLI::App app{"vnkg: a knowledge graph of Vietnamese government news.\n"
               "Reads articles, extracts officials, offices, events and bridge points,\n"
               "and answers questions about them.",
               "vnkg"};
  // `vnkg` alone on a terminal opens the REPL on the default database.
  if (argc == 1 && isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) return vnkg::app::RunRepl("");
  app.require_subcommand(1);
  app.footer("Example:\n  vnkg ingest examples/articles && vnkg bridges --province \"Hà Tĩnh\"\n"
             "The database is at $VNKG_DB, else $XDG_DATA_HOME/vnkg/db, else ~/.local/share/vnkg/db;\n"
             "every subcommand takes --db DIR.");
  vnkg::app::RegisterCommands(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  return vnkg::app::ExitCode();
}
