// The server's request handling without the network: protocol pieces, the
// /sparql status codes and formats, and that pages escape what articles say.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "vnkg/serve/server.h"
#include "vnkg/store/store.h"

namespace vnkg {
namespace {

// A database with one person whose name and evidence carry HTML.
struct ServeTestDb {
  std::string path;
  ServeTestDb() {
    static int counter = 0;
    path = (std::filesystem::temp_directory_path() /
            ("vnkg-serve-" + std::to_string(::getpid()) + "-" + std::to_string(++counter)))
               .string();
    std::filesystem::remove_all(path);
    auto store = Store::Open(path, Store::Mode::kReadWrite);
    REQUIRE(store.ok());
    const Entity son{EntityType::kPerson, "Bùi Thanh Sơn", "", "", "", ""};
    const Entity evil{EntityType::kPerson, "<script>alert(1)</script>", "", "", "", ""};
    const Entity event{EntityType::kEvent, "Hội nghị tổng kết", "2025-01-06", "", "", ""};
    const Entity office{EntityType::kPosition, "", "", "", "Bộ trưởng", "Bộ Ngoại giao"};
    auto fact = [](const Entity& s, const char* p, const Entity& o, const char* evidence) {
      Fact f;
      f.subject = s;
      f.predicate = p;
      f.object = o;
      f.doc = "d1";
      f.evidence = evidence;
      return f;
    };
    DocumentRecord record;
    record.id = "d1";
    record.title = "Tiêu đề <i>x</i>";
    record.url = "javascript:alert(2)";
    record.content_hash = ContentHash(record.title, "text");
    auto put = store.value()->PutDocument(
        record, {fact(son, "chaired", event, "Bùi Thanh Sơn chủ trì <b>hội nghị</b> & \"bàn\"."),
                 fact(son, "holds_position", office, "Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn."),
                 fact(evil, "attended", event, "<img src=x onerror=alert(3)>")});
    REQUIRE(put.ok());
  }
  ~ServeTestDb() { std::filesystem::remove_all(path); }
};

HttpRequest Get(const std::string& target, const std::string& accept = "") {
  HttpRequest r;
  r.method = "GET";
  r.target = target;
  r.accept = accept;
  return r;
}

std::unique_ptr<Handler> MakeHandler(const ServeTestDb& db) {
  ServeOptions options;
  options.db = db.path;
  options.dot = "/nonexistent-dot";  // the picture is not what these tests look at
  auto handler = Handler::Create(options);
  REQUIRE(handler.ok());
  return std::move(handler.value());
}

TEST_CASE("UrlDecode and ParseForm decode percent escapes and plus signs") {
  CHECK(UrlDecode("b%C3%B9i+thanh%20s%C6%A1n") == "bùi thanh sơn");
  CHECK(UrlDecode("a+b", false) == "a+b");
  CHECK(UrlDecode("100%") == "100%");
  CHECK(UrlDecode("%zz%4") == "%zz%4");
  CHECK(UrlDecode("%2e%2e%2F") == "../");
  auto form = ParseForm("query=SELECT+*&format=json&&empty=&query=second");
  CHECK(form.find("query")->second == "SELECT *");
  CHECK(form.count("query") == 2);
  CHECK(form.find("empty")->second.empty());
}

TEST_CASE("NegotiateResultMedia follows the Accept header, JSON by default") {
  CHECK(NegotiateResultMedia("") == ResultMedia::kJson);
  CHECK(NegotiateResultMedia("*/*") == ResultMedia::kJson);
  CHECK(NegotiateResultMedia("application/sparql-results+xml") == ResultMedia::kXml);
  CHECK(NegotiateResultMedia("text/tab-separated-values") == ResultMedia::kTsv);
  CHECK(NegotiateResultMedia("text/csv;q=0.9, application/sparql-results+json;q=0.5") == ResultMedia::kCsv);
  CHECK(NegotiateResultMedia("application/sparql-results+json,application/json,text/javascript") ==
        ResultMedia::kJson);
  CHECK(NegotiateResultMedia("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8") ==
        ResultMedia::kHtml);
  CHECK(NegotiateResultMedia("image/png") == ResultMedia::kNone);
  CHECK(NegotiateResultMedia("text/csv;q=0") == ResultMedia::kNone);
}

TEST_CASE("HtmlEscape escapes the five characters") {
  CHECK(HtmlEscape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
}

TEST_CASE("sparql endpoint: formats, bad queries and wrong methods get their status codes") {
  ServeTestDb db;
  auto handler = MakeHandler(db);
  const std::string q = "query=SELECT+%3Fn+WHERE+%7B+%3Fp+a+%3Curn%3Avnkg%3APerson%3E+%3B+%3Chttp%3A%2F%2Fwww.w3.org%2F"
                        "2000%2F01%2Frdf-schema%23label%3E+%3Fn+%7D+ORDER+BY+%3Fn";
  auto json = handler->Handle(Get("/sparql?" + q));
  CHECK(json.status == 200);
  CHECK(json.content_type == "application/sparql-results+json");
  CHECK(json.body.find("Bùi Thanh Sơn") != std::string::npos);
  auto tsv = handler->Handle(Get("/sparql?" + q, "text/tab-separated-values"));
  CHECK(tsv.body.rfind("?n\n", 0) == 0);
  auto xml = handler->Handle(Get("/sparql?" + q, "application/sparql-results+xml"));
  CHECK(xml.body.find("<literal>&lt;script&gt;alert(1)&lt;/script&gt;</literal>") != std::string::npos);
  auto html = handler->Handle(Get("/sparql?" + q, "text/html"));
  CHECK(html.body.find("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>") != std::string::npos);
  CHECK(html.body.find("<script>") == std::string::npos);

  HttpRequest post;
  post.method = "POST";
  post.target = "/sparql";
  post.content_type = "application/sparql-query; charset=utf-8";
  post.body = "SELECT * WHERE { ?s ?p ?o }";
  CHECK(handler->Handle(post).status == 200);
  post.content_type = "text/plain";
  CHECK(handler->Handle(post).status == 415);
  post.content_type = "application/sparql-update";
  CHECK(handler->Handle(post).status == 400);
  post.method = "DELETE";
  auto deleted = handler->Handle(post);
  CHECK(deleted.status == 405);
  REQUIRE(deleted.headers.size() == 1);
  CHECK(deleted.headers[0].second == "GET, POST");

  auto bad = handler->Handle(Get("/sparql?query=SELECT+%3Fx+WHERE+%7B"));
  CHECK(bad.status == 400);
  CHECK(bad.body.find("line 1, column") != std::string::npos);
  CHECK(handler->Handle(Get("/sparql?" + q, "image/png")).status == 406);
  CHECK(handler->Handle(Get("/sparql")).status == 400);
  CHECK(handler->Handle(Get("/sparql?update=DROP+ALL")).status == 400);
}

TEST_CASE("sparql endpoint: the query length limit answers 413") {
  ServeTestDb db;
  ServeOptions options;
  options.db = db.path;
  options.max_query_bytes = 64;
  auto handler = Handler::Create(options);
  REQUIRE(handler.ok());
  auto r = handler.value()->Handle(Get("/sparql?query=SELECT+*+WHERE+%7B+%3Fs+%3Fp+%3Fo+%7D+" + std::string(80, 'x')));
  CHECK(r.status == 413);
}

TEST_CASE("pages escape names, evidence and titles from articles") {
  ServeTestDb db;
  auto handler = MakeHandler(db);
  auto who = handler->Handle(Get("/who?name=bui+thanh+son"));
  CHECK(who.status == 200);
  CHECK(who.body.find("<h1>Bùi Thanh Sơn</h1>") != std::string::npos);
  CHECK(who.body.find("Bộ trưởng Bộ Ngoại giao") != std::string::npos);
  CHECK(who.body.find("&lt;b&gt;hội nghị&lt;/b&gt; &amp; &quot;bàn&quot;") != std::string::npos);
  CHECK(who.body.find("Tiêu đề &lt;i&gt;x&lt;/i&gt;") != std::string::npos);
  CHECK(who.body.find("javascript:") == std::string::npos);  // only http(s) addresses become links

  auto evil = handler->Handle(Get("/who?name=%3Cscript%3Ealert(1)%3C%2Fscript%3E"));
  CHECK(evil.status == 200);
  CHECK(evil.body.find("<script>") == std::string::npos);
  CHECK(evil.body.find("<img") == std::string::npos);

  auto unknown = handler->Handle(Get("/who?name=bui+thanh+sen"));
  CHECK(unknown.status == 404);
  CHECK(unknown.body.find("Did you mean") != std::string::npos);
  CHECK(unknown.body.find("Bùi Thanh Sơn") != std::string::npos);

  auto query = handler->Handle(Get("/query?query=%3C%2Ftextarea%3E%3Cscript%3E"));
  CHECK(query.body.find("&lt;/textarea&gt;&lt;script&gt;") != std::string::npos);
  CHECK(query.body.find("<script>") == std::string::npos);
}

TEST_CASE("only the fixed routes answer, and no path reaches a file") {
  ServeTestDb db;
  auto handler = MakeHandler(db);
  for (const char* target : {"/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "//etc/passwd", "/etc/passwd",
                             "/static/../../../etc/passwd", "/who/../../etc/passwd", "/favicon.ico"}) {
    auto r = handler->Handle(Get(target));
    CHECK(r.status == 404);
    CHECK(r.body.find("root:") == std::string::npos);
  }
  HttpRequest post = Get("/who?name=x");
  post.method = "POST";
  CHECK(handler->Handle(post).status == 405);
}

}  // namespace
}  // namespace vnkg
