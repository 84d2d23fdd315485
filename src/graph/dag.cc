// Topological order with Boost.Graph over an immutable CSR graph of the
// non-isolated vertices; a cycle (boost::not_a_dag) is caught here and named
// by FindCycle (graph/cycles.h). No exception leaves this file.
#include "graph/dag.h"

#include <algorithm>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/exception.hpp>
#include <boost/graph/topological_sort.hpp>
#include <iterator>
#include <utility>

#include "graph/cycles.h"

namespace dutygraph::internal {
namespace {

using Graph = boost::compressed_sparse_row_graph<boost::directedS>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;

// Counting sort of the edges into CSR lists keyed by one endpoint's position;
// stable, so parallel edges keep their input order.
void FillLists(const TopologicalDag& dag, const std::vector<WeightedEdge>& edges,
               bool by_source, std::vector<uint32_t>* offsets,
               std::vector<uint32_t>* others, std::vector<int32_t>* weights) {
  const uint32_t n = dag.size();
  offsets->assign(n + 1, 0);
  for (const WeightedEdge& e : edges) {
    ++(*offsets)[dag.position[by_source ? e.from : e.to] + 1];
  }
  for (uint32_t p = 0; p < n; ++p) (*offsets)[p + 1] += (*offsets)[p];
  others->resize(edges.size());
  weights->resize(edges.size());
  std::vector<uint32_t> next(offsets->begin(), offsets->end() - 1);
  for (const WeightedEdge& e : edges) {
    const uint32_t key = dag.position[by_source ? e.from : e.to];
    const uint32_t slot = next[key]++;
    (*others)[slot] = dag.position[by_source ? e.to : e.from];
    (*weights)[slot] = e.weight;
  }
}

}  // namespace

bool BuildTopologicalDag(uint32_t vertex_count,
                         const std::vector<WeightedEdge>& edges,
                         TopologicalDag* dag, std::vector<uint32_t>* cycle) {
  cycle->clear();
  // Compact the vertices that have an edge, keeping their index order.
  std::vector<int32_t> local(vertex_count, -1);
  for (const WeightedEdge& e : edges) local[e.from] = local[e.to] = 0;
  std::vector<uint32_t> vertex_of_local;
  for (uint32_t v = 0; v < vertex_count; ++v) {
    if (local[v] == 0) {
      local[v] = static_cast<int32_t>(vertex_of_local.size());
      vertex_of_local.push_back(v);
    }
  }
  std::vector<std::pair<uint32_t, uint32_t>> local_edges;
  local_edges.reserve(edges.size());
  for (const WeightedEdge& e : edges) {
    local_edges.emplace_back(local[e.from], local[e.to]);
  }
  std::sort(local_edges.begin(), local_edges.end());
  const uint32_t local_count = static_cast<uint32_t>(vertex_of_local.size());
  const Graph graph(boost::edges_are_sorted, local_edges.begin(),
                    local_edges.end(), local_count);

  std::vector<Vertex> reverse_order;
  reverse_order.reserve(local_count);
  std::vector<boost::default_color_type> colors(local_count);
  try {
    boost::topological_sort(
        graph, std::back_inserter(reverse_order),
        boost::color_map(boost::make_iterator_property_map(
            colors.begin(), boost::get(boost::vertex_index, graph))));
  } catch (const boost::not_a_dag&) {
    std::vector<Edge> plain;
    plain.reserve(edges.size());
    for (const WeightedEdge& e : edges) plain.emplace_back(e.from, e.to);
    *cycle = FindCycle(vertex_count, plain);
    return false;
  }

  dag->vertex_count = vertex_count;
  dag->order.resize(local_count);
  dag->position.assign(vertex_count, -1);
  for (uint32_t p = 0; p < local_count; ++p) {
    const uint32_t v = vertex_of_local[reverse_order[local_count - 1 - p]];
    dag->order[p] = v;
    dag->position[v] = static_cast<int32_t>(p);
  }
  FillLists(*dag, edges, /*by_source=*/false, &dag->pred_offsets,
            &dag->pred_source, &dag->pred_weight);
  FillLists(*dag, edges, /*by_source=*/true, &dag->succ_offsets,
            &dag->succ_target, &dag->succ_weight);
  return true;
}

int64_t EarliestFinishes(const TopologicalDag& dag, const int32_t* span,
                         int32_t limit, int32_t* ef) {
  const uint32_t n = dag.size();
  const uint32_t* offsets = dag.pred_offsets.data();
  const uint32_t* source = dag.pred_source.data();
  const int32_t* weight = dag.pred_weight.data();
  for (uint32_t p = 0; p < n; ++p) {
    int32_t start = 0;
    for (uint32_t k = offsets[p]; k < offsets[p + 1]; ++k) {
      start = std::max(start, ef[source[k]] + weight[k]);
    }
    const int32_t finish = start + span[p];
    if (finish > limit) [[unlikely]] return p;
    ef[p] = finish;
  }
  return -1;
}

void LatestStarts(const TopologicalDag& dag, const int32_t* span,
                  int32_t horizon, int32_t* ls) {
  const uint32_t* offsets = dag.succ_offsets.data();
  const uint32_t* target = dag.succ_target.data();
  const int32_t* weight = dag.succ_weight.data();
  for (uint32_t p = dag.size(); p-- > 0;) {
    int32_t finish = horizon;
    for (uint32_t k = offsets[p]; k < offsets[p + 1]; ++k) {
      finish = std::min(finish, ls[target[k]] - weight[k]);
    }
    ls[p] = finish - span[p];
  }
}

}  // namespace dutygraph::internal
