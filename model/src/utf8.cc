#include "vnkg/model/utf8.h"

#include <bit>
#include <cstring>

namespace vnkg {

// Length of the valid UTF-8 sequence at s[i], or 0 when it is not valid.
std::size_t ValidSequenceLength(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = byte(i);
  if (c < 0x80) return 1;
  std::size_t len;
  unsigned cp;
  if (c >= 0xC2 && c <= 0xDF) len = 2, cp = c & 0x1F;
  else if (c >= 0xE0 && c <= 0xEF) len = 3, cp = c & 0x0F;
  else if (c >= 0xF0 && c <= 0xF4) len = 4, cp = c & 0x07;
  else return 0;
  if (i + len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))) return 0;  // overlong / range
  if (cp >= 0xD800 && cp <= 0xDFFF) return 0;                                                 // surrogates
  return len;
}

std::int64_t FirstInvalidUtf8(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    // Runs of ASCII without NUL: eight bytes at a time, then byte by byte.
    // Vietnamese has a letter beyond ASCII every few bytes, so a word that
    // stops the run skips to its first byte at or above 0x80 or NUL (the
    // lowest flag is exact: the zero-byte test errs only above a true NUL)
    // instead of leaving its ASCII prefix to the byte loop.
    while (i + 8 <= n) {
      std::uint64_t word;
      std::memcpy(&word, p + i, 8);
      const std::uint64_t stop = (word | ((word - 0x0101010101010101ull) & ~word)) & 0x8080808080808080ull;
      if (stop == 0) {
        i += 8;
        continue;
      }
      if constexpr (std::endian::native == std::endian::little) i += static_cast<std::size_t>(std::countr_zero(stop)) / 8;
      break;
    }
    while (i < n && p[i] - 1u < 0x7Fu) ++i;
    if (i >= n) break;
    const unsigned char c = p[i];
    if (c == 0) return static_cast<std::int64_t>(i);
    // Two- and three-byte sequences, the bulk of Vietnamese, checked inline.
    if (c >= 0xC2 && c <= 0xDF && i + 1 < n && (p[i + 1] & 0xC0) == 0x80) {
      i += 2;
      continue;
    }
    if (c >= 0xE1 && c <= 0xEC && i + 2 < n && (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80) {
      i += 3;
      continue;
    }
    const std::size_t len = ValidSequenceLength(text, i);
    if (len == 0) return static_cast<std::int64_t>(i);
    i += len;
  }
  return -1;
}

std::int64_t RepairUtf8(std::string& text) {
  // Fast path: most text is valid; only rebuild when a problem is found.
  const std::int64_t first_problem = FirstInvalidUtf8(text);
  if (first_problem < 0) return -1;
  std::size_t i = static_cast<std::size_t>(first_problem);
  std::string out = text.substr(0, i);
  while (i < text.size()) {
    const std::size_t len = ValidSequenceLength(text, i);
    if (text[i] == '\0') {
      ++i;
    } else if (len == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(text, i, len);
      i += len;
    }
  }
  text = std::move(out);
  return first_problem;
}

}  // namespace vnkg
