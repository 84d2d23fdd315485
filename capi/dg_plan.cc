// capi/dg_plan.cc — the C API's plans and their answers (see dutygraph/dg.h).
//
// A dg_plan handle owns one dutygraph::Plan value, itself a shared pointer to
// an immutable snapshot, so concurrent queries on one handle are safe. The
// reusable result handles (dg_accountability, dg_unit_tasks, dg_person_tasks)
// hold the C++ answer plus a copy of the Plan it came from: the strings they
// lend point into that snapshot, which therefore outlives dg_plan_free() for
// as long as a result refers to it. A result whose `plan` is empty is empty,
// whatever its vectors hold (an exception may have stopped a fill midway).

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "dutygraph/date.h"
#include "dutygraph/dg.h"
#include "dutygraph/plan.h"
#include "dutygraph/plan_answers_json.h"
#include "dutygraph/plan_json.h"
#include "dutygraph/plan_view.h"
#include "guard.h"
#include "handles.h"


namespace {

using dutygraph::Accountability;
using dutygraph::AccountableUnit;
using dutygraph::Date;
using dutygraph::PersonIndex;
using dutygraph::PersonTask;
using dutygraph::Plan;
using dutygraph::PlanData;
using dutygraph::PlanDiagnostic;
using dutygraph::PostHolder;
using dutygraph::PostIndex;
using dutygraph::Role;
using dutygraph::TaskIndex;
using dutygraph::UnitIndex;
using dutygraph::UnitTask;
using dutygraph::capi::ApiCall;
using dutygraph::capi::CheckHandle;
using dutygraph::capi::FreeHandle;
using dutygraph::capi::NewCString;
using dutygraph::capi::SetIfGiven;
using dutygraph::capi::ZeroOut;

// Writes one field of `*out` if the caller's struct_size (`declared`)
// covers it.
#define DG_SET_IF_DECLARED(field, value)                                     \
  if (declared >= DG_FIELD_END(std::remove_pointer_t<decltype(out)>, field)) \
  out->field = (value)

// The first step of filling a caller's versioned struct: `*out` must declare
// at least `min_size` bytes; then the known fields it declares are zeroed
// (never past our own struct: a garbage struct_size must not become a huge
// memset). `declared` receives the caller's struct_size.
template <typename T>
dg_status BeginStruct(T* out, size_t min_size, std::string_view type_name,
                      std::string_view init_macro, size_t* declared,
                      const ApiCall& call) {
  *declared = out->struct_size;
  if (*declared < min_size) {
    return call.Fail(
        DG_INVALID_ARGUMENT,
        {"out->struct_size is ", std::to_string(*declared),
         ", smaller than the first fields of ", type_name, " (",
         std::to_string(min_size), " bytes); initialise it with ", init_macro});
  }
  const size_t known = std::min(*declared, sizeof(T));
  std::memset(reinterpret_cast<char*>(out) + sizeof(size_t), 0,
              known - sizeof(size_t));
  return DG_OK;
}

const char* KindName(dg_record_kind kind) {
  switch (kind) {
    case DG_RECORD_UNIT:
      return "unit";
    case DG_RECORD_UNIT_SET:
      return "unit set";
    case DG_RECORD_POST:
      return "post";
    case DG_RECORD_PERSON:
      return "person";
    case DG_RECORD_GROUP:
      return "group";
    case DG_RECORD_TASK:
      return "task";
    default:
      return nullptr;
  }
}

dg_status CheckKind(dg_record_kind kind, const ApiCall& call) {
  if (KindName(kind) != nullptr) return DG_OK;
  return call.Fail(DG_INVALID_ARGUMENT,
                   {"kind ", std::to_string(kind),
                    " is not a dg_record_kind (DG_RECORD_UNIT=0 .. "
                    "DG_RECORD_TASK=5)"});
}

size_t RecordCount(const PlanData& d, dg_record_kind kind) {
  switch (kind) {
    case DG_RECORD_UNIT:
      return d.units.size();
    case DG_RECORD_UNIT_SET:
      return d.unit_sets.size();
    case DG_RECORD_POST:
      return d.posts.size();
    case DG_RECORD_PERSON:
      return d.people.size();
    case DG_RECORD_GROUP:
      return d.groups.size();
    case DG_RECORD_TASK:
      return d.tasks.size();
    default:
      return 0;
  }
}

const char* KindPlural(dg_record_kind kind) {
  switch (kind) {
    case DG_RECORD_UNIT:
      return "units";
    case DG_RECORD_UNIT_SET:
      return "unit sets";
    case DG_RECORD_POST:
      return "posts";
    case DG_RECORD_PERSON:
      return "people";
    case DG_RECORD_GROUP:
      return "groups";
    default:
      return "tasks";
  }
}

// DG_OUT_OF_RANGE unless `index` names a record of `kind`; `what` names the
// argument ("task index").
dg_status CheckIndex(const Plan& plan, dg_record_kind kind, uint32_t index,
                     std::string_view what, const ApiCall& call) {
  const size_t count = RecordCount(plan.data(), kind);
  if (index < count) return DG_OK;
  return call.Fail(
      DG_OUT_OF_RANGE,
      {what, " ", std::to_string(index), " is out of range: the plan has ",
       std::to_string(count), " ", KindPlural(kind)});
}

dg_status CheckItem(size_t i, size_t count, std::string_view what,
                    const ApiCall& call) {
  if (i < count) return DG_OK;
  return call.Fail(DG_OUT_OF_RANGE,
                   {"i is ", std::to_string(i), " but the ", what, " has ",
                    std::to_string(count), " item(s)"});
}

// The id (or, with `name`, the display text) of a record.
const std::string& RecordText(const PlanData& d, dg_record_kind kind,
                              uint32_t i, bool name) {
  switch (kind) {
    case DG_RECORD_UNIT:
      return name ? d.units[i].name : d.units[i].id;
    case DG_RECORD_UNIT_SET:
      return name ? d.unit_sets[i].name : d.unit_sets[i].id;
    case DG_RECORD_POST:
      return name ? d.posts[i].title : d.posts[i].id;
    case DG_RECORD_PERSON:
      return name ? d.people[i].name : d.people[i].id;
    case DG_RECORD_GROUP:
      return name ? d.groups[i].name : d.groups[i].id;
    default:  // DG_RECORD_TASK; the kind is checked before
      return name ? d.tasks[i].title : d.tasks[i].id;
  }
}

template <typename Index>
absl::StatusOr<uint32_t> Value(const absl::StatusOr<Index>& found) {
  if (!found.ok()) return found.status();
  return found->value;
}

absl::StatusOr<uint32_t> Find(const Plan& plan, dg_record_kind kind,
                              std::string_view name) {
  switch (kind) {
    case DG_RECORD_UNIT:
      return Value(plan.FindUnit(name));
    case DG_RECORD_UNIT_SET:
      return Value(plan.FindUnitSet(name));
    case DG_RECORD_POST:
      return Value(plan.FindPost(name));
    case DG_RECORD_PERSON:
      return Value(plan.FindPerson(name));
    case DG_RECORD_GROUP:
      return Value(plan.FindGroup(name));
    default:  // DG_RECORD_TASK; the kind is checked before
      return Value(plan.FindTask(name));
  }
}

// The shared skeleton of the loaders: run `load`, and on failure hand the
// caller the diagnostics (or one saying why, if the loader listed none).
template <typename Load>
dg_status LoadPlan(dg_plan** out, char** diagnostics_json_out, Load load,
                   const ApiCall& call) {
  std::vector<PlanDiagnostic> diagnostics;
  absl::StatusOr<Plan> plan = load(&diagnostics);
  if (plan.ok()) {
    *out = new dg_plan{{}, *std::move(plan)};
    return DG_OK;
  }
  if (diagnostics_json_out != nullptr) {
    if (diagnostics.empty()) {
      const absl::string_view message = plan.status().message();
      diagnostics.push_back({"", std::string(message.data(), message.size())});
    }
    const std::string json = dutygraph::DiagnosticsJson(diagnostics);
    if (dg_status s = NewCString(diagnostics_json_out, nullptr, json, call);
        s != DG_OK) {
      return s;
    }
  }
  return call.FromStatus(plan.status());
}

// Hands the caller `render()`'s text, or reports its error.
template <typename Render>
dg_status ReturnText(char** out, size_t* size_out, Render render,
                     const ApiCall& call) {
  absl::StatusOr<std::string> text = render();
  if (!text.ok()) return call.FromStatus(text.status());
  return NewCString(out, size_out, *text, call);
}

// dg_role bits -> roles (kept in `roles`); INVALID_ARGUMENT for unknown bits.
dg_status CheckRoles(uint32_t mask, std::vector<Role>* roles,
                     const ApiCall& call) {
  constexpr uint32_t kKnown = (1u << dutygraph::kRoleCount) - 1;
  roles->clear();
  if ((mask & ~kKnown) != 0) {
    return call.Fail(DG_INVALID_ARGUMENT,
                     {"roles has unknown bits (", std::to_string(mask),
                      "): use DG_ROLE_BIT_* (1, 2, 4, 8) or DG_ROLES_ALL (0)"});
  }
  for (int r = 0; r < dutygraph::kRoleCount; ++r) {
    if (mask & (1u << r)) roles->push_back(static_cast<Role>(r));
  }
  return DG_OK;
}

// Fills a caller's dg_post_holder (`declared` bytes of it).
void FillHolder(dg_post_holder* out, size_t declared, const PlanData& d,
                const PostHolder& h) {
  DG_SET_IF_DECLARED(post, h.post.value);
  DG_SET_IF_DECLARED(vacant, h.person ? 0 : 1);
  DG_SET_IF_DECLARED(person, h.person ? h.person->value : 0u);
  DG_SET_IF_DECLARED(post_title, d.posts[h.post.value].title.c_str());
  DG_SET_IF_DECLARED(post_title_size, d.posts[h.post.value].title.size());
  DG_SET_IF_DECLARED(person_name,
                     h.person ? d.people[h.person->value].name.c_str() : "");
  DG_SET_IF_DECLARED(person_name_size,
                     h.person ? d.people[h.person->value].name.size() : 0u);
}

// The holders of `list` in an answer, as a view (the office director is a
// list of zero or one).
struct HolderView {
  const PostHolder* data = nullptr;
  size_t size = 0;
};

dg_status Holders(HolderView* view, const dg_accountability* acc,
                  dg_holder_list list, const ApiCall& call) {
  const Accountability& a = acc->answer;
  const std::vector<PostHolder>* v = nullptr;
  switch (list) {
    case DG_HOLDERS_POSTS:
      v = &a.posts;
      break;
    case DG_HOLDERS_CONVENERS:
      v = &a.conveners;
      break;
    case DG_HOLDERS_DEPUTY_CONVENERS:
      v = &a.deputy_conveners;
      break;
    case DG_HOLDERS_GUIDING:
      v = &a.guiding;
      break;
    case DG_HOLDERS_CHIEF_DISPATCHERS:
      v = &a.chief_dispatchers;
      break;
    case DG_HOLDERS_OFFICE_DIRECTOR:
      break;
    default:
      return call.Fail(DG_INVALID_ARGUMENT,
                       {"list ", std::to_string(list),
                        " is not a dg_holder_list (DG_HOLDERS_POSTS=0 .. "
                        "DG_HOLDERS_CHIEF_DISPATCHERS=5)"});
  }
  *view = HolderView{};
  if (!acc->plan) return DG_OK;  // empty answer
  if (v != nullptr) {
    *view = HolderView{v->data(), v->size()};
  } else if (a.office_director) {
    *view = HolderView{&*a.office_director, 1};
  }
  return DG_OK;
}

// The number of entries in a filled task-list result (0 before its first
// successful fill).
template <typename TaskList>
dg_status TaskListCount(size_t* count_out, const TaskList* tasks,
                        const ApiCall& call) {
  ZeroOut(count_out);
  if (count_out == nullptr) return call.NullArgument("count_out");
  if (dg_status s = CheckHandle(call, tasks, "tasks"); s != DG_OK) return s;
  *count_out = tasks->plan ? tasks->tasks.size() : 0;
  return DG_OK;
}

// A new, empty, reusable result object for the caller (released with its
// dg_*_free). An allocation failure leaves *out NULL.
template <typename T>
dg_status NewResult(T** out, const ApiCall& call) {
  ZeroOut(out);
  if (out == nullptr) return call.NullArgument("out");
  *out = new T();
  return DG_OK;
}

}  // namespace

