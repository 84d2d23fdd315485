// graph/dag.h — a weighted directed acyclic graph laid out in topological
// order, and the two longest-path passes of the critical path method over it.
//
// The topological order comes from Boost.Graph (a compressed_sparse_row_graph
// and topological_sort); the passes are plain loops over the CSR arrays built
// here, so that repeated passes touch contiguous memory and allocate nothing.
//
// Only vertices with at least one edge are placed in the order: the others
// ("isolated") need no pass, and leaving them out keeps the arrays small on
// plans where most tasks have no dependency.
//
// Thread safety: a TopologicalDag is a plain value; once built, any number of
// threads may run passes over it concurrently (each with its own buffers).
#ifndef DUTYGRAPH_SRC_GRAPH_DAG_H_
#define DUTYGRAPH_SRC_GRAPH_DAG_H_

#include <cstdint>
#include <vector>

namespace dutygraph::internal {

// from -> to, with a non-negative weight (a lag).
struct WeightedEdge {
  uint32_t from = 0;
  uint32_t to = 0;
  int32_t weight = 0;
};

// The non-isolated vertices in a topological order ("positions"), with the
// edges as CSR lists in both directions, in position space.
struct TopologicalDag {
  uint32_t vertex_count = 0;
  std::vector<uint32_t> order;    // position -> vertex
  std::vector<int32_t> position;  // vertex -> position, -1 if isolated
  // Predecessors of position p: [pred_offsets[p], pred_offsets[p + 1]).
  std::vector<uint32_t> pred_offsets;
  std::vector<uint32_t> pred_source;  // positions
  std::vector<int32_t> pred_weight;
  // Successors of position p: [succ_offsets[p], succ_offsets[p + 1]).
  std::vector<uint32_t> succ_offsets;
  std::vector<uint32_t> succ_target;  // positions
  std::vector<int32_t> succ_weight;

  uint32_t size() const { return static_cast<uint32_t>(order.size()); }
};

// BuildTopologicalDag()
//
// Lays out `edges` over vertices 0..vertex_count-1 (every endpoint must be
// below vertex_count; parallel edges are kept). Returns true and fills `dag`.
// If the edges contain a directed cycle, returns false, leaves `dag`
// unspecified and sets `cycle` to the vertices of one cycle in order
// (a -> b -> ... -> a, the first not repeated), as graph/cycles.h finds it.
bool BuildTopologicalDag(uint32_t vertex_count,
                         const std::vector<WeightedEdge>& edges,
                         TopologicalDag* dag, std::vector<uint32_t>* cycle);

// EarliestFinishes()
//
// The forward pass. With span[p] the length of position p, computes
// ef[p] = span[p] + max(0, max over predecessors q of ef[q] + weight).
// Every span and weight must be in [0, limit] and limit <= 2^28, so that no
// sum overflows. Returns -1, or the first position whose finish exceeds
// `limit` (the passes stop there; `ef` is then partly filled).
int64_t EarliestFinishes(const TopologicalDag& dag, const int32_t* span,
                         int32_t limit, int32_t* ef);

// LatestStarts()
//
// The backward pass: ls[p] = min(horizon, min over successors s of
// ls[s] - weight) - span[p]. Same bounds as EarliestFinishes, and
// |horizon| <= limit.
void LatestStarts(const TopologicalDag& dag, const int32_t* span,
                  int32_t horizon, int32_t* ls);

}  // namespace dutygraph::internal

#endif  // DUTYGRAPH_SRC_GRAPH_DAG_H_
