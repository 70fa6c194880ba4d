#include "vnkg/model/table.h"

#include <algorithm>

namespace vnkg {
namespace {

// Decodes the code point at s[i] (s is valid UTF-8) and advances i.
char32_t NextCodePoint(std::string_view s, std::size_t& i) {
  const unsigned char c = s[i];
  std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  if (i + len > s.size()) len = s.size() - i;
  char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += len;
  return cp;
}

bool IsCombining(char32_t cp) { return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF); }

bool IsWide(char32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0x1F300 && cp <= 0x1FAFF);
}

std::size_t Columns(char32_t cp) { return IsCombining(cp) ? 0 : IsWide(cp) ? 2 : 1; }

}  // namespace

std::size_t DisplayWidth(std::string_view utf8) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < utf8.size();) width += Columns(NextCodePoint(utf8, i));
  return width;
}

std::string TruncateToWidth(std::string_view utf8, std::size_t width) {
  if (DisplayWidth(utf8) <= width) return std::string(utf8);
  if (width == 0) return "";
  std::size_t used = 0, i = 0, cut = 0;
  while (i < utf8.size()) {
    std::size_t next = i;
    const std::size_t w = Columns(NextCodePoint(utf8, next));
    if (used + w > width - 1) break;
    used += w;
    i = next;
    cut = i;
  }
  return std::string(utf8.substr(0, cut)) + "…";
}

void PrintTable(std::ostream& out, const std::vector<std::string>& header,
                const std::vector<std::vector<std::string>>& rows, std::size_t max_cell_width) {
  std::vector<std::size_t> widths(header.size(), 0);
  auto cell = [&](const std::vector<std::string>& row, std::size_t c) {
    return c < row.size() ? TruncateToWidth(row[c], max_cell_width) : std::string();
  };
  for (std::size_t c = 0; c < header.size(); ++c) widths[c] = DisplayWidth(header[c]);
  for (const auto& row : rows)
    for (std::size_t c = 0; c < header.size(); ++c) widths[c] = std::max(widths[c], DisplayWidth(cell(row, c)));
  auto print_row = [&](const std::vector<std::string>& cells) {
    std::string line;
    for (std::size_t c = 0; c < header.size(); ++c) {
      const std::string text = cell(cells, c);
      line += text;
      if (c + 1 < header.size()) line += std::string(widths[c] - DisplayWidth(text) + 2, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << '\n';
  };
  print_row(header);
  std::vector<std::string> rule;
  for (std::size_t w : widths) rule.push_back(std::string(w, '-'));
  print_row(rule);
  for (const auto& row : rows) print_row(row);
}

}  // namespace vnkg
