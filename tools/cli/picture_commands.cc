// tools/cli/picture_commands.cc — `dutygraph graph` and `dutygraph gantt`.
//
// The library writes the pictures as text (DOT, SVG). SVG and PNG of the
// graph come from Graphviz's `dot` program, run as a child process rather
// than linked (libgvc): the library and the C ABI stay free of Graphviz, and
// a machine without it still gets DOT, with a clear message otherwise.
#include "picture_commands.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "dutygraph/calendar.h"
#include "dutygraph/date.h"
#include "dutygraph/plan.h"
#include "dutygraph/plan_graph.h"
#include "dutygraph/schedule_gantt.h"
#include "dutygraph/view_schedule.h"

extern char** environ;

namespace dutygraph::cli {
namespace {

struct PictureArgs {
  std::string plan_path;
  std::string output;  // -o FILE; empty: stdout
  // graph
  std::string task;
  std::string unit;
  std::string group;
  std::string on;
  std::string depth = "1";
  std::string format = "dot";
  bool no_legend = false;
  // gantt
  std::string from;
  std::string to;
  std::string start;
  std::vector<std::string> cadences;
  bool no_cadences = false;
  bool provisional = false;
  std::string as_unit;  // --as-unit / --as-post: the view, as of --from
  std::string as_post;
  std::vector<std::string> overlays;
  CalendarLimits overlay_limits;  // --overlay-max-*
};

std::string ErrnoText(int error) { return std::strerror(error); }

// Writes `bytes` to -o FILE, or to stdout.
absl::Status Emit(const PictureArgs& args, const std::string& bytes) {
  if (args.output.empty() || args.output == "-") {
    std::cout << bytes << std::flush;
    if (!std::cout) return absl::UnavailableError("cannot write to stdout");
    return absl::OkStatus();
  }
  std::ofstream out(args.output, std::ios::binary | std::ios::trunc);
  if (!out) {
    return absl::InvalidArgumentError("-o: cannot write '" + args.output +
                                      "': " + ErrnoText(errno));
  }
  out << bytes;
  out.close();
  if (!out) {
    return absl::InvalidArgumentError("-o: error writing '" + args.output +
                                      "'");
  }
  return absl::OkStatus();
}

// Closes a file descriptor when it goes out of scope.
struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) close(fd);
  }
};

