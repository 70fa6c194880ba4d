// The DOM reader of fact lines that FactLineReader (model/fact_reader.h)
// replaced, kept as the oracle of its contract: fuzz_jsonl and
// tests/model/fact_reader_test.cc check that the two accept the same lines
// and give the same facts. Not for use outside tests: it builds a JSON tree
// per line (nlohmann), which is what made `ingest --facts` slow.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "vnkg/model/fact.h"
#include "vnkg/status.h"

namespace vnkg::reference {

namespace detail {

using json = nlohmann::ordered_json;

inline std::string StringField(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return {};
  return it->get<std::string>();
}

inline Result<Entity> EntityFromJson(const json& j, const char* where) {
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

}  // namespace detail

inline Result<Fact> FactFromJsonLineDom(std::string_view line) {
  using detail::json;
  json j = json::parse(line.begin(), line.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Status::InvalidArgument("not valid JSON");
  if (!j.is_object()) return Status::InvalidArgument("not a JSON object");
  Fact fact;
  static const json kMissing;
  const auto member = [&j](const char* key) -> const json& {
    auto it = j.find(key);
    return it == j.end() ? kMissing : *it;
  };
  auto subject = detail::EntityFromJson(member("subject"), "subject");
  if (!subject.ok()) return subject.status();
  auto object = detail::EntityFromJson(member("object"), "object");
  if (!object.ok()) return object.status();
  fact.subject = std::move(subject.value());
  fact.object = std::move(object.value());
  fact.predicate = detail::StringField(j, "predicate");
  if (!IsKnownPredicate(fact.predicate))
    return Status::InvalidArgument("predicate: unknown predicate '" + fact.predicate + "'");
  fact.doc = detail::StringField(j, "doc");
  fact.evidence = detail::StringField(j, "evidence");
  fact.date = detail::StringField(j, "date");
  fact.by = detail::StringField(j, "by");
  if (auto it = j.find("confidence"); it != j.end() && it->is_number()) {
    const double confidence = it->get<double>();
    if (confidence >= 0.0 && confidence <= 1.0) fact.confidence = static_cast<float>(confidence);
  }
  return fact;
}

}  // namespace vnkg::reference
