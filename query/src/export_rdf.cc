#include <cstdint>
#include <cstdio>
#include <map>
#include <set>

#include "vnkg/query/export.h"

namespace vnkg {
namespace {

const std::string kRdfType(kRdfTypeIri);
const std::string kRdfsLabel(kRdfsLabelIri);

// Writes triples in either syntax; Turtle groups a subject's triples.
class TripleWriter {
 public:
  TripleWriter(RdfSyntax syntax, std::ostream& out) : syntax_(syntax), out_(out) {
    if (syntax_ == RdfSyntax::kTurtle)
      out_ << "@prefix vn: <urn:vnkg:> .\n"
              "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n"
              "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n\n";
  }
  ~TripleWriter() { Close(); }

  void Iri(const std::string& s, const std::string& p, const std::string& o_iri) { Write(s, p, Term(o_iri)); }
  void Literal(const std::string& s, const std::string& p, std::string_view value) {
    std::string literal(1, '"');
    literal += EscapeRdfString(value);
    literal += '"';
    Write(s, p, literal);
  }
  void Close() {
    if (syntax_ == RdfSyntax::kTurtle && !subject_.empty()) out_ << " .\n";
    subject_.clear();
  }
  std::uint64_t count() const { return count_; }

 private:
  std::string Term(const std::string& iri) const {
    if (syntax_ == RdfSyntax::kTurtle) {
      if (iri == kRdfType) return "rdf:type";
      if (iri == kRdfsLabel) return "rdfs:label";
      if (iri.rfind("urn:vnkg:", 0) == 0 && iri.find_first_of("-") == std::string::npos)
        return std::string("vn:").append(iri, 9);
    }
    std::string bracketed(1, '<');
    bracketed += iri;
    bracketed += '>';
    return bracketed;
  }
  void Write(const std::string& s, const std::string& p, const std::string& o) {
    ++count_;
    if (syntax_ == RdfSyntax::kNTriples) {
      out_ << '<' << s << "> <" << p << "> " << o << " .\n";
      return;
    }
    if (s == subject_) {
      out_ << " ;\n    " << Term(p) << ' ' << o;
    } else {
      if (!subject_.empty()) out_ << " .\n";
      out_ << '<' << s << ">\n    " << Term(p) << ' ' << o;
      subject_ = s;
    }
  }
  RdfSyntax syntax_;
  std::ostream& out_;
  std::string subject_;
  std::uint64_t count_ = 0;
};

void WriteEntity(TripleWriter& w, const Entity& e) {
  const std::string iri = EntityIri(e);
  for (const EntityTriple& t : EntityRdfTriples(e)) {
    if (t.object_is_iri) w.Iri(iri, t.predicate, t.object);
    else w.Literal(iri, t.predicate, t.object);
  }
}

}  // namespace

Result<std::uint64_t> ExportRdf(const Store& store, RdfSyntax syntax, std::ostream& out) {
  TripleWriter writer(syntax, out);
  // Entities first, then those that BridgePoints and Positions point to but
  // that no fact names (they still need a type and a label).
  std::set<std::string> written;
  std::map<std::string, Entity> implied;
  Status status = store.ForEachEntity([&](TermId, const Entity& e) {
    WriteEntity(writer, e);
    written.insert(EntityKey(e));
    for (Entity& linked : EntityRdfLinks(e)) implied.emplace(EntityKey(linked), std::move(linked));
    return true;
  });
  if (!status.ok()) return status;
  for (const auto& [key, entity] : implied)
    if (!written.count(key)) WriteEntity(writer, entity);
  writer.Close();
  status = store.ForEachFact([&](const StoredFact& fact) {
    writer.Iri(EntityIri(fact.subject), "urn:vnkg:" + fact.predicate, EntityIri(fact.object));
    writer.Close();
    return static_cast<bool>(out);
  });
  if (!status.ok()) return status;
  writer.Close();
  if (!out) return Status::IoError("writing the export failed (disk full or closed pipe?)");
  return writer.count();
}

}  // namespace vnkg
