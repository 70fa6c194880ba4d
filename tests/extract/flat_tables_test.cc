// WordIndex and U64Map (extract/src/flat_tables.h): the gazetteer's flat
// tables answer as a std::unordered_map would, through their growth.
#include "../../extract/src/flat_tables.h"

#include <catch2/catch.hpp>
#include <string>
#include <unordered_map>

using namespace vnkg;

namespace {

std::string Word(int k) { return std::to_string(k) + "w"; }  // distinct words, many sharing a prefix

}  // namespace

TEST_CASE("flat tables: WordIndex numbers words in the order first added") {
  WordIndex index;
  CHECK(index.Find("hội") == WordIndex::kNone);
  CHECK(index.Add("hội") == 0);
  CHECK(index.Add("nghị") == 1);
  CHECK(index.Add("hội") == 0);  // already there: its id, no new one
  CHECK(index.Add("") == 2);     // the empty word is a word
  CHECK(index.size() == 3);
  CHECK(index.Find("nghị") == 1);
  CHECK(index.Find("") == 2);
  CHECK(index.Find("hộ") == WordIndex::kNone);  // a prefix is another word
  CHECK(index.Find("hội ") == WordIndex::kNone);
}

TEST_CASE("flat tables: WordIndex keeps every id through many growths") {
  WordIndex index;
  for (int k = 0; k < 5000; ++k) CHECK(index.Add(Word(k)) == static_cast<std::uint32_t>(k));
  CHECK(index.size() == 5000);
  for (int k = 0; k < 5000; ++k) CHECK(index.Find(Word(k)) == static_cast<std::uint32_t>(k));
  CHECK(index.Find(Word(5000)) == WordIndex::kNone);
}

TEST_CASE("flat tables: U64Map answers as std::unordered_map, the first value of a key kept") {
  U64Map map;
  std::unordered_map<std::uint64_t, std::uint32_t> reference;
  CHECK(map.Find(7, 99) == 99);
  for (std::uint64_t k = 0; k < 6000; ++k) {
    // Keys shaped as the trie's (node << 32 | word), and values 0 and 1 among them.
    const std::uint64_t key = ((k % 97) << 32) | (k * 2654435761u % 4093);
    const auto value = static_cast<std::uint32_t>(k % 3);
    const auto [got, added] = map.Emplace(key, value);
    const auto [it, fresh] = reference.emplace(key, value);
    CHECK(added == fresh);
    CHECK(got == it->second);
  }
  CHECK(map.size() == reference.size());
  for (const auto& [key, value] : reference) CHECK(map.Find(key, 77) == value);
  CHECK(map.Find(0xFFFFFFFEull << 32, 77) == 77);
}
