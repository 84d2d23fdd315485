// The event log: validation against the plan and calendar, idempotent
// appends, all-or-nothing batches (include/dutygraph/events.h).
#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "dutygraph/events.h"
#include "tracking/event_fields.h"
#include "tracking/event_log_impl.h"
#include "util/json_lines.h"
#include "util/status_macros.h"
#include "util/strings.h"
#include "util/suggest.h"
#include "util/utf8.h"

namespace dutygraph {
namespace {

using internal::AsAbsl;
using internal::Fact;
using internal::kNone;

absl::Status Prefix(const absl::Status& s, std::string_view what) {
  return absl::Status(s.code(),
                      absl::StrCat(AsAbsl(what), ": ", s.message()));
}

uint32_t PresentFields(const Event& e) {
  uint32_t p = 0;
  using namespace internal;  // NOLINT: the field bits
  if (!e.task.empty()) p |= kFTask;
  if (!e.unit.empty()) p |= kFUnit;
  if (e.due) p |= kFDue;
  if (e.new_due) p |= kFNewDue;
  if (e.approver.kind != Actor::Kind::kNone) p |= kFApprover;
  if (!e.cadence.empty()) p |= kFCadence;
  if (e.period) p |= kFPeriod;
  if (!e.group.empty()) p |= kFGroup;
  if (!e.card.empty()) p |= kFCard;
  if (e.percent) p |= kFPercent;
  if (!e.values.empty()) p |= kFValues;
  if (!e.result.empty()) p |= kFResult;
  if (!e.post.empty()) p |= kFPost;
  if (!e.person.empty()) p |= kFPerson;
  if (!e.change.empty()) p |= kFChange;
  if (!e.from.empty()) p |= kFFrom;
  if (!e.to.empty()) p |= kFTo;
  return p;
}

// The shape checks ParseEventJson makes, for events built in code.
absl::Status CheckShape(const Event& e) {
  if (e.id.empty()) return absl::InvalidArgumentError("field 'id': must not be empty");
  const int k = static_cast<int>(e.kind);
  if (k < 0 || k >= kEventKindCount) {
    return absl::InvalidArgumentError(
        absl::StrCat("field 'kind': unknown event kind ", k));
  }
  const internal::EventKindSpec& spec = internal::SpecOf(e.kind);
  const uint32_t present = PresentFields(e);
  const std::string_view kind = EventKindName(e.kind);
  for (int b = 0; b < internal::kEventFieldCount; ++b) {
    const uint32_t bit = 1u << b;
    if ((present & bit) && !(spec.allowed & bit)) {
      return absl::InvalidArgumentError(
          absl::StrCat("field '", AsAbsl(internal::EventFieldName(bit)),
                       "': not taken by kind '", AsAbsl(kind), "'"));
    }
    if ((spec.required & bit) && !(present & bit)) {
      return absl::InvalidArgumentError(
          absl::StrCat("field '", AsAbsl(internal::EventFieldName(bit)),
                       "': missing (kind '", AsAbsl(kind), "' needs it)"));
    }
  }
  if (spec.one_of && !(present & spec.one_of) &&
      !(e.kind == EventKind::kProgress && !e.text.empty())) {
    return absl::InvalidArgumentError(absl::StrCat(
        "kind '", AsAbsl(kind), "' needs at least one of its optional fields"));
  }
  if (e.percent && !(*e.percent >= 0 && *e.percent <= 100)) {
    return absl::InvalidArgumentError(
        absl::StrCat("field 'percent': must be between 0 and 100, got ",
                     *e.percent));
  }
  for (const IndicatorValue& v : e.values) {
    if (!std::isfinite(v.value)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "field 'values.", v.indicator, "': expected a finite number"));
    }
  }
  if (!e.card.empty() && e.card != "yellow" && e.card != "red") {
    return absl::InvalidArgumentError(
        absl::StrCat("field 'card': expected 'yellow' or 'red', got '", e.card, "'"));
  }
  if (!e.result.empty() && e.result != "passed" && e.result != "issues") {
    return absl::InvalidArgumentError(absl::StrCat(
        "field 'result': expected 'passed' or 'issues', got '", e.result, "'"));
  }
  if (e.policy_version < 0) {
    return absl::InvalidArgumentError("field 'policy_version': must be >= 1");
  }
  if (!e.policy.empty() && e.rule.empty()) {
    return absl::InvalidArgumentError(
        "field 'rule': missing (an event naming a policy names its rule)");
  }
  for (const std::string* s :
       {&e.id, &e.task, &e.unit, &e.actor.ref, &e.approver.ref, &e.cadence,
        &e.group, &e.text, &e.note, &e.post, &e.person, &e.policy, &e.rule,
        &e.cause}) {
    DG_RETURN_IF_ERROR(internal::ValidateUtf8(*s, "event text"));
  }
  return absl::OkStatus();
}