/* ------------------------------ Loading ---------------------------------- */

namespace {

// The limits a caller's dg_load_options declare (NULL: the defaults). Only
// the fields within struct_size are read; the others keep their defaults.
dg_status ReadLoadOptions(dutygraph::PlanLimits* limits,
                          const dg_load_options* opts, const ApiCall& call) {
  *limits = dutygraph::PlanLimits{};
  if (opts == nullptr) return DG_OK;
  const size_t declared = opts->struct_size;
  if (declared < DG_FIELD_END(dg_load_options, max_bytes)) {
    return call.Fail(DG_INVALID_ARGUMENT,
                     {"opts->struct_size is ", std::to_string(declared),
                      ", too small for dg_load_options; initialise it with "
                      "DG_LOAD_OPTIONS_INIT"});
  }
  limits->max_bytes = static_cast<size_t>(
      std::min<uint64_t>(opts->max_bytes, SIZE_MAX));
  if (declared >= DG_FIELD_END(dg_load_options, max_depth)) {
    if (opts->max_depth < 1) {
      return call.Fail(DG_INVALID_ARGUMENT,
                       {"opts->max_depth is ", std::to_string(opts->max_depth),
                        "; it must be at least 1"});
    }
    limits->max_depth = opts->max_depth;
  }
  if (declared >= DG_FIELD_END(dg_load_options, max_records)) {
    limits->max_records = static_cast<size_t>(
        std::min<uint64_t>(opts->max_records, SIZE_MAX));
  }
  return DG_OK;
}

dg_status LoadJson(dg_plan** out, char** diagnostics_json_out,
                   const char* json, size_t json_len,
                   const dg_load_options* opts, const ApiCall& call) {
  ZeroOut(out, diagnostics_json_out);
  if (out == nullptr) return call.NullArgument("out");
  if (json == nullptr && json_len != 0) {
    return call.Fail(DG_INVALID_ARGUMENT, {"json is NULL but its length is ",
                                           std::to_string(json_len)});
  }
  dutygraph::PlanLimits limits;
  if (dg_status s = ReadLoadOptions(&limits, opts, call); s != DG_OK) {
    return s;
  }
  // The loader checks UTF-8 itself and reports it as a diagnostic.
  const std::string_view text =
      json == nullptr ? std::string_view() : std::string_view(json, json_len);
  return LoadPlan(
      out, diagnostics_json_out,
      [&](std::vector<PlanDiagnostic>* diagnostics) {
        return dutygraph::LoadPlanJson(text, diagnostics, limits);
      },
      call);
}

dg_status LoadFile(dg_plan** out, char** diagnostics_json_out,
                   const char* path, size_t path_len,
                   const dg_load_options* opts, const ApiCall& call) {
  ZeroOut(out, diagnostics_json_out);
  if (out == nullptr) return call.NullArgument("out");
  std::string_view checked;
  if (dg_status s = call.CheckPath(&checked, path, path_len); s != DG_OK) {
    return s;
  }
  dutygraph::PlanLimits limits;
  if (dg_status s = ReadLoadOptions(&limits, opts, call); s != DG_OK) {
    return s;
  }
  const std::string file(checked);
  return LoadPlan(
      out, diagnostics_json_out,
      [&](std::vector<PlanDiagnostic>* diagnostics) {
        return dutygraph::LoadPlanFile(file, diagnostics, limits);
      },
      call);
}

}  // namespace

