// The planner: the order in which a basic graph pattern's triples are joined.
#include <algorithm>
#include <cmath>

#include "sparql_internal.h"

namespace vnkg::sparql {

// Greedy: the pattern with the fewest expected matches next, counting each
// already bound variable as a strong filter, and never a disconnected
// pattern (a cross product) while a connected one remains.
std::vector<std::size_t> PlanJoinOrder(const std::vector<PlanPattern>& patterns, std::vector<bool> bound) {
  std::vector<std::size_t> left(patterns.size()), order;
  for (std::size_t i = 0; i < left.size(); ++i) left[i] = i;
  while (!left.empty()) {
    std::size_t best = 0;
    std::pair<bool, double> best_key{true, 0};
    const bool any_bound = std::find(bound.begin(), bound.end(), true) != bound.end();
    for (std::size_t k = 0; k < left.size(); ++k) {
      const PlanPattern& p = patterns[left[k]];
      int shared = 0, vars = 0;
      for (int v : p.vars)
        if (v >= 0) ++vars, shared += bound[v] ? 1 : 0;
      const bool disconnected = any_bound && vars > 0 && shared == 0;
      const std::pair<bool, double> key{disconnected, p.estimate / std::pow(20.0, shared)};
      if (k == 0 || key < best_key) best = k, best_key = key;
    }
    for (int v : patterns[left[best]].vars)
      if (v >= 0) bound[v] = true;
    order.push_back(left[best]);
    left.erase(left.begin() + static_cast<std::ptrdiff_t>(best));
  }
  return order;
}

}  // namespace vnkg::sparql
