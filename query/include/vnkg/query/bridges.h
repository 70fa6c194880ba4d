// "Who chaired which bridge point?": the bridge points of each event with the
// people who chaired (or, where the article says so, attended) them.
#pragma once

#include <string>
#include <vector>

#include "vnkg/status.h"
#include "vnkg/store/store.h"

namespace vnkg {

struct BridgePointRow {
  std::string event_date;
  std::string event_name;     // may be empty when no article named it
  std::string province;
  std::string role;           // "chaired" or "attended"
  std::string person;         // empty when no one is named for this bridge point
  std::vector<std::string> offices;  // the person's offices reported in the same documents
  std::vector<std::string> docs;     // documents stating this row
  TermId event_id = 0;               // the event (gathering) the bridge point belongs to
};

struct BridgeFilter {
  std::string province;  // matched ignoring case, diacritics and tone placement; empty: all
  std::string date;      // prefix of the ISO date ("2025", "2025-01-06"); empty: all
  std::string event;     // words that must occur in the event's name (loose match); empty: all
};

// Rows ordered by event date, province, role (chaired first), person.
Result<std::vector<BridgePointRow>> ListBridgePoints(const Store& store, const BridgeFilter& filter);

}  // namespace vnkg
