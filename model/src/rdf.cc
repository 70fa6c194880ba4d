// The RDF view of the graph (docs/facts.md, "The RDF view"): entity IRIs,
// the vn: vocabulary and the triples an entity's own fields give. One mapping
// from entities to RDF: the exports (N-Triples, Turtle, Neo4j CSV) and the
// SPARQL engine both read it, so they see the same graph.
#include "vnkg/model/rdf.h"

#include <cctype>
#include <cstdio>

#include "vnkg/model/hash.h"

namespace vnkg {

std::string EntityIri(const Entity& entity) {
  char hash[17];
  std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(Fnv1a64(EntityKey(entity))));
  std::string type(EntityTypeName(entity.type));
  for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string iri("urn:vnkg:");
  iri += type;
  iri += '-';
  iri += hash;
  return iri;
}

namespace {
Entity ProvinceEntity(const std::string& name) { return Entity{EntityType::kProvince, name, "", "", "", ""}; }
// The event a bridge point belongs to: the key of an event is its date and mention.
Entity EventEntity(const std::string& date, const std::string& mention) {
  Entity event;
  event.type = EntityType::kEvent;
  event.date = date;
  event.mention = mention;
  return event;
}
Entity OrganizationEntity(const std::string& name) { return Entity{EntityType::kOrganization, name, "", "", "", ""}; }
std::string Vn(std::string_view local) { return std::string(kVnNamespace).append(local); }
}  // namespace

std::vector<EntityTriple> EntityRdfTriples(const Entity& e) {
  std::vector<EntityTriple> out;
  out.push_back({std::string(kRdfTypeIri), Vn(EntityTypeName(e.type)), true});
  out.push_back({std::string(kRdfsLabelIri), EntityLabel(e), false});
  switch (e.type) {
    case EntityType::kEvent:
      out.push_back({Vn("date"), e.date, false});
      break;
    case EntityType::kBridgePoint:
      out.push_back({Vn("eventDate"), e.date, false});
      out.push_back({Vn("province"), EntityIri(ProvinceEntity(e.province)), true});
      out.push_back({Vn("event"), EntityIri(EventEntity(e.date, e.mention)), true});
      break;
    case EntityType::kPosition:
      out.push_back({Vn("title"), e.title, false});
      if (!e.organization.empty()) out.push_back({Vn("organization"), EntityIri(OrganizationEntity(e.organization)), true});
      break;
    default:
      break;
  }
  return out;
}

std::vector<Entity> EntityRdfLinks(const Entity& e) {
  if (e.type == EntityType::kBridgePoint) return {ProvinceEntity(e.province), EventEntity(e.date, e.mention)};
  if (e.type == EntityType::kPosition && !e.organization.empty()) return {OrganizationEntity(e.organization)};
  return {};
}

std::string EscapeRdfString(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned char>(c));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  return out;
}

}  // namespace vnkg