// A validated event: its canonical form and fact (values relative: their
// begin is fixed up when committed).
struct Checked {
  Event event;  // references replaced by ids
  std::string canonical;
  Fact fact;
  std::vector<internal::FactValue> values;
  std::string policy_key, rule_key;
};

class Validator {
 public:
  Validator(const EventLog::Impl& log,
            const absl::flat_hash_map<std::string, uint32_t>* pending)
      : log_(log), plan_(log.plan), pending_(pending) {}

  absl::StatusOr<Checked> Check(const Event& in) {
    DG_RETURN_IF_ERROR(CheckShape(in));
    Checked c;
    c.event = in;
    Event& e = c.event;
    Fact& f = c.fact;
    f.kind = e.kind;
    f.date = e.date;
    DG_RETURN_IF_ERROR(Prefix(CheckDate(e.date), "field 'date'"));
    if (!e.task.empty()) {
      absl::StatusOr<TaskIndex> t = plan_.FindTask(e.task);
      if (!t.ok()) return Prefix(t.status(), "field 'task'");
      f.task = t->value;
      e.task = plan_.task(*t).id;
    }
    if (e.actor.kind != Actor::Kind::kNone) {
      DG_ASSIGN_OR_RETURN(f.actor, ResolveActor(&e.actor, "actor"));
      f.actor_kind = e.actor.kind;
    }
    if (!e.unit.empty()) {
      DG_ASSIGN_OR_RETURN(f.unit, ResolveUnit(&e.unit, "unit"));
    }
    if (e.due) {
      DG_RETURN_IF_ERROR(Prefix(CheckDate(*e.due), "field 'due'"));
      f.has_due = true;
      f.due = *e.due;
    }
    if (e.new_due) {
      DG_RETURN_IF_ERROR(Prefix(CheckDate(*e.new_due), "field 'new_due'"));
      f.has_due = true;
      f.due = *e.new_due;
    }
    if (e.approver.kind != Actor::Kind::kNone) {
      DG_RETURN_IF_ERROR(ResolveActor(&e.approver, "approver").status());
    }
    if (!e.cadence.empty()) {
      auto it = log_.cadence_index.find(e.cadence);
      if (it == log_.cadence_index.end()) {
        std::vector<std::string_view> names;
        for (const CadenceData& cd : plan_.data().cadences) names.push_back(cd.id);
        std::optional<std::string> near = internal::ClosestMatch(e.cadence, names);
        return absl::NotFoundError(absl::StrCat(
            "field 'cadence': unknown cadence '", e.cadence, "'",
            near ? absl::StrCat("; did you mean '", *near, "'?") : ""));
      }
      f.cadence = it->second;
      const CadenceData& cd = plan_.data().cadences[f.cadence];
      absl::StatusOr<Period> p = Period::Of(*e.period, cd.period);
      if (!p.ok()) return Prefix(p.status(), "field 'period'");
      if (p->start() != *e.period) {
        return absl::InvalidArgumentError(absl::StrCat(
            "field 'period': ", e.period->ToString(), " does not start a ",
            AsAbsl(PeriodKindName(cd.period)), " of cadence '", cd.id,
            "'; did you mean '", p->start().ToString(), "' (", p->Label(), ")?"));
      }
      f.period = p->start();
    }
    if (!e.group.empty()) {
      absl::StatusOr<GroupIndex> g = plan_.FindGroup(e.group);
      if (!g.ok()) return Prefix(g.status(), "field 'group'");
      f.group = g->value;
      e.group = plan_.group(*g).id;
    }
    if (!e.card.empty()) {
      f.card = e.card == "yellow" ? internal::Card::kYellow : internal::Card::kRed;
    }
    if (e.percent) f.percent = static_cast<float>(*e.percent);
    if (!e.values.empty()) {
      const TaskData& t = plan_.task(TaskIndex{f.task});
      std::vector<std::string_view> names;
      for (const TargetData& target : t.targets) names.push_back(target.indicator);
      for (const IndicatorValue& v : e.values) {
        auto it = std::find(names.begin(), names.end(), v.indicator);
        if (it == names.end()) {
          std::optional<std::string> near = internal::ClosestMatch(v.indicator, names);
          return absl::NotFoundError(absl::StrCat(
              "field 'values': task '", t.id, "' has no target with indicator '",
              v.indicator, "'",
              near ? absl::StrCat("; did you mean '", *near, "'?")
                   : names.empty() ? " (it has no targets)" : ""));
        }
        c.values.push_back({static_cast<uint32_t>(it - names.begin()), v.value});
      }
      std::sort(e.values.begin(), e.values.end(),
                [](const IndicatorValue& a, const IndicatorValue& b) {
                  return a.indicator < b.indicator;
                });
    }
    f.issues = e.result == "issues";
    if (!e.post.empty()) {
      absl::StatusOr<PostIndex> p = plan_.FindPost(e.post);
      if (!p.ok()) return Prefix(p.status(), "field 'post'");
      e.post = plan_.post(*p).id;
    }
    if (!e.person.empty()) {
      absl::StatusOr<PersonIndex> p = plan_.FindPerson(e.person);
      if (!p.ok()) return Prefix(p.status(), "field 'person'");
      e.person = plan_.person(*p).id;
    }
    for (std::string& u : e.from) DG_RETURN_IF_ERROR(ResolveUnit(&u, "from").status());
    for (std::string& u : e.to) DG_RETURN_IF_ERROR(ResolveUnit(&u, "to").status());
    if (!e.cause.empty()) {
      auto it = log_.ids.find(e.cause);
      if (it != log_.ids.end()) {
        f.cause = it->second;
      } else if (pending_ && pending_->contains(e.cause)) {
        f.cause = pending_->at(e.cause);
      } else {
        return absl::NotFoundError(absl::StrCat(
            "field 'cause': no event '", e.cause, "' in the log"));
      }
    }
    f.policy_version = e.policy_version;
    c.policy_key = e.policy;
    c.rule_key = e.rule;
    c.canonical = WriteEventJson(e);
    return c;
  }

