// One presenter per question: the rows a question of query/ returns, as the
// ResultTable a person reads. The REPL writes it in any .mode; the
// subcommands (app/question_commands.cc) print the same table, or lay out the
// same rows as lines (path) or per-event blocks (bridges). A column or a
// wording changes here, once, for both.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vnkg/graph/graph.h"
#include "vnkg/query/bridges.h"
#include "vnkg/query/questions.h"
#include "vnkg/shell/result.h"

namespace vnkg {

// `items` joined with `separator` ("a; b; c"); empty for none.
std::string JoinList(const std::vector<std::string>& items, std::string_view separator);

// Columns date, event, bridge point, role, person, office, source; one row
// per bridge point and role. The role reads "chủ trì (chaired)", "dự
// (attended)" or "-"; a missing person is "-".
ResultTable BridgesTable(const std::vector<BridgePointRow>& rows);

// Titled with the entity's label and type; columns relation, what, date, sources.
ResultTable WhoTable(const NamedEntity& entity, const std::vector<WhoRow>& rows);

// `path` as found by ShortestPath (nullopt: no connection within
// `max_hops`). Titled "N hops from A to B" or "no connection within N hops";
// columns hop, from, link ("--p-->" or "<--p--"), to, evidence, source.
ResultTable PathTable(const KnowledgeGraph& graph, const NamedEntity& from, const NamedEntity& to,
                      const std::optional<std::vector<Hop>>& path, int max_hops);

// Titled "within K hops of X"; columns hops, entity, type.
ResultTable NeighborsTable(const NamedEntity& center, int depth, const NeighborList& around);

// Columns date, event, organized by, bridge points, held in.
ResultTable EventsTable(const std::vector<EventRow>& rows);

// Columns `by` ("degree": whole numbers, "betweenness": one decimal), entity, type.
ResultTable TopTable(std::string_view by, const std::vector<TopRow>& rows);

}  // namespace vnkg
