// Tab completion: what the text left of the cursor could go on with.
// Pure (no terminal): repl_terminal.cc hands the candidates to libedit.
#include <algorithm>
#include <tuple>

#include "repl_internal.h"
#include "vnkg/model/text.h"

namespace vnkg {

namespace {

bool StartsWithLoose(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && AsciiLower(text.substr(0, prefix.size())) == AsciiLower(prefix);
}

void AddMatching(std::vector<std::string>& out, std::string_view prefix, const std::vector<std::string>& choices) {
  for (const auto& choice : choices)
    if (StartsWithLoose(choice, prefix)) out.push_back(choice);
}

// The choices an argument spec offers: "table|json|csv|tsv" -> the four.
std::vector<std::string> Choices(std::string_view spec) {
  std::vector<std::string> out;
  if (spec.find('|') == std::string_view::npos) return out;
  std::string word(spec);
  word.erase(std::remove_if(word.begin(), word.end(), [](char c) { return c == '[' || c == ']'; }), word.end());
  std::size_t start = 0;
  while (start <= word.size()) {
    const auto bar = word.find('|', start);
    out.push_back(word.substr(start, bar == std::string::npos ? std::string::npos : bar - start));
    if (bar == std::string::npos) break;
    start = bar + 1;
  }
  return out;
}

std::vector<std::string> SpecWords(std::string_view spec) {
  auto words = SplitCommandWords(spec);
  return words.ok() ? words.value() : std::vector<std::string>{};
}

const std::vector<std::string>& SparqlWords() {
  static const std::vector<std::string> words = [] {
    // The SPARQL subset's keywords and the RDF view's vocabulary (docs/facts.md).
    std::vector<std::string> w = {"SELECT",   "WHERE",   "FILTER",    "OPTIONAL", "UNION",      "DISTINCT",
                                  "LIMIT",    "OFFSET",  "ORDER BY",  "GROUP BY", "COUNT",      "BIND",
                                  "PREFIX",   "CONTAINS", "STRSTARTS", "LCASE",   "regex",      "rdfs:label",
                                  "rdf:type", "vn:date", "vn:eventDate", "vn:province", "vn:event", "vn:title",
                                  "vn:organization"};
    for (std::string_view p : kPredicates) w.push_back("vn:" + std::string(p));
    for (int t = static_cast<int>(EntityType::kPerson); t <= static_cast<int>(EntityType::kAward); ++t)
      w.push_back("vn:" + std::string(EntityTypeName(static_cast<EntityType>(t))));
    return w;
  }();
  return words;
}

std::vector<std::string> EntityTypeNames() {
  std::vector<std::string> out;
  for (int t = static_cast<int>(EntityType::kPerson); t <= static_cast<int>(EntityType::kAward); ++t)
    out.emplace_back(EntityTypeName(static_cast<EntityType>(t)));
  return out;
}

}  // namespace

Completion Repl::Complete(std::string_view line) const {
  const State& s = *state_;
  Completion out;

  // Where the word under the cursor starts; an open quote starts it too.
  std::size_t word_start = 0, quote_at = std::string_view::npos;
  char quote = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
      quote_at = i;
    } else if (c == ' ' || c == '\t') {
      word_start = i + 1;
    }
  }
  const bool quoted = quote != 0;
  out.replace_from = quoted ? quote_at + 1 : word_start;
  const std::string_view fragment = line.substr(out.replace_from);
  auto before_words = SplitCommandWords(line.substr(0, quoted ? quote_at : word_start));
  const std::vector<std::string> before = before_words.ok() ? before_words.value() : std::vector<std::string>{};
  auto names = [&](std::optional<EntityType> only = std::nullopt) {
    for (std::string& name : s.names.Complete(fragment, only)) {
      if (quoted) name += quote;
      out.candidates.push_back(std::move(name));
    }
  };

  const bool sparql = !s.pending.empty() || (!before.empty() && StartsSparql(before.front()));
  if (sparql) {
    if (quoted) names();
    else AddMatching(out.candidates, fragment, SparqlWords());
    return out;
  }

  if (before.empty()) {  // the command word itself
    if (!fragment.empty() && fragment[0] == '.') {
      for (const MetaCommand& m : MetaCommands())
        if (StartsWithLoose(m.name, fragment)) out.candidates.emplace_back(m.name);
    } else {
      for (const QueryCommandInfo& c : QueryCommands())
        if (StartsWithLoose(c.name, fragment)) out.candidates.emplace_back(c.name);
      AddMatching(out.candidates, fragment, {"SELECT", "PREFIX", "ASK"});
    }
    return out;
  }

  const std::string command = AsciiLower(before.front());
  if (command[0] == '.') {
    for (const MetaCommand& m : MetaCommands()) {
      if (m.name != command) continue;
      const std::vector<std::string> spec = SpecWords(m.arguments);
      const std::size_t index = before.size() - 1;
      if (index >= spec.size()) break;
      if (auto choices = Choices(spec[index]); !choices.empty()) AddMatching(out.candidates, fragment, choices);
      else if (spec[index].find("FILE") != std::string::npos || spec[index].find("DIR") != std::string::npos) out.file_names = true;
      else if (m.name == ".help") {
        for (const QueryCommandInfo& c : QueryCommands())
          if (StartsWithLoose(c.name, fragment)) out.candidates.emplace_back(c.name);
        for (const MetaCommand& other : MetaCommands())
          if (StartsWithLoose(other.name, fragment)) out.candidates.emplace_back(other.name);
      }
      break;
    }
    return out;
  }

  const std::vector<std::string> options = QuestionOptions(command);
  const std::string previous = before.size() > 1 ? before.back() : "";
  if (std::find(options.begin(), options.end(), previous) != options.end()) {  // an option's value
    if (previous == "--province") names(EntityType::kProvince);
    else if (previous == "--type") AddMatching(out.candidates, fragment, EntityTypeNames());
    else if (previous == "--by") AddMatching(out.candidates, fragment, {"degree", "betweenness"});
    return out;
  }
  if (!quoted && !fragment.empty() && fragment[0] == '-') {
    AddMatching(out.candidates, fragment, options);
    return out;
  }
  if (command == "who" || command == "neighbors") {
    // The name is the rest of the line, quotes optional: "who bui th" completes
    // "bui th" as one name, unless options came first.
    const std::size_t rest = line.find_first_not_of(" \t", line.find_first_of(" \t"));
    const std::string_view tail = rest == std::string_view::npos ? std::string_view() : line.substr(rest);
    if (!quoted && tail.find('-') == std::string_view::npos && tail.find('"') == std::string_view::npos &&
        tail.find('\'') == std::string_view::npos) {
      out.replace_from = rest;
      for (std::string& name : s.names.Complete(tail)) out.candidates.push_back(std::move(name));
      return out;
    }
    names();
    return out;
  }
  if (command == "path") {
    names();
    if (!quoted)  // a name with spaces must be quoted to be one argument of path
      for (std::string& name : out.candidates)
        if (name.find(' ') != std::string::npos) name = "\"" + name + "\"";
    return out;
  }
  return out;
}

}  // namespace vnkg
