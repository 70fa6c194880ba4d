// Offices as one node per office (docs/architecture.md, "Identity"): the
// Positions of one document's facts made canonical against the gazetteers,
// and bare titles completed from the same article or kept to their holder.
#pragma once

#include <vector>

#include "gazetteer.h"
#include "vnkg/model/fact.h"

namespace vnkg {

// Rewrites the Position objects of `facts` (one document's) in place:
// - a title whose body is part of an alias ("Phó Thủ tướng" + "Chính phủ" =
//   "Phó Thủ tướng Chính phủ", an alias of "Phó Thủ tướng") is that title alone;
// - a ministry named by its short form after a minister's title ("Bộ trưởng"
//   + "Ngoại giao") is named in full ("Bộ Ngoại giao");
// - a bare title that needs a body ("Bộ trưởng", "Chủ tịch") takes the body
//   the same person holds it at elsewhere in the article when that is one
//   body; otherwise it stays bare and belongs to its holder alone
//   (Entity::mention = the person's folded name), so it joins no two people.
void ResolveOffices(std::vector<Fact>& facts, const Gazetteer& gazetteer);

}  // namespace vnkg
