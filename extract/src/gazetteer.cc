#include "gazetteer.h"

#include <fstream>
#include <sstream>

#include "tokens.h"
#include "vnkg/model/text.h"

namespace vnkg {
namespace {

std::vector<std::string> SplitOn(const std::string& s, char separator) {
  std::vector<std::string> out;
  std::string item;
  std::istringstream in(s);
  while (std::getline(in, item, separator)) out.push_back(item);
  if (!s.empty() && s.back() == separator) out.emplace_back();
  return out;
}

// A TSV file with a header: each row as column name -> value.
struct Table {
  std::vector<std::unordered_map<std::string, std::string>> rows;
};

Result<Table> ReadTable(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::IoError("cannot read gazetteer file " + path);
  Table table;
  std::string line;
  if (!std::getline(in, line)) return Status::InvalidArgument(path + ":1: no header line");
  const std::vector<std::string> header = SplitOn(line, '\t');
  for (int number = 2; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string> cells = SplitOn(line, '\t');
    if (cells.size() > header.size())
      return Status::InvalidArgument(path + ":" + std::to_string(number) + ": more cells than the header has");
    std::unordered_map<std::string, std::string> row;
    for (size_t i = 0; i < cells.size(); ++i) row[header[i]] = cells[i];
    table.rows.push_back(std::move(row));
  }
  return table;
}

std::vector<std::string> Aliases(const std::unordered_map<std::string, std::string>& row) {
  auto it = row.find("aliases");
  if (it == row.end() || it->second.empty()) return {};
  return SplitOn(it->second, '|');
}

}  // namespace

void Gazetteer::Add(const std::string& phrase, PhraseInfo info) {
  const std::vector<Token> tokens = Tokenize(phrase, 0);
  if (tokens.empty()) return;
  std::string key;
  std::uint32_t node = 0;
  for (const Token& t : tokens) {
    key += (key.empty() ? "" : " ") + t.fold;
    const std::uint32_t word = AddWord(t.fold);
    node = AddChild(node, word);
  }
  auto& infos = phrases[key];
  node_phrases[node] = &infos;
  for (const auto& existing : infos)
    if (existing.kind == info.kind) return;  // the first canonical form wins
  infos.push_back(std::move(info));
}

std::uint32_t Gazetteer::AddChild(std::uint32_t node, std::uint32_t word) {
  const auto fresh = static_cast<std::uint32_t>(node_phrases.size());
  std::uint32_t child;
  if (node == 0) {
    if (root_children.size() <= word) root_children.resize(word + 1, 0);
    if (root_children[word] == 0) root_children[word] = fresh;
    child = root_children[word];
  } else {
    child = trie.Emplace((static_cast<std::uint64_t>(node) << 32) | word, fresh).first;
  }
  if (child == fresh) node_phrases.push_back(nullptr);
  return child;
}

const PhraseInfo* Gazetteer::Find(const std::string& folded, PhraseKind kind) const {
  auto it = phrases.find(folded);
  if (it == phrases.end()) return nullptr;
  for (const auto& info : it->second)
    if (info.kind == kind) return &info;
  return nullptr;
}

Result<std::shared_ptr<const Gazetteer>> LoadGazetteer(const std::string& data_dir) {
  auto g = std::make_shared<Gazetteer>();
  auto load = [&](const char* name) { return ReadTable(data_dir + "/" + name); };

  for (const char* file : {"provinces.tsv", "provinces_2025.tsv"}) {
    auto table = load(file);
    if (!table.ok()) return table.status();
    for (const auto& row : table->rows) {
      const std::string name = row.at("name");
      g->Add(name, {PhraseKind::kProvince, name});
      if (auto kind = row.find("kind"); kind != row.end() && kind->second.rfind("thành phố", 0) == 0) g->cities.insert(name);
      for (const auto& alias : Aliases(row)) {
        // Forms without diacritics ("Ha Tinh") match ordinary words too often.
        if (FoldLoose(alias) == FoldLoose(name) && FoldKey(alias) != FoldKey(name)) continue;
        g->Add(alias, {PhraseKind::kProvince, name});
      }
    }
  }
  {
    auto table = load("countries.tsv");
    if (!table.ok()) return table.status();
    for (const auto& row : table->rows) {
      g->Add(row.at("name"), {PhraseKind::kCountry, row.at("name")});
      for (const auto& alias : Aliases(row)) g->Add(alias, {PhraseKind::kCountry, row.at("name")});
    }
  }
  for (const char* file : {"ministries.tsv", "central_bodies.tsv"}) {
    auto table = load(file);
    if (!table.ok()) return table.status();
    for (const auto& row : table->rows) {
      g->Add(row.at("name"), {PhraseKind::kBody, row.at("name")});
      for (const auto& alias : Aliases(row))
        if (alias.size() > 3) g->Add(alias, {PhraseKind::kBody, row.at("name")});  // BNG, CP, QH: too ambiguous
      if (auto it = row.find("short"); it != row.end() && !it->second.empty())
        g->Add(it->second, {PhraseKind::kBody, row.at("name")});
    }
  }
  {
    // International and foreign bodies are named by their acronyms ("Tổng thư ký IPU", "WEF tổ chức"): three
    // capitals are distinctive enough in Vietnamese text, unlike the Vietnamese BNG, CP or QH.
    auto table = load("foreign_bodies.tsv");
    if (!table.ok()) return table.status();
    for (const auto& row : table->rows) {
      const PhraseInfo info{PhraseKind::kBody, row.at("name"), false, true};
      g->Add(row.at("name"), info);
      for (const auto& alias : Aliases(row))
        if (alias.size() >= 3) g->Add(alias, info);
    }
  }
  {
    auto table = load("titles.tsv");
    if (!table.ok()) return table.status();
    for (const auto& row : table->rows) {
      const bool rank = row.at("level") == "military-rank";
      PhraseInfo info{rank ? PhraseKind::kRank : PhraseKind::kTitle, row.at("title"), row.at("takes_org") == "yes"};
      g->Add(row.at("title"), info);
      for (const auto& alias : Aliases(row))
        if (alias.size() > 3) g->Add(alias, info);
    }
  }
  {
    auto table = load("event_heads.tsv");
    if (!table.ok()) return table.status();
    for (const auto& row : table->rows) g->Add(row.at("phrase"), {PhraseKind::kEventHead, row.at("phrase")});
  }
  {
    auto table = load("org_heads.tsv");
    if (!table.ok()) return table.status();
    for (const auto& row : table->rows) g->Add(row.at("head"), {PhraseKind::kOrgHead, row.at("head")});
  }
  {
    auto table = load("cues.tsv");
    if (!table.ok()) return table.status();
    for (const auto& row : table->rows) {
      g->cues[row.at("role")].push_back(FoldKey(row.at("phrase")));
      std::vector<std::string> words;
      for (const Token& t : Tokenize(row.at("phrase"), 0)) words.push_back(t.fold);
      if (words.empty()) continue;
      const std::uint32_t first = g->AddWord(words.front());
      g->word_flags[first] |= Gazetteer::kCueFirst;
      g->cue_words[row.at("role")][first].push_back(std::move(words));
    }
  }
  {
    auto table = load("world_places.tsv");
    if (!table.ok()) return table.status();
    for (const auto& row : table->rows) {
      g->world_places.emplace(FoldKey(row.at("name")), row.at("country"));
      for (const auto& alias : Aliases(row)) g->world_places.emplace(FoldKey(alias), row.at("country"));
    }
    for (const auto& [key, country] : g->world_places) g->world_place_first_words.insert(key.substr(0, key.find(' ')));
  }
  {
    auto table = load("names.tsv");
    if (!table.ok()) return table.status();
    for (const auto& row : table->rows) {
      const std::string& kind = row.at("kind");
      if (kind == "surname") g->surnames.insert(FoldKey(row.at("word")));
      else if (kind == "non_name") g->non_name_words.insert(FoldKey(row.at("word")));
      else if (kind == "honorific") g->Add(row.at("word"), {PhraseKind::kHonorific, row.at("word")});
    }
  }
  return std::shared_ptr<const Gazetteer>(std::move(g));
}

std::string DefaultDataDir() {
  if (const char* dir = std::getenv("VNKG_DATA"); dir && *dir) return dir;
  return VNKG_SOURCE_DATA_DIR;
}

}  // namespace vnkg
