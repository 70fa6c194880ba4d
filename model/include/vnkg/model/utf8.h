// UTF-8 validity: every text the model holds is valid UTF-8 without NUL
// bytes. Readers repair input once (RepairUtf8); later stages may rely on it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace vnkg {

// The length (1-4) of the valid UTF-8 sequence at s[i], or 0 when the bytes
// there are not one (bad lead or continuation byte, overlong form,
// surrogate, beyond U+10FFFF, cut off by the end of `s`). i < s.size().
std::size_t ValidSequenceLength(std::string_view s, std::size_t i);

// Checks UTF-8 and repairs it: invalid sequences become U+FFFD and NUL bytes
// are dropped. Returns the byte offset of the first problem, or -1 if none.
std::int64_t RepairUtf8(std::string& text);

// The byte offset of the first invalid UTF-8 sequence or NUL byte in `text`,
// or -1 when there is none. Reads ASCII eight bytes at a time.
std::int64_t FirstInvalidUtf8(std::string_view text);

}  // namespace vnkg
