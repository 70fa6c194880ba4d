#include "tokens.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstring>

#include "vnkg/model/text.h"

namespace vnkg {
namespace {

UChar32 CodePointAt(std::string_view s, std::size_t i, std::size_t& next) {
  const unsigned char first = static_cast<unsigned char>(s[i]);
  if (first < 0x80) {  // most bytes of Vietnamese text are ASCII
    next = i + 1;
    return first;
  }
  int32_t index = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), index, static_cast<int32_t>(s.size()), c);
  next = static_cast<std::size_t>(index);
  return c < 0 ? 0xFFFD : c;
}

bool IsWordChar(UChar32 c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  // Vietnamese letters without a property lookup: Latin-1 letters, Latin Extended-A/B, and U+1EA0-1EF9.
  if ((c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) || (c >= 0x1EA0 && c <= 0x1EF9)) return true;
  return u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK;
}

bool IsSpace(UChar32 c) {
  if (c < 0x80) return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  return u_isUWhiteSpace(c) || c == 0xA0;
}

// The byte length of the Vietnamese letter at text[i] (a two-byte Latin-1 or
// Latin Extended letter, U+00C0-024F but for × and ÷, or a three-byte one of
// U+1EA0-1EF9), decoded inline; 0 for anything else, which then takes the
// general path. Agrees with IsWordChar(CodePointAt(...)) where it answers.
inline std::size_t VietnameseLetterLength(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b = byte(i);
  if (b >= 0xC3 && b <= 0xC9 && i + 1 < text.size() && (byte(i + 1) & 0xC0) == 0x80) {
    const unsigned c = ((b & 0x1Fu) << 6) | (byte(i + 1) & 0x3Fu);
    return c <= 0x24F && c != 0xD7 && c != 0xF7 ? 2 : 0;
  }
  if (b == 0xE1 && i + 2 < text.size() && (byte(i + 1) & 0xC0) == 0x80 && (byte(i + 2) & 0xC0) == 0x80) {
    const unsigned c = 0x1000u | ((byte(i + 1) & 0x3Fu) << 6) | (byte(i + 2) & 0x3Fu);
    return c >= 0x1EA0 && c <= 0x1EF9 ? 3 : 0;
  }
  return 0;
}

// The class of each ASCII byte, so that scanning ASCII needs no decode.
enum AsciiClass : unsigned char { kOther = 0, kSpace = 1, kWord = 2 };
constexpr auto kAsciiClass = [] {
  std::array<unsigned char, 128> table{};
  for (int b = 0; b < 128; ++b) {
    if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')) table[b] = kWord;
    if (b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v') table[b] = kSpace;
  }
  return table;
}();

}  // namespace

// An open-addressing table of folds, per thread: syllables repeat, so most
// lookups are one FNV hash and one comparison. Each slot holds its hash, key
// and fold in one cache line, so a lookup reads one line (a hash array beside
// std::string pairs read two or three, and missed in cache on both). Full at
// half load, then emptied. A word or fold too long for a slot is folded anew
// each time, into a per-thread string.
std::string_view FoldCached(std::string_view word) {
  struct alignas(64) Slot {
    std::uint32_t hash = 0;  // 0: empty
    std::uint8_t key_length = 0, fold_length = 0;
    char key[29], fold[29];
  };
  static_assert(sizeof(Slot) == 64, "one slot, one cache line");
  constexpr std::size_t kSlots = 1u << 15;
  thread_local std::vector<Slot> slots(kSlots);
  thread_local std::size_t used = 0;
  thread_local std::string uncached;
  if (word.size() > sizeof(Slot::key)) return uncached = FoldKey(word);
  std::uint32_t h = 2166136261u;
  for (unsigned char c : word) h = (h ^ c) * 16777619u;
  h |= 1;  // 0 marks an empty slot
  for (std::size_t i = (h >> 7) & (kSlots - 1);; i = (i + 1) & (kSlots - 1)) {
    Slot& slot = slots[i];
    if (slot.hash == h) {
      if (std::string_view(slot.key, slot.key_length) == word) return {slot.fold, slot.fold_length};
      continue;
    }
    if (slot.hash != 0) continue;
    if (used >= kSlots / 2) {  // full: start over
      for (Slot& emptied : slots) emptied.hash = 0;
      used = 0;
      return FoldCached(word);
    }
    std::string fold = FoldKey(word);
    if (fold.size() > sizeof(Slot::fold)) return uncached = std::move(fold);
    ++used;
    slot.hash = h;
    slot.key_length = static_cast<std::uint8_t>(word.size());
    slot.fold_length = static_cast<std::uint8_t>(fold.size());
    std::memcpy(slot.key, word.data(), word.size());
    std::memcpy(slot.fold, fold.data(), fold.size());
    return {slot.fold, slot.fold_length};
  }
}

