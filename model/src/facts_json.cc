#include "vnkg/model/facts_json.h"

#include "vnkg/model/fact_reader.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace vnkg {
namespace {

using json = nlohmann::ordered_json;

json EntityJson(const Entity& e, const std::function<std::string(const Entity&)>& id_of = {}) {
  json j;
  j["type"] = std::string(EntityTypeName(e.type));
  switch (e.type) {
    case EntityType::kEvent:
      j["name"] = e.name;
      j["date"] = e.date;
      if (!e.mention.empty()) j["mention"] = e.mention;
      if (!e.about.empty()) j["about"] = e.about;
      break;
    case EntityType::kBridgePoint:
      j["province"] = e.province;
      j["event_date"] = e.date;
      if (!e.mention.empty()) j["mention"] = e.mention;
      if (id_of) {
        Entity event;
        event.type = EntityType::kEvent;
        event.date = e.date;
        event.mention = e.mention;
        j["event"] = json{{"type", "Event"}, {"date", e.date}, {"id", id_of(event)}};
      }
      break;
    case EntityType::kPosition:
      j["title"] = e.title;
      j["organization"] = e.organization.empty() ? json(nullptr) : json(e.organization);
      if (!e.mention.empty()) j["holder"] = e.mention;  // a bare title, its holder's alone
      break;
    default:
      j["name"] = e.name;
  }
  if (id_of) j["id"] = id_of(e);
  return j;
}

}  // namespace

std::string EntityToJson(const Entity& entity) { return EntityJson(entity).dump(); }

std::string FactToJsonLine(const Fact& fact, const std::vector<std::string>& docs,
                           const std::function<std::string(const Entity&)>& id_of) {
  json j;
  j["subject"] = EntityJson(fact.subject, id_of);
  j["predicate"] = fact.predicate;
  j["object"] = EntityJson(fact.object, id_of);
  j["doc"] = fact.doc;
  j["evidence"] = fact.evidence;
  if (!docs.empty()) j["docs"] = docs;
  j["confidence"] = std::round(fact.confidence * 1000.0) / 1000.0;
  if (!fact.date.empty()) j["date"] = fact.date;
  if (!fact.by.empty()) j["by"] = fact.by;
  // Invalid UTF-8 cannot reach here from the extractor, but a replacement
  // character is better than an exception if it ever does.
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<Fact> FactFromJsonLine(std::string_view line) {
  // A reader per call: this is for the odd line (gold files, tests); bulk
  // readers keep one FactLineReader per thread.
  FactLineReader reader;
  Fact fact;
  VNKG_RETURN_IF_ERROR(reader.Read(line, fact));
  return fact;
}

}  // namespace vnkg
