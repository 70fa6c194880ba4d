#include "vnkg/model/facts_json.h"

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

std::string StringField(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return {};
  return it->get<std::string>();
}

Result<Entity> EntityFromJson(const json& j, const char* where) {
  if (!j.is_object()) return Status::InvalidArgument(std::string(where) + ": not an object");
  auto type = ParseEntityType(StringField(j, "type"));
  if (!type) return Status::InvalidArgument(std::string(where) + ".type: unknown entity type '" + StringField(j, "type") + "'");
  Entity e;
  e.type = *type;
  switch (e.type) {
    case EntityType::kBridgePoint:
      e.province = StringField(j, "province");
      e.date = StringField(j, "event_date");
      e.mention = StringField(j, "mention");
      break;
    case EntityType::kEvent:
      e.name = StringField(j, "name");
      e.date = StringField(j, "date");
      e.mention = StringField(j, "mention");
      e.about = StringField(j, "about");
      break;
    case EntityType::kPosition:
      e.title = StringField(j, "title");
      e.organization = StringField(j, "organization");
      e.mention = StringField(j, "holder");
      break;
    default:
      e.name = StringField(j, "name");
      e.date = StringField(j, "date");
  }
  return e;
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
  json j = json::parse(line.begin(), line.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Status::InvalidArgument("not valid JSON");
  if (!j.is_object()) return Status::InvalidArgument("not a JSON object");
  Fact fact;
  // By reference: json::value() would copy each sub-object.
  static const json kMissing;
  const auto member = [&j](const char* key) -> const json& {
    auto it = j.find(key);
    return it == j.end() ? kMissing : *it;
  };
  auto subject = EntityFromJson(member("subject"), "subject");
  if (!subject.ok()) return subject.status();
  auto object = EntityFromJson(member("object"), "object");
  if (!object.ok()) return object.status();
  fact.subject = std::move(subject.value());
  fact.object = std::move(object.value());
  fact.predicate = StringField(j, "predicate");
  if (!IsKnownPredicate(fact.predicate))
    return Status::InvalidArgument("predicate: unknown predicate '" + fact.predicate + "'");
  fact.doc = StringField(j, "doc");
  fact.evidence = StringField(j, "evidence");
  fact.date = StringField(j, "date");
  fact.by = StringField(j, "by");
  // Only a confidence in 0..1 is one (fact.h); any other number (1e99 would
  // be inf as a float, exported as null) is ignored like an unknown extra field.
  if (auto it = j.find("confidence"); it != j.end() && it->is_number()) {
    const double confidence = it->get<double>();
    if (confidence >= 0.0 && confidence <= 1.0) fact.confidence = static_cast<float>(confidence);
  }
  return fact;
}

}  // namespace vnkg
