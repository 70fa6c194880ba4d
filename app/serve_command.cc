// `vnkg serve`: the graph over HTTP (serve/server.h).
#include <iostream>
#include <memory>

#include "commands.h"
#include "vnkg/serve/server.h"
#include "vnkg/store/store.h"

namespace vnkg::app {

void RegisterServeCommand(CLI::App& app) {
  auto options = std::make_shared<ServeOptions>();
  CLI::App* serve = app.add_subcommand("serve", "Serve the graph over HTTP: a SPARQL endpoint and pages (read-only)");
  serve->add_option("--db", options->db, "database directory, opened read-only (default: " + DefaultDatabasePath() + ")");
  serve->add_option("--bind", options->bind, "address to listen on; anything but loopback exposes the graph with no "
                                             "authentication")
      ->capture_default_str();
  serve->add_option("--port", options->port, "TCP port (0: any free one, printed at start)")->capture_default_str();
  serve->add_option("--timeout", options->query_timeout, "stop a SPARQL query after this many seconds (0: no limit)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  serve->add_option("--max-rows", options->max_rows, "stop a SPARQL query when one step holds more solutions")
      ->capture_default_str();
  serve->add_option("--workers", options->workers, "requests handled at once (queries running concurrently)")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  serve->add_option("--max-queued", options->max_queued, "requests waiting for a worker; more are answered 503")
      ->capture_default_str();
  serve->add_option("--max-connections", options->max_connections, "open connections; more are closed at once")
      ->capture_default_str();
  serve->add_option("--max-body-bytes", options->max_body_bytes, "largest request body (413 beyond)")
      ->capture_default_str();
  serve->add_option("--max-header-bytes", options->max_header_bytes, "largest request line and headers (431 beyond)")
      ->capture_default_str();
  serve->add_option("--max-query-bytes", options->max_query_bytes, "longest SPARQL query (413 beyond)")
      ->capture_default_str();
  serve->add_option("--request-timeout", options->request_timeout,
                    "seconds a request may take to arrive, and a kept-alive connection may stay idle")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  serve->add_option("--refresh", options->refresh_seconds,
                    "look for documents added by a concurrent ingest every this many seconds (0: never)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  serve->footer("Example:\n  vnkg serve --db news.db            # http://127.0.0.1:7878/\n"
                "  roqet -p http://127.0.0.1:7878/sparql -e 'SELECT * WHERE { ?s ?p ?o } LIMIT 5'\n"
                "Pages: / (search), /who?name=..., /bridges, /event?id=..., /query. SPARQL 1.1 Protocol at "
                "/sparql.\nCtrl-C or SIGTERM stops it. See docs/serve.md.");
  serve->callback([options] {
    if (options->db.empty()) options->db = DefaultDatabasePath();
    auto server = Server::Create(*options, std::cerr);
    if (!server.ok()) {
      std::cerr << "vnkg: " << server.status().message() << '\n';
      std::exit(kExitError);
    }
    server.value()->Run();
  });
}

}  // namespace vnkg::app
