// Schedule answers as JSON, CSV and iCalendar (shapes: docs/schedules.md,
// "Exports").
//
// Every rendering is deterministic: the same answer gives the same bytes.
// The iCalendar text is written by hand to RFC 5545: CRLF line endings,
// content lines folded at 75 octets on UTF-8 character boundaries, TEXT
// values escaped, DTSTAMP derived from the plan (not the clock) and UIDs
// hashed from what identifies an event, so two runs compare equal and a
// calendar client re-importing an export updates events instead of
// duplicating them. An index that does not belong to `plan` renders as null
// (JSON) or empty (CSV, iCalendar) rather than reading out of bounds.
#include "dutygraph/schedule_export.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dutygraph/critical_path.h"
#include "dutygraph/date.h"
#include "dutygraph/period.h"
#include "dutygraph/plan.h"
#include "dutygraph/plan_view.h"
#include "dutygraph/schedule.h"
#include "dutygraph/version.h"
#include "dutygraph/view_schedule.h"
#include "nlohmann/json.hpp"

namespace dutygraph {
namespace {

using Json = nlohmann::ordered_json;

std::string Dump(const Json& json) {
  return json.dump(/*indent=*/-1, /*indent_char=*/' ', /*ensure_ascii=*/false,
                   Json::error_handler_t::replace);
}

// ---- record names -----------------------------------------------------------

// Looks records up by index, tolerating indexes from another plan.
class Records {
 public:
  explicit Records(const Plan& plan) : d_(plan.data()) {}

  const UnitData* Unit(UnitIndex i) const {
    return i.value < d_.units.size() ? &d_.units[i.value] : nullptr;
  }
  const GroupData* Group(const std::optional<GroupIndex>& i) const {
    return i && i->value < d_.groups.size() ? &d_.groups[i->value] : nullptr;
  }
  const TaskData* Task(TaskIndex i) const {
    return i.value < d_.tasks.size() ? &d_.tasks[i.value] : nullptr;
  }
  const CadenceData* Cadence(uint32_t i) const {
    return i < d_.cadences.size() ? &d_.cadences[i] : nullptr;
  }
  const DeadlineData* Deadline(TaskIndex task, uint32_t i) const {
    const TaskData* t = Task(task);
    return t != nullptr && i < t->deadlines.size() ? &t->deadlines[i]
                                                   : nullptr;
  }

  std::string UnitName(UnitIndex i) const {
    const UnitData* u = Unit(i);
    return u == nullptr ? "" : u->name;
  }
  // "市财政局局长 雷高飞", or "市金融办主任（空缺）" when vacant.
  std::string HolderText(const PostHolder& holder) const {
    std::string text;
    if (holder.post.value < d_.posts.size()) {
      const PostData& p = d_.posts[holder.post.value];
      text = p.title.empty() ? p.id : p.title;
    }
    if (holder.person && holder.person->value < d_.people.size()) {
      text += " " + d_.people[holder.person->value].name;
    } else {
      text += "（空缺）";
    }
    return text;
  }

  Json UnitJson(UnitIndex i) const {
    const UnitData* u = Unit(i);
    if (u == nullptr) return nullptr;
    return Json{{"id", u->id}, {"name", u->name}};
  }
  Json UnitsJson(std::span<const UnitIndex> units) const {
    Json out = Json::array();
    for (UnitIndex u : units) out.push_back(UnitJson(u));
    return out;
  }
  // {"post": {"id", "title"}, "person": {"id", "name"} | null, "vacant"}.
  Json HolderJson(const PostHolder& holder) const {
    Json post = nullptr;
    if (holder.post.value < d_.posts.size()) {
      const PostData& p = d_.posts[holder.post.value];
      post = Json{{"id", p.id}, {"title", p.title}};
    }
    Json person = nullptr;
    if (holder.person && holder.person->value < d_.people.size()) {
      const PersonData& p = d_.people[holder.person->value];
      person = Json{{"id", p.id}, {"name", p.name}};
    }
    return Json{{"post", std::move(post)},
                {"person", std::move(person)},
                {"vacant", !holder.person.has_value()}};
  }
  Json HoldersJson(std::span<const PostHolder> holders) const {
    Json out = Json::array();
    for (const PostHolder& h : holders) out.push_back(HolderJson(h));
    return out;
  }
  Json TaskJson(TaskIndex i) const {
    const TaskData* t = Task(i);
    if (t == nullptr) return nullptr;
    return Json{{"id", t->id}, {"path", t->path}, {"title", t->title}};
  }

