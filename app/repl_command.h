// `vnkg repl`: the interactive shell (query/repl.h) as a subcommand.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace vnkg::app {

// Adds `vnkg repl [--db DIR]`. The REPL's exit status (1 when a script on
// stdin failed) is passed to std::exit once the session has closed its store,
// because the subcommand callbacks have no other way to return one here.
void RegisterReplCommand(CLI::App& app);

// Runs the REPL on `db` (empty: the default database) and returns the exit
// status; for `vnkg` without arguments on a terminal.
int RunRepl(const std::string& db);

}  // namespace vnkg::app
