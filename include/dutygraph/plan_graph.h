// dutygraph/plan_graph.h — the responsibility graph around a node, as
// Graphviz DOT text.
//
// PlanGraphDot() draws, as of a date, the part of the plan around a focus —
// a task, a unit or a group (or the whole plan) — for `dot` to lay out:
//
//   node        shape                          label
//   task        note, light yellow             path and title
//   unit        box, light blue                name
//   group       tab, lavender                  name
//   post        ellipse                        title and who held it that
//                                              day, or 空缺 vacant
//
// Edges: unit -> task coloured by role (lead red, support blue, responsible
// green, participate brown; labelled 牵头 lead ..., with "via SET" for a
// unit set or group, "from PATH" when inherited from a parent node,
// "successor" for a renamed unit); post -> task for a post named in an
// assignment; group -> task "supervises" (dotted when the group supervises a
// node above the task); parent task -> child task (grey); unit -> post
// "head"; post -> unit "supervising leader"; post -> group "convener",
// "deputy convener", "guiding", "office director"; group -> unit "office";
// unit -> group "member"; group -> parent group "under".
//
// Which nodes: a breadth-first walk from the focus over tasks, units and
// groups, `depth` steps (0: the focus alone). A task's neighbours are the
// units accountable for it (AccountabilityOf) and its supervising group; a
// unit's are its tasks (TasksOfUnit) and the groups it is a member of or
// hosts the office of; a group's are the nodes it supervises, its member
// units, its office host and its parent and child groups. Posts are not
// walked: every drawn unit brings its head and supervising posts, every
// drawn group its conveners, deputies, guiding posts and office director,
// and the chain of groups above it. With no focus, every task, unit and
// group is drawn. Edges are drawn between drawn nodes only.
//
// The text is deterministic: the same plan, focus and options give the same
// bytes. Node ids are the record's kind and index (t12, u3, g1, p7); every
// label and attribute is a quoted, escaped DOT string, so any text in a plan
// is safe.
//
// Thread safety: a pure function of immutable inputs.
//
// Example:
//   auto plan = dutygraph::LoadPlanFile("examples/hengyang-2023/plan.json");
//   dutygraph::PlanGraphOptions options;
//   options.on = *dutygraph::Date::Parse("2023-06-01");
//   auto dot = dutygraph::PlanGraphDot(
//       *plan, dutygraph::GraphFocus::Task(*plan->FindTask("4/二/（一）/1")),
//       options);
//   // $ dot -Tsvg  (Debian's graphviz) renders *dot
#ifndef DUTYGRAPH_PLAN_GRAPH_H_
#define DUTYGRAPH_PLAN_GRAPH_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "dutygraph/date.h"
#include "dutygraph/plan.h"

namespace dutygraph {

// The node a picture is drawn around. Values are stable (C API).
enum class GraphFocusKind : int32_t {
  kPlan = 0,  // no focus: the whole plan
  kTask = 1,
  kUnit = 2,
  kGroup = 3,
};

struct GraphFocus {
  GraphFocusKind kind = GraphFocusKind::kPlan;
  uint32_t index = 0;  // the TaskIndex, UnitIndex or GroupIndex value

  static GraphFocus WholePlan() { return {}; }
  static GraphFocus Task(TaskIndex t) { return {GraphFocusKind::kTask, t.value}; }
  static GraphFocus Unit(UnitIndex u) { return {GraphFocusKind::kUnit, u.value}; }
  static GraphFocus Group(GroupIndex g) {
    return {GraphFocusKind::kGroup, g.value};
  }
};

// The deepest walk PlanGraphOptions::depth may ask for.
inline constexpr int32_t kMaxGraphDepth = 16;

struct PlanGraphOptions {
  // The day the roles and post holders are read as of; nullopt: the plan's
  // issue date, else January 1 of the plan year.
  std::optional<Date> on;
  // Steps of the walk from the focus, 0..kMaxGraphDepth.
  int32_t depth = 1;
  // A legend of the role colours used (a cluster at the side).
  bool legend = true;
  // More nodes than this is RESOURCE_EXHAUSTED rather than an unreadable
  // picture; >= 1.
  int32_t max_nodes = 1000;
};

// PlanGraphDot()
//
// The graph described above as a DOT `digraph`. Errors: INVALID_ARGUMENT for
// a focus index out of range (naming the kind and the count), a depth
// outside 0..kMaxGraphDepth, max_nodes < 1, or no `on` for a plan with
// neither issue date nor year; RESOURCE_EXHAUSTED, with the count, when the
// picture would exceed max_nodes.
absl::StatusOr<std::string> PlanGraphDot(const Plan& plan,
                                         const GraphFocus& focus,
                                         const PlanGraphOptions& options = {});

// DotQuoted()
//
// `text` as a quoted DOT string: backslashes and double quotes escaped, a
// line feed as the centred line break \n, other control characters as
// spaces. DotQuoted("a\"b") == "\"a\\\"b\"".
std::string DotQuoted(std::string_view text);

}  // namespace dutygraph

#endif  // DUTYGRAPH_PLAN_GRAPH_H_
