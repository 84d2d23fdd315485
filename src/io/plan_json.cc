// Reading and writing `dutygraph/plan@1` (docs/plan-format.md).
//
// Reading: simdjson's DOM parser builds a tape of the whole document (the
// fast part), then one walk converts it into PlanData, checking every key and
// value and collecting every problem. The walk keeps the JSON Pointer as a
// stack of borrowed key / index segments and formats it only when it reports
// an error, so a valid document costs no string building beyond its values.
//
// Writing: a small streaming writer in the layout of `json.dumps(indent=2,
// ensure_ascii=False)`, with keys in the documented order and defaults
// omitted, so that the text is canonical.
#include "dutygraph/plan_json.h"

#include <simdjson.h>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <iterator>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "absl/strings/str_format.h"
#include "dutygraph/calendar.h"
#include "dutygraph/period.h"
#include "io/json_syntax.h"
#include "util/suggest.h"
#include "util/utf8.h"

namespace dutygraph {
namespace {

// A task's duration in working days: at most about 400 years of them.
constexpr int64_t kMaxDurationWorkingDays = 100'000;

namespace dom = simdjson::dom;

using Keys = std::span<const std::string_view>;

constexpr std::string_view kFormatName = "dutygraph/plan@1";
constexpr int kInt32Max = std::numeric_limits<int32_t>::max();
// Status messages list this many diagnostics; the vector gets all of them.
constexpr size_t kMaxListedErrors = 100;

// ---------------------------------------------------------------------------
// Enumerations of docs/plan-format.md.

constexpr std::string_view kUnitKinds[] = {"party",
                                           "government",
                                           "department",
                                           "county_government",
                                           "district_government",
                                           "court",
                                           "procuratorate",
                                           "people_congress",
                                           "cppcc",
                                           "mass_organization",
                                           "enterprise",
                                           "financial_regulator",
                                           "university",
                                           "institute",
                                           "committee",
                                           "office",
                                           "other"};
constexpr std::string_view kUnitChangeKinds[] = {"renamed", "merged", "split",
                                                 "abolished"};
constexpr std::string_view kGroupKinds[] = {
    "dispatch", "task_force", "command", "leading_group", "committee", "other"};
constexpr std::string_view kTaskKinds[] = {"part", "section", "task"};
constexpr std::string_view kDeadlineKinds[] = {"by", "end_of_period",
                                               "relative", "recurring"};
constexpr std::string_view kComparators[] = {">=", "<=", "~=",     ">",
                                             "<",  "=",  "between"};
constexpr std::string_view kDependencyTypes[] = {"finish_to_start"};
constexpr std::string_view kCadenceKinds[] = {
    "briefing",   "circular",   "summary", "dispatch",
    "statistics", "inspection", "ranking", "exposure"};
constexpr std::string_view kDueRules[] = {"nth_working_day_after_end",
                                          "last_working_day", "nth_working_day",
                                          "fixed_day"};
constexpr std::string_view kOwnerRoles[] = {
    "group_lead", "group_office", "task_leads", "unit", "unit_set_members"};
constexpr std::string_view kTriggerKinds[] = {
    "working_days_overdue", "consecutive_missed_reports",
    "pace_behind",          "cards_in_window",
    "carry_over",           "incident"};
constexpr std::string_view kCards[] = {"yellow_card", "red_card"};
constexpr std::string_view kActions[] = {
    "remind",         "circular",      "interview",          "warning",
    "yellow_card",    "red_card",      "listed_supervision", "exposure",
    "joint_sanction", "accountability"};
constexpr std::string_view kAudiences[] = {
    "lead_unit",      "lead_unit_head",   "supervising_leader",
    "group_convener", "chief_dispatcher", "support_units"};

// The English names only: JSON is the machine form (the Chinese names that
// ParsePeriodKind also accepts are for people).
constexpr PeriodKind kPeriodKinds[] = {
    PeriodKind::kDekad, PeriodKind::kWeek,    PeriodKind::kHalfMonth,
    PeriodKind::kMonth, PeriodKind::kQuarter, PeriodKind::kHalfYear,
    PeriodKind::kYear};
constexpr RollConvention kRollConventions[] = {
    RollConvention::kFollowing, RollConvention::kPreceding,
    RollConvention::kModifiedFollowing, RollConvention::kModifiedPreceding};

std::vector<std::string_view> PeriodNames() {
  std::vector<std::string_view> names;
  for (PeriodKind k : kPeriodKinds) names.push_back(PeriodKindName(k));
  return names;
}
// "lead", "support", ...: index i names Role(i).
std::vector<std::string_view> RoleNames() {
  std::vector<std::string_view> names;
  for (int i = 0; i < kRoleCount; ++i) {
    names.push_back(RoleName(static_cast<Role>(i)));
  }
  return names;
}
std::vector<std::string_view> RollNames() {
  std::vector<std::string_view> names;
  for (RollConvention r : kRollConventions) {
    names.push_back(RollConventionName(r));
  }
  return names;
}

// absl::StrJoin of this Abseil takes no std::string_view.
std::string Join(Keys items, std::string_view separator) {
  std::string joined;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) joined += separator;
    joined += items[i];
  }
  return joined;
}

int IndexOf(Keys names, std::string_view name) {
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) return static_cast<int>(i);
  }
  return -1;
}

// ---------------------------------------------------------------------------
// Message helpers.

// User text quoted in a message: at most 40 bytes, cut at a UTF-8 boundary
// so that hostile input cannot flood a message or split a character.
std::string Quote(std::string_view text) {
  if (text.size() <= 40) return absl::StrFormat("'%s'", text);
  size_t cut = 40;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  return absl::StrFormat("'%s...'", text.substr(0, cut));
}

std::string FormatDouble(double value) {
  char buffer[32];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, ec == std::errc() ? end : buffer);
}

// What a value is, for "expected X; got Y".
std::string Describe(dom::element value) {
  switch (value.type()) {
    case dom::element_type::ARRAY:
      return "an array";
    case dom::element_type::OBJECT:
      return "an object";
    case dom::element_type::INT64:
      return absl::StrFormat("%d", value.get_int64().value_unsafe());
    case dom::element_type::UINT64:
      return absl::StrFormat("%d", value.get_uint64().value_unsafe());
    case dom::element_type::DOUBLE:
      return FormatDouble(value.get_double().value_unsafe());
    case dom::element_type::STRING:
      return absl::StrFormat("string %s",
                             Quote(value.get_string().value_unsafe()));
    case dom::element_type::BOOL:
      return value.get_bool().value_unsafe() ? "true" : "false";
    case dom::element_type::NULL_VALUE:
      return "null";
  }
  return "an unknown value";
}

std::string DidYouMean(std::string_view word, Keys candidates) {
  const std::vector<std::string_view> list(candidates.begin(),
                                           candidates.end());
  if (auto close = internal::ClosestMatch(word, list)) {
    return absl::StrFormat("; did you mean '%s'?", *close);
  }
  return "";
}

bool IsValidId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                    (c >= '0' && c <= '9') || c == '_' || c == '.' ||
                    c == ':' || c == '-';
    if (!ok) return false;
  }
  return true;
}

constexpr uint32_t Bit(int k) { return uint32_t{1} << k; }

// ---------------------------------------------------------------------------
// The reader.

class Reader {
 public:
  explicit Reader(const PlanLimits& limits) : limits_(limits) {
    path_.resize(16);
  }

  void ReadDocument(dom::element root, PlanData* plan);

  std::vector<PlanDiagnostic>& errors() { return errors_; }
  bool too_many_records() const { return too_many_records_; }

 private:
  // One step of the JSON Pointer; `key` borrows from the parsed document.
  struct Segment {
    std::string_view key;
    size_t index = 0;
    bool is_index = false;
  };
  // The path is path_[0, depth_): pushed and popped for every value read,
  // so kept to an index bump (the vector only grows past 16 levels).
  class [[nodiscard]] Scope {
   public:
    explicit Scope(size_t* depth) : depth_(depth) {}
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;
    ~Scope() { --*depth_; }

   private:
    size_t* depth_;
  };
  Scope Push(const Segment& segment) {
    if (depth_ == path_.size()) path_.resize(2 * depth_);
    path_[depth_++] = segment;
    return Scope(&depth_);
  }
  Scope At(std::string_view key) { return Push({key, 0, false}); }
  Scope At(size_t index) { return Push({{}, index, true}); }

  std::string Pointer() const;
  void Error(std::string message) {
    errors_.push_back({Pointer(), std::move(message)});
  }
  void TypeError(dom::element value, std::string_view expected) {
    Error(absl::StrFormat("expected %s; got %s", expected, Describe(value)));
  }

  // Reads an object whose keys must be among `keys` (at most 32), calling
  // on_field(key index, value) for each key present with a non-null value
  // (null stands for an absent optional key). Reports unknown, duplicate
  // and missing required keys. Returns the keys present, or nullopt if
  // `value` is not an object.
  template <typename OnField>
  std::optional<uint32_t> ReadFields(dom::element value, Keys keys,
                                     uint32_t required, OnField&& on_field);
  // Reads an array of records, one read_one(element, T*) each.
  template <typename T, typename ReadOne>
  void ReadRecords(dom::element value, std::vector<T>* out, ReadOne&& read_one);

