// io/plan_graph_dot.cc — the responsibility graph around a node as Graphviz
// DOT (dutygraph/plan_graph.h).
//
// Two passes: a breadth-first walk picks the tasks, units and groups to draw
// (posts are decorations of the units and groups that bring them), then the
// edges are derived from the drawn set alone, in node order, so the text
// depends on what is drawn and never on the order the walk found it.
#include "dutygraph/plan_graph.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "dutygraph/plan.h"
#include "dutygraph/plan_data.h"
#include "util/status_macros.h"

namespace dutygraph {
namespace {

constexpr std::string_view kRoleColours[kRoleCount] = {
    "#d62728", "#1f77b4", "#2ca02c", "#8c564b"};
constexpr std::string_view kRoleLabels[kRoleCount] = {
    "牵头 lead", "配合 support", "负责 responsible", "参与 participate"};
constexpr std::string_view kStructureColour = "#777777";

// Terminal-style width: CJK and fullwidth code points take two columns.
int CodePointWidth(char32_t c) {
  const bool wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
                    (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
                    (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
                    (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
  return wide ? 2 : 1;
}

// The length in bytes of the UTF-8 sequence starting with `lead` (1 for a
// stray byte, so that any input advances).
size_t SequenceLength(unsigned char lead) {
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  if (lead >= 0xE0) return lead <= 0xEF ? 3 : 1;
  if (lead >= 0xC2) return 2;
  return 1;
}

char32_t DecodeAt(std::string_view text, size_t pos, size_t len) {
  const auto byte = [&](size_t i) {
    return static_cast<char32_t>(static_cast<unsigned char>(text[pos + i]));
  };
  switch (len) {
    case 2: return ((byte(0) & 0x1F) << 6) | (byte(1) & 0x3F);
    case 3:
      return ((byte(0) & 0x0F) << 12) | ((byte(1) & 0x3F) << 6) |
             (byte(2) & 0x3F);
    case 4:
      return ((byte(0) & 0x07) << 18) | ((byte(1) & 0x3F) << 12) |
             ((byte(2) & 0x3F) << 6) | (byte(3) & 0x3F);
    default: return byte(0);
  }
}

// `text` broken into lines of at most `columns` display columns, evenly
// (between code points: plan titles have few spaces to break at), joined
// by '\n'. "市委常委、市政府常务副市长" at 24 becomes two lines of 14 and 12,
// not 24 and 2.
std::string Wrap(std::string_view text, int columns) {
  int total = 0;
  for (size_t pos = 0; pos < text.size();) {
    size_t len = SequenceLength(static_cast<unsigned char>(text[pos]));
    if (pos + len > text.size()) len = 1;
    total += CodePointWidth(DecodeAt(text, pos, len));
    pos += len;
  }
  const int lines = (total + columns - 1) / columns;
  const int target = lines <= 1 ? columns : (total + lines - 1) / lines;
  std::string out;
  int used = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t len = SequenceLength(static_cast<unsigned char>(text[pos]));
    if (pos + len > text.size()) len = 1;
    const int width = CodePointWidth(DecodeAt(text, pos, len));
    // One column of slack: a line of wide characters cannot hit an odd
    // target exactly.
    if (used > 0 && used + width > target + 1) {
      out += '\n';
      used = 0;
    }
    out.append(text.substr(pos, len));
    used += width;
    pos += len;
  }
  return out;
}

enum class Kind { kGroup = 0, kTask = 1, kUnit = 2 };
using NodeKey = std::pair<Kind, uint32_t>;

std::string NodeId(Kind kind, uint32_t index) {
  constexpr char kPrefix[] = {'g', 't', 'u'};
  return kPrefix[static_cast<int>(kind)] + std::to_string(index);
}
std::string PostId(PostIndex post) { return "p" + std::to_string(post.value); }

class GraphWriter {
 public:
  GraphWriter(const Plan& plan, Date on) : plan_(plan), on_(on) {}

  // The neighbours of `node` in the walk.
  absl::Status Neighbours(NodeKey node, std::vector<NodeKey>* out) {
    out->clear();
    switch (node.first) {
      case Kind::kTask: {
        DG_RETURN_IF_ERROR(plan_.AccountabilityOf(TaskIndex{node.second}, on_,
                                                  &who_));
        for (const AccountableUnit& u : who_.units) {
          out->push_back({Kind::kUnit, u.unit.value});
        }
        if (who_.group) out->push_back({Kind::kGroup, who_.group->value});
        break;
      }
      case Kind::kUnit: {
        DG_RETURN_IF_ERROR(
            plan_.TasksOfUnit(UnitIndex{node.second}, on_, {}, &unit_tasks_));
        for (const UnitTask& t : unit_tasks_) {
          out->push_back({Kind::kTask, t.task.value});
        }
        const std::string& id = plan_.unit(UnitIndex{node.second}).id;
        for (uint32_t g = 0; g < plan_.data().groups.size(); ++g) {
          const GroupData& group = plan_.data().groups[g];
          if (group.office_host == id ||
              std::find(group.members.begin(), group.members.end(), id) !=
                  group.members.end()) {
            out->push_back({Kind::kGroup, g});
          }
        }
        break;
      }
      case Kind::kGroup: {
        const GroupData& group = plan_.group(GroupIndex{node.second});
        for (const std::string& id : group.supervises) {
          if (auto t = plan_.FindTask(id); t.ok()) {
            out->push_back({Kind::kTask, t->value});
          }
        }
        for (const std::string& id : group.members) {
          if (auto u = plan_.FindUnit(id, on_); u.ok()) {
            out->push_back({Kind::kUnit, u->value});
          }
        }
        if (auto u = FindUnit(group.office_host)) {
          out->push_back({Kind::kUnit, u->value});
        }
        if (auto parent = FindGroup(group.parent)) {
          out->push_back({Kind::kGroup, parent->value});
        }
        for (uint32_t g = 0; g < plan_.data().groups.size(); ++g) {
          if (plan_.data().groups[g].parent == group.id) {
            out->push_back({Kind::kGroup, g});
          }
        }
        break;
      }
    }
    return absl::OkStatus();
  }

  // Adds the groups above every drawn group (their chain of command).
  void AddGroupAncestors(std::set<NodeKey>* nodes) {
    std::vector<uint32_t> groups;
    for (const NodeKey& n : *nodes) {
      if (n.first == Kind::kGroup) groups.push_back(n.second);
    }
    for (uint32_t g : groups) {
      std::optional<GroupIndex> parent =
          FindGroup(plan_.group(GroupIndex{g}).parent);
      for (size_t guard = 0; parent && guard < plan_.data().groups.size();
           ++guard) {
        nodes->insert({Kind::kGroup, parent->value});
        parent = FindGroup(plan_.group(*parent).parent);
      }
    }
  }

  absl::StatusOr<std::string> Write(const std::set<NodeKey>& nodes,
                                    std::optional<NodeKey> focus,
                                    bool legend) {
    nodes_ = &nodes;
    std::string body;
    // Nodes: groups, tasks, units (std::set order), then the posts.
    for (const NodeKey& n : nodes) {
      body += "  " + NodeId(n.first, n.second) + " [" + NodeAttributes(n) +
              (focus && *focus == n ? ", penwidth=3" : "") + "];\n";
    }
    std::string edges;
    for (const NodeKey& n : nodes) {
      switch (n.first) {
        case Kind::kTask: DG_RETURN_IF_ERROR(TaskEdges(n.second, &edges)); break;
        case Kind::kUnit: UnitEdges(n.second, &edges); break;
        case Kind::kGroup: GroupEdges(n.second, &edges); break;
      }
    }
    for (const auto& [post, person] : posts_) {
      const PostData& p = plan_.post(post);
      const std::string holder =
          person ? plan_.person(*person).name : std::string("空缺 vacant");
      body += "  " + PostId(post) + " [shape=ellipse, style=filled, " +
              "fillcolor=\"#f2f2f2\", label=" +
              DotQuoted(Wrap(p.title.empty() ? p.id : p.title, 24) + "\n" +
                        holder) +
              ", tooltip=" + DotQuoted(p.id) + "];\n";
    }

    const PlanInfo& info = plan_.data().plan;
    std::string title = info.title.empty() ? info.id : info.title;
    if (focus) title += "\n" + FocusText(*focus);
    title += "\nas of " + on_.ToString();

    std::string out = "digraph dutygraph {\n";
    out += "  graph [rankdir=LR, fontname=\"sans-serif\", fontsize=14, "
           "labelloc=t, label=" + DotQuoted(title) + ", nodesep=0.25, "
           "ranksep=0.6];\n";
    out += "  node [fontname=\"sans-serif\", fontsize=11, margin=\"0.12,0.06\"];\n";
    out += "  edge [fontname=\"sans-serif\", fontsize=9];\n";
    out += body + edges;
    if (legend) out += Legend();
    out += "}\n";
    return out;
  }

 private:
  std::optional<UnitIndex> FindUnit(const std::string& id) const {
    if (id.empty()) return std::nullopt;
    auto u = plan_.FindUnit(id, on_);
    return u.ok() ? std::optional<UnitIndex>(*u) : std::nullopt;
  }
  std::optional<GroupIndex> FindGroup(const std::string& id) const {
    if (id.empty()) return std::nullopt;
    auto g = plan_.FindGroup(id);
    return g.ok() ? std::optional<GroupIndex>(*g) : std::nullopt;
  }
  std::optional<PostIndex> FindPost(const std::string& id) const {
    if (id.empty()) return std::nullopt;
    auto p = plan_.FindPost(id);
    return p.ok() ? std::optional<PostIndex>(*p) : std::nullopt;
  }
  bool Drawn(Kind kind, uint32_t index) const {
    return nodes_->count({kind, index}) > 0;
  }

  std::string TaskText(TaskIndex t) const {
    const TaskData& task = plan_.task(t);
    return task.path.empty() ? task.id : task.path;
  }

  std::string FocusText(NodeKey focus) const {
    switch (focus.first) {
      case Kind::kTask: {
        const TaskData& t = plan_.task(TaskIndex{focus.second});
        return TaskText(TaskIndex{focus.second}) + " " + t.title;
      }
      case Kind::kUnit: return plan_.unit(UnitIndex{focus.second}).name;
      case Kind::kGroup: return plan_.group(GroupIndex{focus.second}).name;
    }
    return "";
  }

  std::string NodeAttributes(NodeKey n) const {
    switch (n.first) {
      case Kind::kTask: {
        const TaskData& t = plan_.task(TaskIndex{n.second});
        std::string label = TaskText(TaskIndex{n.second});
        if (!t.title.empty()) label += "\n" + Wrap(t.title, 28);
        return "shape=note, style=filled, fillcolor=\"#fff8dc\", label=" +
               DotQuoted(label) + ", tooltip=" + DotQuoted(t.id);
      }
      case Kind::kUnit: {
        const UnitData& u = plan_.unit(UnitIndex{n.second});
        return "shape=box, style=filled, fillcolor=\"#e3eefc\", label=" +
               DotQuoted(Wrap(u.name.empty() ? u.id : u.name, 24)) +
               ", tooltip=" + DotQuoted(u.full_name.empty() ? u.id : u.full_name);
      }
      case Kind::kGroup: {
        const GroupData& g = plan_.group(GroupIndex{n.second});
        return "shape=tab, style=filled, fillcolor=\"#ece3f7\", label=" +
               DotQuoted(Wrap(g.name.empty() ? g.id : g.name, 24)) +
               ", tooltip=" + DotQuoted(g.id);
      }
    }
    return "";
  }

  // Registers a post as drawn (with its holder as of the day) and returns
  // its node id.
  std::string Post(PostIndex post) {
    posts_.insert({post, plan_.HolderOf(post, on_)});
    return PostId(post);
  }

  void Edge(std::string* out, const std::string& from, const std::string& to,
            std::string_view colour, const std::string& label,
            std::string_view extra = "") {
    out->append("  " + from + " -> " + to + " [color=\"" + std::string(colour) +
                "\", fontcolor=\"" + std::string(colour) + "\"");
    if (!label.empty()) out->append(", label=" + DotQuoted(label));
    if (!extra.empty()) out->append(", " + std::string(extra));
    out->append("];\n");
  }

  absl::Status TaskEdges(uint32_t t, std::string* out) {
    const TaskIndex task{t};
    const std::string id = NodeId(Kind::kTask, t);
    if (auto parent = plan_.FindTask(plan_.task(task).parent);
        !plan_.task(task).parent.empty() && parent.ok() &&
        Drawn(Kind::kTask, parent->value)) {
      Edge(out, NodeId(Kind::kTask, parent->value), id, kStructureColour, "",
           "arrowhead=none, style=bold");
    }
    DG_RETURN_IF_ERROR(plan_.AccountabilityOf(task, on_, &who_));
    // One edge per unit, role and reading; clauses would repeat it.
    std::set<std::tuple<uint32_t, int, std::string>> seen;
    for (const AccountableUnit& u : who_.units) {
      if (!Drawn(Kind::kUnit, u.unit.value)) continue;
      const int role = static_cast<int>(u.role);
      std::string label(kRoleLabels[role]);
      switch (u.via) {
        case AssignedVia::kUnitSet:
          label += "\nvia " + plan_.unit_set(UnitSetIndex{u.via_index}).name;
          break;
        case AssignedVia::kGroup:
          label += "\nvia " + plan_.group(GroupIndex{u.via_index}).name;
          break;
        case AssignedVia::kSuccessor:
          label += "\nsuccessor of " + plan_.unit(UnitIndex{u.via_index}).name;
          break;
        case AssignedVia::kDirect: break;
      }
      if (!(u.from_node == task)) label += "\nfrom " + TaskText(u.from_node);
      if (!seen.insert({u.unit.value, role, label}).second) continue;
      Edge(out, NodeId(Kind::kUnit, u.unit.value), id, kRoleColours[role],
           label, u.role == Role::kLead ? "penwidth=2" : "");
    }
    for (const PostHolder& p : who_.posts) {
      // The post's role is that of the assignment naming it.
      Role role = Role::kLead;
      for (const AssignmentData& a : plan_.task(task).assignments) {
        if (a.post == plan_.post(p.post).id) role = a.role;
      }
      const int r = static_cast<int>(role);
      Edge(out, Post(p.post), id, kRoleColours[r], std::string(kRoleLabels[r]));
    }
    if (who_.group && Drawn(Kind::kGroup, who_.group->value)) {
      const GroupData& g = plan_.group(*who_.group);
      const bool direct = std::find(g.supervises.begin(), g.supervises.end(),
                                    plan_.task(task).id) != g.supervises.end();
      // Only the nearest group supervises a node; a drawn ancestor shows
      // where the duty comes from.
      const bool ancestor_drawn = [&] {
        for (const std::string& s : g.supervises) {
          auto n = plan_.FindTask(s);
          if (n.ok() && !(*n == task) && Drawn(Kind::kTask, n->value)) {
            // Is it above this task?
            for (std::string up = plan_.task(task).parent; !up.empty();) {
              auto u = plan_.FindTask(up);
              if (!u.ok()) break;
              if (*u == *n) return true;
              up = plan_.task(*u).parent;
            }
          }
        }
        return false;
      }();
      if (direct || !ancestor_drawn) {
        Edge(out, NodeId(Kind::kGroup, who_.group->value), id, kStructureColour,
             "supervises", direct ? "style=dashed" : "style=dotted");
      }
    }
    return absl::OkStatus();
  }

  void UnitEdges(uint32_t u, std::string* out) {
    const UnitData& unit = plan_.unit(UnitIndex{u});
    const std::string id = NodeId(Kind::kUnit, u);
    if (auto head = FindPost(unit.head_post)) {
      Edge(out, id, Post(*head), kStructureColour, "head", "arrowhead=none");
    }
    if (auto sup = FindPost(unit.supervising_post)) {
      Edge(out, Post(*sup), id, kStructureColour, "supervising leader",
           "style=dashed");
    }
  }

  void GroupEdges(uint32_t g, std::string* out) {
    const GroupData& group = plan_.group(GroupIndex{g});
    const std::string id = NodeId(Kind::kGroup, g);
    const auto posts = [&](const std::vector<std::string>& ids,
                           const std::string& label) {
      for (const std::string& p : ids) {
        if (auto post = FindPost(p)) {
          Edge(out, Post(*post), id, kStructureColour, label);
        }
      }
    };
    posts(group.conveners, "convener");
    posts(group.deputy_conveners, "deputy convener");
    posts(group.guiding_posts, "guiding");
    if (auto director = FindPost(group.office_director)) {
      Edge(out, Post(*director), id, kStructureColour, "office director");
    }
    if (auto host = FindUnit(group.office_host);
        host && Drawn(Kind::kUnit, host->value)) {
      Edge(out, id, NodeId(Kind::kUnit, host->value), kStructureColour,
           "office", "style=dashed");
    }
    for (const std::string& m : group.members) {
      if (auto unit = FindUnit(m); unit && Drawn(Kind::kUnit, unit->value)) {
        Edge(out, NodeId(Kind::kUnit, unit->value), id, "#aaaaaa", "member",
             "style=dotted");
      }
    }
    if (auto parent = FindGroup(group.parent);
        parent && Drawn(Kind::kGroup, parent->value)) {
      Edge(out, id, NodeId(Kind::kGroup, parent->value), kStructureColour,
           "under", "style=bold");
    }
  }

  // The four role colours.
  std::string Legend() const {
    std::string out = "  subgraph cluster_legend {\n";
    out += "    label=\"roles\"; fontsize=10; color=\"#cccccc\";\n";
    for (int r = 0; r < kRoleCount; ++r) {
      const std::string a = "legend" + std::to_string(r) + "a";
      const std::string b = "legend" + std::to_string(r) + "b";
      out += "    " + a + " [shape=point, width=0.05];\n";
      out += "    " + b + " [shape=point, width=0.05];\n";
      out += "    " + a + " -> " + b + " [color=\"" +
             std::string(kRoleColours[r]) + "\", fontcolor=\"" +
             std::string(kRoleColours[r]) + "\", label=" +
             DotQuoted(kRoleLabels[r]) + "];\n";
    }
    out += "  }\n";
    return out;
  }

  const Plan& plan_;
  const Date on_;
  const std::set<NodeKey>* nodes_ = nullptr;
  std::set<std::pair<PostIndex, std::optional<PersonIndex>>> posts_;
  // Reused across calls.
  Accountability who_;
  std::vector<UnitTask> unit_tasks_;
};

absl::Status CheckFocus(const Plan& plan, const GraphFocus& focus) {
  size_t count = 0;
  std::string_view what;
  switch (focus.kind) {
    case GraphFocusKind::kPlan: return absl::OkStatus();
    case GraphFocusKind::kTask:
      count = plan.data().tasks.size();
      what = "tasks";
      break;
    case GraphFocusKind::kUnit:
      count = plan.data().units.size();
      what = "units";
      break;
    case GraphFocusKind::kGroup:
      count = plan.data().groups.size();
      what = "groups";
      break;
    default:
      return absl::InvalidArgumentError(
          "focus kind " + std::to_string(static_cast<int>(focus.kind)) +
          " is not one of plan (0), task (1), unit (2), group (3)");
  }
  if (focus.index >= count) {
    return absl::InvalidArgumentError(
        "focus index " + std::to_string(focus.index) +
        " is out of range: the plan has " + std::to_string(count) + " " +
        std::string(what));
  }
  return absl::OkStatus();
}

}  // namespace

std::string DotQuoted(std::string_view text) {
  std::string out = "\"";
  out.reserve(text.size() + 2);
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      default:
        out += static_cast<unsigned char>(c) < 0x20 || c == 0x7F ? ' ' : c;
    }
  }
  return out + "\"";
}

absl::StatusOr<std::string> PlanGraphDot(const Plan& plan,
                                         const GraphFocus& focus,
                                         const PlanGraphOptions& options) {
  DG_RETURN_IF_ERROR(CheckFocus(plan, focus));
  if (options.depth < 0 || options.depth > kMaxGraphDepth) {
    return absl::InvalidArgumentError(
        "depth " + std::to_string(options.depth) + " is outside 0.." +
        std::to_string(kMaxGraphDepth));
  }
  if (options.max_nodes < 1) {
    return absl::InvalidArgumentError("max_nodes " +
                                      std::to_string(options.max_nodes) +
                                      " must be at least 1");
  }
  std::optional<Date> on = options.on;
  const PlanInfo& info = plan.data().plan;
  if (!on) on = info.issue_date;
  if (!on && info.year != 0) {
    absl::StatusOr<Date> jan1 = Date::FromYmd(info.year, 1, 1);
    if (jan1.ok()) on = *jan1;
  }
  if (!on) {
    return absl::InvalidArgumentError(
        "no date to draw the graph as of: give one (the plan has neither "
        "plan.issue_date nor plan.year)");
  }

  GraphWriter writer(plan, *on);
  std::set<NodeKey> nodes;
  std::optional<NodeKey> start;
  switch (focus.kind) {
    case GraphFocusKind::kTask: start = NodeKey{Kind::kTask, focus.index}; break;
    case GraphFocusKind::kUnit: start = NodeKey{Kind::kUnit, focus.index}; break;
    case GraphFocusKind::kGroup:
      start = NodeKey{Kind::kGroup, focus.index};
      break;
    case GraphFocusKind::kPlan: break;
  }
  const auto too_many = [&](size_t n) {
    return absl::ResourceExhaustedError(
        "the graph would have more than " + std::to_string(options.max_nodes) +
        " nodes (at least " + std::to_string(n) +
        "); draw it around a task, unit or group, or with a smaller depth");
  };
  if (start) {
    nodes.insert(*start);
    std::deque<std::pair<NodeKey, int>> queue = {{*start, 0}};
    std::vector<NodeKey> next;
    while (!queue.empty()) {
      const auto [node, distance] = queue.front();
      queue.pop_front();
      if (distance >= options.depth) continue;
      DG_RETURN_IF_ERROR(writer.Neighbours(node, &next));
      for (const NodeKey& n : next) {
        if (nodes.insert(n).second) queue.push_back({n, distance + 1});
      }
      if (nodes.size() > static_cast<size_t>(options.max_nodes)) {
        return too_many(nodes.size());
      }
    }
  } else {
    for (uint32_t i = 0; i < plan.data().tasks.size(); ++i) {
      nodes.insert({Kind::kTask, i});
    }
    for (uint32_t i = 0; i < plan.data().units.size(); ++i) {
      nodes.insert({Kind::kUnit, i});
    }
    for (uint32_t i = 0; i < plan.data().groups.size(); ++i) {
      nodes.insert({Kind::kGroup, i});
    }
  }
  writer.AddGroupAncestors(&nodes);
  if (nodes.size() > static_cast<size_t>(options.max_nodes)) {
    return too_many(nodes.size());
  }
  return writer.Write(nodes, start, options.legend);
}

}  // namespace dutygraph
