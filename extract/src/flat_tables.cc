// Flat hash tables; see flat_tables.h.
#include "flat_tables.h"

#include <utility>

namespace vnkg {

void WordIndex::Place(std::uint32_t id, std::uint64_t h) {
  std::size_t i = h & mask_;
  while (slots_[i].id != kNone) i = (i + 1) & mask_;
  slots_[i] = Slot{static_cast<std::uint32_t>(h >> 32), id};
}

std::uint32_t WordIndex::Add(std::string_view word) {
  if (const std::uint32_t id = Find(word); id != kNone) return id;
  const auto id = static_cast<std::uint32_t>(words_.size());
  words_.emplace_back(word);
  if (2 * words_.size() > slots_.size()) {  // grow to keep probes short: rehash every word
    slots_.assign(slots_.empty() ? 64 : 2 * slots_.size(), Slot{});
    mask_ = slots_.size() - 1;
    for (std::uint32_t k = 0; k < words_.size(); ++k) Place(k, FoldHash64(words_[k]));
  } else {
    Place(id, FoldHash64(word));
  }
  return id;
}

std::pair<std::uint32_t, bool> U64Map::Emplace(std::uint64_t key, std::uint32_t value) {
  if (!slots_.empty())
    for (std::size_t i = Home(key);; i = (i + 1) & mask_) {
      if (slots_[i].key == key) return {slots_[i].value, false};
      if (slots_[i].key == kEmptyKey) break;
    }
  if (2 * (size_ + 1) > slots_.size()) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 64 : 2 * old.size(), Slot{});
    mask_ = slots_.size() - 1;
    shift_ = 64;
    for (std::size_t n = slots_.size(); n > 1; n >>= 1) --shift_;
    for (const Slot& slot : old)
      if (slot.key != kEmptyKey) {
        std::size_t i = Home(slot.key);
        while (slots_[i].key != kEmptyKey) i = (i + 1) & mask_;
        slots_[i] = slot;
      }
  }
  std::size_t i = Home(key);
  while (slots_[i].key != kEmptyKey) i = (i + 1) & mask_;
  slots_[i] = Slot{key, value};
  ++size_;
  return {value, true};
}

}  // namespace vnkg
