// The routes: /sparql (the SPARQL 1.1 Protocol) and the pages.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <set>
#include <sstream>

#include "results.h"
#include "snapshot.h"
#include "vnkg/serve/server.h"

namespace vnkg {

using serve::StoreSnapshot;

struct Handler::Impl {
  ServeOptions options;
  mutable std::mutex mutex;
  std::shared_ptr<const StoreSnapshot> current;
  std::atomic<bool> cancel{false};

  std::shared_ptr<const StoreSnapshot> Current() const {
    std::lock_guard lock(mutex);
    return current;
  }
  Deadline QueryDeadline() const {
    return Deadline::Seconds(options.query_timeout).CancelledBy(&cancel).SettingName("--timeout");
  }
};

namespace {

using Params = std::multimap<std::string, std::string>;

std::string Param(const Params& params, const std::string& name) {
  auto it = params.find(name);
  return it == params.end() ? std::string() : it->second;
}

std::string LowerMediaType(std::string_view header) {
  std::string out(header.substr(0, header.find(';')));
  while (!out.empty() && out.back() == ' ') out.pop_back();
  while (!out.empty() && out.front() == ' ') out.erase(out.begin());
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

HttpResponse Text(unsigned status, std::string body) {
  HttpResponse r;
  r.status = status;
  r.body = std::move(body);
  if (r.body.empty() || r.body.back() != '\n') r.body += '\n';
  return r;
}

HttpResponse MethodNotAllowed(std::string allow) {
  HttpResponse r = Text(405, "method not allowed; this resource takes " + allow);
  r.headers.emplace_back("Allow", std::move(allow));
  return r;
}

const char kStyle[] = R"(
body{font-family:system-ui,sans-serif;margin:0;color:#1d2327;background:#fafafa}
header{background:#7a1f1f;color:#fff;padding:.6em 1.2em;display:flex;gap:1.5em;align-items:baseline}
header a{color:#fff;text-decoration:none}header a.brand{font-weight:bold;font-size:1.2em}
main{padding:1em 1.5em;max-width:72em}
h1{font-size:1.6em;margin:.3em 0}h2{font-size:1.2em;margin-top:1.5em;border-bottom:1px solid #ddd}
table{border-collapse:collapse;margin:.5em 0;background:#fff}
th,td{border:1px solid #ddd;padding:.3em .6em;text-align:left;vertical-align:top}
th{background:#f0f0f0}
.evidence{font-style:italic;color:#444;max-width:40em}
.muted{color:#666;font-size:.9em}
.error{background:#fde8e8;border:1px solid #e0a0a0;padding:.6em;white-space:pre-wrap;font-family:monospace}
form{margin:.8em 0}input[type=text]{padding:.3em;min-width:18em}
textarea{width:100%;max-width:60em;font-family:monospace}
.graph svg{max-width:100%;max-height:34em;width:auto;height:auto;background:#fff;border:1px solid #ddd}
footer{padding:1em 1.5em;color:#666;font-size:.85em}
)";

std::string Page(const std::string& title, const std::string& body, const StoreSnapshot* snapshot) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                    "<title>" + HtmlEscape(title) + " · vnkg</title><style>" + kStyle +
                    "</style></head><body>\n<header><a class=\"brand\" href=\"/\">vnkg</a>"
                    "<a href=\"/\">Search</a><a href=\"/bridges\">Bridge points</a><a href=\"/query\">SPARQL</a>"
                    "</header>\n<main>\n" + body + "</main>\n<footer>Read-only view";
  if (snapshot)
    out += " of " + std::to_string(snapshot->stats().documents) + " documents, " +
           std::to_string(snapshot->stats().facts) + " facts, " + std::to_string(snapshot->stats().entities) +
           " entities";
  out += ". SPARQL endpoint: <code>/sparql</code>.</footer>\n</body></html>\n";
  return out;
}

HttpResponse Html(unsigned status, const std::string& title, const std::string& body, const StoreSnapshot* s) {
  HttpResponse r;
  r.status = status;
  r.content_type = "text/html; charset=utf-8";
  r.body = Page(title, body, s);
  return r;
}

std::string Link(const std::string& path, const std::string& param, const std::string& value,
                 const std::string& text) {
  std::string query;
  for (unsigned char c : value) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      query += static_cast<char>(c);
    } else {
      char buffer[4];
      std::snprintf(buffer, sizeof buffer, "%%%02X", c);
      query += buffer;
    }
  }
  return "<a href=\"" + path + "?" + param + "=" + query + "\">" + HtmlEscape(text) + "</a>";
}

// A document as a link to its article when it has a web address, else its id.
std::string SourceLinks(const StoreSnapshot& s, const std::vector<std::string>& docs) {
  std::string out;
  std::size_t shown = 0;
  for (const std::string& doc : docs) {
    if (shown++ == 8) {
      out += " <span class=\"muted\">and " + std::to_string(docs.size() - 8) + " more</span>";
      break;
    }
    if (!out.empty()) out += "<br>";
    auto record = s.Document(doc);
    const std::string title = record && !record->title.empty() ? record->title : doc;
    if (record && (record->url.rfind("https://", 0) == 0 || record->url.rfind("http://", 0) == 0))
      out += "<a href=\"" + HtmlEscape(record->url) + "\" rel=\"noreferrer\">" + HtmlEscape(title) + "</a>";
    else
      out += HtmlEscape(title);
    if (title != doc) out += " <span class=\"muted\">(" + HtmlEscape(doc) + ")</span>";
  }
  return out;
}

std::string ErrorBox(const std::string& message) { return "<div class=\"error\">" + HtmlEscape(message) + "</div>\n"; }

unsigned StatusFor(const Status& status) {
  switch (status.code()) {
    case Status::Code::kInvalidArgument:
    case Status::Code::kUnsupported:
    case Status::Code::kAborted: return 400;
    case Status::Code::kNotFound: return 404;
    case Status::Code::kDeadlineExceeded: return 503;
    default: return 500;
  }
}

std::string SearchForm(const std::string& value) {
  return "<form action=\"/who\" method=\"get\"><label>Name: <input type=\"text\" name=\"name\" value=\"" +
         HtmlEscape(value) +
         "\" placeholder=\"bui thanh son\" autofocus></label> <button type=\"submit\">Find</button></form>\n";
}

const char kExampleQuery[] =
    "PREFIX vn: <urn:vnkg:>\n"
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
    "SELECT ?name (COUNT(?event) AS ?n)\n"
    "WHERE { ?p a vn:Person ; rdfs:label ?name ; vn:attended ?event }\n"
    "GROUP BY ?name ORDER BY DESC(?n) LIMIT 10\n";

std::string QueryForm(const std::string& query) {
  return "<form action=\"/sparql\" method=\"post\" enctype=\"application/x-www-form-urlencoded\">"
         "<textarea name=\"query\" rows=\"10\" cols=\"80\">" +
         HtmlEscape(query.empty() ? kExampleQuery : query) +
         "</textarea><br><button type=\"submit\">Run</button></form>\n";
}

// Runs `dot -Tsvg` on a DOT text; returns the <svg> element.
Result<std::string> RenderSvg(const std::string& dot_program, const std::string& dot) {
  const char* tmp = std::getenv("TMPDIR");
  std::string path = std::string(tmp && *tmp ? tmp : "/tmp") + "/vnkg-serve-XXXXXX";
  const int fd = mkstemp(path.data());
  if (fd < 0) return Status::IoError("cannot make a temporary file for dot");
  bool written = ::write(fd, dot.data(), dot.size()) == static_cast<ssize_t>(dot.size());
  ::close(fd);
  std::string svg;
  if (written) {
    // The program name is the operator's (--dot); the path is ours (no quotes in it).
    const std::string command = "timeout 20 '" + dot_program + "' -Tsvg '" + path + "' 2>/dev/null";
    if (FILE* pipe = popen(command.c_str(), "r")) {
      char buffer[65536];
      std::size_t n;
      while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0 && svg.size() < 16 * 1024 * 1024)
        svg.append(buffer, n);
      const int rc = pclose(pipe);
      if (rc != 0) svg.clear();
    }
  }
  ::unlink(path.c_str());
  const std::size_t start = svg.find("<svg");
  if (start == std::string::npos) return Status::IoError("Graphviz (" + dot_program + " -Tsvg) did not draw the picture");
  return svg.substr(start);
}

}  // namespace

Handler::Handler(const ServeOptions& options) : impl_(std::make_unique<Impl>()) { impl_->options = options; }
Handler::~Handler() = default;

Result<std::unique_ptr<Handler>> Handler::Create(const ServeOptions& options) {
  auto snapshot = StoreSnapshot::Open(options.db);
  if (!snapshot.ok()) return snapshot.status();
  std::unique_ptr<Handler> handler(new Handler(options));
  handler->impl_->current = std::move(snapshot.value());
  return handler;
}

Result<bool> Handler::Refresh() {
  auto stats = StoreSnapshot::CurrentStats(impl_->options.db);
  if (!stats.ok()) return stats.status();
  if (impl_->Current()->SameContent(stats.value())) return false;
  auto snapshot = StoreSnapshot::Open(impl_->options.db);
  if (!snapshot.ok()) return snapshot.status();
  std::lock_guard lock(impl_->mutex);
  impl_->current = std::move(snapshot.value());
  return true;
}

void Handler::CancelQueries() { impl_->cancel.store(true); }

std::string Handler::Describe() const {
  auto s = impl_->Current();
  return std::to_string(s->stats().documents) + " documents, " + std::to_string(s->stats().facts) + " facts, " +
         std::to_string(s->stats().entities) + " entities";
}

namespace {

// ------------------------------------------------------------------ /sparql

HttpResponse SparqlEndpoint(const Handler::Impl& impl, const HttpRequest& request, const Params& query_params) {
  Params params = query_params;
  std::string query;
  bool have_query = false;
  if (request.method == "GET") {
    // parameters from the URL only
  } else if (request.method == "POST") {
    const std::string type = LowerMediaType(request.content_type);
    if (type == "application/x-www-form-urlencoded") {
      for (auto& [k, v] : ParseForm(request.body)) params.emplace(k, v);
    } else if (type == "application/sparql-query") {
      query = request.body;
      have_query = true;
    } else if (type == "application/sparql-update") {
      return Text(400, "this endpoint is read-only: SPARQL Update is not accepted");
    } else {
      HttpResponse r = Text(415, "unsupported Content-Type '" + request.content_type +
                                     "'; POST a query as application/sparql-query or "
                                     "application/x-www-form-urlencoded (query=...)");
      r.headers.emplace_back("Accept-Post", "application/sparql-query, application/x-www-form-urlencoded");
      return r;
    }
  } else {
    return MethodNotAllowed("GET, POST");
  }
  if (params.count("update")) return Text(400, "this endpoint is read-only: SPARQL Update is not accepted");
  if (!have_query) {
    const auto count = params.count("query");
    if (count > 1) return Text(400, "more than one query parameter");
    if (count == 1) {
      query = params.find("query")->second;
      have_query = true;
    }
  }
  const ResultMedia media = NegotiateResultMedia(request.accept);
  auto snapshot = impl.Current();
  if (!have_query) {
    if (media == ResultMedia::kHtml)
      return Html(200, "SPARQL", "<h1>SPARQL query</h1>\n" + QueryForm(""), snapshot.get());
    return Text(400, "no query: give it as query=... (GET or a form POST) or as an application/sparql-query body");
  }
  if (query.size() > impl.options.max_query_bytes)
    return Text(413, "the query is " + std::to_string(query.size()) + " bytes; at most " +
                         std::to_string(impl.options.max_query_bytes) + " are accepted (--max-query-bytes)");
  // CONSTRUCT and DESCRIBE answer RDF: Turtle, or N-Triples when asked for.
  const RdfMedia rdf = NegotiateRdfMedia(request.accept);
  auto not_acceptable = [] {
    return Text(406, "none of the accepted types can be produced; results come as "
                     "application/sparql-results+json, application/sparql-results+xml, "
                     "text/tab-separated-values, text/csv or text/html, and graphs as text/turtle or "
                     "application/n-triples");
  };
  if (media == ResultMedia::kNone && rdf == RdfMedia::kNone) return not_acceptable();
  auto fail = [&](const Status& status) {
    if (media == ResultMedia::kHtml)
      return Html(StatusFor(status), "SPARQL", "<h1>SPARQL query</h1>\n" + ErrorBox(status.message()) + QueryForm(query),
                  snapshot.get());
    return Text(StatusFor(status), status.message());
  };
  if (Status parsed = snapshot->CheckSparql(query); !parsed.ok()) return fail(parsed);
  auto result = snapshot->Sparql(query, impl.options.max_rows, impl.QueryDeadline());
  if (!result.ok()) return fail(result.status());
  if (result->form == SparqlResult::Form::kGraph && media != ResultMedia::kHtml) {
    // A graph goes as RDF whatever results type was asked for: */* and the results types fall back to Turtle.
    HttpResponse g;
    const bool ntriples = rdf == RdfMedia::kNTriples;
    g.content_type = ntriples ? "application/n-triples" : "text/turtle; charset=utf-8";
    g.body = serve::SparqlText(*result, ntriples ? SparqlFormat::kNTriples : SparqlFormat::kTurtle);
    g.headers.emplace_back("Vary", "Accept");
    return g;
  }
  if (media == ResultMedia::kNone) return not_acceptable();
  HttpResponse r;
  r.content_type = std::string(ResultMediaType(media));
  switch (media) {
    case ResultMedia::kJson: r.body = serve::SparqlText(*result, SparqlFormat::kJson); break;
    case ResultMedia::kTsv: r.body = serve::SparqlText(*result, SparqlFormat::kTsv); break;
    case ResultMedia::kCsv: r.body = serve::SparqlText(*result, SparqlFormat::kCsv); break;
    case ResultMedia::kXml: r.body = serve::SparqlXml(*result); break;
    case ResultMedia::kHtml: {
      if (result->form != SparqlResult::Form::kSolutions)  // ASK, CONSTRUCT, DESCRIBE: their text, escaped
        return Html(200, "SPARQL",
                    "<h1>SPARQL query</h1>\n" + QueryForm(query) + "<pre>" +
                        HtmlEscape(serve::SparqlText(*result, SparqlFormat::kTurtle)) + "</pre>\n",
                    snapshot.get());
      const std::size_t n = result->rows.size();
      return Html(200, "SPARQL",
                  "<h1>SPARQL query</h1>\n" + QueryForm(query) + "<p>" + std::to_string(n) +
                      (n == 1 ? " row" : " rows") + "</p>\n" + serve::SparqlHtmlTable(*result),
                  snapshot.get());
    }
    case ResultMedia::kNone: break;
  }
  r.headers.emplace_back("Vary", "Accept");
  return r;
}

// ------------------------------------------------------------------ pages

HttpResponse Home(const Handler::Impl& impl) {
  auto s = impl.Current();
  std::string body = "<h1>Who is who in Vietnamese government news</h1>\n" + SearchForm("") +
                     "<p class=\"muted\">Names are matched ignoring case, diacritics and tone placement: "
                     "<a href=\"/who?name=bui%20thanh%20son\">bui thanh son</a> finds Bùi Thanh Sơn.</p>\n"
                     "<ul><li><a href=\"/bridges\">Bridge points</a>: who chaired each bridge point of each "
                     "event, by province and date</li><li><a href=\"/query\">SPARQL</a>: any question over the "
                     "graph</li></ul>\n";
  return Html(200, "Search", body, s.get());
}

std::string RoleName(const std::string& relation) {
  if (relation == "chaired") return "chaired";
  if (relation == "attended") return "attended";
  if (relation == "spoke_at") return "spoke at";
  return relation;
}

HttpResponse WhoPage(const Handler::Impl& impl, const Params& params) {
  auto s = impl.Current();
  const std::string name = Param(params, "name");
  const std::string id_text = Param(params, "id");
  TermId id = 0;
  Entity entity;
  if (!id_text.empty()) {
    char* end = nullptr;
    id = std::strtoull(id_text.c_str(), &end, 10);
    auto found = id && end && *end == 0 ? s->GetEntity(id) : Result<Entity>(Status::NotFound("no such entity"));
    if (!found.ok())
      return Html(404, "Not found", "<h1>No such entity</h1>\n" + ErrorBox("no entity has id " + id_text) + SearchForm(""),
                  s.get());
    entity = found.value();
  } else {
    if (name.find_first_not_of(" \t") == std::string::npos) return Home(impl);
    auto resolution = s->Resolve(name);
    if (!resolution.ok())
      return Html(400, "Search", "<h1>Search</h1>\n" + ErrorBox(resolution.status().message()) + SearchForm(name), s.get());
    if (resolution->matches.size() != 1) {
      const bool unknown = resolution->matches.empty();
      std::string body = "<h1>" + std::string(unknown ? "No one is named " : "Several are named ") + "“" +
                         HtmlEscape(name) + "”</h1>\n" + SearchForm(name);
      const auto& list = unknown ? resolution->suggestions : resolution->matches;
      if (!list.empty()) {
        body += unknown ? "<p>Did you mean:</p><ul>\n" : "<p>Which one?</p><ul>\n";
        for (const NamedEntity& n : list)
          body += "<li>" + Link("/who", "id", std::to_string(n.id), s->Label(n.entity)) + " <span class=\"muted\">(" +
                  HtmlEscape(s->TypeName(n.entity)) + ", " + std::to_string(n.facts) + " facts)</span></li>\n";
        body += "</ul>\n";
      } else {
        body += "<p>No name in the graph is close to it.</p>\n";
      }
      return Html(unknown ? 404 : 200, "Search", body, s.get());
    }
    id = resolution->matches.front().id;
    entity = resolution->matches.front().entity;
  }
  auto rows = s->WhoIs(id, impl.QueryDeadline());
  if (!rows.ok()) return Html(StatusFor(rows.status()), "Error", ErrorBox(rows.status().message()), s.get());
  const std::string label = s->Label(entity);
  std::string body = "<h1>" + HtmlEscape(label) + "</h1>\n<p class=\"muted\">" + HtmlEscape(s->TypeName(entity)) +
                     "</p>\n";
  std::string offices, events, others;
  for (const WhoRow& row : *rows) {
    const std::string first = row.dates.empty() ? row.date : row.dates.front();
    const std::string last = row.dates.empty() ? row.date : row.dates.back();
    if (row.relation == "office") {
      offices += "<tr><td>" + HtmlEscape(row.what) + "</td><td>" + HtmlEscape(first) + "</td><td>" +
                 HtmlEscape(last) + "</td><td>" + SourceLinks(*s, row.docs) + "</td></tr>\n";
    } else if (row.relation == "chaired" || row.relation == "attended" || row.relation == "spoke_at") {
      std::string what;
      if (row.object.type == EntityType::kEvent) {
        what = Link("/event", "id", std::to_string(row.object_id), row.event.empty() ? row.what : row.event);
      } else {
        const auto event_id = s->EventId(row.object.date);
        const std::string event_name = row.event.empty() ? "event of " + row.object.date : row.event;
        what = (event_id ? Link("/event", "id", std::to_string(*event_id), event_name) : HtmlEscape(event_name));
        if (!row.province.empty()) what += "<br><span class=\"muted\">bridge point: " + HtmlEscape(row.province) + "</span>";
      }
      events += "<tr><td>" + HtmlEscape(row.date) + "</td><td>" + HtmlEscape(RoleName(row.relation)) + "</td><td>" +
                what + "</td><td class=\"evidence\">" + HtmlEscape(row.evidence) + "</td><td>" +
                SourceLinks(*s, row.docs) + "</td></tr>\n";
    } else {
      others += "<tr><td>" + HtmlEscape(RoleName(row.relation)) + "</td><td>" + HtmlEscape(row.what) + "</td><td>" +
                HtmlEscape(row.date) + "</td><td class=\"evidence\">" + HtmlEscape(row.evidence) + "</td><td>" +
                SourceLinks(*s, row.docs) + "</td></tr>\n";
    }
  }
  body += "<h2>Offices</h2>\n";
  body += offices.empty() ? "<p>None reported.</p>\n"
                          : "<table class=\"offices\"><thead><tr><th>Office</th><th>First reported</th><th>Last "
                            "reported</th><th>Sources</th></tr></thead><tbody>\n" + offices + "</tbody></table>\n";
  body += "<h2>Events</h2>\n";
  body += events.empty() ? "<p>None reported.</p>\n"
                         : "<table class=\"events\"><thead><tr><th>Date</th><th>Role</th><th>Event</th><th>Evidence</th>"
                           "<th>Sources</th></tr></thead><tbody>\n" + events + "</tbody></table>\n";
  if (!others.empty())
    body += "<h2>Other facts</h2>\n<table><thead><tr><th>Relation</th><th>What</th><th>Date</th><th>Evidence</th>"
            "<th>Sources</th></tr></thead><tbody>\n" + others + "</tbody></table>\n";
  body += "<h2>Neighbourhood</h2>\n";
  auto dot = s->NeighbourhoodDot(id, 40, impl.QueryDeadline());
  if (!dot.ok()) {
    body += ErrorBox(dot.status().message());
  } else {
    auto svg = RenderSvg(impl.options.dot, dot.value());
    body += svg.ok() ? "<div class=\"graph\">" + svg.value() + "</div>\n" : ErrorBox(svg.status().message());
  }
  return Html(200, label, body, s.get());
}

HttpResponse BridgesPage(const Handler::Impl& impl, const Params& params) {
  auto s = impl.Current();
  const std::string province = Param(params, "province"), date = Param(params, "date");
  std::string body = "<h1>Bridge points</h1>\n<form action=\"/bridges\" method=\"get\"><label>Province: <input "
                     "type=\"text\" name=\"province\" value=\"" + HtmlEscape(province) +
                     "\" placeholder=\"Sơn La\"></label> <label>Date: <input type=\"text\" name=\"date\" value=\"" +
                     HtmlEscape(date) +
                     "\" placeholder=\"2025 or 2025-01-06\"></label> <button type=\"submit\">Filter</button></form>\n";
  auto rows = s->Bridges(province, date);
  if (!rows.ok()) return Html(StatusFor(rows.status()), "Bridge points", body + ErrorBox(rows.status().message()), s.get());
  if (rows->empty()) return Html(200, "Bridge points", body + "<p>No bridge points match.</p>\n", s.get());
  body += "<p>" + std::to_string(rows->size()) + " rows</p>\n<table class=\"bridges\"><thead><tr><th>Date</th><th>Event"
          "</th><th>Bridge point</th><th>Role</th><th>Person</th><th>Offices</th><th>Sources</th></tr></thead><tbody>\n";
  for (const BridgePointRow& row : *rows) {
    const std::string event_name = row.event_name.empty() ? "(unnamed event)" : row.event_name;
    const std::string event =
        row.event_id ? Link("/event", "id", std::to_string(row.event_id), event_name) : HtmlEscape(event_name);
    std::string offices;
    for (const std::string& o : row.offices) offices += (offices.empty() ? "" : "<br>") + HtmlEscape(o);
    body += "<tr><td>" + HtmlEscape(row.event_date) + "</td><td>" + event + "</td><td>" + HtmlEscape(row.province) +
            "</td><td>" + HtmlEscape(row.person.empty() ? "" : RoleName(row.role)) + "</td><td>" +
            (row.person.empty() ? "<span class=\"muted\">not named</span>" : Link("/who", "name", row.person, row.person)) +
            "</td><td>" + offices + "</td><td>" + SourceLinks(*s, row.docs) + "</td></tr>\n";
  }
  body += "</tbody></table>\n";
  return Html(200, "Bridge points", body, s.get());
}

HttpResponse EventPage(const Handler::Impl& impl, const Params& params) {
  auto s = impl.Current();
  const std::string id_text = Param(params, "id");
  char* end = nullptr;
  const TermId id = std::strtoull(id_text.c_str(), &end, 10);
  auto entity = id && end && *end == 0 ? s->GetEntity(id) : Result<Entity>(Status::NotFound("no such entity"));
  if (!entity.ok() || entity->type != EntityType::kEvent)
    return Html(404, "Not found", "<h1>No such event</h1>\n" + ErrorBox("no event has id '" + id_text + "'"), s.get());
  auto events = s->EventsOn(entity->date, impl.QueryDeadline());
  if (!events.ok()) return Html(StatusFor(events.status()), "Error", ErrorBox(events.status().message()), s.get());
  const EventRow* event = nullptr;
  for (const EventRow& row : *events)
    if (row.id == id) event = &row;
  const std::string title = event && !event->name.empty() ? event->name : s->Label(entity.value());
  std::string body = "<h1>" + HtmlEscape(title) + "</h1>\n<p>Date: " + HtmlEscape(entity->date) + "</p>\n";
  auto list = [](const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& item : items) out += (out.empty() ? "" : ", ") + HtmlEscape(item);
    return out.empty() ? std::string("<span class=\"muted\">none reported</span>") : out;
  };
  if (event) {
    body += "<p>Organizers: " + list(event->organizers) + "</p>\n<p>Places: " + list(event->places) + "</p>\n";
  }
  std::set<std::string> sources;
  auto bridges = s->Bridges("", entity->date);
  if (bridges.ok())  // this gathering's bridge points only: one day may hold several events
    std::erase_if(*bridges, [id](const BridgePointRow& row) { return row.event_id != id; });
  if (bridges.ok() && !bridges->empty()) {
    body += "<h2>Bridge points</h2>\n<table class=\"bridges\"><thead><tr><th>Bridge point</th><th>Role</th><th>Person"
            "</th><th>Offices</th><th>Sources</th></tr></thead><tbody>\n";
    for (const BridgePointRow& row : *bridges) {
      std::string offices;
      for (const std::string& o : row.offices) offices += (offices.empty() ? "" : "<br>") + HtmlEscape(o);
      sources.insert(row.docs.begin(), row.docs.end());
      body += "<tr><td>" + HtmlEscape(row.province) + "</td><td>" + HtmlEscape(row.person.empty() ? "" : RoleName(row.role)) +
              "</td><td>" + (row.person.empty() ? std::string() : Link("/who", "name", row.person, row.person)) +
              "</td><td>" + offices + "</td><td>" + SourceLinks(*s, row.docs) + "</td></tr>\n";
    }
    body += "</tbody></table>\n";
  }
  auto facts = s->FactsAbout(id);
  if (!facts.ok()) return Html(StatusFor(facts.status()), "Error", ErrorBox(facts.status().message()), s.get());
  if (!facts->empty()) {
    body += "<h2>Participants</h2>\n<table class=\"participants\"><thead><tr><th>Who</th><th>Role</th><th>Evidence</th>"
            "<th>Sources</th></tr></thead><tbody>\n";
    for (const auto& fact : *facts) {
      std::vector<std::string> docs;
      for (const Provenance& p : fact.provenance) docs.push_back(p.doc);
      std::sort(docs.begin(), docs.end());
      docs.erase(std::unique(docs.begin(), docs.end()), docs.end());
      sources.insert(docs.begin(), docs.end());
      body += "<tr><td>" + Link("/who", "id", std::to_string(fact.subject_id), s->Label(fact.subject)) + "</td><td>" +
              HtmlEscape(RoleName(fact.predicate)) + "</td><td class=\"evidence\">" +
              HtmlEscape(fact.provenance.empty() ? "" : fact.provenance.front().evidence) + "</td><td>" +
              SourceLinks(*s, docs) + "</td></tr>\n";
    }
    body += "</tbody></table>\n";
  }
  body += "<h2>Source articles</h2>\n<p>" + SourceLinks(*s, std::vector<std::string>(sources.begin(), sources.end())) + "</p>\n";
  return Html(200, title, body, s.get());
}

HttpResponse NotFoundPage(const StoreSnapshot* s) {
  return Html(404, "Not found",
              "<h1>Not found</h1>\n<p>This server has the pages <a href=\"/\">/</a>, /who, <a href=\"/bridges\">"
              "/bridges</a>, /event and <a href=\"/query\">/query</a>, and the SPARQL endpoint /sparql. It serves "
              "no files.</p>\n",
              s);
}

}  // namespace

HttpResponse Handler::Handle(const HttpRequest& request) const {
  const std::string& target = request.target;
  const std::size_t question = target.find('?');
  const std::string path = target.substr(0, question);
  const Params params = question == std::string::npos ? Params() : ParseForm(std::string_view(target).substr(question + 1));
  if (path == "/sparql") return SparqlEndpoint(*impl_, request, params);
  const bool page = path == "/" || path == "/who" || path == "/bridges" || path == "/event" || path == "/query";
  if (!page) return NotFoundPage(impl_->Current().get());
  if (request.method != "GET") return MethodNotAllowed("GET");
  if (path == "/") return Home(*impl_);
  if (path == "/who") return WhoPage(*impl_, params);
  if (path == "/bridges") return BridgesPage(*impl_, params);
  if (path == "/event") return EventPage(*impl_, params);
  auto s = impl_->Current();
  return Html(200, "SPARQL", "<h1>SPARQL query</h1>\n<p class=\"muted\">The graph is the RDF view of "
                             "<code>vnkg export --format ntriples</code>. The form posts to <code>/sparql</code>.</p>\n" +
                                 QueryForm(Param(params, "query")),
              s.get());
}

}  // namespace vnkg