  bool ReadString(dom::element value, std::string* out, bool non_empty = false);
  bool ReadId(dom::element value, std::string* out);
  void ReadStrings(dom::element value, std::vector<std::string>* out);
  void ReadIds(dom::element value, std::vector<std::string>* out);
  int ReadEnum(dom::element value, Keys allowed);
  void ReadEnum(dom::element value, Keys allowed, std::string* out);
  void ReadEnums(dom::element value, Keys allowed,
                 std::vector<std::string>* out);
  void ReadBool(dom::element value, bool* out);
  void ReadInt(dom::element value, int64_t lo, int64_t hi, int* out);
  void ReadDouble(dom::element value, double* out);
  void ReadDouble(dom::element value, std::optional<double>* out);
  void ReadDate(dom::element value, Date* out);
  void ReadDate(dom::element value, std::optional<Date>* out);
  void ReadPeriod(dom::element value, PeriodKind* out);
  void ReadRoll(dom::element value, std::string* out);

  void ReadPlanInfo(dom::element value, PlanInfo* out);
  void ReadUnit(dom::element value, UnitData* out);
  void ReadUnitChange(dom::element value, UnitChangeData* out);
  void ReadUnitSet(dom::element value, UnitSetData* out);
  void ReadPost(dom::element value, PostData* out);
  void ReadPerson(dom::element value, PersonData* out);
  void ReadTenure(dom::element value, TenureData* out);
  void ReadGroup(dom::element value, GroupData* out);
  void ReadTask(dom::element value, TaskData* out);
  void ReadClause(dom::element value, ClauseData* out);
  void ReadAssignment(dom::element value, AssignmentData* out);
  void ReadDeadline(dom::element value, DeadlineData* out);
  void ReadTarget(dom::element value, TargetData* out);
  void ReadDependency(dom::element value, DependencyData* out);
  void ReadCadence(dom::element value, CadenceData* out);
  void ReadDue(dom::element value, CadenceData* out);
  void ReadOwner(dom::element value, CadenceData* out);
  void ReadRef(dom::element value, RefData* out);
  void ReadPolicy(dom::element value, EscalationPolicyData* out);
  void ReadRule(dom::element value, EscalationRuleData* out);
  void ReadTrigger(dom::element value, EscalationRuleData* out);

  // Counts `n` more records (array elements of any kind, which bounds the
  // memory a hostile document can make us allocate). False, and flags the
  // limit, when that would exceed limits_.max_records.
  bool CountRecords(size_t n) {
    if (too_many_records_ || n > limits_.max_records - records_) {
      too_many_records_ = true;
      return false;
    }
    records_ += n;
    return true;
  }

  // "exactly one of unit, post; got none" when `present` has not exactly one
  // of `which` (key indices into `keys`).
  void ExpectExactlyOne(uint32_t present, Keys keys,
                        std::initializer_list<int> which);

  const PlanLimits& limits_;
  std::vector<Segment> path_;
  size_t depth_ = 0;
  std::vector<PlanDiagnostic> errors_;
  size_t records_ = 0;
  bool too_many_records_ = false;
};

std::string Reader::Pointer() const {
  std::string pointer;
  for (size_t k = 0; k < depth_; ++k) {
    const Segment& s = path_[k];
    pointer += '/';
    if (s.is_index) {
      pointer += std::to_string(s.index);
      continue;
    }
    for (char c : s.key) {  // RFC 6901 escapes
      if (c == '~') {
        pointer += "~0";
      } else if (c == '/') {
        pointer += "~1";
      } else {
        pointer += c;
      }
    }
  }
  return pointer;
}

template <typename OnField>
std::optional<uint32_t> Reader::ReadFields(dom::element value, Keys keys,
                                           uint32_t required,
                                           OnField&& on_field) {
  dom::object object;
  if (value.get(object) != simdjson::SUCCESS) {
    TypeError(value, "an object");
    return std::nullopt;
  }
  uint32_t seen = 0, present = 0;
  size_t next = 0;  // canonical documents hit on the first probe
  for (dom::key_value_pair field : object) {
    const std::string_view key = field.key;
    size_t k = keys.size();
    for (size_t probe = 0; probe < keys.size(); ++probe) {
      size_t candidate = next + probe;
      if (candidate >= keys.size()) candidate -= keys.size();
      if (keys[candidate] == key) {
        k = candidate;
        break;
      }
    }
    Scope scope = At(key);
    if (k == keys.size()) {
      std::string hint = DidYouMean(key, keys);
      if (hint.empty()) {
        hint = absl::StrFormat(" (known keys: %s)", Join(keys, ", "));
      }
      Error(absl::StrFormat("unknown key %s%s", Quote(key), hint));
      continue;
    }
    next = k + 1;
    if (seen & Bit(k)) {
      Error(absl::StrFormat("duplicate key %s", Quote(key)));
      continue;
    }
    seen |= Bit(k);
    if (field.value.is_null() && !(required & Bit(k))) continue;
    present |= Bit(k);
    on_field(static_cast<int>(k), field.value);
  }
  for (size_t k = 0; k < keys.size(); ++k) {
    if ((required & Bit(k)) && !(seen & Bit(k))) {
      Error(absl::StrFormat("missing required key '%s'", keys[k]));
    }
  }
  return present;
}

template <typename T, typename ReadOne>
void Reader::ReadRecords(dom::element value, std::vector<T>* out,
                         ReadOne&& read_one) {
  if (too_many_records_) return;
  dom::array array;
  if (value.get(array) != simdjson::SUCCESS) {
    TypeError(value, "an array");
    return;
  }
  // The limit is checked before allocating.
  const size_t count = array.size();
  if (!CountRecords(count)) return;
  out->reserve(out->size() + count);
  size_t index = 0;
  for (dom::element item : array) {
    if (too_many_records_) return;
    Scope scope = At(index++);
    read_one(item, &out->emplace_back());
  }
}

bool Reader::ReadString(dom::element value, std::string* out, bool non_empty) {
  std::string_view text;
  if (value.get(text) != simdjson::SUCCESS) {
    TypeError(value, "a string");
    return false;
  }
  if (text.find('\0') != std::string_view::npos) {
    Error("string contains a NUL character (\\u0000)");
    return false;
  }
  if (non_empty && text.empty()) {
    Error("must not be empty");
    return false;
  }
  out->assign(text);
  return true;
}

bool Reader::ReadId(dom::element value, std::string* out) {
  std::string_view text;
  if (value.get(text) != simdjson::SUCCESS) {
    TypeError(value, "an id (a string)");
    return false;
  }
  if (!IsValidId(text)) {
    Error(absl::StrFormat(
        "bad id %s: ids are 1-64 characters of A-Z a-z 0-9 _ . : -",
        Quote(text)));
    return false;
  }
  out->assign(text);
  return true;
}

void Reader::ReadStrings(dom::element value, std::vector<std::string>* out) {
  dom::array array;
  if (value.get(array) != simdjson::SUCCESS) {
    TypeError(value, "an array of strings");
    return;
  }
  if (!CountRecords(array.size())) return;
  out->reserve(array.size());
  size_t index = 0;
  for (dom::element item : array) {
    Scope scope = At(index++);
    std::string text;
    if (ReadString(item, &text, /*non_empty=*/true)) {
      out->push_back(std::move(text));
    }
  }
}

void Reader::ReadIds(dom::element value, std::vector<std::string>* out) {
  dom::array array;
  if (value.get(array) != simdjson::SUCCESS) {
    TypeError(value, "an array of ids");
    return;
  }
  if (!CountRecords(array.size())) return;
  out->reserve(array.size());
  size_t index = 0;
  for (dom::element item : array) {
    Scope scope = At(index++);
    std::string id;
    if (ReadId(item, &id)) out->push_back(std::move(id));
  }
}

int Reader::ReadEnum(dom::element value, Keys allowed) {
  std::string_view text;
  if (value.get(text) != simdjson::SUCCESS) {
    TypeError(value, absl::StrFormat("one of %s", Join(allowed, ", ")));
    return -1;
  }
  const int index = IndexOf(allowed, text);
  if (index < 0) {
    Error(absl::StrFormat("expected one of %s; got %s%s", Join(allowed, ", "),
                          Quote(text), DidYouMean(text, allowed)));
  }
  return index;
}

void Reader::ReadEnum(dom::element value, Keys allowed, std::string* out) {
  const int index = ReadEnum(value, allowed);
  if (index >= 0) out->assign(allowed[index]);
}

