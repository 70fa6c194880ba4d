// Results as text: an aligned table for people; JSON, CSV and TSV for programs.
#include "vnkg/shell/result.h"

#include <nlohmann/json.hpp>

#include "repl_internal.h"
#include "vnkg/model/table.h"

namespace vnkg {

std::optional<OutputMode> ParseOutputMode(std::string_view name) {
  const std::string n = AsciiLower(name);
  if (n == "table") return OutputMode::kTable;
  if (n == "json") return OutputMode::kJson;
  if (n == "csv") return OutputMode::kCsv;
  if (n == "tsv") return OutputMode::kTsv;
  return std::nullopt;
}

std::string_view OutputModeName(OutputMode mode) {
  switch (mode) {
    case OutputMode::kTable: return "table";
    case OutputMode::kJson: return "json";
    case OutputMode::kCsv: return "csv";
    case OutputMode::kTsv: return "tsv";
  }
  return "table";
}

namespace {

std::string CsvCell(const std::string& cell) {
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string out = "\"";
  for (char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

std::string TsvCell(const std::string& cell) {
  std::string out;
  for (char c : cell) {
    if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\\') out += "\\\\";
    else out += c;
  }
  return out;
}

}  // namespace

void WriteResult(std::ostream& out, const ResultTable& table, OutputMode mode, std::size_t max_rows,
                 std::size_t max_cell_width) {
  switch (mode) {
    case OutputMode::kTable: {
      if (!table.title.empty()) out << table.title << '\n';
      if (max_rows == 0 || table.rows.size() <= max_rows) {
        PrintTable(out, table.header, table.rows, max_cell_width);
      } else {
        const std::vector<std::vector<std::string>> shown(table.rows.begin(), table.rows.begin() + max_rows);
        PrintTable(out, table.header, shown, max_cell_width);
        out << "… " << table.rows.size() - max_rows << " more rows (.maxrows 0 shows all)\n";
      }
      break;
    }
    case OutputMode::kJson: {
      // An array of objects; ordered_json keeps the header's column order.
      out << "[";
      for (std::size_t r = 0; r < table.rows.size(); ++r) {
        nlohmann::ordered_json object = nlohmann::ordered_json::object();
        for (std::size_t c = 0; c < table.header.size() && c < table.rows[r].size(); ++c)
          object[table.header[c]] = table.rows[r][c];
        out << (r ? ",\n " : "") << object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      }
      out << "]\n";
      break;
    }
    case OutputMode::kCsv:
    case OutputMode::kTsv: {
      const bool csv = mode == OutputMode::kCsv;
      auto line = [&](const std::vector<std::string>& cells) {
        for (std::size_t c = 0; c < cells.size(); ++c)
          out << (c ? (csv ? "," : "\t") : "") << (csv ? CsvCell(cells[c]) : TsvCell(cells[c]));
        out << (csv ? "\r\n" : "\n");
      };
      line(table.header);
      for (const auto& row : table.rows) line(row);
      break;
    }
  }
}

}  // namespace vnkg
