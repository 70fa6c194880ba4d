// Syllable tokens with their byte offsets, folded once for matching.
// Internal to the extract module.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vnkg {

struct Token {
  std::string text;   // as written
  std::string fold;   // FoldKey(text): NFC, one tone placement, lower case
  std::size_t begin = 0, end = 0;  // byte offsets in the tokenized string (+ base)
  bool word = false;     // letters/digits (with inner . ' / - as in T.Ư, H'Hen, 6/1/2025, KT-XH)
  bool capital = false;  // a word whose first letter is upper case
  bool digits = false;   // starts with a digit
};

// Splits `text` into word and punctuation tokens (white space dropped);
// offsets are relative to text plus `base`.
std::vector<Token> Tokenize(std::string_view text, std::size_t base);

// FoldKey with a per-thread cache: syllables repeat, ICU calls do not need to.
// The view is valid until the next call on the same thread.
std::string_view FoldCached(std::string_view word);

// FoldKey(text), built from the cached folds of its space-separated runs:
// FoldKey works within a run (NFC composes nothing across a space, the tone
// move and the final-sigma rule stop at one) and collapses white space to
// one space, so the folds of the runs joined by single spaces are the same
// string.
std::string FoldCachedWords(std::string_view text);

}  // namespace vnkg