void Reader::ReadEnums(dom::element value, Keys allowed,
                       std::vector<std::string>* out) {
  dom::array array;
  if (value.get(array) != simdjson::SUCCESS) {
    TypeError(value, "an array of strings");
    return;
  }
  if (!CountRecords(array.size())) return;
  out->reserve(array.size());
  size_t index = 0;
  for (dom::element item : array) {
    Scope scope = At(index++);
    const int k = ReadEnum(item, allowed);
    if (k >= 0) out->emplace_back(allowed[k]);
  }
}

void Reader::ReadBool(dom::element value, bool* out) {
  if (value.get(*out) != simdjson::SUCCESS) TypeError(value, "true or false");
}

void Reader::ReadInt(dom::element value, int64_t lo, int64_t hi, int* out) {
  int64_t number = 0;
  bool in_range = false;
  switch (value.type()) {
    case dom::element_type::INT64:
      number = value.get_int64().value_unsafe();
      in_range = number >= lo && number <= hi;
      break;
    case dom::element_type::UINT64:  // above INT64_MAX: out of any range
      break;
    case dom::element_type::DOUBLE: {
      // 2.0 is the integer 2 (as in JSON Schema); 1.5 is not an integer.
      const double d = value.get_double().value_unsafe();
      if (std::trunc(d) != d) {
        TypeError(value, "an integer");
        return;
      }
      in_range = d >= static_cast<double>(lo) && d <= static_cast<double>(hi);
      if (in_range) number = static_cast<int64_t>(d);
      break;
    }
    default:
      TypeError(value, "an integer");
      return;
  }
  if (!in_range) {
    Error(absl::StrFormat("expected an integer in %d..%d; got %s", lo, hi,
                          Describe(value)));
    return;
  }
  *out = static_cast<int>(number);
}

void Reader::ReadDouble(dom::element value, double* out) {
  double number = 0;
  // get_double() also converts the integer kinds.
  if (value.get_double().get(number) != simdjson::SUCCESS) {
    TypeError(value, "a number");
    return;
  }
  if (!std::isfinite(number)) {
    Error("number is not finite");
    return;
  }
  *out = number;
}

void Reader::ReadDouble(dom::element value, std::optional<double>* out) {
  double number = 0;
  const size_t errors_before = errors_.size();
  ReadDouble(value, &number);
  if (errors_.size() == errors_before) *out = number;
}

void Reader::ReadDate(dom::element value, Date* out) {
  std::string_view text;
  if (value.get(text) != simdjson::SUCCESS) {
    TypeError(value, "a date (YYYY-MM-DD)");
    return;
  }
  absl::StatusOr<Date> date = Date::Parse(text);
  if (!date.ok()) {
    Error(std::string(date.status().message()));
    return;
  }
  *out = *date;
}

void Reader::ReadDate(dom::element value, std::optional<Date>* out) {
  Date date;
  const size_t errors_before = errors_.size();
  ReadDate(value, &date);
  if (errors_.size() == errors_before) *out = date;
}

void Reader::ReadPeriod(dom::element value, PeriodKind* out) {
  static const std::vector<std::string_view> names = PeriodNames();
  std::string_view text;
  if (value.get(text) != simdjson::SUCCESS) {
    TypeError(value, absl::StrFormat("one of %s", Join(names, ", ")));
    return;
  }
  absl::StatusOr<PeriodKind> kind = ParsePeriodKind(text);
  if (kind.ok() && PeriodKindName(*kind) == text) {
    *out = *kind;
    return;
  }
  const std::string hint =
      kind.ok() ? absl::StrFormat("; write '%s' (JSON takes the English names)",
                                  PeriodKindName(*kind))
                : DidYouMean(text, names);
  Error(absl::StrFormat("expected one of %s; got %s%s", Join(names, ", "),
                        Quote(text), hint));
}

void Reader::ReadRoll(dom::element value, std::string* out) {
  static const std::vector<std::string_view> names = RollNames();
  const int index = ReadEnum(value, names);
  if (index >= 0) out->assign(names[index]);
}

void Reader::ExpectExactlyOne(uint32_t present, Keys keys,
                              std::initializer_list<int> which) {
  uint32_t mask = 0;
  for (int k : which) mask |= Bit(k);
  if (std::has_single_bit(present & mask)) return;
  std::vector<std::string_view> all, given;
  for (int k : which) {
    all.push_back(keys[k]);
    if (present & Bit(k)) given.push_back(keys[k]);
  }
  Error(absl::StrFormat("expected exactly one of %s; got %s", Join(all, ", "),
                        given.empty() ? "none" : Join(given, " and ")));
}

// --- records ---------------------------------------------------------------

void Reader::ReadDocument(dom::element root, PlanData* plan) {
  enum {
    kFormat,
    kPlan,
    kUnits,
    kUnitChanges,
    kUnitSets,
    kPosts,
    kPeople,
    kTenures,
    kGroups,
    kTasks,
    kDependencies,
    kCadences,
    kEscalation
  };
  static constexpr std::string_view kKeys[] = {
      "format",       "plan",     "units",     "unit_changes", "unit_sets",
      "posts",        "people",   "tenures",   "groups",       "tasks",
      "dependencies", "cadences", "escalation"};
  if (!root.is_object()) {
    Error(absl::StrFormat("expected the plan (a JSON object); got %s",
                          Describe(root)));
    return;
  }
  // A document of another format would only produce noise: stop at once.
  if (dom::element format;
      root.at_key("format").get(format) == simdjson::SUCCESS) {
    std::string_view name;
    if (format.get(name) != simdjson::SUCCESS || name != kFormatName) {
      Scope scope = At("format");
      Error(absl::StrFormat("expected \"%s\"; got %s", kFormatName,
                            Describe(format)));
      return;
    }
  }
  ReadFields(
      root, kKeys, Bit(kFormat) | Bit(kPlan), [&](int key, dom::element v) {
        if (too_many_records_) return;
        switch (key) {
          case kFormat:
            break;  // checked above
          case kPlan:
            if (CountRecords(1)) ReadPlanInfo(v, &plan->plan);
            break;
          case kUnits:
            ReadRecords(v, &plan->units,
                        [&](dom::element e, UnitData* r) { ReadUnit(e, r); });
            break;
          case kUnitChanges:
            ReadRecords(v, &plan->unit_changes,
                        [&](dom::element e, UnitChangeData* r) {
                          ReadUnitChange(e, r);
                        });
            break;
          case kUnitSets:
            ReadRecords(
                v, &plan->unit_sets,
                [&](dom::element e, UnitSetData* r) { ReadUnitSet(e, r); });
            break;
          case kPosts:
            ReadRecords(v, &plan->posts,
                        [&](dom::element e, PostData* r) { ReadPost(e, r); });
            break;
          case kPeople:
            ReadRecords(v, &plan->people, [&](dom::element e, PersonData* r) {
              ReadPerson(e, r);
            });
            break;
          case kTenures:
            ReadRecords(v, &plan->tenures, [&](dom::element e, TenureData* r) {
              ReadTenure(e, r);
            });
            break;
          case kGroups:
            ReadRecords(v, &plan->groups,
                        [&](dom::element e, GroupData* r) { ReadGroup(e, r); });
            break;
          case kTasks:
            ReadRecords(v, &plan->tasks,
                        [&](dom::element e, TaskData* r) { ReadTask(e, r); });
            break;
          case kDependencies:
            ReadRecords(v, &plan->dependencies,
                        [&](dom::element e, DependencyData* r) {
                          ReadDependency(e, r);
                        });
            break;
          case kCadences:
            ReadRecords(
                v, &plan->cadences,
                [&](dom::element e, CadenceData* r) { ReadCadence(e, r); });
            break;
          case kEscalation:
            ReadRecords(v, &plan->escalation,
                        [&](dom::element e, EscalationPolicyData* r) {
                          ReadPolicy(e, r);
                        });
            break;
        }
      });
}

void Reader::ReadPlanInfo(dom::element value, PlanInfo* out) {
  enum {
    kId,
    kTitle,
    kDocumentNumber,
    kIssuers,
    kIssueDate,
    kYear,
    kJurisdiction,
    kSource
  };
  static constexpr std::string_view kKeys[] = {
      "id",         "title", "document_number", "issuers",
      "issue_date", "year",  "jurisdiction",    "source"};
  ReadFields(value, kKeys, Bit(kId) | Bit(kTitle) | Bit(kYear),
             [&](int key, dom::element v) {
               switch (key) {
                 case kId:
                   ReadId(v, &out->id);
                   break;
                 case kTitle:
                   ReadString(v, &out->title, true);
                   break;
                 case kDocumentNumber:
                   ReadString(v, &out->document_number);
                   break;
                 case kIssuers:
                   ReadStrings(v, &out->issuers);
                   break;
                 case kIssueDate:
                   ReadDate(v, &out->issue_date);
                   break;
                 case kYear:
                   ReadInt(v, Date::kMinYear, Date::kMaxYear, &out->year);
                   break;
                 case kJurisdiction:
                   ReadString(v, &out->jurisdiction);
                   break;
                 case kSource:
                   ReadString(v, &out->source);
                   break;
               }
             });
}

