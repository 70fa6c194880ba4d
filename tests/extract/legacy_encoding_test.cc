// Legacy Vietnamese encodings become NFC UTF-8; bad bytes are located.
#include <catch2/catch.hpp>

#include "vnkg/extract/legacy_encoding.h"

using namespace vnkg;

namespace {
std::string DecodeOrDie(const std::string& encoding, const std::string& bytes, std::int64_t* first_invalid = nullptr) {
  auto decoder = LegacyDecoder::Open(encoding);
  INFO(decoder.status().message());
  REQUIRE(decoder.ok());
  Utf8Text out = decoder.value()->Decode(bytes);
  if (first_invalid) *first_invalid = out.first_invalid;
  else CHECK(out.first_invalid == -1);
  return out.text;
}
}  // namespace

TEST_CASE("windows-1258 with combining tone marks becomes precomposed UTF-8", "[encoding]") {
  // "Tỉnh Sơn La, đồng chí": cp1258 writes ỉ as i + U+0309 (0xD2), ồ as ô + U+0300 (0xCC).
  CHECK(DecodeOrDie("windows-1258", "T\x69\xd2nh S\xf5n La, \xf0\xf4\xccng ch\xed") == "Tỉnh Sơn La, đồng chí");
  CHECK(DecodeOrDie("cp1258", "H\xe0 N\xf4\xf2i") == "Hà Nội");
  // A tone mark as the very last byte is still applied (the decoder is flushed).
  CHECK(DecodeOrDie("WINDOWS-1258", "N\xf4\xf2") == "Nộ");
}

TEST_CASE("TCVN3 and VISCII decode", "[encoding]") {
  CHECK(DecodeOrDie("tcvn3", "H\xb5 N\xe9i") == "Hà Nội");
  CHECK(DecodeOrDie("viscii", "Vi\xaa\x74") == "Viết");
}

TEST_CASE("bytes an encoding does not define become U+FFFD at a known offset", "[encoding]") {
  std::int64_t bad = -2;
  CHECK(DecodeOrDie("windows-1258", "ab\x81" "cd", &bad) == "ab\xEF\xBF\xBD" "cd");
  CHECK(bad == 2);
  // Long input: the conversion buffer refills many times, nothing is lost.
  std::string many(100000, 'x');
  many += "\xe0";
  CHECK(DecodeOrDie("cp1258", many) == std::string(100000, 'x') + "à");
}

TEST_CASE("unknown encodings and VNI are refused with the name", "[encoding]") {
  auto unknown = LegacyDecoder::Open("klingon-8");
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.status().code() == Status::Code::kInvalidArgument);
  CHECK(unknown.status().message().find("klingon-8") != std::string::npos);
  CHECK(unknown.status().message().find("windows-1258") != std::string::npos);
  auto vni = LegacyDecoder::Open("VNI");
  REQUIRE_FALSE(vni.ok());
  CHECK(vni.status().message().find("VNI has no converter") != std::string::npos);
}
