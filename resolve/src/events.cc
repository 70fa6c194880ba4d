#include "vnkg/resolve/events.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>
#include <sstream>
#include <tuple>

namespace vnkg::resolve {
namespace {

// Heads of the genre and the kind of gathering each names; longer first.
constexpr std::pair<std::string_view, std::string_view> kKinds[] = {
    {"họp báo", "press"},          {"hội nghị", "conference"}, {"hội thảo", "conference"},
    {"tọa đàm", "conference"},     {"diễn đàn", "conference"}, {"lễ hội", "festival"},
    {"lễ", "ceremony"},            {"kỳ họp", "session"},      {"phiên họp", "session"},
    {"cuộc họp", "session"},       {"họp", "session"},         {"buổi làm việc", "working"},
    {"hội chợ", "fair"},           {"đại hội", "congress"},    {"chương trình", "programme"},
    // Meetings named by their verb ("A tiếp B", "A hội đàm với B").
    {"tiếp kiến", "meeting"},      {"tiếp", "meeting"},        {"hội kiến", "meeting"},
    {"hội đàm", "meeting"},        {"gặp gỡ", "meeting"},      {"gặp", "meeting"},
};

// The first syllable of the act a ceremony is for: "lễ khai mạc", "lễ bế
// mạc", "lễ khánh thành", "lễ khởi công", "lễ đón", "lễ trao", "lễ kỷ niệm",
// "lễ ra mắt", "lễ ký kết", "lễ phát động", "lễ mít tinh", "lễ công bố".
// Two ceremonies of one day for different acts are two ceremonies.
constexpr std::string_view kCeremonyActs[] = {"khai", "bế", "khánh", "khởi", "đón", "trao",
                                              "kỷ",   "ra", "ký",    "phát", "mít", "công"};

std::pair<std::string_view, std::string_view> KindAndRest(std::string_view head) {
  for (auto [phrase, kind] : kKinds) {
    if (head == phrase) return {kind, {}};
    if (head.size() > phrase.size() && head.substr(0, phrase.size()) == phrase && head[phrase.size()] == ' ')
      return {kind, head.substr(phrase.size() + 1)};
  }
  return {{}, {}};
}

bool IsCeremonyAct(std::string_view word) {
  return std::find(std::begin(kCeremonyActs), std::end(kCeremonyActs), word) != std::end(kCeremonyActs);
}

bool Intersect(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (const auto& x : a)
    if (std::find(b.begin(), b.end(), x) != b.end()) return true;
  return false;
}

}  // namespace

void SetAbout(EventReport& report, std::string_view about) {
  const auto tab = about.find('\t');
  if (tab == std::string_view::npos) {
    report.head.clear();
    report.words.assign(about);
    return;
  }
  report.head.assign(about.substr(0, tab));
  report.words.assign(about.substr(tab + 1));
}

std::string EventKind(std::string_view head) { return std::string(KindAndRest(head).first); }

std::vector<std::string> WordPairs(const EventReport& report) {
  std::vector<std::string> pairs;
  std::istringstream in(report.words);
  std::string previous;
  for (std::string word; in >> word;) {
    if (word == "|") {
      previous.clear();
      continue;
    }
    if (!previous.empty()) pairs.push_back(previous + ' ' + word);
    previous = word;
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  return pairs;
}

std::vector<std::string> Features(const EventReport& report) {
  std::vector<std::string> features = WordPairs(report);
  for (const std::string& organizer : report.organizers) features.push_back("@" + organizer);
  for (const std::string& place : report.places) features.push_back("@in:" + place);
  std::sort(features.begin(), features.end());
  features.erase(std::unique(features.begin(), features.end()), features.end());
  return features;
}

void PairWeights::Add(const EventReport& report) {
  ++reports_;
  for (const std::string& feature : Features(report)) ++reports_with_[feature];
}

double PairWeights::Weight(const std::string& pair) const {
  const auto it = reports_with_.find(pair);
  const int with = it == reports_with_.end() ? 1 : std::max(1, it->second);
  return std::log((1.0 + std::max(reports_, with)) / with);
}

bool MayBeOne(const EventReport& a, const EventReport& b) {
  if (a.date != b.date || a.doc == b.doc) return false;
  const auto [kind_a, rest_a] = KindAndRest(a.head);
  const auto [kind_b, rest_b] = KindAndRest(b.head);
  if (kind_a != kind_b) return false;
  if (kind_a == "ceremony") {
    const std::string_view act_a = rest_a.substr(0, rest_a.find(' ')), act_b = rest_b.substr(0, rest_b.find(' '));
    if (IsCeremonyAct(act_a) && IsCeremonyAct(act_b) && act_a != act_b) return false;
  }
  if (!a.places.empty() && !b.places.empty() && !Intersect(a.places, b.places)) return false;
  return true;
}

double Similarity(const EventReport& a, const EventReport& b, const PairWeights& weights) {
  const std::vector<std::string> pa = Features(a), pb = Features(b);
  double shared = 0, norm_a = 0, norm_b = 0;
  for (const auto& p : pa) norm_a += std::pow(weights.Weight(p), 2);
  for (const auto& p : pb) norm_b += std::pow(weights.Weight(p), 2);
  std::vector<std::string> both;
  std::set_intersection(pa.begin(), pa.end(), pb.begin(), pb.end(), std::back_inserter(both));
  for (const auto& p : both) shared += std::pow(weights.Weight(p), 2);
  if (norm_a <= 0 || norm_b <= 0) return 0;
  // Over the smaller: a short report ("Lễ khai mạc") that says only what the
  // longer one says is the same, however much more the longer one says.
  return shared / std::min(norm_a, norm_b);
}

bool SameEvent(const EventReport& a, const EventReport& b, const PairWeights& weights) {
  return MayBeOne(a, b) && Similarity(a, b, weights) >= kSameEventSimilarity;
}

std::vector<std::size_t> ResolveEvents(const std::vector<EventReport>& reports, const PairWeights& weights) {
  // Indices in key order: everything below depends on the keys, not on the input order.
  std::vector<std::size_t> order(reports.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return reports[x].key < reports[y].key; });

  std::vector<std::size_t> representative(reports.size());
  for (std::size_t i = 0; i < reports.size(); ++i) representative[i] = i;

  std::map<std::string, std::vector<std::size_t>> by_date;  // each in key order
  for (std::size_t i : order) by_date[reports[i].date].push_back(i);
  for (const auto& [date, members] : by_date) {
    if (members.size() < 2) continue;
    // Candidate pairs, most similar first; ties by keys.
    std::vector<std::tuple<double, std::size_t, std::size_t>> candidates;
    for (std::size_t x = 0; x < members.size(); ++x)
      for (std::size_t y = x + 1; y < members.size(); ++y) {
        const EventReport& a = reports[members[x]];
        const EventReport& b = reports[members[y]];
        if (!MayBeOne(a, b)) continue;
        const double s = Similarity(a, b, weights);
        if (s >= kSameEventSimilarity) candidates.emplace_back(-s, x, y);
      }
    std::sort(candidates.begin(), candidates.end());
    // cluster[x]: the smallest position of x's cluster; clusters listed by that position.
    std::vector<std::size_t> cluster(members.size());
    std::iota(cluster.begin(), cluster.end(), 0);
    std::map<std::size_t, std::vector<std::size_t>> clusters;
    for (std::size_t x = 0; x < members.size(); ++x) clusters[x] = {x};
    for (const auto& [negative_similarity, x, y] : candidates) {
      const std::size_t cx = cluster[x], cy = cluster[y];
      if (cx == cy) continue;
      bool compatible = true;
      for (std::size_t u : clusters[cx])
        for (std::size_t v : clusters[cy])
          if (compatible && !MayBeOne(reports[members[u]], reports[members[v]])) compatible = false;
      if (!compatible) continue;
      const std::size_t keep = std::min(cx, cy), gone = std::max(cx, cy);
      for (std::size_t v : clusters[gone]) {
        cluster[v] = keep;
        clusters[keep].push_back(v);
      }
      clusters.erase(gone);
    }
    for (std::size_t x = 0; x < members.size(); ++x) representative[members[x]] = members[cluster[x]];
  }
  return representative;
}

}  // namespace vnkg::resolve
