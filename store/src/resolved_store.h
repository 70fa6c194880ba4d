// A Store that shows each real thing once: the reports of one gathering
// (Event terms, one per report) are one event, and their bridge points in one
// province one bridge point. The stored terms and facts stay one per report;
// resolution (resolve/events.h) is recomputed from them when first read after
// a write, so it is a function of what is stored, never of the order it came in.
#pragma once

#include <memory>

#include "vnkg/store/store.h"

namespace vnkg {

std::unique_ptr<Store> ResolvingStore(std::unique_ptr<Store> stored);

}  // namespace vnkg