dg_status dg_plan_load_json(dg_plan** out, char** diagnostics_json_out,
                            const char* json, size_t json_len) noexcept {
  DG_API_GUARD({
    return LoadJson(out, diagnostics_json_out, json, json_len, nullptr, call);
  });
}

dg_status dg_plan_load_json_v2(dg_plan** out, char** diagnostics_json_out,
                               const char* json, size_t json_len,
                               const dg_load_options* opts) noexcept {
  DG_API_GUARD({
    return LoadJson(out, diagnostics_json_out, json, json_len, opts, call);
  });
}

dg_status dg_plan_load_file(dg_plan** out, char** diagnostics_json_out,
                            const char* path, size_t path_len) noexcept {
  DG_API_GUARD({
    return LoadFile(out, diagnostics_json_out, path, path_len, nullptr, call);
  });
}

dg_status dg_plan_load_file_v2(dg_plan** out, char** diagnostics_json_out,
                               const char* path, size_t path_len,
                               const dg_load_options* opts) noexcept {
  DG_API_GUARD({
    return LoadFile(out, diagnostics_json_out, path, path_len, opts, call);
  });
}

void dg_plan_free(dg_plan* plan) noexcept {
  FreeHandle(plan);
}

dg_status dg_plan_to_json(char** out, size_t* size_out,
                          const dg_plan* plan) noexcept {
  DG_API_GUARD({
    ZeroOut(out, size_out);
    if (out == nullptr) return call.NullArgument("out");
    if (dg_status s = CheckHandle(call, plan, "plan"); s != DG_OK) return s;
    return NewCString(out, size_out,
                      dutygraph::WritePlanJson(plan->plan.data()), call);
  });
}

/* ------------------------------ Records ---------------------------------- */

dg_status dg_plan_record_count(size_t* count_out, const dg_plan* plan,
                               dg_record_kind kind) noexcept {
  DG_API_GUARD({
    ZeroOut(count_out);
    if (count_out == nullptr) return call.NullArgument("count_out");
    if (dg_status s = CheckHandle(call, plan, "plan"); s != DG_OK) return s;
    if (dg_status s = CheckKind(kind, call); s != DG_OK) return s;
    *count_out = RecordCount(plan->plan.data(), kind);
    return DG_OK;
  });
}

namespace {

dg_status RecordString(const char** data_out, size_t* size_out,
                       const dg_plan* plan, dg_record_kind kind, uint32_t index,
                       bool name, const ApiCall& call) {
  ZeroOut(data_out, size_out);
  if (data_out == nullptr) return call.NullArgument("data_out");
  if (dg_status s = CheckHandle(call, plan, "plan"); s != DG_OK) return s;
  if (dg_status s = CheckKind(kind, call); s != DG_OK) return s;
  if (dg_status s = CheckIndex(plan->plan, kind, index, "index", call);
      s != DG_OK) {
    return s;
  }
  const std::string& text = RecordText(plan->plan.data(), kind, index, name);
  *data_out = text.c_str();
  SetIfGiven(size_out, text.size());
  return DG_OK;
}

}  // namespace

dg_status dg_plan_record_id(const char** data_out, size_t* size_out,
                            const dg_plan* plan, dg_record_kind kind,
                            uint32_t index) noexcept {
  DG_API_GUARD({
    return RecordString(data_out, size_out, plan, kind, index, false, call);
  });
}

dg_status dg_plan_record_name(const char** data_out, size_t* size_out,
                              const dg_plan* plan, dg_record_kind kind,
                              uint32_t index) noexcept {
  DG_API_GUARD({
    return RecordString(data_out, size_out, plan, kind, index, true, call);
  });
}

dg_status dg_plan_task_path(const char** data_out, size_t* size_out,
                            const dg_plan* plan, uint32_t task) noexcept {
  DG_API_GUARD({
    ZeroOut(data_out, size_out);
    if (data_out == nullptr) return call.NullArgument("data_out");
    if (dg_status s = CheckHandle(call, plan, "plan"); s != DG_OK) return s;
    if (dg_status s =
            CheckIndex(plan->plan, DG_RECORD_TASK, task, "task index", call);
        s != DG_OK) {
      return s;
    }
    const std::string& path = plan->plan.data().tasks[task].path;
    *data_out = path.c_str();
    SetIfGiven(size_out, path.size());
    return DG_OK;
  });
}

/* ------------------------------ Lookups ---------------------------------- */