  // Unit names then post holders, joined by "、".
  std::string PartiesText(std::span<const UnitIndex> units,
                          std::span<const PostHolder> posts) const {
    std::string text;
    for (UnitIndex u : units) {
      const std::string name = UnitName(u);
      if (!name.empty()) text += (text.empty() ? "" : "、") + name;
    }
    for (const PostHolder& p : posts) {
      text += (text.empty() ? "" : "、") + HolderText(p);
    }
    return text;
  }

  // "4/二/（一）/1 严禁新增隐性债务".
  std::string TaskText(TaskIndex i) const {
    const TaskData* t = Task(i);
    if (t == nullptr) return "";
    const std::string& key = t->path.empty() ? t->id : t->path;
    return t->title.empty() ? key : key + " " + t->title;
  }

  const PlanInfo& info() const { return d_.plan; }

 private:
  const PlanData& d_;
};

Json PeriodJson(const Period& period, const std::string& label) {
  return Json{{"kind", std::string(PeriodKindName(period.kind()))},
              {"label", label},
              {"start", period.start().ToString()},
              {"end", period.end().ToString()}};
}

Json OptionalDate(const std::optional<Date>& date) {
  return date ? Json(date->ToString()) : Json(nullptr);
}

// ---- CSV --------------------------------------------------------------------

// One RFC 4180 field: quoted when it holds a comma, quote, CR or LF.
std::string CsvField(std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    return std::string(field);
  }
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string CsvRow(const std::vector<std::string>& fields) {
  std::string row;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) row += ',';
    row += CsvField(fields[i]);
  }
  return row + "\n";
}

// Several values in one cell: "; " between them.
std::string JoinCell(const std::vector<std::string>& values) {
  std::string cell;
  for (const std::string& v : values) {
    cell += (cell.empty() ? "" : "; ") + v;
  }
  return cell;
}

// ---- iCalendar --------------------------------------------------------------

// RFC 5545 §3.3.11 TEXT: backslash, semicolon, comma and newline escaped.
// A CR (alone or before LF) becomes one newline; other control characters,
// which TEXT does not allow, become spaces.
std::string IcsText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        out += "\\n";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f) {
          out += ' ';
        } else {
          out += c;
        }
    }
  }
  return out;
}

bool IsUtf8Continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// Appends `line` as a content line: folded so that no physical line exceeds
// 75 octets (a continuation starts with a space, which counts), never inside
// a UTF-8 sequence, each ended by CRLF.
void AppendContentLine(std::string_view line, std::string* out) {
  constexpr size_t kMaxOctets = 75;
  size_t limit = kMaxOctets;
  bool first = true;
  while (true) {
    if (!first) *out += ' ';
    if (line.size() <= limit) {
      *out += line;
      *out += "\r\n";
      return;
    }
    size_t cut = limit;
    // Back off to a character boundary; a UTF-8 sequence has at most 3
    // continuation bytes, so invalid text cannot make this loop far.
    for (int back = 0; back < 3 && cut > 1 && IsUtf8Continuation(line[cut]);
         ++back) {
      --cut;
    }
    *out += line.substr(0, cut);
    *out += "\r\n";
    line.remove_prefix(cut);
    first = false;
    limit = kMaxOctets - 1;
  }
}

std::string IcsDate(Date d) {
  const std::string iso = d.ToString();  // YYYY-MM-DD
  return iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2);
}

