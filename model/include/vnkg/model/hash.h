// FNV-1a, 64 bits: the one non-cryptographic hash of stored and exported
// identities (entity IRIs, document content hashes). Its values are part of
// the data (IRIs in exports, content hashes in databases): never change it.
#pragma once

#include <cstdint>
#include <string_view>

namespace vnkg {

inline constexpr std::uint64_t kFnv1a64Offset = 0xcbf29ce484222325ULL;

// One byte of FNV-1a: for callers that run several hashes over the same bytes
// in one loop (independent multiply chains overlap; the values are those of
// separate Fnv1a64 calls).
constexpr std::uint64_t Fnv1a64Step(std::uint64_t hash, unsigned char c) { return (hash ^ c) * 0x100000001b3ULL; }

// Hashes `data` starting from `hash` (the offset basis, or the result of an
// earlier call to continue a running hash over several pieces).
constexpr std::uint64_t Fnv1a64(std::string_view data, std::uint64_t hash = kFnv1a64Offset) {
  for (unsigned char c : data) hash = Fnv1a64Step(hash, c);
  return hash;
}

}  // namespace vnkg