dg_status dg_plan_find(uint32_t* index_out, const dg_plan* plan,
                       dg_record_kind kind, const char* name,
                       size_t name_len) noexcept {
  DG_API_GUARD({
    ZeroOut(index_out);
    if (index_out == nullptr) return call.NullArgument("index_out");
    if (dg_status s = CheckHandle(call, plan, "plan"); s != DG_OK) return s;
    if (dg_status s = CheckKind(kind, call); s != DG_OK) return s;
    std::string_view checked;
    if (dg_status s = call.CheckText(&checked, name, name_len, "name");
        s != DG_OK) {
      return s;
    }
    absl::StatusOr<uint32_t> found = Find(plan->plan, kind, checked);
    if (!found.ok()) return call.FromStatus(found.status());
    *index_out = *found;
    return DG_OK;
  });
}

dg_status dg_plan_find_unit_as_of(uint32_t* index_out, const dg_plan* plan,
                                  const char* name, size_t name_len,
                                  dg_date on) noexcept {
  DG_API_GUARD({
    ZeroOut(index_out);
    if (index_out == nullptr) return call.NullArgument("index_out");
    if (dg_status s = CheckHandle(call, plan, "plan"); s != DG_OK) return s;
    std::string_view checked;
    if (dg_status s = call.CheckText(&checked, name, name_len, "name");
        s != DG_OK) {
      return s;
    }
    Date day;
    if (dg_status s = call.CheckDate(&day, on, "on"); s != DG_OK) return s;
    absl::StatusOr<UnitIndex> found = plan->plan.FindUnit(checked, day);
    if (!found.ok()) return call.FromStatus(found.status());
    *index_out = found->value;
    return DG_OK;
  });
}

dg_status dg_plan_resolve_unit(uint32_t* unit_out, const dg_plan* plan,
                               uint32_t unit, dg_date on) noexcept {
  DG_API_GUARD({
    ZeroOut(unit_out);
    if (unit_out == nullptr) return call.NullArgument("unit_out");
    if (dg_status s = CheckHandle(call, plan, "plan"); s != DG_OK) return s;
    if (dg_status s =
            CheckIndex(plan->plan, DG_RECORD_UNIT, unit, "unit index", call);
        s != DG_OK) {
      return s;
    }
    Date day;
    if (dg_status s = call.CheckDate(&day, on, "on"); s != DG_OK) return s;
    absl::StatusOr<UnitIndex> resolved =
        plan->plan.ResolveUnit(UnitIndex{unit}, day);
    if (!resolved.ok()) return call.FromStatus(resolved.status());
    *unit_out = resolved->value;
    return DG_OK;
  });
}

dg_status dg_plan_holder_of(int* held_out, uint32_t* person_out,
                            const dg_plan* plan, uint32_t post,
                            dg_date on) noexcept {
  DG_API_GUARD({
    ZeroOut(held_out, person_out);
    if (held_out == nullptr) return call.NullArgument("held_out");
    if (person_out == nullptr) return call.NullArgument("person_out");
    if (dg_status s = CheckHandle(call, plan, "plan"); s != DG_OK) return s;
    if (dg_status s =
            CheckIndex(plan->plan, DG_RECORD_POST, post, "post index", call);
        s != DG_OK) {
      return s;
    }
    Date day;
    if (dg_status s = call.CheckDate(&day, on, "on"); s != DG_OK) return s;
    const std::optional<PersonIndex> holder =
        plan->plan.HolderOf(PostIndex{post}, day);
    *held_out = holder ? 1 : 0;
    *person_out = holder ? holder->value : 0;
    return DG_OK;
  });
}

/* --------------------------- Accountability ------------------------------ */

dg_status dg_accountability_new(dg_accountability** out) noexcept {
  DG_API_GUARD({ return NewResult(out, call); });
}

void dg_accountability_free(dg_accountability* acc) noexcept {
  FreeHandle(acc);
}

dg_status dg_plan_accountability(dg_accountability* out, const dg_plan* plan,
                                 uint32_t task, dg_date on) noexcept {
  DG_API_GUARD({
    if (dg_status s = CheckHandle(call, out, "out"); s != DG_OK) return s;
    out->plan.reset();
    out->answer.Clear();
    if (dg_status s = CheckHandle(call, plan, "plan"); s != DG_OK) return s;
    if (dg_status s =
            CheckIndex(plan->plan, DG_RECORD_TASK, task, "task index", call);
        s != DG_OK) {
      return s;
    }
    Date day;
    if (dg_status s = call.CheckDate(&day, on, "on"); s != DG_OK) return s;
    if (absl::Status s =
            plan->plan.AccountabilityOf(TaskIndex{task}, day, &out->answer);
        !s.ok()) {
      out->answer.Clear();
      return call.FromStatus(s);
    }
    out->plan = plan->plan;  // copies a shared pointer: cannot throw
    return DG_OK;
  });
}

dg_status dg_accountability_unit_count(size_t* count_out,
                                       const dg_accountability* acc) noexcept {
  DG_API_GUARD({
    ZeroOut(count_out);
    if (count_out == nullptr) return call.NullArgument("count_out");
    if (dg_status s = CheckHandle(call, acc, "acc"); s != DG_OK) return s;
    *count_out = acc->plan ? acc->answer.units.size() : 0;
    return DG_OK;
  });
}

dg_status dg_accountability_unit_at(dg_accountable_unit* out,
                                    const dg_accountability* acc,
                                    size_t i) noexcept {
  DG_API_GUARD({
    if (out == nullptr) return call.NullArgument("out");
    size_t declared = 0;
    if (dg_status s = BeginStruct(out, DG_FIELD_END(dg_accountable_unit, unit),
                                  "dg_accountable_unit",
                                  "DG_ACCOUNTABLE_UNIT_INIT", &declared, call);
        s != DG_OK) {
      return s;
    }
    if (dg_status s = CheckHandle(call, acc, "acc"); s != DG_OK) return s;
    const size_t count = acc->plan ? acc->answer.units.size() : 0;
    if (dg_status s = CheckItem(i, count, "accountability's unit list", call);
        s != DG_OK) {
      return s;
    }
    const PlanData& d = acc->plan->data();
    const AccountableUnit& u = acc->answer.units[i];
    DG_SET_IF_DECLARED(role, static_cast<dg_role>(u.role));
    DG_SET_IF_DECLARED(unit, u.unit.value);
    DG_SET_IF_DECLARED(via, static_cast<dg_assigned_via>(u.via));
    DG_SET_IF_DECLARED(via_index, u.via_index);
    DG_SET_IF_DECLARED(clause, u.clause);
    DG_SET_IF_DECLARED(from_node, u.from_node.value);
    if (u.head) {
      DG_SET_IF_DECLARED(has_head, 1);
      DG_SET_IF_DECLARED(head_post, u.head->post.value);
      DG_SET_IF_DECLARED(head_vacant, u.head->person ? 0 : 1);
      DG_SET_IF_DECLARED(head_person,
                         u.head->person ? u.head->person->value : 0u);
    }
    if (u.supervising) {
      DG_SET_IF_DECLARED(has_supervising, 1);
      DG_SET_IF_DECLARED(supervising_post, u.supervising->post.value);
      DG_SET_IF_DECLARED(supervising_vacant, u.supervising->person ? 0 : 1);
      DG_SET_IF_DECLARED(supervising_person, u.supervising->person
                                                 ? u.supervising->person->value
                                                 : 0u);
    }
    const dutygraph::UnitData& unit = d.units[u.unit.value];
    DG_SET_IF_DECLARED(unit_id, unit.id.c_str());
    DG_SET_IF_DECLARED(unit_id_size, unit.id.size());
    DG_SET_IF_DECLARED(unit_name, unit.name.c_str());
    DG_SET_IF_DECLARED(unit_name_size, unit.name.size());
    return DG_OK;
  });
}

