// graph/cycles.h — cycle detection over small directed graphs given as edge
// lists (task trees, group hierarchies, dependencies, post superiors).
//
// The only includer of Boost.Graph. Pure functions; thread-safe.
#ifndef DUTYGRAPH_SRC_GRAPH_CYCLES_H_
#define DUTYGRAPH_SRC_GRAPH_CYCLES_H_

#include <cstdint>
#include <utility>
#include <vector>

namespace dutygraph::internal {

using Edge = std::pair<uint32_t, uint32_t>;

// FindCycle()
//
// One directed cycle among `vertex_count` vertices, as the vertices in order
// (a -> b -> ... -> a, the first not repeated at the end); empty if the graph
// is acyclic. Deterministic: the cycle found is the one that a depth-first
// search in vertex order reaches first.
std::vector<uint32_t> FindCycle(uint32_t vertex_count,
                                const std::vector<Edge>& edges);

}  // namespace dutygraph::internal

#endif  // DUTYGRAPH_SRC_GRAPH_CYCLES_H_
