#include <fstream>

#include "vnkg/query/export.h"

namespace vnkg {
namespace {

// RFC 4180 quoting, which neo4j-admin reads with its default settings.
std::string Quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

Result<std::uint64_t> ExportNeo4jCsv(const Store& store, const std::string& prefix) {
  const std::string nodes_path = prefix + "nodes.csv", edges_path = prefix + "relationships.csv";
  std::ofstream nodes(nodes_path, std::ios::binary | std::ios::trunc);
  if (!nodes) return Status::IoError("cannot write " + nodes_path);
  std::ofstream edges(edges_path, std::ios::binary | std::ios::trunc);
  if (!edges) return Status::IoError("cannot write " + edges_path);

  std::uint64_t rows = 0;
  nodes << "id:ID,name,date,province,title,organization,:LABEL\n";
  Status status = store.ForEachEntity([&](TermId, const Entity& e) {
    nodes << Quote(EntityIri(e)) << ',' << Quote(EntityLabel(e)) << ',' << Quote(e.date) << ',' << Quote(e.province)
          << ',' << Quote(e.title) << ',' << Quote(e.organization) << ',' << EntityTypeName(e.type) << '\n';
    ++rows;
    return static_cast<bool>(nodes);
  });
  if (!status.ok()) return status;
  edges << ":START_ID,:END_ID,:TYPE,doc,evidence,confidence:float\n";
  status = store.ForEachFact([&](const StoredFact& fact) {
    const Provenance& first = fact.provenance.front();
    edges << Quote(EntityIri(fact.subject)) << ',' << Quote(EntityIri(fact.object)) << ',' << fact.predicate << ','
          << Quote(first.doc) << ',' << Quote(first.evidence) << ',' << first.confidence << '\n';
    ++rows;
    return static_cast<bool>(edges);
  });
  if (!status.ok()) return status;
  nodes.flush();
  edges.flush();
  if (!nodes || !edges) return Status::IoError("writing " + prefix + "*.csv failed (disk full?)");
  return rows;
}

}  // namespace vnkg