dg_status dg_accountability_group(int* has_group_out, uint32_t* group_out,
                                  const dg_accountability* acc) noexcept {
  DG_API_GUARD({
    ZeroOut(has_group_out, group_out);
    if (has_group_out == nullptr) return call.NullArgument("has_group_out");
    if (group_out == nullptr) return call.NullArgument("group_out");
    if (dg_status s = CheckHandle(call, acc, "acc"); s != DG_OK) return s;
    if (acc->plan && acc->answer.group) {
      *has_group_out = 1;
      *group_out = acc->answer.group->value;
    }
    return DG_OK;
  });
}

dg_status dg_accountability_office_host(int* has_unit_out, uint32_t* unit_out,
                                        const dg_accountability* acc) noexcept {
  DG_API_GUARD({
    ZeroOut(has_unit_out, unit_out);
    if (has_unit_out == nullptr) return call.NullArgument("has_unit_out");
    if (unit_out == nullptr) return call.NullArgument("unit_out");
    if (dg_status s = CheckHandle(call, acc, "acc"); s != DG_OK) return s;
    if (acc->plan && acc->answer.office_host) {
      *has_unit_out = 1;
      *unit_out = acc->answer.office_host->value;
    }
    return DG_OK;
  });
}

dg_status dg_accountability_holder_count(size_t* count_out,
                                         const dg_accountability* acc,
                                         dg_holder_list list) noexcept {
  DG_API_GUARD({
    ZeroOut(count_out);
    if (count_out == nullptr) return call.NullArgument("count_out");
    if (dg_status s = CheckHandle(call, acc, "acc"); s != DG_OK) return s;
    HolderView view;
    if (dg_status s = Holders(&view, acc, list, call); s != DG_OK) return s;
    *count_out = view.size;
    return DG_OK;
  });
}

dg_status dg_accountability_holder_at(dg_post_holder* out,
                                      const dg_accountability* acc,
                                      dg_holder_list list, size_t i) noexcept {
  DG_API_GUARD({
    if (out == nullptr) return call.NullArgument("out");
    size_t declared = 0;
    if (dg_status s = BeginStruct(out, DG_FIELD_END(dg_post_holder, post),
                                  "dg_post_holder", "DG_POST_HOLDER_INIT",
                                  &declared, call);
        s != DG_OK) {
      return s;
    }
    if (dg_status s = CheckHandle(call, acc, "acc"); s != DG_OK) return s;
    HolderView view;
    if (dg_status s = Holders(&view, acc, list, call); s != DG_OK) return s;
    if (dg_status s = CheckItem(i, view.size, "holder list", call);
        s != DG_OK) {
      return s;
    }
    FillHolder(out, declared, acc->plan->data(), view.data[i]);
    return DG_OK;
  });
}

/* ---------------------------- Tasks of a unit ---------------------------- */

dg_status dg_unit_tasks_new(dg_unit_tasks** out) noexcept {
  DG_API_GUARD({ return NewResult(out, call); });
}

void dg_unit_tasks_free(dg_unit_tasks* tasks) noexcept {
  FreeHandle(tasks);
}

dg_status dg_plan_tasks_of_unit(dg_unit_tasks* out, const dg_plan* plan,
                                uint32_t unit, dg_date on,
                                uint32_t roles) noexcept {
  DG_API_GUARD({
    if (dg_status s = CheckHandle(call, out, "out"); s != DG_OK) return s;
    out->plan.reset();
    out->tasks.clear();
    if (dg_status s = CheckHandle(call, plan, "plan"); s != DG_OK) return s;
    if (dg_status s =
            CheckIndex(plan->plan, DG_RECORD_UNIT, unit, "unit index", call);
        s != DG_OK) {
      return s;
    }
    Date day;
    if (dg_status s = call.CheckDate(&day, on, "on"); s != DG_OK) return s;
    if (dg_status s = CheckRoles(roles, &out->roles, call); s != DG_OK) {
      return s;
    }
    if (absl::Status s = plan->plan.TasksOfUnit(UnitIndex{unit}, day,
                                                out->roles, &out->tasks);
        !s.ok()) {
      out->tasks.clear();
      return call.FromStatus(s);
    }
    out->plan = plan->plan;
    return DG_OK;
  });
}

dg_status dg_unit_tasks_count(size_t* count_out,
                              const dg_unit_tasks* tasks) noexcept {
  DG_API_GUARD({ return TaskListCount(count_out, tasks, call); });
}

dg_status dg_unit_tasks_at(dg_unit_task* out, const dg_unit_tasks* tasks,
                           size_t i) noexcept {
  DG_API_GUARD({
    if (out == nullptr) return call.NullArgument("out");
    size_t declared = 0;
    if (dg_status s =
            BeginStruct(out, DG_FIELD_END(dg_unit_task, task), "dg_unit_task",
                        "DG_UNIT_TASK_INIT", &declared, call);
        s != DG_OK) {
      return s;
    }
    if (dg_status s = CheckHandle(call, tasks, "tasks"); s != DG_OK) return s;
    const size_t count = tasks->plan ? tasks->tasks.size() : 0;
    if (dg_status s = CheckItem(i, count, "unit's task list", call);
        s != DG_OK) {
      return s;
    }
    const UnitTask& t = tasks->tasks[i];
    const dutygraph::TaskData& node = tasks->plan->data().tasks[t.task.value];
    DG_SET_IF_DECLARED(task, t.task.value);
    DG_SET_IF_DECLARED(role, static_cast<dg_role>(t.role));
    DG_SET_IF_DECLARED(via, static_cast<dg_assigned_via>(t.via));
    DG_SET_IF_DECLARED(via_index, t.via_index);
    DG_SET_IF_DECLARED(clause, t.clause);
    DG_SET_IF_DECLARED(task_id, node.id.c_str());
    DG_SET_IF_DECLARED(task_id_size, node.id.size());
    DG_SET_IF_DECLARED(task_path, node.path.c_str());
    DG_SET_IF_DECLARED(task_path_size, node.path.size());
    DG_SET_IF_DECLARED(task_title, node.title.c_str());
    DG_SET_IF_DECLARED(task_title_size, node.title.size());
    return DG_OK;
  });
}