 private:
  absl::Status CheckDate(Date d) const {
    absl::StatusOr<CalendarResult<bool>> w = log_.calendar.IsWorkingDay(d);
    return w.ok() ? absl::OkStatus() : w.status();
  }

  absl::StatusOr<uint32_t> ResolveUnit(std::string* name, std::string_view field) {
    absl::StatusOr<UnitIndex> u = plan_.FindUnit(*name);
    if (!u.ok()) {
      return Prefix(u.status(), absl::StrCat("field '", AsAbsl(field), "'"));
    }
    *name = plan_.unit(*u).id;
    return u->value;
  }

  absl::StatusOr<uint32_t> ResolveActor(Actor* a, std::string_view field) {
    const std::string where = absl::StrCat("field '", AsAbsl(field), "'");
    switch (a->kind) {
      case Actor::Kind::kUnit:
        return ResolveUnit(&a->ref, field);
      case Actor::Kind::kPost: {
        absl::StatusOr<PostIndex> p = plan_.FindPost(a->ref);
        if (!p.ok()) return Prefix(p.status(), where);
        a->ref = plan_.post(*p).id;
        return p->value;
      }
      case Actor::Kind::kPerson: {
        absl::StatusOr<PersonIndex> p = plan_.FindPerson(a->ref);
        if (!p.ok()) return Prefix(p.status(), where);
        a->ref = plan_.person(*p).id;
        return p->value;
      }
      case Actor::Kind::kNone:
        break;
    }
    return absl::InvalidArgumentError(absl::StrCat(where, ": no actor"));
  }

  const EventLog::Impl& log_;
  const Plan& plan_;
  const absl::flat_hash_map<std::string, uint32_t>* pending_;
};

// Inserts `pos` into a list kept sorted by (date, position).
void InsertSorted(std::vector<uint32_t>* list, uint32_t pos,
                  const std::vector<Fact>& facts) {
  const Date d = facts[pos].date;
  auto it = list->end();
  while (it != list->begin() && facts[*(it - 1)].date > d) --it;
  list->insert(it, pos);
}

