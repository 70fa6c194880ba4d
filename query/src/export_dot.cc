#include <map>
#include <set>
#include <vector>

#include "vnkg/query/export.h"

namespace vnkg {
namespace {

struct Style {
  const char* shape;
  const char* color;
};

Style StyleOf(EntityType type) {
  switch (type) {
    case EntityType::kPerson: return {"ellipse", "#cfe2ff"};
    case EntityType::kOrganization: return {"box", "#fff3cd"};
    case EntityType::kProvince: return {"hexagon", "#d1e7dd"};
    case EntityType::kPlace: return {"octagon", "#e2e3e5"};
    case EntityType::kEvent: return {"doubleoctagon", "#f8d7da"};
    case EntityType::kBridgePoint: return {"diamond", "#ffe5d0"};
    case EntityType::kPosition: return {"note", "#ede7f6"};
    case EntityType::kAward: return {"component", "#fff0b3"};
  }
  return {"ellipse", "#ffffff"};
}

std::string Quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  out += '"';
  return out;
}

std::string NodeName(TermId id) {
  std::string name(1, 'n');
  name += std::to_string(id);
  return name;
}

void WriteNode(std::ostream& out, TermId id, const Entity& e, const char* indent) {
  const Style style = StyleOf(e.type);
  out << indent << NodeName(id) << " [label=" << Quoted(EntityLabel(e)) << ", shape=" << style.shape
      << ", style=filled, fillcolor=" << Quoted(style.color) << "];\n";
}

}  // namespace

Result<std::uint64_t> ExportDot(const Store& store, const DotOptions& options, std::ostream& out) {
  struct Edge {
    TermId s, o;
    std::string predicate;
  };
  std::map<TermId, Entity> entities;
  std::vector<Edge> edges;
  auto wanted = [&](TermId id) { return !options.only || options.only->count(id) > 0; };
  Status status = store.ForEachFact([&](const StoredFact& f) {
    if (!wanted(f.subject_id) || !wanted(f.object_id)) return true;
    entities.emplace(f.subject_id, f.subject);
    entities.emplace(f.object_id, f.object);
    edges.push_back({f.subject_id, f.object_id, f.predicate});
    return entities.size() <= options.max_entities;
  });
  if (!status.ok()) return status;
  if (options.only) {
    for (TermId id : *options.only) {  // isolated members of the selection are drawn too
      if (entities.count(id)) continue;
      auto e = store.GetEntity(id);
      if (e.ok()) entities.emplace(id, e.value());
    }
  }
  if (entities.size() > options.max_entities)
    return Status::InvalidArgument("the selection has more than " + std::to_string(options.max_entities) +
                                   " entities, too many to draw legibly; narrow it with --focus NAME --depth K, "
                                   "--event DATE or --province P");

  // Each event is a cluster holding its bridge points.
  std::map<TermId, std::vector<TermId>> clusters;
  std::set<TermId> clustered;
  for (const Edge& e : edges)
    if (e.predicate == "has_bridge_point") {
      clusters[e.s].push_back(e.o);
      clustered.insert(e.s);
      clustered.insert(e.o);
    }

  out << "digraph vnkg {\n  graph [rankdir=LR, fontname=\"DejaVu Sans\", overlap=false];\n"
         "  node [fontname=\"DejaVu Sans\", fontsize=11];\n  edge [fontname=\"DejaVu Sans\", fontsize=9];\n";
  for (const auto& [event, bridges] : clusters) {
    out << "  subgraph cluster_" << event << " {\n    label=" << Quoted(EntityLabel(entities[event]))
        << ";\n    style=rounded; color=\"#b02a37\";\n";
    WriteNode(out, event, entities[event], "    ");
    for (TermId b : bridges) WriteNode(out, b, entities[b], "    ");
    out << "  }\n";
  }
  for (const auto& [id, entity] : entities)
    if (!clustered.count(id)) WriteNode(out, id, entity, "  ");
  for (const Edge& e : edges)
    out << "  " << NodeName(e.s) << " -> " << NodeName(e.o) << " [label=" << Quoted(e.predicate) << "];\n";

  out << "  subgraph cluster_legend {\n    label=\"legend\"; style=dashed; color=\"#888888\";\n";
  for (int t = static_cast<int>(EntityType::kPerson); t <= static_cast<int>(EntityType::kAward); ++t) {
    const auto type = static_cast<EntityType>(t);
    const Style style = StyleOf(type);
    out << "    legend_" << t << " [label=" << Quoted(EntityTypeName(type)) << ", shape=" << style.shape
        << ", style=filled, fillcolor=" << Quoted(style.color) << "];\n";
  }
  out << "  }\n}\n";
  if (!out) return Status::IoError("writing the export failed");
  return entities.size();
}

}  // namespace vnkg