/* --------------------------- Tasks of a person --------------------------- */

dg_status dg_person_tasks_new(dg_person_tasks** out) noexcept {
  DG_API_GUARD({ return NewResult(out, call); });
}

void dg_person_tasks_free(dg_person_tasks* tasks) noexcept {
  FreeHandle(tasks);
}

dg_status dg_plan_tasks_of_person(dg_person_tasks* out, const dg_plan* plan,
                                  uint32_t person, dg_date from,
                                  dg_date to) noexcept {
  DG_API_GUARD({
    if (dg_status s = CheckHandle(call, out, "out"); s != DG_OK) return s;
    out->plan.reset();
    out->tasks.clear();
    if (dg_status s = CheckHandle(call, plan, "plan"); s != DG_OK) return s;
    if (dg_status s = CheckIndex(plan->plan, DG_RECORD_PERSON, person,
                                 "person index", call);
        s != DG_OK) {
      return s;
    }
    Date first, last;
    if (dg_status s = call.CheckDate(&first, from, "from"); s != DG_OK) {
      return s;
    }
    if (dg_status s = call.CheckDate(&last, to, "to"); s != DG_OK) return s;
    if (absl::Status s = plan->plan.TasksOfPerson(PersonIndex{person}, first,
                                                  last, &out->tasks);
        !s.ok()) {
      out->tasks.clear();
      return call.FromStatus(s);
    }
    out->plan = plan->plan;
    return DG_OK;
  });
}

dg_status dg_person_tasks_count(size_t* count_out,
                                const dg_person_tasks* tasks) noexcept {
  DG_API_GUARD({ return TaskListCount(count_out, tasks, call); });
}

dg_status dg_person_tasks_at(dg_person_task* out, const dg_person_tasks* tasks,
                             size_t i) noexcept {
  DG_API_GUARD({
    if (out == nullptr) return call.NullArgument("out");
    size_t declared = 0;
    if (dg_status s = BeginStruct(out, DG_FIELD_END(dg_person_task, task),
                                  "dg_person_task", "DG_PERSON_TASK_INIT",
                                  &declared, call);
        s != DG_OK) {
      return s;
    }
    if (dg_status s = CheckHandle(call, tasks, "tasks"); s != DG_OK) return s;
    const size_t count = tasks->plan ? tasks->tasks.size() : 0;
    if (dg_status s = CheckItem(i, count, "person's task list", call);
        s != DG_OK) {
      return s;
    }
    const PersonTask& t = tasks->tasks[i];
    const dutygraph::TaskData& node = tasks->plan->data().tasks[t.task.value];
    DG_SET_IF_DECLARED(task, t.task.value);
    DG_SET_IF_DECLARED(post, t.post.value);
    DG_SET_IF_DECLARED(capacity, static_cast<dg_capacity>(t.capacity));
    DG_SET_IF_DECLARED(has_role, t.role ? 1 : 0);
    DG_SET_IF_DECLARED(role, t.role ? static_cast<dg_role>(*t.role) : 0);
    DG_SET_IF_DECLARED(has_unit, t.unit ? 1 : 0);
    DG_SET_IF_DECLARED(unit, t.unit ? t.unit->value : 0u);
    DG_SET_IF_DECLARED(held_from, t.from.days_since_epoch());
    DG_SET_IF_DECLARED(held_to, t.to.days_since_epoch());
    DG_SET_IF_DECLARED(task_id, node.id.c_str());
    DG_SET_IF_DECLARED(task_id_size, node.id.size());
    DG_SET_IF_DECLARED(task_title, node.title.c_str());
    DG_SET_IF_DECLARED(task_title_size, node.title.size());
    return DG_OK;
  });
}

#undef DG_SET_IF_DECLARED

/* ------------------------- Answers as JSON and CSV ----------------------- */

namespace {

// The checks every text answer starts with; `day` receives the date.
dg_status BeginText(char** out, size_t* size_out, const dg_plan* plan,
                    dg_date on, std::string_view date_name, Date* day,
                    const ApiCall& call) {
  ZeroOut(out, size_out);
  if (out == nullptr) return call.NullArgument("out");
  if (dg_status s = CheckHandle(call, plan, "plan"); s != DG_OK) return s;
  return call.CheckDate(day, on, date_name);
}

}  // namespace

dg_status dg_plan_accountability_json(char** out, size_t* size_out,
                                      const dg_plan* plan, uint32_t task,
                                      dg_date on) noexcept {
  DG_API_GUARD({
    Date day;
    if (dg_status s = BeginText(out, size_out, plan, on, "on", &day, call);
        s != DG_OK) {
      return s;
    }
    if (dg_status s =
            CheckIndex(plan->plan, DG_RECORD_TASK, task, "task index", call);
        s != DG_OK) {
      return s;
    }
    return ReturnText(
        out, size_out,
        [&]() -> absl::StatusOr<std::string> {
          Accountability answer;
          absl::Status s =
              plan->plan.AccountabilityOf(TaskIndex{task}, day, &answer);
          if (!s.ok()) return s;
          return dutygraph::AccountabilityJson(plan->plan, answer);
        },
        call);
  });
}

dg_status dg_plan_tasks_of_unit_json(char** out, size_t* size_out,
                                     const dg_plan* plan, uint32_t unit,
                                     dg_date on, uint32_t roles) noexcept {
  DG_API_GUARD({
    Date day;
    if (dg_status s = BeginText(out, size_out, plan, on, "on", &day, call);
        s != DG_OK) {
      return s;
    }
    if (dg_status s =
            CheckIndex(plan->plan, DG_RECORD_UNIT, unit, "unit index", call);
        s != DG_OK) {
      return s;
    }
    std::vector<Role> filter;
    if (dg_status s = CheckRoles(roles, &filter, call); s != DG_OK) return s;
    return ReturnText(
        out, size_out,
        [&]() -> absl::StatusOr<std::string> {
          std::vector<UnitTask> tasks;
          absl::Status s =
              plan->plan.TasksOfUnit(UnitIndex{unit}, day, filter, &tasks);
          if (!s.ok()) return s;
          return dutygraph::UnitTasksJson(plan->plan, UnitIndex{unit}, day,
                                          tasks);
        },
        call);
  });
}

dg_status dg_plan_tasks_of_person_json(char** out, size_t* size_out,
                                       const dg_plan* plan, uint32_t person,
                                       dg_date from, dg_date to) noexcept {
  DG_API_GUARD({
    Date first, last;
    if (dg_status s =
            BeginText(out, size_out, plan, from, "from", &first, call);
        s != DG_OK) {
      return s;
    }
    if (dg_status s = call.CheckDate(&last, to, "to"); s != DG_OK) return s;
    if (dg_status s = CheckIndex(plan->plan, DG_RECORD_PERSON, person,
                                 "person index", call);
        s != DG_OK) {
      return s;
    }
    return ReturnText(
        out, size_out,
        [&]() -> absl::StatusOr<std::string> {
          std::vector<PersonTask> tasks;
          absl::Status s = plan->plan.TasksOfPerson(PersonIndex{person}, first,
                                                    last, &tasks);
          if (!s.ok()) return s;
          return dutygraph::PersonTasksJson(plan->plan, PersonIndex{person},
                                            first, last, tasks);
        },
        call);
  });
}

