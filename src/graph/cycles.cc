// Depth-first search with Boost.Graph over an immutable CSR graph; a back
// edge closes a cycle, recovered from the DFS tree's predecessor links.
#include "graph/cycles.h"

#include <algorithm>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/depth_first_search.hpp>

namespace dutygraph::internal {
namespace {

using Graph = boost::compressed_sparse_row_graph<boost::directedS>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
using GraphEdge = boost::graph_traits<Graph>::edge_descriptor;

// Thrown out of the search as soon as a back edge is seen; caught below (no
// exception leaves this file).
struct CycleFound {
  Vertex from;
  Vertex to;
};

class BackEdgeVisitor : public boost::default_dfs_visitor {
 public:
  explicit BackEdgeVisitor(std::vector<Vertex>* parent) : parent_(parent) {}
  void tree_edge(GraphEdge e, const Graph& g) const {
    (*parent_)[boost::target(e, g)] = boost::source(e, g);
  }
  void back_edge(GraphEdge e, const Graph& g) const {
    throw CycleFound{boost::source(e, g), boost::target(e, g)};
  }

 private:
  std::vector<Vertex>* parent_;
};

}  // namespace

std::vector<uint32_t> FindCycle(uint32_t vertex_count,
                                const std::vector<Edge>& edges) {
  if (vertex_count == 0 || edges.empty()) return {};
  std::vector<Edge> sorted = edges;
  std::sort(sorted.begin(), sorted.end());
  const Graph graph(boost::edges_are_sorted, sorted.begin(), sorted.end(),
                    vertex_count);
  std::vector<Vertex> parent(vertex_count);
  for (uint32_t v = 0; v < vertex_count; ++v) parent[v] = v;
  std::vector<boost::default_color_type> colors(vertex_count);
  try {
    boost::depth_first_search(
        graph, boost::visitor(BackEdgeVisitor(&parent))
                   .color_map(boost::make_iterator_property_map(
                       colors.begin(), boost::get(boost::vertex_index, graph))));
  } catch (const CycleFound& found) {
    // from -> to is the back edge; walk the tree from `from` up to `to`.
    std::vector<uint32_t> cycle;
    for (Vertex v = found.from; v != found.to; v = parent[v]) {
      cycle.push_back(static_cast<uint32_t>(v));
    }
    cycle.push_back(static_cast<uint32_t>(found.to));
    std::reverse(cycle.begin(), cycle.end());
    return cycle;
  }
  return {};
}

}  // namespace dutygraph::internal
