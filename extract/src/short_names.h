// A person named short in an article ("Bí thư Xuân Anh" after "Bí thư Thành ủy
// Nguyễn Xuân Anh") is the one whose full name it ends: one pass over the
// facts of a document, after every sentence was read. Internal to the extract
// module.
#pragma once

#include <vector>

#include "gazetteer.h"
#include "vnkg/model/fact.h"

namespace vnkg {

// Rewrites, in place, every Person of `facts` (one document's) whose name does
// not start with a family name and is the last words of exactly one other
// Person name of the same facts that does ("Xuân Anh" -> "Nguyễn Xuân Anh").
// A short name that ends several full names, or none, is left as written.
void ResolveShortNames(std::vector<Fact>& facts, const Gazetteer& gazetteer);

}  // namespace vnkg
