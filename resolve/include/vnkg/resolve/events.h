// Event resolution: which reports of events are one gathering.
//
// Each article that reports a gathering gives one report: its date, the head
// it is named by ("hội nghị", "lễ khai mạc"), the words of the sentence that
// reports it, where it is held and who organizes it. Reports of one date are
// clustered into gatherings; the result is a function of the set of reports
// alone (never of their order), so the graph is the same whatever the order
// of ingest, and a report that arrives later joins the gathering it belongs to.
// When in doubt, reports stay apart.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace vnkg::resolve {

struct EventReport {
  std::string key;   // a unique, stable name of the report (its entity key); orders reports
  std::string date;  // ISO date
  std::string doc;   // the document that reports it
  std::string head;  // the folded head and the word after it: "lễ khai", "hội nghị"
  std::string words;  // folded words of its sentence, "|" between clauses
  std::vector<std::string> places;      // provinces it is said to be held in
  std::vector<std::string> organizers;  // folded names of who organizes it
};

// Splits Entity::about ("<head>\t<words>") into a report's head and words.
void SetAbout(EventReport& report, std::string_view about);

// What kind of gathering a head names: "conference" (hội nghị, hội thảo, tọa
// đàm, diễn đàn), "press" (họp báo), "session" (kỳ họp, phiên họp, cuộc họp),
// "ceremony" (lễ ...), "festival" (lễ hội), "working" (buổi làm việc), ...;
// "" for a head it does not know.
std::string EventKind(std::string_view head);

// How rare each feature (Features: pairs of adjacent words, organizers, places) is
// among a set of reports: rare pairs ("apec thương", "búa liềm") say more
// than common ones ("hội nghị", "thủ tướng").
class PairWeights {
 public:
  void Add(const EventReport& report);
  double Weight(const std::string& pair) const;

 private:
  std::unordered_map<std::string, int> reports_with_;
  int reports_ = 0;
};

// The pairs of adjacent words of a report's words, each once, sorted.
std::vector<std::string> WordPairs(const EventReport& report);
// What similarity compares: the word pairs, "@" + each organizer and
// "@in:" + each place it is held in, sorted.
std::vector<std::string> Features(const EventReport& report);

// Whether two reports may be one gathering at all: another date, one
// document, two kinds ("lễ khai mạc" and "hội thảo"), two ceremonies of
// different acts ("lễ đón", "lễ khai mạc"), or two provinces each is held in
// keep them apart.
bool MayBeOne(const EventReport& a, const EventReport& b);

// How much two reports say the same, 0..1: the squared weights of the
// features they share over those of the report that has fewer (each feature
// weighted by its rarity).
double Similarity(const EventReport& a, const EventReport& b, const PairWeights& weights);

// The similarity at and above which two reports that may be one are one.
inline constexpr double kSameEventSimilarity = 0.25;

// MayBeOne and similar enough.
bool SameEvent(const EventReport& a, const EventReport& b, const PairWeights& weights);

// Clusters reports into gatherings: for each report, the index of its
// gathering's representative (the report of the smallest key). Reports of
// one date only are compared; the most similar pairs join first, and two
// clusters join only when every report of one may be one with every report
// of the other. `weights` are usually those of all reports known.
std::vector<std::size_t> ResolveEvents(const std::vector<EventReport>& reports, const PairWeights& weights);

}  // namespace vnkg::resolve
