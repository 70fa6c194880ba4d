#include "offices.h"

#include <map>
#include <set>
#include <string_view>

#include "sentences.h"
#include "vnkg/model/text.h"

namespace vnkg {
namespace {

using namespace std::string_view_literals;

bool StartsWithWord(const std::string& folded, const std::string& word) {
  return folded.size() >= word.size() && folded.compare(0, word.size(), word) == 0 &&
         (folded.size() == word.size() || folded[word.size()] == ' ');
}

// A province written inside a body's name by another of its names ("Thành ủy TP.HCM", "Sở TN-MT TPHCM",
// "UBND tỉnh Thừa Thiên - Huế") is written by its canonical name ("TP Hồ Chí Minh", "tỉnh Huế"), so that
// one body is one node however the article spells its province (EntityKey drops the unit words). A province
// written by its own name is left as written.
std::string CanonicalProvinces(const std::string& org, const Gazetteer& g) {
  const std::vector<Token> tokens = Tokenize(org, 0);
  const auto marks = stage::MarkTokens(g, tokens);
  std::string out;
  std::size_t copied = 0;  // bytes of `org` already in `out`
  for (std::size_t i = 0; i < tokens.size(); i += marks[i] ? marks[i]->length : 1) {
    if (!marks[i] || marks[i]->kind != PhraseKind::kProvince) continue;
    const std::string& canonical = marks[i]->info->canonical;
    const std::size_t last = i + marks[i]->length - 1;
    const std::string written = org.substr(tokens[i].begin, tokens[last].end - tokens[i].begin);
    if (FoldCachedWords(written) == FoldCachedWords(canonical)) continue;
    // A unit word written before it stays ("tỉnh Thừa Thiên - Huế" is "tỉnh Huế", as it was then); one
    // inside the alias ("TP.HCM", "TPHCM") is written "TP".
    const std::string folded = FoldCachedWords(written);
    out += org.substr(copied, tokens[i].begin - copied);
    if (folded.rfind("tp", 0) == 0) out += "TP ";
    else if (folded.rfind("tỉnh", 0) == 0) out += "tỉnh ";
    out += canonical;
    copied = tokens[last].end;
  }
  if (copied == 0) return org;
  return out + org.substr(copied);
}

// `native`: the holder's name starts with a Vietnamese family name. "Bộ trưởng Quốc phòng James Mattis" and
// "Về phía Nga có ... Bộ trưởng Ngoại giao Sergey Lavrov" name another country's ministry by the same short
// name; only a Vietnamese holder's short name is a Vietnamese ministry.
void Canonicalize(Entity& position, const Gazetteer& g, bool native) {
  if (position.organization.empty()) {
    // A title written by another of its names ("TBT", "Thủ tướng Việt Nam", "Chủ tịch nước CHXHCN Việt Nam"):
    // its canonical name, one office however it is written.
    if (const PhraseInfo* title = g.Find(FoldCachedWords(position.title), PhraseKind::kTitle);
        title && !title->takes_org && FoldCachedWords(title->canonical) != FoldCachedWords(position.title))
      position.title = title->canonical;
    return;
  }
  position.organization = CanonicalProvinces(position.organization, g);
  // "Phó Thủ tướng" + "Chính phủ": the whole is another way of writing a title that takes no body, when the
  // title is the alias shortened ("Phó Thủ tướng" of "Phó Thủ tướng Chính phủ"), or, for a Vietnamese holder,
  // when the title written heads the canonical one ("Thủ tướng" + "Việt Nam" is "Thủ tướng Chính phủ",
  // "Ủy viên" + "Ban Chấp hành Trung ương Đảng" is "Ủy viên Trung ương Đảng"): one office however written.
  const std::string written = FoldCachedWords(position.title + " " + position.organization);
  const PhraseInfo* whole = g.Find(written, PhraseKind::kTitle);
  if (whole && !whole->takes_org && FoldCachedWords(whole->canonical) != written &&
      (StartsWithWord(written, FoldCachedWords(whole->canonical)) ||
       (native && StartsWithWord(FoldCachedWords(whole->canonical), FoldCachedWords(position.title))))) {
    position.title = whole->canonical;
    position.organization.clear();
    return;
  }
  // "Bộ trưởng" + "Ngoại giao": a ministry by its short name; "Bộ KH&ĐT", "Bộ Kế hoạch - đầu tư": by
  // another of its written names. One ministry is one body of the graph, however it is written.
  const std::string org = FoldCachedWords(position.organization);
  // (Its words stay the title's: "Bộ trưởng Quốc phòng", not a body named "Quốc phòng".)
  // The same for "Bộ trưởng Bộ Quốc phòng Mark Esper": a ministry named without its country is the holder's
  // country's.
  if (!native) {
    if (const PhraseInfo* body = g.Find(org, PhraseKind::kBody); body && StartsWithWord(FoldCachedWords(body->canonical), "bộ")) {
      position.title += " " + position.organization;
      position.organization.clear();
    }
    return;
  }
  if (const PhraseInfo* body = g.Find(org, PhraseKind::kBody); body && StartsWithWord(FoldCachedWords(body->canonical), "bộ"))
    position.organization = body->canonical;
}

bool IsBare(const Entity& position, const Gazetteer& g) {
  if (!position.organization.empty()) return false;
  // "cựu Chủ tịch", "nguyên Giám đốc", "Phó viện trưởng", "Phó Chủ tịch thường trực": the title
  // read with the words the mention stage reads around a title (mentions.cc), and as bare as it.
  // The title as written decides first ("Phó Thủ tướng" is a title of its own, not "Thủ tướng").
  std::string title = FoldCachedWords(position.title);
  for (;;) {
    static const std::string kStanding = " thường trực";
    const bool standing = title.size() > kStanding.size() && title.compare(title.size() - kStanding.size(), kStanding.size(), kStanding) == 0;
    for (std::string candidate : {title, standing ? title.substr(0, title.size() - kStanding.size()) : std::string()}) {
      if (candidate.empty()) continue;
      if (const PhraseInfo* info = g.Find(candidate, PhraseKind::kTitle)) return info->takes_org;
    }
    bool stripped = false;
    for (const char* prefix : {"phó", "quyền", "nguyên", "cựu"})
      if (!stripped && StartsWithWord(title, prefix) && title.size() > std::string_view(prefix).size()) {
        title.erase(0, std::string_view(prefix).size() + 1);
        stripped = true;
      }
    if (!stripped) return false;
  }
}

}  // namespace

void ResolveOffices(std::vector<Fact>& facts, const Gazetteer& g) {
  // person -> folded title -> the bodies the article says they hold it at
  std::map<std::string, std::map<std::string, std::set<std::string>>> bodies;
  std::map<std::pair<std::string, std::string>, Entity> full;  // (person, folded title + body) -> the office
  for (Fact& f : facts) {
    if (f.predicate != "holds_position" || f.object.type != EntityType::kPosition) continue;
    const std::string person_key = FoldCachedWords(f.subject.name);
    Canonicalize(f.object, g, g.surnames.count(person_key.substr(0, person_key.find(' '))) > 0);
    if (f.object.organization.empty()) continue;
    const std::string person = FoldCachedWords(f.subject.name), title = FoldCachedWords(f.object.title);
    const std::string body = FoldCachedWords(f.object.organization);
    bodies[person][title].insert(body);
    full.emplace(std::pair{person, title + '\n' + body}, f.object);
  }
  for (Fact& f : facts) {
    if (f.predicate != "holds_position" || f.object.type != EntityType::kPosition || !IsBare(f.object, g)) continue;
    const std::string person = FoldCachedWords(f.subject.name), title = FoldCachedWords(f.object.title);
    const auto held = bodies.find(person);
    const auto at = held == bodies.end() ? nullptr : &held->second;
    if (at && at->count(title) && at->at(title).size() == 1) {
      f.object = full.at({person, title + '\n' + *at->at(title).begin()});
    } else {
      f.object.mention = person;
    }
  }
}

}  // namespace vnkg