void Reader::ReadUnit(dom::element value, UnitData* out) {
  enum {
    kId,
    kName,
    kFullName,
    kAliases,
    kKind,
    kParent,
    kHeadPost,
    kSupervisingPost,
    kNotes
  };
  static constexpr std::string_view kKeys[] = {
      "id",     "name",      "full_name",        "aliases", "kind",
      "parent", "head_post", "supervising_post", "notes"};
  ReadFields(value, kKeys, Bit(kId) | Bit(kName), [&](int key, dom::element v) {
    switch (key) {
      case kId:
        ReadId(v, &out->id);
        break;
      case kName:
        ReadString(v, &out->name, true);
        break;
      case kFullName:
        ReadString(v, &out->full_name);
        break;
      case kAliases:
        ReadStrings(v, &out->aliases);
        break;
      case kKind:
        ReadEnum(v, kUnitKinds, &out->kind);
        break;
      case kParent:
        ReadId(v, &out->parent);
        break;
      case kHeadPost:
        ReadId(v, &out->head_post);
        break;
      case kSupervisingPost:
        ReadId(v, &out->supervising_post);
        break;
      case kNotes:
        ReadString(v, &out->notes);
        break;
    }
  });
}

void Reader::ReadUnitChange(dom::element value, UnitChangeData* out) {
  enum { kKind, kDate, kFrom, kTo, kNote };
  static constexpr std::string_view kKeys[] = {"kind", "date", "from", "to",
                                               "note"};
  const size_t errors_before = errors_.size();
  auto present = ReadFields(value, kKeys, Bit(kKind) | Bit(kDate) | Bit(kFrom),
                            [&](int key, dom::element v) {
                              switch (key) {
                                case kKind:
                                  ReadEnum(v, kUnitChangeKinds, &out->kind);
                                  break;
                                case kDate:
                                  ReadDate(v, &out->date);
                                  break;
                                case kFrom:
                                  ReadIds(v, &out->from);
                                  break;
                                case kTo:
                                  ReadIds(v, &out->to);
                                  break;
                                case kNote:
                                  ReadString(v, &out->note);
                                  break;
                              }
                            });
  if (!present || errors_.size() != errors_before) return;
  // renamed: one to one; merged: many into one; split: one into many;
  // abolished: gone without successor.
  const size_t from = out->from.size(), to = out->to.size();
  std::string problem;
  if (from == 0) {
    problem = "a unit change needs at least one 'from' unit";
  } else if (out->kind == "renamed" && (from != 1 || to != 1)) {
    problem = "a 'renamed' change has one 'from' and one 'to' unit";
  } else if (out->kind == "merged" && to != 1) {
    problem = "a 'merged' change has exactly one 'to' unit";
  } else if (out->kind == "split" && (from != 1 || to < 2)) {
    problem = "a 'split' change has one 'from' unit and two or more 'to' units";
  } else if (out->kind == "abolished" && to != 0) {
    problem = "an 'abolished' change has no 'to' units";
  }
  if (!problem.empty()) {
    Error(absl::StrFormat("%s; got %d 'from' and %d 'to'", problem, from, to));
  }
}

void Reader::ReadUnitSet(dom::element value, UnitSetData* out) {
  enum { kId, kName, kAliases, kMembers, kOpen, kGroup, kNotes };
  static constexpr std::string_view kKeys[] = {
      "id", "name", "aliases", "members", "open", "group", "notes"};
  auto present = ReadFields(value, kKeys, Bit(kId) | Bit(kName),
                            [&](int key, dom::element v) {
                              switch (key) {
                                case kId:
                                  ReadId(v, &out->id);
                                  break;
                                case kName:
                                  ReadString(v, &out->name, true);
                                  break;
                                case kAliases:
                                  ReadStrings(v, &out->aliases);
                                  break;
                                case kMembers:
                                  ReadIds(v, &out->members);
                                  break;
                                case kOpen:
                                  ReadBool(v, &out->open);
                                  break;
                                case kGroup:
                                  ReadId(v, &out->group);
                                  break;
                                case kNotes:
                                  ReadString(v, &out->notes);
                                  break;
                              }
                            });
  if (present && !out->members.empty() && !out->group.empty()) {
    Error("a unit set lists its 'members' or stands for a 'group', not both");
  }
}

void Reader::ReadPost(dom::element value, PostData* out) {
  enum { kId, kTitle, kUnit, kSuperior, kNotes };
  static constexpr std::string_view kKeys[] = {"id", "title", "unit",
                                               "superior", "notes"};
  ReadFields(value, kKeys, Bit(kId) | Bit(kTitle),
             [&](int key, dom::element v) {
               switch (key) {
                 case kId:
                   ReadId(v, &out->id);
                   break;
                 case kTitle:
                   ReadString(v, &out->title, true);
                   break;
                 case kUnit:
                   ReadId(v, &out->unit);
                   break;
                 case kSuperior:
                   ReadId(v, &out->superior);
                   break;
                 case kNotes:
                   ReadString(v, &out->notes);
                   break;
               }
             });
}

void Reader::ReadPerson(dom::element value, PersonData* out) {
  enum { kId, kName, kNotes };
  static constexpr std::string_view kKeys[] = {"id", "name", "notes"};
  ReadFields(value, kKeys, Bit(kId) | Bit(kName), [&](int key, dom::element v) {
    switch (key) {
      case kId:
        ReadId(v, &out->id);
        break;
      case kName:
        ReadString(v, &out->name, true);
        break;
      case kNotes:
        ReadString(v, &out->notes);
        break;
    }
  });
}

void Reader::ReadTenure(dom::element value, TenureData* out) {
  enum { kPost, kPerson, kFrom, kTo, kSource };
  static constexpr std::string_view kKeys[] = {"post", "person", "from", "to",
                                               "source"};
  ReadFields(value, kKeys, Bit(kPost) | Bit(kPerson) | Bit(kFrom),
             [&](int key, dom::element v) {
               switch (key) {
                 case kPost:
                   ReadId(v, &out->post);
                   break;
                 case kPerson:
                   ReadId(v, &out->person);
                   break;
                 case kFrom:
                   ReadDate(v, &out->from);
                   break;
                 case kTo:
                   ReadDate(v, &out->to);
                   break;
                 case kSource:
                   ReadString(v, &out->source);
                   break;
               }
             });
}

void Reader::ReadGroup(dom::element value, GroupData* out) {
  enum {
    kId,
    kName,
    kAliases,
    kKind,
    kParent,
    kConveners,
    kDeputyConveners,
    kGuidingPosts,
    kMembers,
    kMembersOpen,
    kMemberRule,
    kOfficeHost,
    kOfficeDirector,
    kSupervises,
    kSource,
    kNotes
  };
  static constexpr std::string_view kKeys[] = {"id",
                                               "name",
                                               "aliases",
                                               "kind",
                                               "parent",
                                               "conveners",
                                               "deputy_conveners",
                                               "guiding_posts",
                                               "members",
                                               "members_open",
                                               "member_rule",
                                               "office_host",
                                               "office_director",
                                               "supervises",
                                               "source",
                                               "notes"};
  ReadFields(value, kKeys, Bit(kId) | Bit(kName), [&](int key, dom::element v) {
    switch (key) {
      case kId:
        ReadId(v, &out->id);
        break;
      case kName:
        ReadString(v, &out->name, true);
        break;
      case kAliases:
        ReadStrings(v, &out->aliases);
        break;
      case kKind:
        ReadEnum(v, kGroupKinds, &out->kind);
        break;
      case kParent:
        ReadId(v, &out->parent);
        break;
      case kConveners:
        ReadIds(v, &out->conveners);
        break;
      case kDeputyConveners:
        ReadIds(v, &out->deputy_conveners);
        break;
      case kGuidingPosts:
        ReadIds(v, &out->guiding_posts);
        break;
      case kMembers:
        ReadIds(v, &out->members);
        break;
      case kMembersOpen:
        ReadBool(v, &out->members_open);
        break;
      case kMemberRule:
        ReadString(v, &out->member_rule);
        break;
      case kOfficeHost:
        ReadId(v, &out->office_host);
        break;
      case kOfficeDirector:
        ReadId(v, &out->office_director);
        break;
      case kSupervises:
        ReadIds(v, &out->supervises);
        break;
      case kSource:
        ReadString(v, &out->source);
        break;
      case kNotes:
        ReadString(v, &out->notes);
        break;
    }
  });
}

