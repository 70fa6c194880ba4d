#include "vnkg/query/bridges.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "vnkg/model/text.h"

namespace vnkg {
namespace {

struct Predicates {
  std::optional<TermId> has_bridge_point, chaired, attended, holds_position;
};

Result<Predicates> LookUpPredicates(const Store& store) {
  Predicates p;
  for (auto [name, slot] : {std::pair{"has_bridge_point", &p.has_bridge_point}, {"chaired", &p.chaired},
                            {"attended", &p.attended}, {"holds_position", &p.holds_position}}) {
    auto id = store.FindPredicate(name);
    if (!id.ok()) return id.status();
    *slot = id.value();
  }
  return p;
}

std::set<std::string> DocsOf(const std::vector<Provenance>& provenance) {
  std::set<std::string> docs;
  for (const auto& p : provenance) docs.insert(p.doc);
  return docs;
}

bool ContainsAllWords(const std::string& haystack_loose, const std::string& needle_loose) {
  std::istringstream words(needle_loose);
  for (std::string w; words >> w;)
    if (haystack_loose.find(w) == std::string::npos) return false;
  return true;
}

// The person's offices stated in any of `docs` (all offices when none is).
Result<std::vector<std::string>> OfficesOf(const Store& store, TermId person, TermId holds_position,
                                           const std::set<std::string>& docs) {
  std::vector<std::string> same_docs, all;
  std::vector<TermId> positions;
  Status status = store.Match(TriplePattern{person, holds_position, std::nullopt}, [&](TermId, TermId, TermId o) {
    positions.push_back(o);
    return true;
  });
  if (!status.ok()) return status;
  for (TermId position : positions) {
    auto entity = store.GetEntity(position);
    if (!entity.ok()) return entity.status();
    const std::string label = EntityLabel(entity.value());
    auto provenance = store.GetProvenance(person, holds_position, position);
    if (!provenance.ok()) return provenance.status();
    all.push_back(label);
    for (const auto& p : provenance.value())
      if (docs.count(p.doc)) {
        same_docs.push_back(label);
        break;
      }
  }
  return same_docs.empty() ? all : same_docs;
}

}  // namespace

Result<std::vector<BridgePointRow>> ListBridgePoints(const Store& store, const BridgeFilter& filter) {
  auto predicates = LookUpPredicates(store);
  if (!predicates.ok()) return predicates.status();
  const Predicates& p = predicates.value();
  std::vector<BridgePointRow> rows;
  if (!p.has_bridge_point) return rows;

  std::vector<std::pair<TermId, TermId>> event_bridge;
  VNKG_RETURN_IF_ERROR(store.Match(TriplePattern{std::nullopt, p.has_bridge_point, std::nullopt},
                                   [&](TermId s, TermId, TermId o) {
                                     event_bridge.emplace_back(s, o);
                                     return true;
                                   }));
  const std::string want_province = FoldLoose(filter.province);
  const std::string want_event = FoldLoose(filter.event);
  for (auto [event_id, bridge_id] : event_bridge) {
    auto event = store.GetEntity(event_id);
    if (!event.ok()) return event.status();
    auto bridge = store.GetEntity(bridge_id);
    if (!bridge.ok()) return bridge.status();
    if (!want_province.empty() && FoldLoose(bridge->province) != want_province) continue;
    if (!filter.date.empty() && bridge->date.rfind(filter.date, 0) != 0) continue;
    if (!want_event.empty() && !ContainsAllWords(FoldLoose(event->name), want_event)) continue;
    auto bridge_provenance = store.GetProvenance(event_id, *p.has_bridge_point, bridge_id);
    if (!bridge_provenance.ok()) return bridge_provenance.status();

    std::size_t people = 0;
    for (auto [role, predicate] : {std::pair{"chaired", p.chaired}, {"attended", p.attended}}) {
      if (!predicate) continue;
      std::vector<TermId> persons;
      VNKG_RETURN_IF_ERROR(store.Match(TriplePattern{std::nullopt, predicate, bridge_id}, [&](TermId s, TermId, TermId) {
        persons.push_back(s);
        return true;
      }));
      for (TermId person_id : persons) {
        // Someone who chaired a bridge point attended it too; list them once.
        if (std::string(role) == "attended" && p.chaired) {
          bool chaired = false;
          VNKG_RETURN_IF_ERROR(store.Match(TriplePattern{person_id, p.chaired, bridge_id}, [&](TermId, TermId, TermId) {
            chaired = true;
            return false;
          }));
          if (chaired) continue;
        }
        auto person = store.GetEntity(person_id);
        if (!person.ok()) return person.status();
        auto provenance = store.GetProvenance(person_id, *predicate, bridge_id);
        if (!provenance.ok()) return provenance.status();
        const std::set<std::string> docs = DocsOf(provenance.value());
        BridgePointRow row{bridge->date, event->name, bridge->province, role, person->name, {}, {docs.begin(), docs.end()},
                           event_id};
        if (p.holds_position) {
          auto offices = OfficesOf(store, person_id, *p.holds_position, docs);
          if (!offices.ok()) return offices.status();
          row.offices = std::move(offices.value());
        }
        rows.push_back(std::move(row));
        ++people;
      }
    }
    if (people == 0) {
      const std::set<std::string> docs = DocsOf(bridge_provenance.value());
      rows.push_back(
          BridgePointRow{bridge->date, event->name, bridge->province, "", "", {}, {docs.begin(), docs.end()}, event_id});
    }
  }
  std::sort(rows.begin(), rows.end(), [](const BridgePointRow& a, const BridgePointRow& b) {
    return std::tie(a.event_date, a.province, a.role, a.person) < std::tie(b.event_date, b.province, b.role, b.person);
  });
  return rows;
}

}  // namespace vnkg