void Commit(EventLog::Impl* log, Checked c) {
  const uint32_t pos = static_cast<uint32_t>(log->facts.size());
  c.fact.values_begin = static_cast<uint32_t>(log->values.size());
  c.fact.values_count = static_cast<uint32_t>(c.values.size());
  log->values.insert(log->values.end(), c.values.begin(), c.values.end());
  if (!c.policy_key.empty()) c.fact.policy = log->Intern(c.policy_key);
  if (!c.rule_key.empty()) c.fact.rule = log->Intern(c.rule_key);
  log->text += c.canonical;
  log->text_end.push_back(log->text.size());
  log->facts.push_back(c.fact);
  log->id_at.push_back(c.event.id);
  log->ids.emplace(std::move(c.event.id), pos);
  const Fact& f = log->facts.back();
  if (f.task != kNone) InsertSorted(&log->by_task[f.task], pos, log->facts);
  // A lift that names its card but no task still concerns the card's task.
  if (f.kind == EventKind::kCardLifted && f.task == kNone && f.cause != kNone &&
      log->facts[f.cause].task != kNone) {
    InsertSorted(&log->by_task[log->facts[f.cause].task], pos, log->facts);
  }
  if (f.unit != kNone) InsertSorted(&log->by_unit[f.unit], pos, log->facts);
  if (f.actor_kind == Actor::Kind::kUnit) {
    InsertSorted(&log->by_actor_unit[f.actor], pos, log->facts);
  }
  if (f.cadence != kNone) InsertSorted(&log->by_cadence[f.cadence], pos, log->facts);
}

std::string_view TextAt(const EventLog::Impl& log, size_t i) {
  const uint64_t begin = i == 0 ? 0 : log.text_end[i - 1];
  return std::string_view(log.text).substr(begin, log.text_end[i] - begin);
}

}  // namespace

EventLog::Impl::Impl(Plan p, Calendar c)
    : plan(std::move(p)), calendar(std::move(c)) {
  by_task.resize(plan.data().tasks.size());
  by_unit.resize(plan.data().units.size());
  by_actor_unit.resize(plan.data().units.size());
  by_cadence.resize(plan.data().cadences.size());
  for (uint32_t i = 0; i < plan.data().cadences.size(); ++i) {
    cadence_index.emplace(plan.data().cadences[i].id, i);
  }
}

uint32_t EventLog::Impl::Intern(const std::string& key) {
  auto [it, inserted] =
      key_index.emplace(key, static_cast<uint32_t>(keys.size()));
  if (inserted) keys.push_back(key);
  return it->second;
}

uint32_t EventLog::Impl::KeyOf(std::string_view key) const {
  auto it = key_index.find(absl::string_view(key.data(), key.size()));
  return it == key_index.end() ? kNone : it->second;
}

EventLog::EventLog(Plan plan, Calendar calendar)
    : impl_(std::make_unique<Impl>(std::move(plan), std::move(calendar))) {}
EventLog::EventLog(Plan plan, Calendar calendar, const TrackingLimits& limits)
    : EventLog(std::move(plan), std::move(calendar)) {
  impl_->limits = limits;
}
EventLog::~EventLog() = default;
EventLog::EventLog(EventLog&&) noexcept = default;
EventLog& EventLog::operator=(EventLog&&) noexcept = default;
EventLog::EventLog(const EventLog& other)
    : impl_(std::make_unique<Impl>(*other.impl_)) {}
EventLog& EventLog::operator=(const EventLog& other) {
  if (this != &other) impl_ = std::make_unique<Impl>(*other.impl_);
  return *this;
}

absl::StatusOr<AppendOutcome> EventLog::Append(const Event& event) {
  Validator v(*impl_, nullptr);
  absl::StatusOr<Checked> c = v.Check(event);
  if (!c.ok()) {
    return Prefix(c.status(), absl::StrCat("event '", event.id, "'"));
  }
  auto it = impl_->ids.find(c->event.id);
  if (it != impl_->ids.end()) {
    if (TextAt(*impl_, it->second) == c->canonical) return AppendOutcome::kDuplicate;
    return absl::AlreadyExistsError(absl::StrCat(
        "event '", event.id,
        "' already exists with different content (position ", it->second,
        "): ", AsAbsl(TextAt(*impl_, it->second))));
  }
  Commit(impl_.get(), *std::move(c));
  return AppendOutcome::kAppended;
}

