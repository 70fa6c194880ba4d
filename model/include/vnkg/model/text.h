// Vietnamese text normalisation for matching. Display forms stay as written;
// these functions make the keys that lookups and identities compare.
#pragma once

#include <string>
#include <string_view>

namespace vnkg {

// NFC, with the tone mark of open "oa", "oe", "uy" syllables moved to the
// first vowel ("hoà" -> "hòa", "Tỉnh uỷ" -> "Tỉnh ủy"; not after "q"), case kept.
// Invalid UTF-8 becomes U+FFFD.
std::string NormalizeText(std::string_view utf8);

// NormalizeText, lower-cased, en/em dashes made "-", white space collapsed and
// trimmed. The key for identities: "Tỉnh  Uỷ" and "tỉnh ủy" fold alike.
std::string FoldKey(std::string_view utf8);

// FoldKey without diacritics ("đ" -> "d"): "Lò Văn Khánh" and "lo van khanh"
// fold alike. For looking names up, never for identities.
std::string FoldLoose(std::string_view utf8);

}  // namespace vnkg