void Reader::ReadTask(dom::element value, TaskData* out) {
  enum {
    kId,
    kKind,
    kParent,
    kNumber,
    kPath,
    kTitle,
    kText,
    kLine,
    kClauses,
    kAssignments,
    kDeadlines,
    kTargets,
    kPublic,
    kNotes,
    kDuration
  };
  static constexpr std::string_view kKeys[] = {
      "id",        "kind",    "parent", "number",  "path",
      "title",     "text",    "line",   "clauses", "assignments",
      "deadlines", "targets", "public", "notes",   "duration_working_days"};
  ReadFields(value, kKeys, Bit(kId), [&](int key, dom::element v) {
    switch (key) {
      case kId:
        ReadId(v, &out->id);
        break;
      case kKind:
        ReadEnum(v, kTaskKinds, &out->kind);
        break;
      case kParent:
        ReadId(v, &out->parent);
        break;
      case kNumber:
        ReadString(v, &out->number);
        break;
      case kPath:
        ReadString(v, &out->path);
        break;
      case kTitle:
        ReadString(v, &out->title);
        break;
      case kText:
        ReadString(v, &out->text);
        break;
      case kLine:
        ReadInt(v, 0, kInt32Max, &out->line);
        break;
      case kClauses:
        ReadRecords(v, &out->clauses,
                    [&](dom::element e, ClauseData* r) { ReadClause(e, r); });
        break;
      case kAssignments:
        ReadRecords(
            v, &out->assignments,
            [&](dom::element e, AssignmentData* r) { ReadAssignment(e, r); });
        break;
      case kDeadlines:
        ReadRecords(v, &out->deadlines, [&](dom::element e, DeadlineData* r) {
          ReadDeadline(e, r);
        });
        break;
      case kTargets:
        ReadRecords(v, &out->targets,
                    [&](dom::element e, TargetData* r) { ReadTarget(e, r); });
        break;
      case kPublic:
        ReadBool(v, &out->is_public);
        break;
      case kNotes:
        ReadString(v, &out->notes);
        break;
      case kDuration:
        ReadInt(v, 0, kMaxDurationWorkingDays, &out->duration_working_days);
        break;
    }
  });
}

void Reader::ReadClause(dom::element value, ClauseData* out) {
  enum { kText, kAnnotation, kOpenList };
  static constexpr std::string_view kKeys[] = {"text", "annotation",
                                               "open_list"};
  ReadFields(value, kKeys, Bit(kText), [&](int key, dom::element v) {
    switch (key) {
      case kText:
        ReadString(v, &out->text, true);
        break;
      case kAnnotation:
        ReadString(v, &out->annotation);
        break;
      case kOpenList:
        ReadBool(v, &out->open_list);
        break;
    }
  });
}

void Reader::ReadAssignment(dom::element value, AssignmentData* out) {
  enum { kRole, kUnit, kUnitSet, kPost, kGroup, kClause, kAsWritten };
  static constexpr std::string_view kKeys[] = {
      "role", "unit", "unit_set", "post", "group", "clause", "as_written"};
  auto present =
      ReadFields(value, kKeys, Bit(kRole), [&](int key, dom::element v) {
        switch (key) {
          case kRole: {
            static const std::vector<std::string_view> roles = RoleNames();
            const int role = ReadEnum(v, roles);
            if (role >= 0) out->role = static_cast<Role>(role);
            break;
          }
          case kUnit:
            ReadId(v, &out->unit);
            break;
          case kUnitSet:
            ReadId(v, &out->unit_set);
            break;
          case kPost:
            ReadId(v, &out->post);
            break;
          case kGroup:
            ReadId(v, &out->group);
            break;
          case kClause:
            ReadInt(v, 0, kInt32Max, &out->clause);
            break;
          case kAsWritten:
            ReadString(v, &out->as_written);
            break;
        }
      });
  if (present) {
    ExpectExactlyOne(*present, kKeys, {kUnit, kUnitSet, kPost, kGroup});
  }
}

void Reader::ReadDeadline(dom::element value, DeadlineData* out) {
  enum { kKind, kText, kDate, kPeriod, kWorkingDays, kAfter, kDay, kNotes };
  static constexpr std::string_view kKeys[] = {
      "kind",         "text",  "date", "period",
      "working_days", "after", "day",  "notes"};
  auto present =
      ReadFields(value, kKeys, Bit(kKind), [&](int key, dom::element v) {
        switch (key) {
          case kKind:
            ReadEnum(v, kDeadlineKinds, &out->kind);
            break;
          case kText:
            ReadString(v, &out->text);
            break;
          case kDate:
            ReadDate(v, &out->date);
            break;
          case kPeriod: {
            PeriodKind period = PeriodKind::kMonth;
            const size_t errors_before = errors_.size();
            ReadPeriod(v, &period);
            if (errors_.size() == errors_before) out->period = period;
            break;
          }
          case kWorkingDays:
            ReadInt(v, 0, kInt32Max, &out->working_days);
            break;
          case kAfter:
            ReadString(v, &out->after);
            break;
          case kDay:
            ReadInt(v, 0, 366, &out->day);
            break;
          case kNotes:
            ReadString(v, &out->notes);
            break;
        }
      });
  if (!present) return;
  auto need = [&](int key, std::string_view what) {
    if (!(*present & Bit(key))) {
      Error(absl::StrFormat("a '%s' deadline needs '%s'", out->kind, what));
    }
  };
  if (out->kind == "by") {
    need(kDate, "date");
  } else if (out->kind == "end_of_period") {
    need(kPeriod, "period");
    need(kDate, "date");
  } else if (out->kind == "relative") {
    need(kAfter, "after");
    if (out->working_days < 1 && (*present & Bit(kWorkingDays))) {
      Error("a 'relative' deadline needs 'working_days' of at least 1");
    }
    need(kWorkingDays, "working_days");
  } else if (out->kind == "recurring") {
    need(kPeriod, "period");
  }
}

void Reader::ReadTarget(dom::element value, TargetData* out) {
  enum {
    kText,
    kIndicator,
    kComparator,
    kValue,
    kValueMax,
    kUnit,
    kBaseline,
    kDue,
    kNotes
  };
  static constexpr std::string_view kKeys[] = {
      "text", "indicator", "comparator", "value", "value_max",
      "unit", "baseline",  "due",        "notes"};
  auto present =
      ReadFields(value, kKeys, Bit(kText), [&](int key, dom::element v) {
        switch (key) {
          case kText:
            ReadString(v, &out->text, true);
            break;
          case kIndicator:
            ReadString(v, &out->indicator);
            break;
          case kComparator:
            ReadEnum(v, kComparators, &out->comparator);
            break;
          case kValue:
            ReadDouble(v, &out->value);
            break;
          case kValueMax:
            ReadDouble(v, &out->value_max);
            break;
          case kUnit:
            ReadString(v, &out->unit);
            break;
          case kBaseline:
            ReadDouble(v, &out->baseline);
            break;
          case kDue:
            ReadDate(v, &out->due);
            break;
          case kNotes:
            ReadString(v, &out->notes);
            break;
        }
      });
  if (!present) return;
  const bool between = out->comparator == "between";
  if (between && !out->value_max) {
    Error("comparator 'between' needs 'value_max'");
  } else if (between && *out->value_max < out->value) {
    Error(absl::StrFormat("value_max %s is less than value %s",
                          FormatDouble(*out->value_max),
                          FormatDouble(out->value)));
  } else if (!between && out->value_max) {
    Error("'value_max' goes only with comparator 'between'");
  }
}

void Reader::ReadDependency(dom::element value, DependencyData* out) {
  enum { kFrom, kTo, kType, kLag };
  static constexpr std::string_view kKeys[] = {"from", "to", "type",
                                               "lag_working_days"};
  ReadFields(value, kKeys, Bit(kFrom) | Bit(kTo), [&](int key, dom::element v) {
    switch (key) {
      case kFrom:
        ReadId(v, &out->from);
        break;
      case kTo:
        ReadId(v, &out->to);
        break;
      case kType:
        ReadEnum(v, kDependencyTypes, &out->type);
        break;
      case kLag:
        ReadInt(v, 0, kInt32Max, &out->lag_working_days);
        break;
    }
  });
}

void Reader::ReadCadence(dom::element value, CadenceData* out) {
  enum {
    kId,
    kName,
    kKind,
    kPeriod,
    kDue,
    kOwner,
    kRecipients,
    kSource,
    kText
  };
  static constexpr std::string_view kKeys[] = {"id",         "name",   "kind",
                                               "period",     "due",    "owner",
                                               "recipients", "source", "text"};
  ReadFields(value, kKeys,
             Bit(kId) | Bit(kName) | Bit(kKind) | Bit(kPeriod) | Bit(kDue) |
                 Bit(kOwner),
             [&](int key, dom::element v) {
               switch (key) {
                 case kId:
                   ReadId(v, &out->id);
                   break;
                 case kName:
                   ReadString(v, &out->name, true);
                   break;
                 case kKind:
                   ReadEnum(v, kCadenceKinds, &out->kind);
                   break;
                 case kPeriod:
                   ReadPeriod(v, &out->period);
                   break;
                 case kDue:
                   ReadDue(v, out);
                   break;
                 case kOwner:
                   ReadOwner(v, out);
                   break;
                 case kRecipients:
                   ReadRecords(
                       v, &out->recipients,
                       [&](dom::element e, RefData* r) { ReadRef(e, r); });
                   break;
                 case kSource:
                   ReadString(v, &out->source);
                   break;
                 case kText:
                   ReadString(v, &out->text);
                   break;
               }
             });
}