std::string FoldCachedWords(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t from = 0; from < text.size();) {
    std::size_t space = text.find(' ', from);
    if (space == std::string_view::npos) space = text.size();
    if (space > from) {
      const std::string_view fold = FoldCached(text.substr(from, space - from));
      if (!fold.empty()) {  // a run of other white space folds to nothing
        if (!out.empty()) out += ' ';
        out += fold;
      }
    }
    from = space + 1;
  }
  return out;
}

std::vector<Token> Tokenize(std::string_view text, std::size_t base) {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 4 + 4);  // about one token per four bytes of Vietnamese
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char first = static_cast<unsigned char>(text[i]);
    // ASCII white space and punctuation, the most common cases, without a decode.
    if (first < 0x80 && kAsciiClass[first] == kSpace) {
      ++i;
      continue;
    }
    std::size_t next;
    const UChar32 c = CodePointAt(text, i, next);
    if (first >= 0x80 && IsSpace(c)) {
      i = next;
      continue;
    }
    const std::size_t begin = i;
    std::size_t end;
    bool ascii = first < 0x80;
    Token& t = tokens.emplace_back();
    if (first < 0x80 ? kAsciiClass[first] == kWord : IsWordChar(c)) {
      std::size_t j = next;
      while (j < n) {
        const unsigned char b = static_cast<unsigned char>(text[j]);
        if (b < 0x80) {
          if (kAsciiClass[b] == kWord) {  // the common case: an ASCII letter or digit
            ++j;
            continue;
          }
          if (kAsciiClass[b] == kSpace) break;  // the next most common: a space ends the word (it joins nothing)
        }
        if (const std::size_t length = VietnameseLetterLength(text, j)) {  // the next most common
          ascii = false;
          j += length;
          continue;
        }
        std::size_t after;
        const UChar32 d = CodePointAt(text, j, after);
        if (IsWordChar(d)) {
          ascii = false;  // d >= 0x80: ASCII word characters were taken above
          j = after;
          continue;
        }
        // Inner joiners: "T.Ư", "H'Hen", "6/1/2025", "KT-XH" stay one token.
        if ((d == '.' || d == '\'' || d == 0x2019 || d == '/' || d == '-' || d == '&') && after < n) {
          std::size_t after2;
          const UChar32 e = CodePointAt(text, after, after2);
          if (IsWordChar(e) && !(d == '-' && u_isdigit(e) != u_isdigit(c))) {
            if (d >= 0x80) ascii = false;
            j = after;
            continue;
          }
        }
        break;
      }
      end = j;
      t.word = true;
      t.capital = c < 0x80 ? (c >= 'A' && c <= 'Z') : (u_isupper(c) || u_istitle(c));
      t.digits = c >= '0' && c <= '9';
    } else {
      end = next;
    }
    const std::string_view written = text.substr(begin, end - begin);
    t.text.assign(written.data(), written.size());
    if (!t.word) {
      t.fold = t.text;
    } else if (ascii) {  // no tone marks to move, no ICU needed
      t.fold = t.text;
      for (char& ch : t.fold)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch + ('a' - 'A'));
    } else {
      t.fold = FoldCached(written);
    }
    t.begin = begin + base;
    t.end = end + base;
    i = end;
  }
  return tokens;
}

}  // namespace vnkg
