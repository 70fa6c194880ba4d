// libFuzzer target: the two JSON Lines parsers.
//
//  - Articles: the bytes as a `.jsonl` file through ReadDocuments (records
//    with id / title / text / date / url, malformed and blank lines, invalid
//    UTF-8 inside strings). Every document kept must have an id and valid
//    UTF-8 text and title.
//  - Facts: each line through FactLineReader (model/fact_reader.h, the
//    reader of `ingest --facts`, the `--format facts` export and the gold
//    files) and through the DOM reader it replaced (facts_json_reference.h):
//    the two must accept the same lines and give the same facts (nesting
//    past kMaxFactNesting aside). A line that parses must write back
//    (FactToJsonLine) to a line that parses to the same fact, so that
//    `export --format facts` and `ingest --facts` agree.
//
// No extraction here (fuzz_document_reader does that), so this target runs
// many more inputs a second on the parsers alone.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "facts_json_reference.h"
#include "fuzz_support.h"
#include "vnkg/extract/document_reader.h"
#include "vnkg/model/utf8.h"
#include "vnkg/model/fact.h"
#include "vnkg/model/fact_reader.h"
#include "vnkg/model/facts_json.h"

namespace {

using namespace vnkg;
using namespace vnkg::fuzz;

bool SameFact(const Fact& a, const Fact& b) {
  return a.subject == b.subject && a.predicate == b.predicate && a.object == b.object && a.doc == b.doc &&
         a.evidence == b.evidence && a.date == b.date && a.by == b.by;
}

// Deeper than the streaming reader's limit (a bracket or brace per level).
bool NestsTooDeep(std::string_view line) {
  std::size_t depth = 0;
  for (char c : line) {
    if (c == '[' || c == '{') {
      if (++depth > kMaxFactNesting) return true;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return false;
}

void CheckFactLine(std::string_view line) {
  static FactLineReader reader;  // one for every line, as IngestFactFiles keeps one per thread
  Fact streamed;
  const Status status = reader.Read(line, streamed);
  auto dom = reference::FactFromJsonLineDom(line);
  if (status.ok() != dom.ok() && !NestsTooDeep(line))
    Fail("the fact reader and the DOM reader disagree on a line",
         std::string(line) + "\nstreaming: " + (status.ok() ? "ok" : status.message()) +
             "\nDOM: " + (dom.ok() ? "ok" : dom.status().message()));
  if (status.ok() && dom.ok() && (!SameFact(streamed, dom.value()) || streamed.confidence != dom->confidence))
    Fail("the fact reader and the DOM reader read a line differently", std::string(line));
  if (!status.ok() && status.message().empty()) Fail("a line refused without a message", std::string(line));

  auto fact = FactFromJsonLine(line);
  if (!fact.ok()) return;  // rejected with a message: fine, that is its job
  // Strings of the input may hold invalid UTF-8 that FactToJsonLine replaces,
  // so compare the second trip with the first, not the first with the input.
  const std::string written = FactToJsonLine(fact.value());
  auto again = FactFromJsonLine(written);
  if (!again.ok()) Fail("a parsed fact writes a line that does not parse", written + "\n" + again.status().message());
  const std::string rewritten = FactToJsonLine(again.value());
  if (rewritten != written) Fail("a fact's JSON line is not stable through parse and write", written + "\n" + rewritten);
  auto third = FactFromJsonLine(rewritten);
  if (!third.ok() || !SameFact(third.value(), again.value())) Fail("a fact changes through its JSON line", written);
  (void)EntityKey(again.value().subject);
  (void)EntityKey(again.value().object);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);

  // The articles' parser reads files only; the name makes it JSON Lines.
  const std::string path = WriteScratchFile("input.jsonl", bytes);
  ReadCallbacks callbacks;
  callbacks.on_document = [](Document&& doc) {
    if (doc.id.empty()) Fail("a record without an id was kept", doc.origin);
    if (FirstInvalidUtf8(doc.text) != -1 || FirstInvalidUtf8(doc.title) != -1)
      Fail("a record's text or title is not valid UTF-8", doc.origin);
    return true;
  };
  callbacks.on_issue = [](const ReadIssue& issue) {
    if (issue.where.empty() || issue.message.empty()) Fail("an issue without its place or message");
  };
  const Status status = ReadDocuments({path}, callbacks);
  if (!status.ok()) Fail("ReadDocuments gave up on a readable file", status.message());

  // The facts' parser takes one line at a time, as IngestFactFiles feeds it.
  for (size_t start = 0; start <= bytes.size();) {
    size_t end = bytes.find('\n', start);
    if (end == std::string_view::npos) end = bytes.size();
    CheckFactLine(bytes.substr(start, end - start));
    start = end + 1;
  }
  return 0;
}
