// `vnkg serve`: the graph over HTTP. A SPARQL 1.1 Protocol endpoint at
// /sparql and server-rendered pages (/, /who, /bridges, /event, /query), read
// only, on Boost.Beast.
//
// The server holds a read-only snapshot of the database (store, SPARQL
// engine, name index, graph) and replaces it when a concurrent ingest has
// added documents: a background thread reopens the store every
// `refresh_seconds` and swaps the snapshot when its counts changed. A request
// uses the snapshot current when it started, so each answer sees every
// document wholly or not at all.
//
// No static files are served: the CSS is inline in each page, and any path
// other than the fixed routes is 404, so no request can reach the file system.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "vnkg/status.h"

namespace vnkg {

struct ServeOptions {
  std::string db;                   // database directory, opened read-only
  std::string bind = "127.0.0.1";   // address to listen on
  std::uint16_t port = 7878;        // 0: any free port (see Server::port)
  std::size_t workers = 4;          // requests handled at once (SPARQL runs here)
  std::size_t max_queued = 256;     // requests waiting for a worker; beyond: 503
  std::size_t max_connections = 512;  // open connections; beyond: closed at once
  std::size_t max_header_bytes = 16 * 1024;   // request line + headers; beyond: 431
  std::size_t max_body_bytes = 1024 * 1024;   // beyond: 413
  std::size_t max_query_bytes = 256 * 1024;   // the SPARQL text; beyond: 413
  double request_timeout = 10;      // seconds for a whole request to arrive (and keep-alive idle)
  double write_timeout = 30;        // seconds for a response to be taken
  double query_timeout = 30;        // SPARQL time limit (0: none)
  std::size_t max_rows = 1'000'000; // SPARQL: most solutions in any one step
  double refresh_seconds = 2;       // how often to look for new documents (0: never)
  std::string dot = "dot";          // Graphviz, for the neighbourhood picture
};

// One request as the handler sees it (transport-independent, for tests).
struct HttpRequest {
  std::string method;        // "GET", "POST", ...
  std::string target;        // "/sparql?query=..."
  std::string content_type;  // the Content-Type header
  std::string accept;        // the Accept header
  std::string body;
};

struct HttpResponse {
  unsigned status = 200;
  std::string content_type = "text/plain; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers (Allow, Retry-After, ...)
};

// Everything the pages and /sparql answer from; built from a store snapshot.
class Snapshot;

// The routes, over the current snapshot. Safe to call from many threads.
class Handler {
 public:
  // Opens the database read-only and builds the first snapshot.
  static Result<std::unique_ptr<Handler>> Create(const ServeOptions& options);
  ~Handler();

  HttpResponse Handle(const HttpRequest& request) const;

  // Reopens the store; swaps the snapshot in when documents were added or
  // replaced. Returns true when it swapped.
  Result<bool> Refresh();
  // Stops running queries (their deadline's flag) for a shutdown.
  void CancelQueries();
  // Counts of the current snapshot, for the log.
  std::string Describe() const;

  struct Impl;  // internal (serve/src)

 private:
  explicit Handler(const ServeOptions& options);
  std::unique_ptr<Impl> impl_;
};

// The HTTP server: binds, then Run() serves until Stop() or SIGINT/SIGTERM.
class Server {
 public:
  // Opens the database and binds `options.bind`:`options.port`.
  // Errors: the store's; kIoError when the address cannot be bound.
  static Result<std::unique_ptr<Server>> Create(const ServeOptions& options, std::ostream& log);
  ~Server();

  std::uint16_t port() const;  // the bound port (useful with port 0)
  // Serves until Stop() or SIGINT/SIGTERM; returns once every thread ended.
  void Run();
  // Safe from any thread.
  void Stop();

  struct Impl;  // internal (serve/src)

 private:
  Server();
  std::unique_ptr<Impl> impl_;
};

// ---------------------------------------------------------------------------
// Pieces of the protocol, public for tests.

// Percent-decoding; '+' is a space when `plus_is_space` (forms, query strings).
// Malformed escapes are kept as written.
std::string UrlDecode(std::string_view text, bool plus_is_space = true);
// "a=1&b=x+y" -> {a: 1, b: "x y"}; a repeated name keeps its first value.
std::multimap<std::string, std::string> ParseForm(std::string_view text);

// What a /sparql response is written as.
enum class ResultMedia { kJson, kXml, kTsv, kCsv, kHtml, kNone };
// The best media for an Accept header (empty or absent: JSON), or kNone when
// the client accepts none of them (406). `html` allows text/html (pages).
ResultMedia NegotiateResultMedia(std::string_view accept);
std::string_view ResultMediaType(ResultMedia media);

// What a graph (CONSTRUCT, DESCRIBE) is written as: N-Triples when the Accept
// header names application/n-triples before text/turtle, Turtle when it names
// Turtle (or anything else the server can give: */*, the results types), kNone
// when it names neither and nothing else the server produces.
enum class RdfMedia { kTurtle, kNTriples, kNone };
RdfMedia NegotiateRdfMedia(std::string_view accept);

// Text for HTML bodies and attribute values: & < > " ' escaped.
std::string HtmlEscape(std::string_view text);

}  // namespace vnkg
