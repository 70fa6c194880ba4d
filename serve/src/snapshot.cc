#include "snapshot.h"

#include <set>
#include <sstream>

#include "vnkg/query/export.h"

namespace vnkg::serve {

Result<std::shared_ptr<const StoreSnapshot>> StoreSnapshot::Open(const std::string& dir) {
  auto store = Store::Open(dir, Store::Mode::kReadOnly);
  if (!store.ok()) return store.status();
  auto snapshot = std::make_shared<StoreSnapshot>();
  snapshot->store_ = std::move(store.value());
  auto stats = snapshot->store_->Stats();
  if (!stats.ok()) return stats.status();
  snapshot->stats_ = stats.value();
  auto engine = SparqlEngine::Create(*snapshot->store_);
  if (!engine.ok()) return engine.status();
  snapshot->engine_ = std::move(engine.value());
  auto names = NameResolver::Load(*snapshot->store_);
  if (!names.ok()) return names.status();
  snapshot->names_.emplace(std::move(names.value()));
  auto graph = KnowledgeGraph::Load(*snapshot->store_);
  if (!graph.ok()) return graph.status();
  snapshot->graph_.emplace(std::move(graph.value()));
  return std::shared_ptr<const StoreSnapshot>(std::move(snapshot));
}

bool StoreSnapshot::SameContent(const StoreStats& other) const {
  return stats_.documents == other.documents && stats_.facts == other.facts && stats_.entities == other.entities &&
         stats_.provenance == other.provenance;
}

Result<StoreStats> StoreSnapshot::CurrentStats(const std::string& dir) {
  auto store = Store::Open(dir, Store::Mode::kReadOnly);
  if (!store.ok()) return store.status();
  return store.value()->Stats();
}

Result<SparqlResult> StoreSnapshot::Sparql(std::string_view query, std::size_t max_rows, Deadline deadline) const {
  SparqlOptions options;
  options.max_rows = max_rows;
  options.deadline = deadline;
  return engine_->Run(query, options);
}

Status StoreSnapshot::CheckSparql(std::string_view query) const { return ParseSparql(query); }

Result<Resolution> StoreSnapshot::Resolve(const std::string& name) const { return names_->Resolve(name); }

Result<Entity> StoreSnapshot::GetEntity(TermId id) const { return store_->GetEntity(id); }

std::string StoreSnapshot::Label(const Entity& entity) const { return EntityLabel(entity); }

std::string StoreSnapshot::TypeName(const Entity& entity) const { return std::string(EntityTypeName(entity.type)); }

Result<std::vector<WhoRow>> StoreSnapshot::WhoIs(TermId id, Deadline deadline) const {
  return Who(*store_, id, deadline);
}

Result<std::vector<BridgePointRow>> StoreSnapshot::Bridges(const std::string& province, const std::string& date) const {
  BridgeFilter filter;
  filter.province = province;
  filter.date = date;
  return ListBridgePoints(*store_, filter);
}

Result<std::vector<EventRow>> StoreSnapshot::EventsOn(const std::string& date, Deadline deadline) const {
  return Events(*store_, "", date, date, deadline);
}

std::optional<TermId> StoreSnapshot::EventId(const std::string& date) const {
  Entity event;
  event.type = EntityType::kEvent;
  event.date = date;
  auto id = store_->FindEntity(event);
  if (!id.ok()) return std::nullopt;
  return id.value();
}

Result<std::vector<StoreSnapshot::Incoming>> StoreSnapshot::FactsAbout(TermId id) const {
  std::vector<std::tuple<TermId, TermId>> pairs;
  TriplePattern pattern;
  pattern.object = id;
  Status matched = store_->Match(pattern, [&](TermId s, TermId p, TermId) {
    pairs.emplace_back(s, p);
    return pairs.size() < 5000;
  });
  if (!matched.ok()) return matched;
  std::vector<Incoming> out;
  for (auto [s, p] : pairs) {
    Incoming row;
    row.subject_id = s;
    auto subject = store_->GetEntity(s);
    if (!subject.ok()) return subject.status();
    row.subject = std::move(subject.value());
    auto predicate = store_->GetPredicate(p);
    if (!predicate.ok()) return predicate.status();
    row.predicate = std::move(predicate.value());
    auto provenance = store_->GetProvenance(s, p, id);
    if (!provenance.ok()) return provenance.status();
    row.provenance = std::move(provenance.value());
    out.push_back(std::move(row));
  }
  return out;
}

std::optional<DocumentRecord> StoreSnapshot::Document(const std::string& id) const {
  auto record = store_->GetDocument(id);
  if (!record.ok()) return std::nullopt;
  return record.value();
}

Result<std::string> StoreSnapshot::NeighbourhoodDot(TermId center, std::size_t limit, Deadline deadline) const {
  std::set<TermId> ids{center};
  auto around = Neighbors(*graph_, center, 1, limit, deadline);
  if (!around.ok()) return around.status();
  for (const NeighborRow& row : around->rows)
    if (row.id) ids.insert(row.id);
  DotOptions options;
  options.only = std::move(ids);
  std::ostringstream out;
  auto drawn = ExportDot(*store_, options, out);
  if (!drawn.ok()) return drawn.status();
  return out.str();
}

}  // namespace vnkg::serve
