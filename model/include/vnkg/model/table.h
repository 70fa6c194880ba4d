// Aligned text tables for terminals: columns padded by display width (a
// Vietnamese letter with its marks is one column), long cells cut with "…".
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace vnkg {

// Columns a UTF-8 string takes on a terminal (combining marks take none).
std::size_t DisplayWidth(std::string_view utf8);

// Cuts `utf8` to at most `width` columns, ending in "…" when cut.
std::string TruncateToWidth(std::string_view utf8, std::size_t width);

// Writes `rows` under `header`, columns separated by two spaces, each cell cut
// to `max_cell_width` columns.
void PrintTable(std::ostream& out, const std::vector<std::string>& header,
                const std::vector<std::vector<std::string>>& rows, std::size_t max_cell_width = 60);

}  // namespace vnkg
