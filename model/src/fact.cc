#include "vnkg/model/fact.h"

#include <algorithm>
#include <string_view>

#include "vnkg/model/text.h"

namespace vnkg {
namespace {

constexpr std::string_view kTypeNames[] = {"",      "Person",      "Organization", "Province", "Place",
                                           "Event", "BridgePoint", "Position",     "Award"};

// White space as `std::istringstream >> word` splits on in the classic
// locale (the process never sets another).
bool IsSpaceByte(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// The words of `s`, as `std::istringstream >> word` reads them. Not with a
// stream: constructing one (its locale) cost more than the keys themselves,
// and EntityKey runs for every new term and every entity of the SPARQL view.
std::vector<std::string> SplitWords(std::string_view s) {
  std::vector<std::string> words;
  for (std::size_t i = 0;;) {
    while (i < s.size() && IsSpaceByte(s[i])) ++i;
    if (i == s.size()) return words;
    std::size_t end = i;
    while (end < s.size() && !IsSpaceByte(s[end])) ++end;
    words.emplace_back(s.substr(i, end - i));
    i = end;
  }
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

// The key of a body's or an office's name: the genre's abbreviations
// expanded, and "tỉnh" / "thành phố" before a name dropped, so that
// "UBND tỉnh Bắc Giang" and "Ủy ban nhân dân Bắc Giang" are one body.
std::string BodyKey(const std::string& name, std::string (*fold)(std::string_view)) {
  static const std::pair<const char*, const char*> kExpansions[] = {
      {"ubnd", "ủy ban nhân dân"}, {"hđnd", "hội đồng nhân dân"}, {"đbqh", "đại biểu quốc hội"},
      {"t.ư", "trung ương"},       {"tư", "trung ương"},          {"tw", "trung ương"},
      {"t.w", "trung ương"},       {"tp", "thành phố"},           {"tp.", "thành phố"},
      {"mttq", "mặt trận tổ quốc"}};
  std::vector<std::string> words;
  const std::vector<std::string> raw = SplitWords(fold(name));
  for (std::size_t k = 0; k < raw.size(); ++k) {
    std::string word = raw[k];
    // "tư" is "Trung ương" only as in "TƯ Đảng" or at the end, never in "đầu tư".
    const bool central = word != "tư" || ((k + 1 == raw.size() || raw[k + 1] == "đảng") && (k == 0 || raw[k - 1] != "đầu"));
    const char* expanded = nullptr;
    for (auto [abbreviation, expansion] : kExpansions)
      if (word == abbreviation && central) expanded = expansion;
    if (!expanded) words.push_back(std::move(word));
    else for (std::string& part : SplitWords(expanded)) words.push_back(std::move(part));
  }
  std::string key;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const bool next_is_party = i + 1 < words.size() && (words[i + 1] == "ủy");
    if (i > 0 && words[i] == "tỉnh" && !next_is_party && i + 1 < words.size()) continue;
    if (i > 0 && words[i] == "thành" && i + 2 < words.size() && words[i + 1] == "phố") {
      ++i;
      continue;
    }
    key += (key.empty() ? "" : " ") + words[i];
  }
  return key;
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
         title == other.title && organization == other.organization && mention == other.mention && about == other.about;
}

std::string EntityKey(const Entity& e) { return EntityKey(e, FoldKey); }

std::string EntityKey(const Entity& e, std::string (*fold)(std::string_view)) {
  std::string key(EntityTypeName(e.type));
  key += '|';
  switch (e.type) {
    // One key per report (mention). Without one (a facts file that gives
    // none), the date alone, as the fact contract's scoring shortcut has it.
    case EntityType::kEvent:
      key += e.date;
      if (!e.mention.empty()) key += "|#" + e.mention;
      break;
    case EntityType::kBridgePoint:
      key += e.date;
      if (!e.mention.empty()) key += "|#" + e.mention;
      key += '|' + fold(e.province);
      break;
    case EntityType::kPosition:
      key += BodyKey(JoinOverlapping(fold(e.title), fold(e.organization)), fold);
      if (!e.mention.empty()) key += "|@" + fold(e.mention);  // a bare title: its holder's alone
      break;
    case EntityType::kOrganization:
      key += BodyKey(e.name, fold);
      break;
    default:
      key += fold(e.name);
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
