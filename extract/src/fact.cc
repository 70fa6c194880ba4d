#include "vnkg/extract/fact.h"

#include <algorithm>
#include <sstream>

#include "vnkg/extract/text.h"

namespace vnkg {
namespace {

constexpr std::string_view kTypeNames[] = {"",      "Person",      "Organization", "Province", "Place",
                                           "Event", "BridgePoint", "Position",     "Award"};

std::vector<std::string> SplitWords(const std::string& s) {
  std::vector<std::string> words;
  std::istringstream in(s);
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

// "trưởng ban" + "ban đối ngoại" -> "trưởng ban đối ngoại": a word the title
// ends with and the organization starts with is written once.
std::string JoinOverlapping(const std::string& title, const std::string& org) {
  if (org.empty()) return title;
  if (title.empty()) return org;
  const auto tw = SplitWords(title), ow = SplitWords(org);
  for (size_t n = std::min(tw.size(), ow.size()); n > 0; --n) {
    if (std::equal(tw.end() - static_cast<long>(n), tw.end(), ow.begin())) {
      std::string out = title;
      for (size_t i = n; i < ow.size(); ++i) out += " " + ow[i];
      return out;
    }
  }
  return title + " " + org;
}

}  // namespace

std::string_view EntityTypeName(EntityType type) { return kTypeNames[static_cast<int>(type)]; }

std::optional<EntityType> ParseEntityType(std::string_view name) {
  for (int i = 1; i < static_cast<int>(std::size(kTypeNames)); ++i)
    if (kTypeNames[i] == name) return static_cast<EntityType>(i);
  return std::nullopt;
}

bool Entity::operator==(const Entity& other) const {
  return type == other.type && name == other.name && date == other.date && province == other.province &&
         title == other.title && organization == other.organization;
}

std::string EntityKey(const Entity& e) {
  std::string key(EntityTypeName(e.type));
  key += '|';
  switch (e.type) {
    case EntityType::kEvent:
      key += e.date;
      break;
    case EntityType::kBridgePoint:
      key += e.date + '|' + FoldKey(e.province);
      break;
    case EntityType::kPosition:
      key += JoinOverlapping(FoldKey(e.title), FoldKey(e.organization));
      break;
    default:
      key += FoldKey(e.name);
  }
  return key;
}

std::string EntityLabel(const Entity& e) {
  switch (e.type) {
    case EntityType::kBridgePoint:
      return "điểm cầu " + e.province + " (" + e.date + ")";
    case EntityType::kPosition:
      return e.organization.empty() ? e.title : e.title + " " + e.organization;
    case EntityType::kEvent:
      return e.name.empty() ? "sự kiện " + e.date : e.name;
    default:
      return e.name;
  }
}

bool IsKnownPredicate(std::string_view predicate) {
  return std::find(std::begin(kPredicates), std::end(kPredicates), predicate) != std::end(kPredicates);
}

}  // namespace vnkg