namespace {

absl::Status BatchTooLarge(size_t n, const TrackingLimits& limits) {
  return absl::ResourceExhaustedError(
      absl::StrCat("a batch of ", n, " events, more than the limit "
                   "max_batch_events (", limits.max_batch_events, ")"));
}

// AppendBatch() with a label per event for messages ("event 3 ('e17')" or
// "events.jsonl:12 ('e17')").
absl::StatusOr<size_t> BatchAppend(EventLog::Impl* log, const std::vector<Event>& events,
                                   const std::vector<std::string>* labels) {
  if (events.size() > log->limits.max_batch_events) {
    return BatchTooLarge(events.size(), log->limits);
  }
  absl::flat_hash_map<std::string, uint32_t> pending;
  std::vector<Checked> accepted;
  uint32_t next = static_cast<uint32_t>(log->facts.size());
  for (size_t i = 0; i < events.size(); ++i) {
    const std::string where =
        labels ? absl::StrCat((*labels)[i], " ('", events[i].id, "')")
               : absl::StrCat("event ", i + 1, " ('", events[i].id, "')");
    Validator v(*log, &pending);
    absl::StatusOr<Checked> c = v.Check(events[i]);
    if (!c.ok()) return Prefix(c.status(), where);
    std::optional<std::string_view> existing;
    auto it = log->ids.find(c->event.id);
    if (it != log->ids.end()) {
      existing = TextAt(*log, it->second);
    } else if (auto p = pending.find(c->event.id); p != pending.end()) {
      existing = accepted[p->second - log->facts.size()].canonical;
    }
    if (existing) {
      if (*existing == c->canonical) continue;
      return absl::AlreadyExistsError(absl::StrCat(
          where, ": event '", events[i].id,
          "' already exists with different content: ", AsAbsl(*existing)));
    }
    pending.emplace(c->event.id, next++);
    accepted.push_back(*std::move(c));
  }
  const size_t n = accepted.size();
  for (Checked& c : accepted) Commit(log, std::move(c));
  return n;
}

}  // namespace

absl::StatusOr<size_t> EventLog::AppendBatch(const std::vector<Event>& events) {
  return BatchAppend(impl_.get(), events, nullptr);
}

absl::StatusOr<size_t> EventLog::AppendJsonl(std::string_view text,
                                             std::string_view source_name) {
  const std::string source = source_name.empty() ? "line" : std::string(source_name);
  const std::string sep = source_name.empty() ? " " : ":";
  const std::vector<internal::JsonLine> rows = internal::SplitJsonLines(text);
  if (rows.size() > impl_->limits.max_batch_events) {
    const absl::Status too_many = BatchTooLarge(rows.size(), impl_->limits);
    return source_name.empty() ? too_many : Prefix(too_many, source_name);
  }
  std::vector<Event> events;
  std::vector<std::string> labels;
  for (const internal::JsonLine& row : rows) {
    const std::string label = absl::StrCat(source, sep, row.number);
    absl::StatusOr<Event> e = ParseEventJson(row.text, impl_->limits);
    if (!e.ok()) return Prefix(e.status(), label);
    events.push_back(*std::move(e));
    labels.push_back(label);
  }
  return BatchAppend(impl_.get(), events, &labels);
}

size_t EventLog::size() const { return impl_->facts.size(); }

absl::StatusOr<Event> EventLog::event(size_t i) const {
  if (i >= size()) {
    return absl::InvalidArgumentError(
        absl::StrCat("event position ", i, " is out of range (", size(), " events)"));
  }
  return ParseEventJson(TextAt(*impl_, i), impl_->limits);
}

std::string_view EventLog::canonical_json(size_t i) const {
  return i < size() ? TextAt(*impl_, i) : std::string_view();
}

std::optional<size_t> EventLog::Find(std::string_view id) const {
  auto it = impl_->ids.find(std::string(id));
  if (it == impl_->ids.end()) return std::nullopt;
  return it->second;
}

std::string EventLog::ToJsonl() const {
  std::string out;
  out.reserve(impl_->text.size() + size());
  for (size_t i = 0; i < size(); ++i) {
    out += TextAt(*impl_, i);
    out += '\n';
  }
  return out;
}

const Plan& EventLog::plan() const { return impl_->plan; }
const Calendar& EventLog::calendar() const { return impl_->calendar; }
const TrackingLimits& EventLog::limits() const { return impl_->limits; }

}  // namespace dutygraph