// Runs `dot -T<format>` on `dot_text` and returns what it printed. The input
// goes through an unlinked temporary file and the output through a pipe we
// only read, so no size of either can deadlock the two processes.
absl::StatusOr<std::string> RunDot(const std::string& dot_text,
                                   const std::string& format) {
  const char* tmpdir = std::getenv("TMPDIR");
  std::string path = std::string(tmpdir != nullptr && *tmpdir ? tmpdir : "/tmp") +
                     "/dutygraph-XXXXXX";
  Fd input{mkstemp(path.data())};
  if (input.fd < 0) {
    return absl::InternalError("cannot create a temporary file for dot: " +
                               ErrnoText(errno));
  }
  unlink(path.c_str());
  for (size_t done = 0; done < dot_text.size();) {
    const ssize_t n =
        write(input.fd, dot_text.data() + done, dot_text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      return absl::InternalError("cannot write the temporary DOT file: " +
                                 ErrnoText(errno));
    }
    done += static_cast<size_t>(n);
  }
  lseek(input.fd, 0, SEEK_SET);
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) {
    return absl::InternalError("cannot create a pipe for dot: " +
                               ErrnoText(errno));
  }
  Fd read_end{pipe_fds[0]};
  Fd write_end{pipe_fds[1]};

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, input.fd, STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, write_end.fd, STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, read_end.fd);
  const std::string type = "-T" + format;
  std::vector<char*> argv = {const_cast<char*>("dot"),
                             const_cast<char*>(type.c_str()), nullptr};
  pid_t pid = 0;
  const int spawned =
      posix_spawnp(&pid, "dot", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    if (spawned == ENOENT) {
      return absl::FailedPreconditionError(
          "--format " + format +
          " needs Graphviz's 'dot' program, which is not on PATH; install "
          "Debian's graphviz package (scripts/setup.sh does) or use "
          "--format dot and render it elsewhere");
    }
    return absl::InternalError("cannot run dot: " + ErrnoText(spawned));
  }
  close(write_end.fd);
  write_end.fd = -1;
  std::string output;
  char buffer[65536];
  while (true) {
    const ssize_t n = read(read_end.fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    output.append(buffer, static_cast<size_t>(n));
  }
  int wstatus = 0;
  while (waitpid(pid, &wstatus, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(wstatus) || WEXITSTATUS(wstatus) != 0) {
    return absl::InternalError(
        "dot -T" + format + " failed (" +
        (WIFEXITED(wstatus) ? "exit status " + std::to_string(WEXITSTATUS(wstatus))
                            : std::string("killed by a signal")) +
        "); its message is above");
  }
  return output;
}

absl::Status RunGraph(const PictureArgs& args) {
  absl::StatusOr<Plan> plan = LoadPlan(args.plan_path);
  if (!plan.ok()) return plan.status();
  GraphFocus focus;
  if (!args.task.empty()) {
    absl::StatusOr<TaskIndex> t = plan->FindTask(args.task);
    if (!t.ok()) return WithContext(t.status(), "--task");
    focus = GraphFocus::Task(*t);
  }
  PlanGraphOptions options;
  if (!args.on.empty()) {
    absl::StatusOr<Date> on = ArgumentDate("--on", args.on);
    if (!on.ok()) return on.status();
    options.on = *on;
  }
  if (!args.unit.empty()) {
    absl::StatusOr<UnitIndex> u = plan->FindUnit(args.unit, options.on);
    if (!u.ok()) return WithContext(u.status(), "--unit");
    focus = GraphFocus::Unit(*u);
  }
  if (!args.group.empty()) {
    absl::StatusOr<GroupIndex> g = plan->FindGroup(args.group);
    if (!g.ok()) return WithContext(g.status(), "--group");
    focus = GraphFocus::Group(*g);
  }
  absl::StatusOr<int32_t> depth = ArgumentInt32("--depth", args.depth);
  if (!depth.ok()) return depth.status();
  options.depth = *depth;
  options.legend = !args.no_legend;
  absl::StatusOr<std::string> dot = PlanGraphDot(*plan, focus, options);
  if (!dot.ok()) return dot.status();
  if (args.format == "dot") return Emit(args, *dot);
  absl::StatusOr<std::string> rendered = RunDot(*dot, args.format);
  if (!rendered.ok()) return rendered.status();
  return Emit(args, *rendered);
}

absl::Status RunGantt(const PictureArgs& args) {
  absl::StatusOr<Plan> plan = LoadPlan(args.plan_path);
  if (!plan.ok()) return plan.status();
  absl::StatusOr<Calendar> calendar =
      OpenCalendar(args.provisional, args.overlays, args.overlay_limits);
  if (!calendar.ok()) return calendar.status();
  absl::StatusOr<Date> from = ArgumentDate("--from", args.from);
  if (!from.ok()) return from.status();
  absl::StatusOr<Date> to = ArgumentDate("--to", args.to);
  if (!to.ok()) return to.status();
  GanttOptions options;
  if (!args.unit.empty()) {
    absl::StatusOr<UnitIndex> u = plan->FindUnit(args.unit);
    if (!u.ok()) return WithContext(u.status(), "--unit");
    options.unit = *u;
  }
  if (!args.start.empty()) {
    absl::StatusOr<Date> start = ArgumentDate("--start", args.start);
    if (!start.ok()) return start.status();
    options.project_start = *start;
  }
  options.show_cadences = !args.no_cadences;
  options.cadences = args.cadences;
  absl::StatusOr<std::optional<PlanView>> view =
      OpenView(*plan, args.as_unit, args.as_post, *from);
  if (!view.ok()) return view.status();
  absl::StatusOr<std::string> svg =
      *view ? ScheduleGanttSvg(**view, *calendar, *from, *to, options)
            : ScheduleGanttSvg(*plan, *calendar, *from, *to, options);
  if (!svg.ok()) {
    return ExplainCalendarError(
        svg.status().code() == absl::StatusCode::kNotFound
            ? WithContext(svg.status(), "--cadence")
            : svg.status());
  }
  return Emit(args, *svg);
}

// A usage error (exit 2), as `schedule` reports it.
void CheckGanttArguments(const PictureArgs& args) {
  absl::StatusOr<Date> from = Date::Parse(args.from);
  absl::StatusOr<Date> to = Date::Parse(args.to);
  if (from.ok() && to.ok() && *to < *from) {
    throw CLI::ValidationError(
        "--to", "'" + args.to + "' is before --from '" + args.from + "'");
  }
}

void AddPictureExitStatusFooter(CLI::App& app) {
  app.footer(
      "Exit status:\n"
      "  0  success\n"
      "  1  could not draw: a plan file that is missing or not valid, an\n"
      "     unknown task, unit, group or cadence, a picture too large, a\n"
      "     date in a year without an official holiday schedule, no 'dot'\n"
      "     program for --format svg|png, an unwritable -o file\n"
      "  2  usage error: unknown option, missing or bad argument\n"
      "Errors go to stderr as 'dutygraph: error: ...'.");
}

CLI::App* AddPictureSubcommand(
    CLI::App& app, const std::string& name, const std::string& description,
    const std::shared_ptr<PictureArgs>& args, CommandAction& action,
    absl::Status (*run)(const PictureArgs&),
    void (*check)(const PictureArgs&) = nullptr) {
  CLI::App* sub = app.add_subcommand(name, description);
  AddPictureExitStatusFooter(*sub);
  sub->callback([args, &action, run, check] {
    if (check != nullptr) check(*args);
    action = [args, run]() -> absl::Status { return run(*args); };
  });
  sub->add_option("--plan", args->plan_path,
                  "the plan file (dutygraph/plan@1 JSON, docs/plan-format.md)")
      ->required()
      ->type_name("FILE");
  sub->add_option("-o,--output", args->output,
                  "write the picture to FILE instead of stdout")
      ->type_name("FILE");
  return sub;
}

}  // namespace

