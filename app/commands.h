// The subcommands of `vnkg`, registered on a CLI11 app.
#pragma once

#include <CLI/CLI.hpp>

namespace vnkg::app {

inline constexpr int kExitOk = 0;
inline constexpr int kExitError = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitSkipped = 3;

// Adds every subcommand to `app`; each runs from its own parse callback.
void RegisterCommands(CLI::App& app);

// who, path, neighbors, events, top (question_commands.cc); each sets `exit_code`.
void RegisterQuestionCommands(CLI::App& app, int& exit_code);

// `vnkg serve` (serve_command.cc).
void RegisterServeCommand(CLI::App& app);

// The exit status the subcommand that ran asked for.
int ExitCode();

}  // namespace vnkg::app
