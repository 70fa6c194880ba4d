#include <catch2/catch.hpp>

#include "vnkg/model/utf8.h"

using namespace vnkg;

TEST_CASE("invalid UTF-8 is repaired and its first offset reported", "[reader]") {
  std::string s = "ab\xC3(cd";
  CHECK(RepairUtf8(s) == 2);
  CHECK(s == "ab\xEF\xBF\xBD(cd");
  std::string nul("x\0y", 3);
  CHECK(RepairUtf8(nul) == 1);
  CHECK(nul == "xy");
  std::string good = "Hà Nội";
  CHECK(RepairUtf8(good) == -1);
  std::string overlong = "\xC0\xAF";
  CHECK(RepairUtf8(overlong) == 0);
}


TEST_CASE("the first invalid UTF-8 byte is found past runs of ASCII", "[reader]") {
  CHECK(FirstInvalidUtf8("") == -1);
  CHECK(FirstInvalidUtf8("Hà Tĩnh và Quảng Bình, hai tỉnh miền Trung") == -1);
  const std::string long_ascii(37, 'a');
  CHECK(FirstInvalidUtf8(long_ascii + "\xFF" + "bc") == 37);
  CHECK(FirstInvalidUtf8(long_ascii + std::string(1, '\0')) == 37);
  CHECK(FirstInvalidUtf8("Sơn\xE1\xBB") == 4);       // a sequence cut short at the end
  CHECK(FirstInvalidUtf8("ab\xC0\xAF" "cdefghij") == 2);  // overlong '/'
}

TEST_CASE("the first invalid UTF-8 byte is found at every place in an eight-byte word", "[reader]") {
  // A NUL or a bad byte after valid non-ASCII letters and ASCII, at each offset
  // (and with a second fault after it, which must not be reported instead).
  const std::string valid = "Bộ Tư pháp họp tại Hà Nội, ngày 6/1/2025";
  for (std::size_t at = 0; at <= valid.size(); ++at) {
    if (at < valid.size() && (static_cast<unsigned char>(valid[at]) & 0xC0) == 0x80) continue;  // inside a letter
    for (const std::string& fault : {std::string(1, '\0'), std::string("\xFF"), std::string("\x80")}) {
      const std::string text = valid.substr(0, at) + fault + valid.substr(at) + std::string(1, '\0');
      CHECK(FirstInvalidUtf8(text) == static_cast<std::int64_t>(at));
    }
  }
  CHECK(FirstInvalidUtf8(valid) == -1);
}