void AddPictureCommands(CLI::App& app, CommandAction& action) {
  auto args = std::make_shared<PictureArgs>();

  CLI::App* graph = AddPictureSubcommand(
      app, "graph",
      "The responsibility graph around a task, unit or group (or the whole "
      "plan) as of a day: tasks, units, groups and posts with who held "
      "them, edges coloured by role (牵头 lead red, 配合 support blue, 负责 "
      "responsible green, 参与 participate brown). --format dot prints "
      "Graphviz DOT; svg and png run Graphviz's 'dot'",
      args, action, RunGraph);
  CLI::Option* task =
      graph
          ->add_option("--task", args->task,
                       "draw around this task-tree node: its id or path "
                       "(4/二/（一）/1)")
          ->type_name("TASK");
  CLI::Option* unit =
      graph
          ->add_option("--unit", args->unit,
                       "draw around this unit (id, name, full name or alias)")
          ->type_name("NAME");
  CLI::Option* group =
      graph
          ->add_option("--group", args->group,
                       "draw around this group (id, name or alias)")
          ->type_name("NAME");
  task->excludes(unit)->excludes(group);
  unit->excludes(group);
  graph
      ->add_option("--on", args->on,
                   "the day roles and post holders are read as of; default: "
                   "the plan's issue date")
      ->type_name("YYYY-MM-DD")
      ->check(DateValidator());
  graph
      ->add_option("--depth", args->depth,
                   "steps from the node over tasks, units and groups (0: the "
                   "node alone, with its posts)")
      ->capture_default_str()
      ->type_name("N")
      ->check(Int32Validator() & CLI::Range(0, kMaxGraphDepth));
  graph
      ->add_option("--format", args->format,
                   "dot (Graphviz source), svg or png (rendered by 'dot')")
      ->capture_default_str()
      ->type_name("FORMAT")
      ->check(CLI::IsMember({"dot", "svg", "png"}));
  graph->add_flag("--no-legend", args->no_legend,
                  "leave out the legend of role colours");

  CLI::App* gantt = AddPictureSubcommand(
      app, "gantt",
      "A Gantt-style SVG of the plan over [--from, --to]: a row per task "
      "with a due date in the range (diamonds, reminder ticks) or scheduled "
      "by the critical path (bars, critical in red), then a row per cadence "
      "with a mark at each due date; non-working days shaded",
      args, action, RunGantt, CheckGanttArguments);
  gantt->add_option("--from", args->from, "first day drawn")
      ->required()
      ->type_name("YYYY-MM-DD")
      ->check(DateValidator());
  gantt->add_option("--to", args->to, "last day drawn")
      ->required()
      ->type_name("YYYY-MM-DD")
      ->check(DateValidator());
  gantt
      ->add_option("--unit", args->unit,
                   "only the tasks and cadence occurrences of this unit (by "
                   "id, name, full name or alias)")
      ->type_name("NAME");
  gantt
      ->add_option("--start", args->start,
                   "project start for the critical path and the 'open until "
                   "due' bars; default: the plan's issue date")
      ->type_name("YYYY-MM-DD")
      ->check(DateValidator());
  gantt
      ->add_option("--cadence", args->cadences,
                   "only this cadence, by id (c_dekad_briefing); repeatable")
      ->type_name("ID")
      ->allow_extra_args(false);
  gantt->add_flag("--no-cadences", args->no_cadences,
                  "leave out the cadence rows");
  gantt->add_flag("--provisional", args->provisional,
                  "for years without an official holiday schedule, assume "
                  "weekends only instead of failing");
  gantt
      ->add_option("--overlay", args->overlays,
                   "apply a calendar file (docs/calendar.md format) on top of "
                   "the built-in calendar; repeatable, applied in order")
      ->type_name("FILE")
      ->allow_extra_args(false);
  AddOverlayLimitOptions(gantt, args->overlay_limits);
  // Scoped views (docs/scoped-views.md), as on the plan commands.
  CLI::Option* as_unit =
      gantt
          ->add_option("--as-unit", args->as_unit,
                       "draw what this unit sees on --from: its tasks, its "
                       "groups' and its own cadences, the critical path of "
                       "its tasks")
          ->type_name("NAME");
  CLI::Option* as_post =
      gantt
          ->add_option("--as-post", args->as_post,
                       "draw what this post (id or title) sees on --from")
          ->type_name("POST");
  as_unit->excludes(as_post);
}

}  // namespace dutygraph::cli
