// Short names resolved to the full name of the same article; see short_names.h.
#include "short_names.h"

#include <map>
#include <set>
#include <string>

#include "tokens.h"
#include "vnkg/model/text.h"

namespace vnkg {
namespace {

bool StartsWithFamilyName(const std::string& folded, const Gazetteer& g) {
  return g.surnames.count(folded.substr(0, folded.find(' '))) > 0;
}

}  // namespace

void ResolveShortNames(std::vector<Fact>& facts, const Gazetteer& g) {
  std::map<std::string, std::string> full_names;  // folded -> as written, names that start with a family name
  for (const Fact& f : facts)
    for (const Entity* e : {&f.subject, &f.object})
      if (e->type == EntityType::kPerson) {
        const std::string folded = FoldCachedWords(e->name);
        if (StartsWithFamilyName(folded, g)) full_names.emplace(folded, e->name);
      }
  std::map<std::string, std::string> resolved;  // folded short name -> full name as written
  std::set<std::string> ambiguous;
  for (const Fact& f : facts)
    for (const Entity* e : {&f.subject, &f.object}) {
      if (e->type != EntityType::kPerson) continue;
      const std::string folded = FoldCachedWords(e->name);
      if (StartsWithFamilyName(folded, g) || resolved.count(folded) || ambiguous.count(folded)) continue;
      const std::string* match = nullptr;
      bool several = false;
      for (const auto& [full, written] : full_names)
        if (full.size() > folded.size() && full.compare(full.size() - folded.size(), folded.size(), folded) == 0 &&
            full[full.size() - folded.size() - 1] == ' ') {
          several = several || match != nullptr;
          match = &written;
        }
      if (several) ambiguous.insert(folded);
      else if (match) resolved.emplace(folded, *match);
    }
  if (resolved.empty()) return;
  for (Fact& f : facts)
    for (Entity* e : {&f.subject, &f.object})
      if (e->type == EntityType::kPerson)
        if (auto it = resolved.find(FoldCachedWords(e->name)); it != resolved.end()) e->name = it->second;
}

}  // namespace vnkg