void Reader::ReadDue(dom::element value, CadenceData* out) {
  enum { kRule, kN, kDay, kRoll };
  static constexpr std::string_view kKeys[] = {"rule", "n", "day", "roll"};
  auto present =
      ReadFields(value, kKeys, Bit(kRule), [&](int key, dom::element v) {
        switch (key) {
          case kRule:
            ReadEnum(v, kDueRules, &out->due_rule);
            break;
          case kN:
            ReadInt(v, 0, kInt32Max, &out->due_n);
            break;
          case kDay:
            ReadInt(v, 0, 366, &out->due_day);
            break;
          case kRoll:
            ReadRoll(v, &out->due_roll);
            break;
        }
      });
  if (!present) return;
  if ((out->due_rule == "nth_working_day_after_end" ||
       out->due_rule == "nth_working_day") &&
      out->due_n < 1) {
    Error(absl::StrFormat("rule '%s' needs 'n' of at least 1", out->due_rule));
  }
  if (out->due_rule == "fixed_day" && out->due_day < 1) {
    Error("rule 'fixed_day' needs 'day' of at least 1");
  }
}

void Reader::ReadOwner(dom::element value, CadenceData* out) {
  enum { kRole, kGroups, kUnit, kUnitSet, kTasks };
  static constexpr std::string_view kKeys[] = {"role", "groups", "unit",
                                               "unit_set", "tasks"};
  auto present =
      ReadFields(value, kKeys, Bit(kRole), [&](int key, dom::element v) {
        switch (key) {
          case kRole:
            ReadEnum(v, kOwnerRoles, &out->owner_role);
            break;
          case kGroups:
            ReadIds(v, &out->owner_groups);
            break;
          case kUnit:
            ReadId(v, &out->owner_unit);
            break;
          case kUnitSet:
            ReadId(v, &out->owner_unit_set);
            break;
          case kTasks:
            ReadIds(v, &out->owner_tasks);
            break;
        }
      });
  if (!present) return;
  const std::string& role = out->owner_role;
  std::string_view needed;
  if ((role == "group_lead" || role == "group_office") &&
      out->owner_groups.empty()) {
    needed = "groups";
  } else if (role == "task_leads" && out->owner_tasks.empty()) {
    needed = "tasks";
  } else if (role == "unit" && out->owner_unit.empty()) {
    needed = "unit";
  } else if (role == "unit_set_members" && out->owner_unit_set.empty()) {
    needed = "unit_set";
  }
  if (!needed.empty()) {
    Error(absl::StrFormat("owner role '%s' needs '%s'", role, needed));
  }
}

void Reader::ReadRef(dom::element value, RefData* out) {
  enum { kUnit, kPost, kGroup, kUnitSet };
  static constexpr std::string_view kKeys[] = {"unit", "post", "group",
                                               "unit_set"};
  auto present = ReadFields(value, kKeys, 0, [&](int key, dom::element v) {
    switch (key) {
      case kUnit:
        ReadId(v, &out->unit);
        break;
      case kPost:
        ReadId(v, &out->post);
        break;
      case kGroup:
        ReadId(v, &out->group);
        break;
      case kUnitSet:
        ReadId(v, &out->unit_set);
        break;
    }
  });
  if (present) {
    ExpectExactlyOne(*present, kKeys, {kUnit, kPost, kGroup, kUnitSet});
  }
}

void Reader::ReadPolicy(dom::element value, EscalationPolicyData* out) {
  enum { kId, kVersion, kAppliesTo, kRules, kSource, kText };
  static constexpr std::string_view kKeys[] = {"id",    "version", "applies_to",
                                               "rules", "source",  "text"};
  ReadFields(value, kKeys, Bit(kId), [&](int key, dom::element v) {
    switch (key) {
      case kId:
        ReadId(v, &out->id);
        break;
      case kVersion:
        ReadInt(v, 1, kInt32Max, &out->version);
        break;
      case kAppliesTo:
        ReadIds(v, &out->applies_to);
        break;
      case kRules:
        ReadRecords(v, &out->rules, [&](dom::element e, EscalationRuleData* r) {
          ReadRule(e, r);
        });
        break;
      case kSource:
        ReadString(v, &out->source);
        break;
      case kText:
        ReadString(v, &out->text);
        break;
    }
  });
}

void Reader::ReadRule(dom::element value, EscalationRuleData* out) {
  enum { kId, kTrigger, kAction, kAudience, kCooldown, kText };
  static constexpr std::string_view kKeys[] = {
      "id", "trigger", "action", "audience", "cooldown_working_days", "text"};
  ReadFields(value, kKeys, Bit(kId) | Bit(kTrigger) | Bit(kAction),
             [&](int key, dom::element v) {
               switch (key) {
                 case kId:
                   ReadId(v, &out->id);
                   break;
                 case kTrigger:
                   ReadTrigger(v, out);
                   break;
                 case kAction:
                   ReadEnum(v, kActions, &out->action);
                   break;
                 case kAudience:
                   ReadEnums(v, kAudiences, &out->audience);
                   break;
                 case kCooldown:
                   ReadInt(v, 0, kInt32Max, &out->cooldown_working_days);
                   break;
                 case kText:
                   ReadString(v, &out->text);
                   break;
               }
             });
}

void Reader::ReadTrigger(dom::element value, EscalationRuleData* out) {
  enum { kKind, kN, kPercent, kCard, kWindowDays };
  static constexpr std::string_view kKeys[] = {"kind", "n", "percent", "card",
                                               "window_days"};
  auto present =
      ReadFields(value, kKeys, Bit(kKind), [&](int key, dom::element v) {
        switch (key) {
          case kKind:
            ReadEnum(v, kTriggerKinds, &out->trigger);
            break;
          case kN:
            ReadInt(v, 0, kInt32Max, &out->n);
            break;
          case kPercent:
            ReadDouble(v, &out->percent);
            break;
          case kCard:
            ReadEnum(v, kCards, &out->card);
            break;
          case kWindowDays:
            ReadInt(v, 0, kInt32Max, &out->window_days);
            break;
        }
      });
  if (!present) return;
  const std::string& kind = out->trigger;
  const bool needs_n = kind == "working_days_overdue" ||
                       kind == "consecutive_missed_reports" ||
                       kind == "cards_in_window";
  if (needs_n && out->n < 1) {
    Error(absl::StrFormat("trigger '%s' needs 'n' of at least 1", kind));
  }
  if (kind == "pace_behind" && !(out->percent > 0 && out->percent <= 100)) {
    Error("trigger 'pace_behind' needs 'percent' in (0, 100]");
  }
  if ((kind == "cards_in_window" || kind == "carry_over") &&
      out->card.empty()) {
    Error(absl::StrFormat("trigger '%s' needs 'card'", kind));
  }
  if (kind == "cards_in_window" && out->window_days < 1) {
    Error("trigger 'cards_in_window' needs 'window_days' of at least 1");
  }
}

// ---------------------------------------------------------------------------
// Parsing entry points.

absl::Status Fail(absl::StatusCode code, std::vector<PlanDiagnostic> errors,
                  std::vector<PlanDiagnostic>* diagnostics) {
  std::string message;
  if (code == absl::StatusCode::kInvalidArgument) {
    message = absl::StrFormat("plan JSON has %d error(s):", errors.size());
    for (size_t i = 0; i < errors.size() && i < kMaxListedErrors; ++i) {
      const PlanDiagnostic& d = errors[i];
      absl::StrAppendFormat(&message, "\n%s%s%s", d.pointer,
                            d.pointer.empty() ? "" : ": ", d.message);
    }
    if (errors.size() > kMaxListedErrors) {
      absl::StrAppendFormat(&message, "\n... and %d more",
                            errors.size() - kMaxListedErrors);
    }
  } else {
    // Limits: one diagnostic, said as is.
    message = errors.front().message;
  }
  if (diagnostics != nullptr) {
    diagnostics->insert(diagnostics->end(),
                        std::make_move_iterator(errors.begin()),
                        std::make_move_iterator(errors.end()));
  }
  return absl::Status(code, message);
}

absl::Status FailOne(absl::StatusCode code, std::string message,
                     std::vector<PlanDiagnostic>* diagnostics) {
  std::vector<PlanDiagnostic> errors;
  errors.push_back({"", std::move(message)});
  return Fail(code, std::move(errors), diagnostics);
}

