// `vnkg query`: SPARQL over the graph (query/sparql.h) as a subcommand.
#pragma once

#include <CLI/CLI.hpp>

namespace vnkg::app {

// Adds `vnkg query [--db DIR] (--file Q | QUERY) [--format table|tsv|json|csv]
// [--max-rows N]`. Errors print as `vnkg: <message>` on stderr and end the
// process with status 1 once the store is closed (subcommand callbacks have
// no other way to return a status here).
void RegisterQueryCommand(CLI::App& app);

}  // namespace vnkg::app
