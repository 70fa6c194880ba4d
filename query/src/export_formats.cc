// The export formats by name (export.h), and the selection of a centred
// drawing. To add a format: write its Export function and add a row here;
// `vnkg export --format`, its help and the REPL's .export follow.
#include <algorithm>

#include "vnkg/graph/graph.h"
#include "vnkg/model/text.h"
#include "vnkg/query/export.h"
#include "vnkg/query/questions.h"

namespace vnkg {
namespace {

Result<std::uint64_t> WriteFacts(const Store& store, const ExportSettings& settings, std::ostream& out,
                                 const std::string&) {
  FactsExportOptions options;
  options.min_confidence = settings.min_confidence;
  return ExportFacts(store, options, out);
}

Result<std::uint64_t> WriteNTriples(const Store& store, const ExportSettings&, std::ostream& out, const std::string&) {
  return ExportRdf(store, RdfSyntax::kNTriples, out);
}

Result<std::uint64_t> WriteTurtle(const Store& store, const ExportSettings&, std::ostream& out, const std::string&) {
  return ExportRdf(store, RdfSyntax::kTurtle, out);
}

Result<std::uint64_t> WriteNeo4jCsv(const Store& store, const ExportSettings&, std::ostream&, const std::string& prefix) {
  return ExportNeo4jCsv(store, prefix);
}

Result<std::uint64_t> WriteDot(const Store& store, const ExportSettings& settings, std::ostream& out,
                               const std::string&) {
  return ExportDot(store, settings.dot, out);
}

constexpr ExportFormat kFormats[] = {
    {"facts", "JSON Lines of docs/facts.md", "facts", false, WriteFacts},
    {"ntriples", "", "triples", false, WriteNTriples},
    {"turtle", "", "triples", false, WriteTurtle},
    {"csv", "Neo4j import", "rows", true, WriteNeo4jCsv},
    {"dot", "Graphviz", "entities", false, WriteDot},
};

}  // namespace

std::span<const ExportFormat> ExportFormats() { return kFormats; }

const ExportFormat* FindExportFormat(std::string_view name) {
  for (const ExportFormat& format : kFormats)
    if (format.name == name) return &format;
  return nullptr;
}

std::string ExportFormatNames(std::string_view separator) {
  std::string out;
  for (const ExportFormat& format : kFormats) {
    if (!out.empty()) out += separator;
    out += format.name;
  }
  return out;
}

Result<std::set<TermId>> DotNeighbourhood(const Store& store, const std::string& focus, const std::string& event,
                                          const std::string& province, int depth) {
  auto graph = KnowledgeGraph::Load(store);
  if (!graph.ok()) return graph.status();
  std::optional<Vertex> center;
  if (!focus.empty()) {
    auto resolution = ResolveName(store, focus);
    if (!resolution.ok()) return resolution.status();
    if (resolution->matches.size() != 1)
      return Status::NotFound("--focus '" + focus + "' " +
                              (resolution->matches.empty() ? "names no entity" : "is ambiguous") +
                              "; `vnkg who` shows the candidates");
    center = graph->VertexOf(resolution->matches.front().id);
  } else if (!event.empty()) {
    for (Vertex v = 0; v < graph->size() && !center; ++v) {
      const Entity& e = graph->EntityOf(v);
      if (e.type == EntityType::kEvent && (e.date == event || FoldLoose(e.name).find(FoldLoose(event)) != std::string::npos))
        center = v;
    }
    if (!center) return Status::NotFound("--event '" + event + "': no event on that date or with those words");
  } else {
    auto resolution = ResolveName(store, province, EntityType::kProvince);
    if (!resolution.ok()) return resolution.status();
    if (resolution->matches.empty()) return Status::NotFound("--province '" + province + "' is not in the graph");
    center = graph->VertexOfKey(EntityKey(resolution->matches.front().entity));
  }
  std::set<TermId> ids;
  if (!center) return ids;
  if (graph->graph()[*center].id) ids.insert(graph->graph()[*center].id);
  for (auto [v, distance] : Neighborhood(graph.value(), *center, depth, 2000))
    if (graph->graph()[v].id) ids.insert(graph->graph()[v].id);
  return ids;
}

}  // namespace vnkg
