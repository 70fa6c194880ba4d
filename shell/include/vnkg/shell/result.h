// A result as rows under a header, and the ways to write one: the shape every
// question's presenter (presenters.h) and SPARQL in the REPL produce, so that
// every .mode works for all of them.
#pragma once

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace vnkg {

enum class OutputMode { kTable, kJson, kCsv, kTsv };
std::optional<OutputMode> ParseOutputMode(std::string_view name);  // "table", "json", "csv", "tsv"
std::string_view OutputModeName(OutputMode mode);

struct ResultTable {
  std::string title;  // a line above the table in table mode ("Bùi Thanh Sơn (Person)"); may be empty
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;  // each as wide as header
};

// Writes `table` in `mode`: kTable aligns columns by display width (cells cut
// to `max_cell_width` with "…") and shows at most `max_rows` rows (0: all),
// saying how many it left out; kJson writes an array of objects keyed by the
// header; kCsv quotes as RFC 4180; kTsv escapes tabs and newlines as \t, \n.
// Only kTable is cut: the other modes are for programs and files.
void WriteResult(std::ostream& out, const ResultTable& table, OutputMode mode, std::size_t max_rows,
                 std::size_t max_cell_width = 60);

}  // namespace vnkg
