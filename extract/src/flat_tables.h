// Flat open-addressing hash tables for the gazetteer's per-token lookups
// (the word id of every token's fold, the trie step after it). A node-based
// std::unordered_map costs a division and two or three pointer chases a
// lookup; these cost a multiply or a short hash, a mask and one probe into
// one array. Both only grow (the gazetteer is built once, then read).
// Internal to the extract module.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vnkg {

// FNV-1a, 64 bits, with a final mix: a syllable is a few bytes, where
// std::hash's Murmur setup costs more than it.
inline std::uint64_t FoldHash64(std::string_view s) noexcept {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h ^ (h >> 29);
}

// Words numbered 0, 1, 2, ... in the order they were first added.
class WordIndex {
 public:
  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;

  // The id of `word`, added with the next id if it is new.
  std::uint32_t Add(std::string_view word);
  // The id of `word`, or kNone.
  std::uint32_t Find(std::string_view word) const noexcept {
    if (slots_.empty()) return kNone;
    const std::uint64_t h = FoldHash64(word);
    const std::uint32_t tag = static_cast<std::uint32_t>(h >> 32);
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.id == kNone) return kNone;
      if (slot.tag == tag && words_[slot.id] == word) return slot.id;
    }
  }
  std::size_t size() const noexcept { return words_.size(); }

 private:
  struct Slot {
    std::uint32_t tag = 0;      // the hash's high half, to skip most string compares
    std::uint32_t id = kNone;   // kNone: empty
  };
  void Place(std::uint32_t id, std::uint64_t h);
  std::vector<Slot> slots_;  // a power of two, at most half full
  std::size_t mask_ = 0;
  std::vector<std::string> words_;  // by id
};

// A map from 64-bit keys (any but kEmptyKey) to 32-bit values.
class U64Map {
 public:
  static constexpr std::uint64_t kEmptyKey = ~0ull;

  // Adds key -> value unless the key is present; returns the value the key
  // now maps to and whether it was added. `key` must not be kEmptyKey.
  std::pair<std::uint32_t, bool> Emplace(std::uint64_t key, std::uint32_t value);
  // The value of `key`, or `absent`.
  std::uint32_t Find(std::uint64_t key, std::uint32_t absent) const noexcept {
    if (slots_.empty()) return absent;
    for (std::size_t i = Home(key);; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.key == key) return slot.value;
      if (slot.key == kEmptyKey) return absent;
    }
  }
  std::size_t size() const noexcept { return size_; }

 private:
  struct Slot {
    std::uint64_t key = kEmptyKey;
    std::uint32_t value = 0;
  };
  // Fibonacci hashing: the high bits of key times 2^64 / phi.
  std::size_t Home(std::uint64_t key) const noexcept {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> shift_);
  }
  std::vector<Slot> slots_;  // a power of two, at most half full
  std::size_t mask_ = 0;
  unsigned shift_ = 64;
  std::size_t size_ = 0;
};

}  // namespace vnkg