dg_status dg_plan_workloads_json(char** out, size_t* size_out,
                                 const dg_plan* plan, dg_date on) noexcept {
  DG_API_GUARD({
    Date day;
    if (dg_status s = BeginText(out, size_out, plan, on, "on", &day, call);
        s != DG_OK) {
      return s;
    }
    return NewCString(
        out, size_out,
        dutygraph::WorkloadsJson(plan->plan, day, plan->plan.Workloads(day)),
        call);
  });
}

dg_status dg_plan_raci_csv(char** out, size_t* size_out, const dg_plan* plan,
                           dg_date on) noexcept {
  DG_API_GUARD({
    Date day;
    if (dg_status s = BeginText(out, size_out, plan, on, "on", &day, call);
        s != DG_OK) {
      return s;
    }
    return NewCString(out, size_out, plan->plan.RaciCsv(day), call);
  });
}

dg_status dg_plan_lints_json(char** out, size_t* size_out, const dg_plan* plan,
                             dg_date on) noexcept {
  DG_API_GUARD({
    Date day;
    if (dg_status s = BeginText(out, size_out, plan, on, "on", &day, call);
        s != DG_OK) {
      return s;
    }
    return NewCString(out, size_out,
                      dutygraph::LintsJson(plan->plan.Lints(day)), call);
  });
}

/* ------------------------------ Scoped views ----------------------------- */
//
// Every query goes through dutygraph::PlanView, which checks the node against
// the view and filters the answers; the shim never touches the plan's own
// queries here, so no call below can reach a hidden node.

namespace {

using dutygraph::PlanView;

// Hands the caller a new view, or reports why it could not be made.
dg_status ReturnView(dg_view** out, absl::StatusOr<PlanView> view,
                     const ApiCall& call) {
  if (!view.ok()) return call.FromStatus(view.status());
  *out = new dg_view{{}, *std::move(view)};
  return DG_OK;
}

// The checks every text answer of a view starts with.
dg_status BeginViewText(char** out, size_t* size_out, const dg_view* view,
                        const ApiCall& call) {
  ZeroOut(out, size_out);
  if (out == nullptr) return call.NullArgument("out");
  return CheckHandle(call, view, "view");
}

}  // namespace

dg_status dg_view_new_for_unit(dg_view** out, const dg_plan* plan,
                               uint32_t unit, dg_date on) noexcept {
  DG_API_GUARD({
    ZeroOut(out);
    if (out == nullptr) return call.NullArgument("out");
    if (dg_status s = CheckHandle(call, plan, "plan"); s != DG_OK) return s;
    if (dg_status s =
            CheckIndex(plan->plan, DG_RECORD_UNIT, unit, "unit index", call);
        s != DG_OK) {
      return s;
    }
    Date day;
    if (dg_status s = call.CheckDate(&day, on, "on"); s != DG_OK) return s;
    return ReturnView(out, PlanView::ForUnit(plan->plan, UnitIndex{unit}, day),
                      call);
  });
}

dg_status dg_view_new_for_post(dg_view** out, const dg_plan* plan,
                               uint32_t post, dg_date on) noexcept {
  DG_API_GUARD({
    ZeroOut(out);
    if (out == nullptr) return call.NullArgument("out");
    if (dg_status s = CheckHandle(call, plan, "plan"); s != DG_OK) return s;
    if (dg_status s =
            CheckIndex(plan->plan, DG_RECORD_POST, post, "post index", call);
        s != DG_OK) {
      return s;
    }
    Date day;
    if (dg_status s = call.CheckDate(&day, on, "on"); s != DG_OK) return s;
    return ReturnView(out, PlanView::ForPost(plan->plan, PostIndex{post}, day),
                      call);
  });
}

void dg_view_free(dg_view* view) noexcept { FreeHandle(view); }

dg_status dg_view_json(char** out, size_t* size_out,
                       const dg_view* view) noexcept {
  DG_API_GUARD({
    if (dg_status s = BeginViewText(out, size_out, view, call); s != DG_OK) {
      return s;
    }
    return NewCString(out, size_out, dutygraph::PlanViewJson(view->view),
                      call);
  });
}

dg_status dg_view_find_task(uint32_t* task_out, const dg_view* view,
                            const char* id_or_path,
                            size_t id_or_path_len) noexcept {
  DG_API_GUARD({
    ZeroOut(task_out);
    if (task_out == nullptr) return call.NullArgument("task_out");
    if (dg_status s = CheckHandle(call, view, "view"); s != DG_OK) return s;
    std::string_view name;
    if (dg_status s =
            call.CheckText(&name, id_or_path, id_or_path_len, "id_or_path");
        s != DG_OK) {
      return s;
    }
    absl::StatusOr<TaskIndex> found = view->view.FindTask(name);
    if (!found.ok()) return call.FromStatus(found.status());
    *task_out = found->value;
    return DG_OK;
  });
}

dg_status dg_view_accountability(dg_accountability* out, const dg_view* view,
                                 uint32_t task) noexcept {
  DG_API_GUARD({
    if (dg_status s = CheckHandle(call, out, "out"); s != DG_OK) return s;
    out->plan.reset();
    out->answer.Clear();
    if (dg_status s = CheckHandle(call, view, "view"); s != DG_OK) return s;
    if (absl::Status s = view->view.AccountabilityOf(TaskIndex{task},
                                                     &out->answer);
        !s.ok()) {
      out->answer.Clear();
      return call.FromStatus(s);
    }
    out->plan = view->view.plan();
    return DG_OK;
  });
}

dg_status dg_view_tasks_of_unit(dg_unit_tasks* out, const dg_view* view,
                                uint32_t unit, uint32_t roles) noexcept {
  DG_API_GUARD({
    if (dg_status s = CheckHandle(call, out, "out"); s != DG_OK) return s;
    out->plan.reset();
    out->tasks.clear();
    if (dg_status s = CheckHandle(call, view, "view"); s != DG_OK) return s;
    if (dg_status s = CheckIndex(view->view.plan(), DG_RECORD_UNIT, unit,
                                 "unit index", call);
        s != DG_OK) {
      return s;
    }
    if (dg_status s = CheckRoles(roles, &out->roles, call); s != DG_OK) {
      return s;
    }
    if (absl::Status s =
            view->view.TasksOfUnit(UnitIndex{unit}, out->roles, &out->tasks);
        !s.ok()) {
      out->tasks.clear();
      return call.FromStatus(s);
    }
    out->plan = view->view.plan();
    return DG_OK;
  });
}