// `padded`: the caller guarantees simdjson::SIMDJSON_PADDING readable bytes
// after the text, which saves copying it.
absl::StatusOr<PlanData> Parse(std::string_view json, bool padded,
                               std::vector<PlanDiagnostic>* diagnostics,
                               const PlanLimits& limits) {
  if (json.size() > limits.max_bytes) {
    return FailOne(absl::StatusCode::kResourceExhausted,
                   absl::StrFormat("plan JSON is %d bytes, more than the "
                                   "limit max_bytes (%d)",
                                   json.size(), limits.max_bytes),
                   diagnostics);
  }
  // simdjson's vectorised check is the fast path; the byte offset of a
  // problem comes from ValidateUtf8 on the error path.
  if (!simdjson::validate_utf8(json.data(), json.size())) {
    absl::Status utf8 = internal::ValidateUtf8(json, "plan JSON");
    return FailOne(
        absl::StatusCode::kInvalidArgument,
        utf8.ok() ? "plan JSON: invalid UTF-8" : std::string(utf8.message()),
        diagnostics);
  }
  const size_t max_depth = static_cast<size_t>(std::max(1, limits.max_depth));
  dom::parser parser;
  if (parser.allocate(std::max<size_t>(json.size(), 1), max_depth) !=
      simdjson::SUCCESS) {
    return FailOne(absl::StatusCode::kResourceExhausted,
                   absl::StrFormat("cannot allocate the parser for %d bytes "
                                   "of plan JSON",
                                   json.size()),
                   diagnostics);
  }
  dom::element root;
  // An empty view may carry a null pointer, which simdjson would memcpy from.
  const char* bytes = json.data() != nullptr ? json.data() : "";
  if (const simdjson::error_code error =
          parser.parse(bytes, json.size(), !padded).get(root);
      error != simdjson::SUCCESS) {
    const std::optional<internal::JsonSyntaxError> where =
        internal::FindJsonSyntaxError(json, max_depth);
    if (error == simdjson::DEPTH_ERROR || (where && where->too_deep)) {
      return FailOne(
          absl::StatusCode::kResourceExhausted,
          absl::StrFormat(
              "plan JSON nests deeper than the limit max_depth "
              "(%d)%s",
              max_depth,
              where && where->too_deep
                  ? " at " + internal::DescribeOffset(json, where->offset)
                  : ""),
          diagnostics);
    }
    if (error == simdjson::MEMALLOC) {
      return FailOne(absl::StatusCode::kResourceExhausted,
                     "out of memory parsing the plan JSON", diagnostics);
    }
    std::string message =
        where ? absl::StrFormat("malformed JSON at %s: %s",
                                internal::DescribeOffset(json, where->offset),
                                where->description)
              : absl::StrFormat("malformed JSON: %s",
                                simdjson::error_message(error));
    return FailOne(absl::StatusCode::kInvalidArgument, std::move(message),
                   diagnostics);
  }
  PlanData plan;
  Reader reader(limits);
  reader.ReadDocument(root, &plan);
  if (reader.too_many_records()) {
    return FailOne(absl::StatusCode::kResourceExhausted,
                   absl::StrFormat("plan JSON has more records than the limit "
                                   "max_records (%d)",
                                   limits.max_records),
                   diagnostics);
  }
  if (!reader.errors().empty()) {
    return Fail(absl::StatusCode::kInvalidArgument, std::move(reader.errors()),
                diagnostics);
  }
  return plan;
}

// ---------------------------------------------------------------------------
// The writer.

class Writer {
 public:
  explicit Writer(std::string* out) : out_(*out) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  void Key(std::string_view key) {
    NextItem();
    String(key);
    out_ += ": ";
    after_key_ = true;
  }
  void StringValue(std::string_view value) {
    BeginValue();
    String(value);
  }
  void IntValue(int64_t value) {
    BeginValue();
    char buffer[24];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    out_.append(buffer, end);
  }
  void DoubleValue(double value) {
    BeginValue();
    // Shortest text that reads back as the same double: 15, 7.5, 0.8.
    out_ += FormatDouble(value);
  }
  void BoolValue(bool value) {
    BeginValue();
    out_ += value ? "true" : "false";
  }

  // Fields with their defaults omitted.
  void Str(std::string_view key, std::string_view value) {
    if (value.empty()) return;
    Key(key);
    StringValue(value);
  }
  void Strs(std::string_view key, const std::vector<std::string>& values) {
    if (values.empty()) return;
    Key(key);
    BeginArray();
    for (const std::string& v : values) StringValue(v);
    EndArray();
  }
  void Int(std::string_view key, int value, int default_value = 0) {
    if (value == default_value) return;
    Key(key);
    IntValue(value);
  }
  void Bool(std::string_view key, bool value) {
    if (!value) return;
    Key(key);
    BoolValue(true);
  }
  void Dbl(std::string_view key, double value) {
    if (value == 0) return;
    Key(key);
    DoubleValue(value);
  }
  void Dbl(std::string_view key, const std::optional<double>& value) {
    if (!value) return;
    Key(key);
    DoubleValue(*value);
  }
  void DateField(std::string_view key, Date value) {
    Key(key);
    StringValue(value.ToString());
  }
  void DateField(std::string_view key, const std::optional<Date>& value) {
    if (value) DateField(key, *value);
  }
  // An array of records, written by write_one(const T&).
  template <typename T, typename WriteOne>
  void Records(std::string_view key, const std::vector<T>& records,
               WriteOne&& write_one) {
    if (records.empty()) return;
    Key(key);
    BeginArray();
    for (const T& record : records) {
      BeginObject();
      write_one(record);
      EndObject();
    }
    EndArray();
  }

 private:
  void Newline() {
    out_ += '\n';
    out_.append(2 * has_items_.size(), ' ');
  }
  void NextItem() {
    if (has_items_.empty()) return;
    if (has_items_.back()) out_ += ',';
    has_items_.back() = true;
    Newline();
  }
  void BeginValue() {
    if (!after_key_) NextItem();
    after_key_ = false;
  }
  void Open(char bracket) {
    BeginValue();
    out_ += bracket;
    has_items_.push_back(false);
  }
  void Close(char bracket) {
    const bool had_items = has_items_.back();
    has_items_.pop_back();
    if (had_items) Newline();
    out_ += bracket;
  }
  // JSON escapes only what it must: quote, backslash, control characters.
  void String(std::string_view text) {
    out_ += '"';
    size_t run = 0;  // start of the pending unescaped run
    for (size_t i = 0; i < text.size(); ++i) {
      const auto c = static_cast<unsigned char>(text[i]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      out_.append(text.data() + run, i - run);
      run = i + 1;
      switch (c) {
        case '"':
          out_ += "\\\"";
          break;
        case '\\':
          out_ += "\\\\";
          break;
        case '\b':
          out_ += "\\b";
          break;
        case '\f':
          out_ += "\\f";
          break;
        case '\n':
          out_ += "\\n";
          break;
        case '\r':
          out_ += "\\r";
          break;
        case '\t':
          out_ += "\\t";
          break;
        default:
          absl::StrAppendFormat(&out_, "\\u%04x", c);
          break;
      }
    }
    out_.append(text.data() + run, text.size() - run);
    out_ += '"';
  }

  std::string& out_;
  std::vector<bool> has_items_;  // per open container: written anything yet
  bool after_key_ = false;
};

void WriteRef(Writer& w, const RefData& r) {
  w.Str("unit", r.unit);
  w.Str("post", r.post);
  w.Str("group", r.group);
  w.Str("unit_set", r.unit_set);
}

void WriteTask(Writer& w, const TaskData& t) {
  w.Str("id", t.id);
  if (t.kind != "task") w.Str("kind", t.kind);
  w.Str("parent", t.parent);
  w.Str("number", t.number);
  w.Str("path", t.path);
  w.Str("title", t.title);
  w.Str("text", t.text);
  w.Int("line", t.line);
  w.Int("duration_working_days", t.duration_working_days);
  w.Records("clauses", t.clauses, [&](const ClauseData& c) {
    w.Str("text", c.text);
    w.Str("annotation", c.annotation);
    w.Bool("open_list", c.open_list);
  });
  w.Records("assignments", t.assignments, [&](const AssignmentData& a) {
    w.Key("role");
    w.StringValue(RoleName(a.role));
    w.Str("unit", a.unit);
    w.Str("unit_set", a.unit_set);
    w.Str("post", a.post);
    w.Str("group", a.group);
    w.Int("clause", a.clause, -1);
    w.Str("as_written", a.as_written);
  });
  w.Records("deadlines", t.deadlines, [&](const DeadlineData& d) {
    w.Str("kind", d.kind);
    w.Str("text", d.text);
    w.DateField("date", d.date);
    if (d.period) w.Str("period", PeriodKindName(*d.period));
    w.Int("working_days", d.working_days);
    w.Str("after", d.after);
    w.Int("day", d.day);
    w.Str("notes", d.notes);
  });
  w.Records("targets", t.targets, [&](const TargetData& g) {
    w.Str("text", g.text);
    w.Str("indicator", g.indicator);
    w.Str("comparator", g.comparator);
    w.Dbl("value", g.value);
    w.Dbl("value_max", g.value_max);
    w.Str("unit", g.unit);
    w.Dbl("baseline", g.baseline);
    w.DateField("due", g.due);
    w.Str("notes", g.notes);
  });
  w.Bool("public", t.is_public);
  w.Str("notes", t.notes);
}

void WriteCadence(Writer& w, const CadenceData& c) {
  w.Str("id", c.id);
  w.Str("name", c.name);
  w.Str("kind", c.kind);
  w.Key("period");
  w.StringValue(PeriodKindName(c.period));
  w.Key("due");
  w.BeginObject();
  w.Str("rule", c.due_rule);
  w.Int("n", c.due_n);
  w.Int("day", c.due_day);
  w.Str("roll", c.due_roll);
  w.EndObject();
  w.Key("owner");
  w.BeginObject();
  w.Str("role", c.owner_role);
  w.Strs("groups", c.owner_groups);
  w.Str("unit", c.owner_unit);
  w.Str("unit_set", c.owner_unit_set);
  w.Strs("tasks", c.owner_tasks);
  w.EndObject();
  w.Records("recipients", c.recipients,
            [&](const RefData& r) { WriteRef(w, r); });
  w.Str("source", c.source);
  w.Str("text", c.text);
}

void WritePolicy(Writer& w, const EscalationPolicyData& p) {
  w.Str("id", p.id);
  w.Int("version", p.version, 1);
  w.Strs("applies_to", p.applies_to);
  w.Records("rules", p.rules, [&](const EscalationRuleData& r) {
    w.Str("id", r.id);
    w.Key("trigger");
    w.BeginObject();
    w.Str("kind", r.trigger);
    w.Int("n", r.n);
    w.Dbl("percent", r.percent);
    w.Str("card", r.card);
    w.Int("window_days", r.window_days);
    w.EndObject();
    w.Str("action", r.action);
    w.Strs("audience", r.audience);
    w.Int("cooldown_working_days", r.cooldown_working_days);
    w.Str("text", r.text);
  });
  w.Str("source", p.source);
  w.Str("text", p.text);
}

}  // namespace

