#include "vnkg/extract/legacy_encoding.h"

#include <iconv.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <cerrno>

namespace vnkg {
namespace {

// The names users know these encodings by -> iconv's names.
std::string IconvName(std::string name) {
  std::string lower = name;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  if (lower == "windows-1258" || lower == "cp1258" || lower == "windows1258") return "CP1258";
  if (lower == "tcvn3" || lower == "tcvn" || lower == "tcvn5712" || lower == "tcvn-5712" || lower == "abc")
    return "TCVN5712-1";
  if (lower == "viscii") return "VISCII";
  return name;
}

constexpr const char* kSupported = "windows-1258 (cp1258), tcvn3 (TCVN 5712), viscii, or a name `iconv -l` lists";

}  // namespace

Result<std::unique_ptr<LegacyDecoder>> LegacyDecoder::Open(const std::string& encoding) {
  std::string lower = encoding;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  if (lower == "vni" || lower == "vni-windows")
    return Status::InvalidArgument("encoding '" + encoding +
                                   "': VNI has no converter (its letters are spread over two bytes of a font "
                                   "encoding); convert such files to Unicode with a font tool first. Supported: " +
                                   kSupported);
  iconv_t handle = iconv_open("UTF-8", IconvName(encoding).c_str());
  if (handle == reinterpret_cast<iconv_t>(-1))
    return Status::InvalidArgument("unknown encoding '" + encoding + "'; supported: " + kSupported);
  return std::unique_ptr<LegacyDecoder>(new LegacyDecoder(handle, encoding));
}

LegacyDecoder::~LegacyDecoder() { iconv_close(static_cast<iconv_t>(handle_)); }

Utf8Text LegacyDecoder::Decode(std::string_view bytes) {
  auto* cd = static_cast<iconv_t>(handle_);
  iconv(cd, nullptr, nullptr, nullptr, nullptr);  // a fresh state for each input
  Utf8Text out;
  std::string utf8;
  utf8.reserve(bytes.size() * 3 / 2 + 16);
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  char buffer[4096];
  for (bool flushed = false; !flushed;) {
    char* dst = buffer;
    std::size_t dst_left = sizeof buffer;
    std::size_t r;
    if (in_left > 0) {
      r = iconv(cd, &in, &in_left, &dst, &dst_left);
    } else {
      // A null input flushes what a stateful decoder still holds (cp1258 and
      // TCVN wait for a tone mark that may follow a letter).
      r = iconv(cd, nullptr, nullptr, &dst, &dst_left);
      flushed = r != static_cast<std::size_t>(-1) || errno != E2BIG;
    }
    utf8.append(buffer, dst - buffer);
    if (r != static_cast<std::size_t>(-1) || errno == E2BIG || in_left == 0) continue;
    // EILSEQ, or EINVAL for an incomplete sequence at the end: that byte
    // becomes U+FFFD and decoding goes on after it.
    // A letter held back for a tone mark is written out first, else it is lost.
    dst = buffer;
    dst_left = sizeof buffer;
    iconv(cd, nullptr, nullptr, &dst, &dst_left);
    utf8.append(buffer, dst - buffer);
    if (out.first_invalid < 0) out.first_invalid = static_cast<std::int64_t>(bytes.size() - in_left);
    utf8 += "\xEF\xBF\xBD";
    ++in;
    --in_left;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_SUCCESS(status)) {
    icu::UnicodeString s = icu::UnicodeString::fromUTF8(utf8);
    if (!nfc->isNormalized(s, status) && U_SUCCESS(status)) {
      icu::UnicodeString normalized = nfc->normalize(s, status);
      if (U_SUCCESS(status)) {
        utf8.clear();
        normalized.toUTF8String(utf8);
      }
    }
  }
  out.text = std::move(utf8);
  return out;
}

}  // namespace vnkg
