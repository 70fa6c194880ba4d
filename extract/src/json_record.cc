#include "json_record.h"

#include <cstdint>
#include <cstring>

namespace vnkg {
namespace {

bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Four hex digits at line[i..i+4), or -1.
long Hex4(std::string_view line, std::size_t i) {
  if (i + 4 > line.size()) return -1;
  long value = 0;
  for (std::size_t k = 0; k < 4; ++k) {
    const int d = HexDigit(line[i + k]);
    if (d < 0) return -1;
    value = value * 16 + d;
  }
  return value;
}

void AppendUtf8(std::string& out, std::uint32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// Whether any of the eight bytes at p is '"', '\\' or below 0x20 (SWAR:
// a byte is zero after the XOR exactly where it matched).
bool HasSpecialByte(const char* p) {
  std::uint64_t word;
  std::memcpy(&word, p, 8);
  constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  const auto has_zero = [](std::uint64_t v) { return (v - kOnes) & ~v & kHigh; };
  const std::uint64_t quote = word ^ (kOnes * '"'), backslash = word ^ (kOnes * '\\');
  // Bytes below 0x20: (byte - 0x20) borrows into bit 7 where the byte had it clear.
  const std::uint64_t control = (word - kOnes * 0x20) & ~word & kHigh;
  return (has_zero(quote) | has_zero(backslash) | control) != 0;
}

// The string that starts after the opening quote at line[i]; on success `i`
// is past the closing quote. `out` may be null (the value is skipped).
bool ReadString(std::string_view line, std::size_t& i, std::string* out) {
  const std::size_t n = line.size();
  while (i < n) {
    // A run of plain bytes, copied at once.
    const std::size_t run = i;
    while (i + 8 <= n && !HasSpecialByte(line.data() + i)) i += 8;
    while (i < n && line[i] != '"' && line[i] != '\\' && static_cast<unsigned char>(line[i]) >= 0x20) ++i;
    if (out) out->append(line.data() + run, i - run);
    if (i >= n) return false;
    const char c = line[i];
    if (c == '"') {
      ++i;
      return true;
    }
    if (c != '\\') return false;  // a raw control character
    if (i + 1 >= n) return false;
    const char e = line[i + 1];
    i += 2;
    char plain = 0;
    switch (e) {
      case '"': plain = '"'; break;
      case '\\': plain = '\\'; break;
      case '/': plain = '/'; break;
      case 'b': plain = '\b'; break;
      case 'f': plain = '\f'; break;
      case 'n': plain = '\n'; break;
      case 'r': plain = '\r'; break;
      case 't': plain = '\t'; break;
      case 'u': {
        const long u = Hex4(line, i);
        if (u < 0) return false;
        i += 4;
        std::uint32_t code = static_cast<std::uint32_t>(u);
        if (code >= 0xDC00 && code <= 0xDFFF) return false;  // a lone low surrogate
        if (code >= 0xD800 && code <= 0xDBFF) {
          if (i + 6 > n || line[i] != '\\' || line[i + 1] != 'u') return false;
          const long low = Hex4(line, i + 2);
          if (low < 0xDC00 || low > 0xDFFF) return false;
          i += 6;
          code = 0x10000 + ((code - 0xD800) << 10) + (static_cast<std::uint32_t>(low) - 0xDC00);
        }
        if (out) AppendUtf8(*out, code);
        continue;
      }
      default:
        return false;
    }
    if (out) *out += plain;
  }
  return false;
}

void SkipSpace(std::string_view line, std::size_t& i) {
  while (i < line.size() && IsJsonSpace(line[i])) ++i;
}

}  // namespace

std::optional<JsonRecordFields> ReadFlatJsonRecord(std::string_view line) {
  JsonRecordFields fields;
  std::optional<std::string>* const slots[] = {&fields.id, &fields.title, &fields.date, &fields.url, &fields.text};
  unsigned seen = 0;  // the slots given so far
  std::size_t i = 0;
  SkipSpace(line, i);
  if (i >= line.size() || line[i] != '{') return std::nullopt;
  ++i;
  SkipSpace(line, i);
  if (i < line.size() && line[i] == '}') {
    ++i;
  } else {
    std::string key;
    for (;;) {
      if (i >= line.size() || line[i] != '"') return std::nullopt;
      ++i;
      key.clear();
      if (!ReadString(line, i, &key)) return std::nullopt;
      SkipSpace(line, i);
      if (i >= line.size() || line[i] != ':') return std::nullopt;
      ++i;
      SkipSpace(line, i);
      if (i >= line.size()) return std::nullopt;
      const int slot = key == "id" ? 0 : key == "title" ? 1 : key == "date" ? 2 : key == "url" ? 3 : key == "text" ? 4 : -1;
      // One of ours given twice is left to the full parser (it keeps the last).
      if (slot >= 0 && (seen & (1u << slot))) return std::nullopt;
      if (slot >= 0) seen |= 1u << slot;
      if (line[i] == '"') {
        ++i;
        std::optional<std::string>* field = slot >= 0 ? slots[slot] : nullptr;
        if (!ReadString(line, i, field ? &field->emplace() : nullptr)) return std::nullopt;
      } else {
        // null, true, false: not a string, so the field stays unset. Numbers,
        // arrays and objects go to the full parser (an "id" may be a number).
        bool literal = false;
        for (std::string_view word : {std::string_view("null"), std::string_view("true"), std::string_view("false")})
          if (line.substr(i, word.size()) == word) {
            i += word.size();
            literal = true;
            break;
          }
        if (!literal) return std::nullopt;
      }
      SkipSpace(line, i);
      if (i >= line.size()) return std::nullopt;
      if (line[i] == ',') {
        ++i;
        SkipSpace(line, i);
        continue;
      }
      if (line[i] != '}') return std::nullopt;
      ++i;
      break;
    }
  }
  SkipSpace(line, i);
  if (i != line.size()) return std::nullopt;
  return fields;
}

}  // namespace vnkg