dg_status dg_view_tasks_of_person(dg_person_tasks* out, const dg_view* view,
                                  uint32_t person, dg_date from,
                                  dg_date to) noexcept {
  DG_API_GUARD({
    if (dg_status s = CheckHandle(call, out, "out"); s != DG_OK) return s;
    out->plan.reset();
    out->tasks.clear();
    if (dg_status s = CheckHandle(call, view, "view"); s != DG_OK) return s;
    if (dg_status s = CheckIndex(view->view.plan(), DG_RECORD_PERSON, person,
                                 "person index", call);
        s != DG_OK) {
      return s;
    }
    Date first, last;
    if (dg_status s = call.CheckDate(&first, from, "from"); s != DG_OK) {
      return s;
    }
    if (dg_status s = call.CheckDate(&last, to, "to"); s != DG_OK) return s;
    if (absl::Status s = view->view.TasksOfPerson(PersonIndex{person}, first,
                                                  last, &out->tasks);
        !s.ok()) {
      out->tasks.clear();
      return call.FromStatus(s);
    }
    out->plan = view->view.plan();
    return DG_OK;
  });
}

dg_status dg_view_accountability_json(char** out, size_t* size_out,
                                      const dg_view* view,
                                      uint32_t task) noexcept {
  DG_API_GUARD({
    if (dg_status s = BeginViewText(out, size_out, view, call); s != DG_OK) {
      return s;
    }
    return ReturnText(
        out, size_out,
        [&]() -> absl::StatusOr<std::string> {
          Accountability answer;
          absl::Status s = view->view.AccountabilityOf(TaskIndex{task}, &answer);
          if (!s.ok()) return s;
          return dutygraph::AccountabilityJson(view->view.plan(), answer);
        },
        call);
  });
}

dg_status dg_view_tasks_of_unit_json(char** out, size_t* size_out,
                                     const dg_view* view, uint32_t unit,
                                     uint32_t roles) noexcept {
  DG_API_GUARD({
    if (dg_status s = BeginViewText(out, size_out, view, call); s != DG_OK) {
      return s;
    }
    if (dg_status s = CheckIndex(view->view.plan(), DG_RECORD_UNIT, unit,
                                 "unit index", call);
        s != DG_OK) {
      return s;
    }
    std::vector<Role> filter;
    if (dg_status s = CheckRoles(roles, &filter, call); s != DG_OK) return s;
    return ReturnText(
        out, size_out,
        [&]() -> absl::StatusOr<std::string> {
          std::vector<UnitTask> tasks;
          absl::Status s = view->view.TasksOfUnit(UnitIndex{unit}, filter,
                                                  &tasks);
          if (!s.ok()) return s;
          return dutygraph::UnitTasksJson(view->view.plan(), UnitIndex{unit},
                                          view->view.on(), tasks);
        },
        call);
  });
}

dg_status dg_view_tasks_of_person_json(char** out, size_t* size_out,
                                       const dg_view* view, uint32_t person,
                                       dg_date from, dg_date to) noexcept {
  DG_API_GUARD({
    if (dg_status s = BeginViewText(out, size_out, view, call); s != DG_OK) {
      return s;
    }
    Date first, last;
    if (dg_status s = call.CheckDate(&first, from, "from"); s != DG_OK) {
      return s;
    }
    if (dg_status s = call.CheckDate(&last, to, "to"); s != DG_OK) return s;
    if (dg_status s = CheckIndex(view->view.plan(), DG_RECORD_PERSON, person,
                                 "person index", call);
        s != DG_OK) {
      return s;
    }
    return ReturnText(
        out, size_out,
        [&]() -> absl::StatusOr<std::string> {
          std::vector<PersonTask> tasks;
          absl::Status s = view->view.TasksOfPerson(PersonIndex{person}, first,
                                                    last, &tasks);
          if (!s.ok()) return s;
          return dutygraph::PersonTasksJson(view->view.plan(),
                                            PersonIndex{person}, first, last,
                                            tasks);
        },
        call);
  });
}

dg_status dg_view_workloads_json(char** out, size_t* size_out,
                                 const dg_view* view) noexcept {
  DG_API_GUARD({
    if (dg_status s = BeginViewText(out, size_out, view, call); s != DG_OK) {
      return s;
    }
    return NewCString(out, size_out,
                      dutygraph::WorkloadsJson(view->view.plan(),
                                               view->view.on(),
                                               view->view.Workloads()),
                      call);
  });
}

dg_status dg_view_raci_csv(char** out, size_t* size_out,
                           const dg_view* view) noexcept {
  DG_API_GUARD({
    if (dg_status s = BeginViewText(out, size_out, view, call); s != DG_OK) {
      return s;
    }
    return NewCString(out, size_out, view->view.RaciCsv(), call);
  });
}

dg_status dg_view_lints_json(char** out, size_t* size_out,
                             const dg_view* view) noexcept {
  DG_API_GUARD({
    if (dg_status s = BeginViewText(out, size_out, view, call); s != DG_OK) {
      return s;
    }
    return NewCString(out, size_out,
                      dutygraph::LintsJson(view->view.Lints()), call);
  });
}

/* --------------------------- Publishing versions ------------------------- */

dg_status dg_publisher_new(dg_publisher** out, const dg_plan* initial) noexcept {
  DG_API_GUARD({
    ZeroOut(out);
    if (out == nullptr) return call.NullArgument("out");
    if (dg_status s = CheckHandle(call, initial, "initial"); s != DG_OK) {
      return s;
    }
    *out = new dg_publisher(initial->plan);
    return DG_OK;
  });
}

void dg_publisher_free(dg_publisher* publisher) noexcept {
  FreeHandle(publisher);
}

dg_status dg_publisher_publish(uint64_t* version_out, dg_publisher* publisher,
                               const dg_plan* plan) noexcept {
  DG_API_GUARD({
    ZeroOut(version_out);
    if (dg_status s = CheckHandle(call, publisher, "publisher"); s != DG_OK) {
      return s;
    }
    if (dg_status s = CheckHandle(call, plan, "plan"); s != DG_OK) return s;
    SetIfGiven(version_out, publisher->publisher.Publish(plan->plan));
    return DG_OK;
  });
}

dg_status dg_publisher_current(dg_plan** out, uint64_t* version_out,
                               const dg_publisher* publisher) noexcept {
  DG_API_GUARD({
    ZeroOut(out, version_out);
    if (out == nullptr) return call.NullArgument("out");
    if (dg_status s = CheckHandle(call, publisher, "publisher"); s != DG_OK) {
      return s;
    }
    dutygraph::PublishedPlan current = publisher->publisher.Current();
    *out = new dg_plan{{}, std::move(current.plan)};
    SetIfGiven(version_out, current.version);
    return DG_OK;
  });
}
