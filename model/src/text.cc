#include "vnkg/model/text.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <memory>
#include <mutex>

namespace vnkg {
namespace {

// Tone marks in the order grave, acute, hook above, tilde, dot below.
constexpr char16_t kA[] = u"àáảãạ";
constexpr char16_t kE[] = u"èéẻẽẹ";
constexpr char16_t kY[] = u"ỳýỷỹỵ";
constexpr char16_t kO[] = u"òóỏõọ";
constexpr char16_t kU[] = u"ùúủũụ";

int ToneIndex(const char16_t* marked, char16_t c) {
  for (int i = 0; i < 5; ++i)
    if (marked[i] == c) return i;
  return -1;
}

bool IsLetter(UChar32 c) { return u_isalpha(c) || u_isdigit(c); }

char16_t WithCase(char16_t lower, bool upper) {
  return upper ? static_cast<char16_t>(u_toupper(lower)) : lower;
}

// Moves the tone of an open oa/oe/uy syllable to its first vowel, in place.
void MoveOpenSyllableTones(icu::UnicodeString& s) {
  const int32_t n = s.length();
  for (int32_t i = 0; i + 1 < n; ++i) {
    const char16_t first = s.charAt(i);
    const char16_t second = s.charAt(i + 1);
    const char16_t first_lower = static_cast<char16_t>(u_tolower(first));
    const char16_t second_lower = static_cast<char16_t>(u_tolower(second));
    const char16_t* first_row = nullptr;
    const char16_t* second_row = nullptr;
    if (first_lower == u'o' && ToneIndex(kA, second_lower) >= 0) {
      first_row = kO, second_row = kA;
    } else if (first_lower == u'o' && ToneIndex(kE, second_lower) >= 0) {
      first_row = kO, second_row = kE;
    } else if (first_lower == u'u' && ToneIndex(kY, second_lower) >= 0) {
      first_row = kU, second_row = kY;
    } else {
      continue;
    }
    if (i > 0 && u_tolower(s.charAt(i - 1)) == u'q') continue;     // "quý" never varies
    if (i + 2 < n && IsLetter(s.char32At(i + 2))) continue;        // closed syllable
    const int tone = ToneIndex(second_row, second_lower);
    const char16_t base_second = second_row == kA ? u'a' : second_row == kE ? u'e' : u'y';
    s.setCharAt(i, WithCase(first_row[tone], u_isupper(first)));
    s.setCharAt(i + 1, WithCase(base_second, u_isupper(second)));
  }
}

const icu::Normalizer2* Nfc() {
  UErrorCode status = U_ZERO_ERROR;
  return icu::Normalizer2::getNFCInstance(status);
}

icu::UnicodeString ToNormalizedUnicode(std::string_view utf8) {
  // fromUTF8 replaces ill-formed sequences with U+FFFD.
  icu::UnicodeString s =
      icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString nfc = Nfc()->normalize(s, status);
  if (U_FAILURE(status)) nfc = s;
  MoveOpenSyllableTones(nfc);
  return nfc;
}

std::string ToUtf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

// Lower case, dashes unified, white space collapsed and trimmed.
std::string FoldUnicode(icu::UnicodeString s) {
  s.toLower(icu::Locale::getRoot());
  icu::UnicodeString out;
  bool pending_space = false;
  for (int32_t i = 0; i < s.length();) {
    UChar32 c = s.char32At(i);
    i += U16_LENGTH(c);
    if (u_isUWhiteSpace(c)) {
      pending_space = !out.isEmpty();
      continue;
    }
    if (c == 0x2013 || c == 0x2014) c = u'-';
    if (pending_space) out.append(u' ');
    pending_space = false;
    out.append(c);
  }
  return ToUtf8(out);
}

}  // namespace

std::string NormalizeText(std::string_view utf8) { return ToUtf8(ToNormalizedUnicode(utf8)); }

std::string FoldKey(std::string_view utf8) { return FoldUnicode(ToNormalizedUnicode(utf8)); }

std::string FoldLoose(std::string_view utf8) {
  icu::UnicodeString s = ToNormalizedUnicode(utf8);
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString decomposed = icu::Normalizer2::getNFDInstance(status)->normalize(s, status);
  icu::UnicodeString bare;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    if (c == u'đ') c = u'd';
    if (c == u'Đ') c = u'D';
    bare.append(c);
  }
  return FoldUnicode(bare);
}

}  // namespace vnkg
