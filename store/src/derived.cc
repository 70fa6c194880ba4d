// Derived data: the Store's defaults and the byte layout shared by its users.
#include <cstring>

#include "vnkg/model/text.h"
#include "vnkg/store/store.h"

namespace vnkg {

PinnedBytes::PinnedBytes(std::string copy) {
  auto owned = std::make_shared<const std::string>(std::move(copy));
  bytes_ = *owned;
  owner_ = std::move(owned);
}

Result<std::optional<PinnedBytes>> Store::ReadDerived(const std::string&) const {
  return std::optional<PinnedBytes>();
}

Status Store::PutDerived(const std::string& name, std::string_view) {
  return Status::InvalidArgument("this store keeps no derived data (" + name + ")");
}

Status Store::DropDerived(const std::string&) { return Status::Ok(); }

DerivedWriter& DerivedWriter::U64(std::uint64_t v) {
  for (int i = 0; i < 8; ++i) out_.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
  return *this;
}

Status Store::ForEachEntityNamed(const std::string& loose_name,
                                 const std::function<bool(TermId, const Entity&)>& visit) const {
  return ForEachEntity([&](TermId id, const Entity& e) { return FoldLoose(EntityLabel(e)) != loose_name || visit(id, e); });
}

DerivedWriter& DerivedWriter::U32(std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out_.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
  return *this;
}

DerivedWriter& DerivedWriter::Str(std::string_view s) {
  U64(s.size());
  out_.append(s);
  return *this;
}

DerivedWriter& DerivedWriter::Entity(const vnkg::Entity& e) {
  U64(static_cast<std::uint64_t>(e.type));
  for (const std::string* field : {&e.name, &e.date, &e.province, &e.title, &e.organization, &e.mention, &e.about})
    Str(*field);
  return *this;
}

bool DerivedReader::U64(std::uint64_t& v) {
  if (!ok_ || in_.size() < 8) return ok_ = false;
  v = 0;
  for (int i = 0; i < 8; ++i) v |= std::uint64_t(static_cast<unsigned char>(in_[i])) << (8 * i);
  in_.remove_prefix(8);
  return true;
}

bool DerivedReader::U32(std::uint32_t& v) {
  if (!ok_ || in_.size() < 4) return ok_ = false;
  v = 0;
  for (int i = 0; i < 4; ++i) v |= std::uint32_t(static_cast<unsigned char>(in_[i])) << (8 * i);
  in_.remove_prefix(4);
  return true;
}

bool DerivedReader::Str(std::string& s) {
  std::uint64_t n = 0;
  if (!U64(n)) return false;
  if (in_.size() < n) return ok_ = false;
  s.assign(in_.data(), n);
  in_.remove_prefix(n);
  return true;
}

bool DerivedReader::Entity(vnkg::Entity& e) {
  std::uint64_t type = 0;
  if (!U64(type) || type < 1 || type > static_cast<std::uint64_t>(EntityType::kAward)) return ok_ = false;
  e.type = static_cast<EntityType>(type);
  for (std::string* field : {&e.name, &e.date, &e.province, &e.title, &e.organization, &e.mention, &e.about})
    if (!Str(*field)) return false;
  return true;
}

}  // namespace vnkg
