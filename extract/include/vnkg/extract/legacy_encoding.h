// Legacy Vietnamese encodings -> UTF-8 (`--encoding`), by the C library's
// iconv, which knows windows-1258 (cp1258), TCVN 5712 (TCVN3, "ABC") and
// VISCII; the result is NFC, the form the extractor and the gazetteers use.
// VNI has no converter in iconv or ICU (it is a font encoding whose letters
// are spread over two bytes); its files need converting with a font tool first.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "vnkg/status.h"

namespace vnkg {

struct Utf8Text {
  std::string text;
  // Byte offset (in the input) of the first byte the encoding does not
  // define, replaced with U+FFFD; -1 when every byte converted.
  std::int64_t first_invalid = -1;
};

class LegacyDecoder {
 public:
  // Names: "windows-1258"/"cp1258", "tcvn3"/"tcvn"/"tcvn5712", "viscii", or
  // any name `iconv -l` lists. kInvalidArgument naming the encoding (and the
  // supported ones) when there is no converter for it.
  static Result<std::unique_ptr<LegacyDecoder>> Open(const std::string& encoding);
  ~LegacyDecoder();
  LegacyDecoder(const LegacyDecoder&) = delete;
  LegacyDecoder& operator=(const LegacyDecoder&) = delete;

  // The bytes as NFC UTF-8. Not thread-safe: one decoder per thread.
  Utf8Text Decode(std::string_view bytes);

  const std::string& name() const { return name_; }

 private:
  LegacyDecoder(void* handle, std::string name) : handle_(handle), name_(std::move(name)) {}
  void* handle_;  // iconv_t
  std::string name_;
};

}  // namespace vnkg