// 64-bit FNV-1a: small, stable across platforms and releases.
uint64_t Fnv1a64(std::string_view text) {
  uint64_t hash = 0xcbf29ce484222325ULL;
  for (char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

std::string Uid(std::string_view key, const std::string& domain) {
  static constexpr char kHex[] = "0123456789abcdef";
  const uint64_t hash = Fnv1a64(key);
  std::string uid(16, '0');
  for (int i = 0; i < 16; ++i) {
    uid[15 - i] = kHex[(hash >> (4 * i)) & 0xF];
  }
  return uid + "@" + domain;
}

// The DTSTAMP of every event: the plan's issue date (else January 1 of its
// year, else the epoch) at 00:00:00Z, so exports do not depend on the clock.
std::string DtStamp(const PlanInfo& info) {
  Date stamp;  // 1970-01-01
  if (info.issue_date) {
    stamp = *info.issue_date;
  } else if (info.year > 0) {
    absl::StatusOr<Date> jan1 = Date::FromYmd(info.year, 1, 1);
    if (jan1.ok()) stamp = *jan1;
  }
  return IcsDate(stamp) + "T000000Z";
}

class IcsWriter {
 public:
  IcsWriter(const Plan& plan, const IcsOptions& options)
      : records_(plan),
        options_(options),
        stamp_(DtStamp(plan.data().plan)) {}

  void Line(std::string_view name, std::string_view value) {
    std::string line(name);
    line += ':';
    line += value;
    AppendContentLine(line, &out_);
  }
  void TextLine(std::string_view name, std::string_view text) {
    Line(name, IcsText(text));
  }

  void Begin() {
    Line("BEGIN", "VCALENDAR");
    Line("VERSION", "2.0");
    Line("PRODID", "-//dutygraph//dutygraph " + std::string(kVersionString) +
                       "//ZH");
    Line("CALSCALE", "GREGORIAN");
    Line("METHOD", "PUBLISH");
    TextLine("X-WR-CALNAME", options_.calendar_name.empty()
                                 ? records_.info().title
                                 : options_.calendar_name);
  }

  void Occurrence(const OccurrenceView& occ) {
    const CadenceData* cadence = records_.Cadence(occ.cadence);
    const GroupData* group = records_.Group(occ.group);
    const UnitData* member =
        occ.member ? records_.Unit(*occ.member) : nullptr;
    const std::string key =
        records_.info().id + "|" + (cadence ? cadence->id : "") + "|" +
        (group ? group->id : "") + "|" + (member ? member->id : "") + "|" +
        occ.period.start().ToString();

    // Who it is about: the group, the member, else the owner units.
    std::string whose = group    ? group->name
                        : member ? member->name
                                 : records_.PartiesText(occ.owner_units, {});
    std::string summary =
        (cadence ? cadence->name : std::string(occ.kind)) + " " +
        std::string(occ.period_label);
    if (!whose.empty()) summary += " — " + whose;

    std::string description = "周期：" + std::string(occ.period_label) + "（" +
                              occ.period.start().ToString() + " 至 " +
                              occ.period.end().ToString() + "）";
    const std::string owners =
        records_.PartiesText(occ.owner_units, occ.owner_posts);
    if (!owners.empty()) description += "\n责任：" + owners;
    const std::string recipients =
        records_.PartiesText(occ.recipient_units, occ.recipient_posts);
    if (!recipients.empty()) description += "\n报送：" + recipients;
    if (cadence != nullptr && !cadence->source.empty()) {
      description += "\n依据：" + cadence->source;
    }
    if (occ.provisional) description += "\n（暂定：该年尚无官方节假日安排）";

    Event(key, occ.due, summary, description, std::string(occ.kind),
          std::nullopt, "");
  }

  void Due(const TaskDue& due) {
    const TaskData* task = records_.Task(due.task);
    const DeadlineData* deadline = records_.Deadline(due.task, due.deadline);
    const std::string key = records_.info().id + "|" +
                            (task ? task->id : "") + "|" +
                            std::to_string(due.deadline) + "|" +
                            due.due.ToString();
    const std::string task_text = records_.TaskText(due.task);
    std::string summary = "截止 " + task_text;
    if (!due.period_label.empty()) summary += "（" + due.period_label + "）";

    std::string description = "任务：" + task_text;
    if (deadline != nullptr) {
      description += "\n期限：" +
                     (deadline->text.empty() ? deadline->kind
                                             : deadline->text + "（" +
                                                   deadline->kind + "）");
    }
    description += "\n到期：" + due.due.ToString();
    if (due.reminder) description += "\n提醒：" + due.reminder->ToString();
    if (due.provisional) description += "\n（暂定：该年尚无官方节假日安排）";
    Event(key, due.due, summary, description, "deadline", due.reminder,
          "提醒：" + task_text + " " + due.due.ToString() + " 到期");
  }

  std::string End() {
    Line("END", "VCALENDAR");
    return std::move(out_);
  }

 private:
  void Event(const std::string& key, Date day, const std::string& summary,
             const std::string& description, const std::string& category,
             const std::optional<Date>& reminder,
             const std::string& reminder_text) {
    Line("BEGIN", "VEVENT");
    Line("UID", Uid(key, options_.uid_domain));
    Line("DTSTAMP", stamp_);
    Line("DTSTART;VALUE=DATE", IcsDate(day));
    Line("DTEND;VALUE=DATE", IcsDate(day + 1));
    TextLine("SUMMARY", summary);
    TextLine("DESCRIPTION", description);
    if (!category.empty()) TextLine("CATEGORIES", category);
    Line("TRANSP", "TRANSPARENT");
    if (reminder) {
      Line("BEGIN", "VALARM");
      Line("ACTION", "DISPLAY");
      TextLine("DESCRIPTION", reminder_text);
      // 09:00 China Standard Time (UTC+8, no daylight saving since 1991),
      // written in UTC as RFC 5545 §3.8.6.3 requires of an absolute trigger.
      Line("TRIGGER;VALUE=DATE-TIME", IcsDate(*reminder) + "T010000Z");
      Line("END", "VALARM");
    }
    Line("END", "VEVENT");
  }

  Records records_;
  const IcsOptions& options_;
  std::string stamp_;
  std::string out_;
};

// The renderings below take any range of OccurrenceView: an
// OccurrenceTable, or Occurrences seen through OccurrenceView::Of.
template <typename Views>
std::string RenderOccurrencesJson(const Plan& plan, const Views& occurrences) {
  const Records r(plan);
  Json out = Json::array();
  for (const OccurrenceView occ : occurrences) {
    const CadenceData* cadence = r.Cadence(occ.cadence);
    const GroupData* group = r.Group(occ.group);
    out.push_back(Json{
        {"due", occ.due.ToString()},
        {"cadence", cadence ? Json{{"id", cadence->id},
                                   {"name", cadence->name}}
                            : Json(nullptr)},
        {"kind", std::string(occ.kind)},
        {"period", PeriodJson(occ.period, std::string(occ.period_label))},
        {"group",
         group ? Json{{"id", group->id}, {"name", group->name}} : Json(nullptr)},
        {"member", occ.member ? r.UnitJson(*occ.member) : Json(nullptr)},
        {"owners",
         Json{{"units", r.UnitsJson(occ.owner_units)},
              {"posts", r.HoldersJson(occ.owner_posts)}}},
        {"recipients",
         Json{{"units", r.UnitsJson(occ.recipient_units)},
              {"posts", r.HoldersJson(occ.recipient_posts)}}},
        {"provisional", occ.provisional}});
  }
  return Dump(out);
}

template <typename Views>
std::string RenderOccurrencesCsv(const Plan& plan, const Views& occurrences) {
  const Records r(plan);
  std::string out = CsvRow(
      {"due", "cadence_id", "cadence_name", "kind", "period_kind",
       "period_label", "period_start", "period_end", "group_id", "group_name",
       "member_id", "member_name", "owner_units", "owner_posts",
       "recipient_units", "recipient_posts", "provisional"});
  for (const OccurrenceView occ : occurrences) {
    const CadenceData* cadence = r.Cadence(occ.cadence);
    const GroupData* group = r.Group(occ.group);
    const UnitData* member = occ.member ? r.Unit(*occ.member) : nullptr;
    auto unit_names = [&r](std::span<const UnitIndex> units) {
      std::vector<std::string> names;
      for (UnitIndex u : units) names.push_back(r.UnitName(u));
      return JoinCell(names);
    };
    auto holders = [&r](std::span<const PostHolder> posts) {
      std::vector<std::string> texts;
      for (const PostHolder& p : posts) texts.push_back(r.HolderText(p));
      return JoinCell(texts);
    };
    out += CsvRow({occ.due.ToString(), cadence ? cadence->id : "",
                   cadence ? cadence->name : "", std::string(occ.kind),
                   std::string(PeriodKindName(occ.period.kind())),
                   std::string(occ.period_label), occ.period.start().ToString(),
                   occ.period.end().ToString(), group ? group->id : "",
                   group ? group->name : "", member ? member->id : "",
                   member ? member->name : "", unit_names(occ.owner_units),
                   holders(occ.owner_posts), unit_names(occ.recipient_units),
                   holders(occ.recipient_posts),
                   occ.provisional ? "1" : "0"});
  }
  return out;
}

// Occurrences seen as OccurrenceViews, for the renderers above.
class ViewsOf {
 public:
  explicit ViewsOf(const std::vector<dutygraph::Occurrence>& occurrences)
      : occurrences_(occurrences) {}
  struct Iterator {
    std::vector<dutygraph::Occurrence>::const_iterator it;
    OccurrenceView operator*() const { return OccurrenceView::Of(*it); }
    Iterator& operator++() {
      ++it;
      return *this;
    }
    bool operator!=(const Iterator& o) const { return it != o.it; }
  };
  Iterator begin() const { return {occurrences_.begin()}; }
  Iterator end() const { return {occurrences_.end()}; }

 private:
  const std::vector<dutygraph::Occurrence>& occurrences_;
};

}  // namespace

std::string OccurrencesJson(const Plan& plan, const OccurrenceTable& table) {
  return RenderOccurrencesJson(plan, table);
}
std::string OccurrencesJson(const Plan& plan,
                            const std::vector<Occurrence>& occurrences) {
  return RenderOccurrencesJson(plan, ViewsOf(occurrences));
}
std::string OccurrencesCsv(const Plan& plan, const OccurrenceTable& table) {
  return RenderOccurrencesCsv(plan, table);
}
std::string OccurrencesCsv(const Plan& plan,
                           const std::vector<Occurrence>& occurrences) {
  return RenderOccurrencesCsv(plan, ViewsOf(occurrences));
}

std::string TaskDuesJson(const Plan& plan, const std::vector<TaskDue>& dues) {
  const Records r(plan);
  Json out = Json::array();
  for (const TaskDue& due : dues) {
    const DeadlineData* deadline = r.Deadline(due.task, due.deadline);
    out.push_back(Json{
        {"due", due.due.ToString()},
        {"task", r.TaskJson(due.task)},
        {"deadline",
         Json{{"index", due.deadline},
              {"kind", deadline ? Json(deadline->kind) : Json(nullptr)},
              {"text", deadline ? Json(deadline->text) : Json(nullptr)}}},
        {"period_label", due.period_label},
        {"reminder", OptionalDate(due.reminder)},
        {"provisional", due.provisional}});
  }
  return Dump(out);
}

std::string TaskDuesCsv(const Plan& plan, const std::vector<TaskDue>& dues) {
  const Records r(plan);
  std::string out =
      CsvRow({"due", "reminder", "task_id", "task_path", "task_title",
              "deadline_index", "deadline_kind", "deadline_text",
              "period_label", "provisional"});
  for (const TaskDue& due : dues) {
    const TaskData* task = r.Task(due.task);
    const DeadlineData* deadline = r.Deadline(due.task, due.deadline);
    out += CsvRow({due.due.ToString(),
                   due.reminder ? due.reminder->ToString() : "",
                   task ? task->id : "", task ? task->path : "",
                   task ? task->title : "", std::to_string(due.deadline),
                   deadline ? deadline->kind : "",
                   deadline ? deadline->text : "", due.period_label,
                   due.provisional ? "1" : "0"});
  }
  return out;
}

namespace {

// The timing fields of one task of a critical path, after its "task".
void AddTimes(const TaskSchedule& s, Json& entry) {
  entry["duration"] = s.duration;
  entry["earliest_start"] = s.earliest_start;
  entry["earliest_finish"] = s.earliest_finish;
  entry["latest_start"] = s.latest_start;
  entry["latest_finish"] = s.latest_finish;
  entry["total_float"] = s.total_float;
  entry["critical"] = s.critical;
  entry["earliest_start_date"] = s.earliest_start_date.ToString();
  entry["earliest_finish_date"] = s.earliest_finish_date.ToString();
  entry["latest_start_date"] = s.latest_start_date.ToString();
  entry["latest_finish_date"] = s.latest_finish_date.ToString();
}

// The document around `tasks` for the plan's or a view's answer: `out`
// already holds what comes first (a view's "viewer"); `task_ids` renders a
// list of tasks.
template <typename Answer, typename TaskIds>
std::string CriticalPathDocument(Json out, const Answer& answer,
                                 const TaskIds& task_ids, Json tasks) {
  Json paths = Json::array();
  for (const std::vector<TaskIndex>& path : answer.critical_paths) {
    paths.push_back(task_ids(path));
  }
  out["project"] =
      Json{{"start_date", answer.project_start_date.ToString()},
           {"duration", answer.project_duration},
           {"finish_date", answer.project_finish_date.ToString()},
           {"latest_finish", answer.project_latest_finish},
           {"float", answer.project_float},
           {"provisional", answer.provisional}};
  out["critical_tasks"] = task_ids(answer.critical_tasks);
  out["critical_paths"] = std::move(paths);
  out["critical_paths_truncated"] = answer.critical_paths_truncated;
  out["tasks"] = std::move(tasks);
  return Dump(out);
}

}  // namespace

std::string CriticalPathJson(const Plan& plan,
                             const CriticalPathAnswer& answer) {
  const Records r(plan);
  auto task_ids = [&r](const std::vector<TaskIndex>& tasks) {
    Json ids = Json::array();
    for (TaskIndex t : tasks) {
      const TaskData* task = r.Task(t);
      ids.push_back(task ? Json(task->id) : Json(nullptr));
    }
    return ids;
  };
  Json tasks = Json::array();
  for (uint32_t i = 0; i < answer.tasks.size(); ++i) {
    Json entry = Json{{"task", r.TaskJson(TaskIndex{i})}};
    AddTimes(answer.tasks[i], entry);
    tasks.push_back(std::move(entry));
  }
  return CriticalPathDocument(Json::object(), answer, task_ids,
                              std::move(tasks));
}

std::string CriticalPathJson(const PlanView& view,
                             const ViewCriticalPathAnswer& answer) {
  const PlanData& d = view.plan().data();
  // Only visible tasks are named, whatever the answer holds.
  auto task_ids = [&](const std::vector<TaskIndex>& tasks) {
    Json ids = Json::array();
    for (TaskIndex t : tasks) {
      ids.push_back(view.Sees(t) ? Json(d.tasks[t.value].id) : Json(nullptr));
    }
    return ids;
  };
  Json tasks = Json::array();
  for (const ViewTaskSchedule& entry : answer.tasks) {
    if (!view.Sees(entry.task)) continue;
    const TaskData& task = d.tasks[entry.task.value];
    Json item = Json{{"task", Json{{"id", task.id},
                                   {"path", task.path},
                                   {"title", task.title}}}};
    AddTimes(entry.times, item);
    item["predecessor_outside_view"] = entry.predecessor_outside_view;
    item["successor_outside_view"] = entry.successor_outside_view;
    tasks.push_back(std::move(item));
  }
  return CriticalPathDocument(Json{{"viewer", view.viewer()}}, answer,
                              task_ids, std::move(tasks));
}

std::string ScheduleIcs(const Plan& plan, const OccurrenceTable& occurrences,
                        const std::vector<TaskDue>& dues,
                        const IcsOptions& options) {
  IcsWriter writer(plan, options);
  writer.Begin();
  for (const OccurrenceView occ : occurrences) writer.Occurrence(occ);
  for (const TaskDue& due : dues) writer.Due(due);
  return writer.End();
}

std::string ScheduleIcs(const Plan& plan,
                        const std::vector<Occurrence>& occurrences,
                        const std::vector<TaskDue>& dues,
                        const IcsOptions& options) {
  IcsWriter writer(plan, options);
  writer.Begin();
  for (const Occurrence& occ : occurrences) {
    writer.Occurrence(OccurrenceView::Of(occ));
  }
  for (const TaskDue& due : dues) writer.Due(due);
  return writer.End();
}

}  // namespace dutygraph