absl::StatusOr<PlanData> ParsePlanJson(std::string_view json,
                                       std::vector<PlanDiagnostic>* diagnostics,
                                       const PlanLimits& limits) {
  return Parse(json, /*padded=*/false, diagnostics, limits);
}

namespace internal {

absl::StatusOr<PlanData> ParsePlanJson(std::string_view json, size_t capacity,
                                       std::vector<PlanDiagnostic>* diagnostics,
                                       const PlanLimits& limits) {
  const bool padded = capacity >= json.size() &&
                      capacity - json.size() >= simdjson::SIMDJSON_PADDING;
  return Parse(json, padded, diagnostics, limits);
}

absl::StatusOr<Plan> LoadPlanJson(std::string_view json, size_t capacity,
                                  std::vector<PlanDiagnostic>* diagnostics,
                                  const PlanLimits& limits) {
  absl::StatusOr<PlanData> data =
      internal::ParsePlanJson(json, capacity, diagnostics, limits);
  if (!data.ok()) return data.status();
  return Plan::Build(*std::move(data), diagnostics);
}

}  // namespace internal

std::string WritePlanJson(const PlanData& data) {
  std::string text;
  // About 150 bytes per task-level record: one allocation for most plans.
  text.reserve(4096 + 400 * data.tasks.size() + 200 * data.units.size());
  Writer w(&text);
  w.BeginObject();
  w.Key("format");
  w.StringValue(kFormatName);

  const PlanInfo& p = data.plan;
  w.Key("plan");
  w.BeginObject();
  w.Str("id", p.id);
  w.Str("title", p.title);
  w.Str("document_number", p.document_number);
  w.Strs("issuers", p.issuers);
  w.DateField("issue_date", p.issue_date);
  w.Key("year");
  w.IntValue(p.year);
  w.Str("jurisdiction", p.jurisdiction);
  w.Str("source", p.source);
  w.EndObject();

  w.Records("units", data.units, [&](const UnitData& u) {
    w.Str("id", u.id);
    w.Str("name", u.name);
    w.Str("full_name", u.full_name);
    w.Strs("aliases", u.aliases);
    if (u.kind != "other") w.Str("kind", u.kind);
    w.Str("parent", u.parent);
    w.Str("head_post", u.head_post);
    w.Str("supervising_post", u.supervising_post);
    w.Str("notes", u.notes);
  });
  w.Records("unit_changes", data.unit_changes, [&](const UnitChangeData& c) {
    w.Str("kind", c.kind);
    w.DateField("date", c.date);
    w.Strs("from", c.from);
    w.Strs("to", c.to);
    w.Str("note", c.note);
  });
  w.Records("unit_sets", data.unit_sets, [&](const UnitSetData& s) {
    w.Str("id", s.id);
    w.Str("name", s.name);
    w.Strs("aliases", s.aliases);
    w.Strs("members", s.members);
    w.Bool("open", s.open);
    w.Str("group", s.group);
    w.Str("notes", s.notes);
  });
  w.Records("posts", data.posts, [&](const PostData& s) {
    w.Str("id", s.id);
    w.Str("title", s.title);
    w.Str("unit", s.unit);
    w.Str("superior", s.superior);
    w.Str("notes", s.notes);
  });
  w.Records("people", data.people, [&](const PersonData& s) {
    w.Str("id", s.id);
    w.Str("name", s.name);
    w.Str("notes", s.notes);
  });
  w.Records("tenures", data.tenures, [&](const TenureData& t) {
    w.Str("post", t.post);
    w.Str("person", t.person);
    w.DateField("from", t.from);
    w.DateField("to", t.to);
    w.Str("source", t.source);
  });
  w.Records("groups", data.groups, [&](const GroupData& g) {
    w.Str("id", g.id);
    w.Str("name", g.name);
    w.Strs("aliases", g.aliases);
    if (g.kind != "task_force") w.Str("kind", g.kind);
    w.Str("parent", g.parent);
    w.Strs("conveners", g.conveners);
    w.Strs("deputy_conveners", g.deputy_conveners);
    w.Strs("guiding_posts", g.guiding_posts);
    w.Strs("members", g.members);
    w.Bool("members_open", g.members_open);
    w.Str("member_rule", g.member_rule);
    w.Str("office_host", g.office_host);
    w.Str("office_director", g.office_director);
    w.Strs("supervises", g.supervises);
    w.Str("source", g.source);
    w.Str("notes", g.notes);
  });
  w.Records("tasks", data.tasks, [&](const TaskData& t) { WriteTask(w, t); });
  w.Records("dependencies", data.dependencies, [&](const DependencyData& d) {
    w.Str("from", d.from);
    w.Str("to", d.to);
    if (d.type != "finish_to_start") w.Str("type", d.type);
    w.Int("lag_working_days", d.lag_working_days);
  });
  w.Records("cadences", data.cadences,
            [&](const CadenceData& c) { WriteCadence(w, c); });
  w.Records("escalation", data.escalation,
            [&](const EscalationPolicyData& e) { WritePolicy(w, e); });
  w.EndObject();
  text += '\n';
  return text;
}

absl::StatusOr<Plan> LoadPlanJson(std::string_view json,
                                  std::vector<PlanDiagnostic>* diagnostics,
                                  const PlanLimits& limits) {
  absl::StatusOr<PlanData> data = ParsePlanJson(json, diagnostics, limits);
  if (!data.ok()) return data.status();
  return Plan::Build(*std::move(data), diagnostics);
}

absl::StatusOr<Plan> LoadPlanFile(const std::string& path,
                                  std::vector<PlanDiagnostic>* diagnostics,
                                  const PlanLimits& limits) {
  auto not_found = [&](std::string_view why) {
    return absl::NotFoundError(
        absl::StrFormat("cannot read plan file '%s': %s", path, why));
  };
  std::error_code ec;
  const std::filesystem::file_status status = std::filesystem::status(path, ec);
  if (ec) return not_found(ec.message());
  if (!std::filesystem::is_regular_file(status)) {
    return not_found("not a regular file");
  }
  const uintmax_t size = std::filesystem::file_size(path, ec);
  if (ec) return not_found(ec.message());
  if (size > limits.max_bytes) {
    // Checked before reading so that a huge file is never loaded.
    return FailOne(absl::StatusCode::kResourceExhausted,
                   absl::StrFormat("plan file '%s' is %d bytes, more than the "
                                   "limit max_bytes (%d)",
                                   path, size, limits.max_bytes),
                   diagnostics);
  }
  // Read straight into a padded buffer so that simdjson needs no copy.
  simdjson::padded_string text(static_cast<size_t>(size));
  if (text.data() == nullptr) {
    return FailOne(absl::StatusCode::kResourceExhausted,
                   absl::StrFormat("out of memory reading plan file '%s' "
                                   "(%d bytes)",
                                   path, size),
                   diagnostics);
  }
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    return not_found(std::error_code(errno, std::generic_category()).message());
  }
  const size_t read = std::fread(text.data(), 1, text.size(), file);
  const bool failed = std::ferror(file) != 0;
  std::fclose(file);
  if (failed || read != text.size()) {
    return not_found("read failed (file changed while reading?)");
  }
  absl::StatusOr<PlanData> data =
      Parse(std::string_view(text.data(), text.size()),
            /*padded=*/true, diagnostics, limits);
  if (!data.ok()) return data.status();
  return Plan::Build(*std::move(data), diagnostics);
}

}  // namespace dutygraph
