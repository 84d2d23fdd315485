// fuzz/capi_fuzzer.cc — sequences of C API calls under hostile arguments.
//
// Input: a program. Each step reads an opcode byte and then the call's
// arguments from the following bytes (fuzz_util.h ByteReader; past the end
// everything reads as 0). The program works on a few slots of each handle
// type that it creates, replaces and frees in any order, so handles are
// used after others were freed, results outlive their plans, and every
// argument may be NULL, out of range, of a bad struct_size or invalid UTF-8.
// At the end every handle left is freed: LeakSanitizer reports anything the
// library forgot.
//
// After each call the harness checks the conventions of dg.h:
//   * the status is one dg.h defines, and never DG_INTERNAL (a defect);
//   * on failure the last error begins with the function's name, and every
//     pointer out-param is NULL; on success the last error is "";
//   * returned strings are NUL-terminated at the size reported, valid UTF-8,
//     and JSON where the header promises JSON.
// Wrong handle *types* are not tried: the opaque C types make that a
// compile error, and a cast would be undefined behaviour in the caller.
#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "dutygraph/dg.h"
#include "fuzz_util.h"

namespace dutygraph::fuzz {
namespace {

constexpr int kSlots = 3;
constexpr size_t kMaxText = 4096;
constexpr int kMaxSteps = 32;
constexpr int kMaxDerivations = 2;

// The fixture plan, read once, and loaded once as a plan shared by every
// input (read-only: a dg_plan that no step may free). The small plan keeps
// one execution cheap; the Hengyang plan is fuzzed through plan_json.
struct Fixtures {
  std::string small_plan = ReadFixture(DG_FUZZ_SMALL_PLAN_JSON);
  dg_plan* shared = nullptr;
  Fixtures() {
    if (small_plan.empty() ||
        dg_plan_load_json(&shared, nullptr, small_plan.data(),
                          small_plan.size()) != DG_OK) {
      shared = nullptr;
    }
  }
};
const Fixtures& GetFixtures() {
  static const Fixtures* fixtures = new Fixtures();
  return *fixtures;
}

bool IsDefinedStatus(dg_status s) {
  return s == DG_OK || s == DG_INVALID_ARGUMENT || s == DG_NOT_FOUND ||
         s == DG_RESOURCE_EXHAUSTED || s == DG_FAILED_PRECONDITION ||
         s == DG_OUT_OF_RANGE;
}

// Prints a call's status and last error, bytes outside printable ASCII
// escaped, so that a finding says which call and which message.
void PrintCall(const char* function, dg_status s, const char* message) {
  std::fprintf(stderr, "%s returned %d, last error: \"", function,
               static_cast<int>(s));
  for (const char* p = message; *p != '\0'; ++p) {
    const auto c = static_cast<unsigned char>(*p);
    if (c >= 0x20 && c < 0x7f) {
      std::fputc(c, stderr);
    } else {
      std::fprintf(stderr, "\\x%02x", c);
    }
  }
  std::fputs("\"\n", stderr);
}

// The checks common to every dg_status call (see the file comment).
void CheckStatus(dg_status s, const char* function) {
  DG_FUZZ_CHECK(IsDefinedStatus(s));  // DG_INTERNAL is a defect
  const char* message = dg_last_error_message();
  DG_FUZZ_CHECK(message != nullptr);
  const size_t n = std::strlen(function);
  const bool conventional =
      s == DG_OK ? message[0] == '\0'
                 : std::strncmp(message, function, n) == 0 &&
                       message[n] == ':' && IsValidUtf8(message);
  if (!conventional) PrintCall(function, s, message);
  DG_FUZZ_CHECK(conventional);
}
#define DG_CALL(f, ...) CheckStatus(f(__VA_ARGS__), #f)

// A caller-owned string result: checked, then released.
enum class Shape { kText, kJson };
void TakeString(dg_status s, char* out, size_t size, Shape kind) {
  if (s != DG_OK) {
    DG_FUZZ_CHECK(out == nullptr);
    return;
  }
  DG_FUZZ_CHECK(out != nullptr && out[size] == '\0');
  const std::string_view text(out, size);
  DG_FUZZ_CHECK(IsValidUtf8(text));
  if (kind == Shape::kJson) DG_FUZZ_CHECK(nlohmann::json::accept(text));
  dg_string_free(out);
}
#define DG_CALL_STRING(kind, f, ...)                     \
  do {                                                  \
    char* out_ = nullptr;                               \
    size_t size_ = 0;                                   \
    const dg_status s_ = f(&out_, &size_, __VA_ARGS__); \
    CheckStatus(s_, #f);                                \
    TakeString(s_, out_, size_, kind);                  \
  } while (0)

// d + n days, saturated: the harness itself must not overflow.
dg_date AddDays(dg_date d, int64_t n) {
  const int64_t r = int64_t{d} + n;
  return static_cast<dg_date>(r > INT32_MAX ? INT32_MAX
                              : r < INT32_MIN ? INT32_MIN
                                              : r);
}

// A borrowed string result: NUL-terminated at its size, valid UTF-8.
void CheckBorrowed(dg_status s, const char* data, size_t size) {
  if (s != DG_OK) {
    DG_FUZZ_CHECK(data == nullptr && size == 0);
    return;
  }
  DG_FUZZ_CHECK(data != nullptr && data[size] == '\0');
  DG_FUZZ_CHECK(IsValidUtf8(std::string_view(data, size)));
}

class Program {
 public:
  explicit Program(ByteReader& in) : in_(in) {}
  ~Program() {
    for (int i = 0; i < kSlots; ++i) {
      dg_calendar_free(cal_[i]);
      dg_plan_free(plan_[i]);
      dg_accountability_free(acc_[i]);
      dg_unit_tasks_free(unit_tasks_[i]);
      dg_person_tasks_free(person_tasks_[i]);
    }
  }

  void Run() {
    for (int step = 0; step < kMaxSteps && !in_.empty(); ++step) Step();
  }

 private:
  // ---- Argument decoding ----
  int Slot() { return in_.Below(kSlots); }
  // A handle argument: a slot (which may hold NULL), sometimes NULL itself.
  const dg_calendar* CalArg() {
    const uint8_t b = in_.U8();
    return b % 8 == 7 ? nullptr : cal_[b % kSlots];
  }
  const dg_plan* PlanArg() {
    const uint8_t b = in_.U8();
    if (b % 8 == 7) return nullptr;
    if (b % 8 == 6) return GetFixtures().shared;
    return plan_[b % kSlots];
  }
  // A date: mostly near the plans' years, sometimes an edge or anything.
  dg_date DateArg() {
    static constexpr dg_date kEdges[] = {
        -7305,      // 1950-01-01, the calendar's first day
        65378,      // 2148-12-31
        65743,      // 2149-12-31, its last
        65744,      // 2150-01-01, past it
        -7306,      // 1949-12-31
        -208188,    // 1400-01-01, the first dg_date
        -208189,    // 1399-12-31, before it
        2932896,    // 9999-12-31
        2932897,    // past it
        INT32_MIN, INT32_MAX, 0, -1,
        20819,      // 2027-01-01: no notice in this release
    };
    const uint8_t b = in_.U8();
    switch (b % 4) {
      case 0:
      case 1:
        return 19358 + in_.U16() % 1200;  // 2023-01-01 + up to ~3 years
      case 2:
        return kEdges[in_.Below(sizeof(kEdges) / sizeof(kEdges[0]))];
      default:
        return in_.I32();
    }
  }
  // An index: mostly small (hits real records), sometimes anything.
  uint32_t IndexArg() {
    const uint8_t b = in_.U8();
    return b < 224 ? b % 32 : in_.U32();
  }
  // `base` give or take 20, or sometimes any value.
  int32_t SmallInt(int32_t base = 0) {
    const uint8_t b = in_.U8();
    return b < 200 ? base + static_cast<int32_t>(b % 40) - 20 : in_.I32();
  }
  // A (pointer, length) text: the bytes, or NULL with a length, or empty.
  struct TextArg {
    const char* data;
    size_t size;
  };
  TextArg Str(size_t max = kMaxText) {
    const uint8_t b = in_.U8();
    if (b % 16 == 15) return {nullptr, static_cast<size_t>(in_.U8()) + 1};
    if (b % 16 == 14) return {nullptr, 0};
    const std::string_view v = in_.Bytes(max);
    return {v.data(), v.size()};
  }
  // A file path: the fixture, a missing file, a directory, or fuzz bytes.
  // Bytes with a '/' are put under a missing directory, so that no input
  // can name a device or a FIFO that would block the harness.
  TextArg PathArg(const char* fixture) {
    static const char* const kPaths[] = {"/nonexistent-dg-fuzz/x.txt", "/",
                                         "."};
    const uint8_t b = in_.U8();
    if (b % 4 == 0) return {fixture, std::strlen(fixture)};
    if (b % 4 < 3) return {kPaths[b % 3], std::strlen(kPaths[b % 3])};
    const TextArg t = Str(64);
    if (t.data == nullptr ||
        std::string_view(t.data, t.size).find('/') == std::string_view::npos) {
      return t;
    }
    path_ = "/nonexistent-dg-fuzz/" + std::string(t.data, t.size);
    return {path_.data(), path_.size()};
  }
  // A struct_size: right, too small, zero, or larger (a newer caller).
  size_t StructSize(size_t right, size_t first_field_end) {
    switch (in_.U8() % 8) {
      case 0: return first_field_end - 1;
      case 1: return 0;
      case 2: return right + 16;
      case 3: return first_field_end;
      default: return right;
    }
  }
  template <typename T>
  T* MaybeNull(T* p) {
    return in_.U8() % 16 == 15 ? nullptr : p;
  }

  // ---- Steps ----
  void Step() {
    switch (in_.U8() % 20) {
      case 0: NewCalendar(); break;
      case 1: DeriveCalendar(); break;
      case 2: {
        const int i = Slot();
        dg_calendar_free(cal_[i]);
        cal_[i] = nullptr;
        break;
      }
      case 3: CalendarQuery(); break;
      case 4: LoadPlan(); break;
      case 5: {
        const int i = Slot();
        dg_plan_free(plan_[i]);
        plan_[i] = nullptr;
        break;
      }
      case 6: PlanRecords(); break;
      case 7: PlanFind(); break;
      case 8: Accountability(); break;
      case 9: UnitTasks(); break;
      case 10: PersonTasks(); break;
      case 11: PlanJsonAnswers(); break;
      case 12: Schedule(); break;
      case 13: CriticalPath(); break;
      case 14: DatesAndPeriods(); break;
      case 15: ReplaceResults(); break;
      case 16: {
        TextArg t = Str(256);
        DG_CALL_STRING(Shape::kJson, dg_resolve_deadline_text, t.data,
                       t.size, SmallInt(2023));
        break;
      }
      case 17: {
        const dg_plan* p = PlanArg();
        const dg_calendar* a = CalArg();
        const dg_calendar* b = CalArg();
        const dg_date from = DateArg();
        DG_CALL_STRING(Shape::kJson, dg_plan_due_date_changes, p, a, b,
                       from, AddDays(from, in_.U16() % 200));
        break;
      }
      case 18: {
        char* out = nullptr;
        size_t size = 0;
        const dg_plan* p = PlanArg();
        size_t* size_arg = MaybeNull(&size);
        const dg_status s = dg_plan_to_json(MaybeNull(&out), size_arg, p);
        CheckStatus(s, "dg_plan_to_json");
        if (s == DG_OK && size_arg == nullptr) size = std::strlen(out);
        TakeString(s, out, size, Shape::kJson);
        break;
      }
      default: {
        // Status names and versions cannot fail and leave the last error.
        DG_FUZZ_CHECK(dg_status_name(in_.I32()) != nullptr);
        DG_FUZZ_CHECK(dg_version_number() == DG_VERSION_NUMBER);
        DG_FUZZ_CHECK(std::strcmp(dg_version_string(), DG_VERSION_STRING) ==
                      0);
        break;
      }
    }
  }

  void NewCalendar() {
    const int i = Slot();
    dg_calendar_options opts = DG_CALENDAR_OPTIONS_INIT;
    opts.struct_size = StructSize(sizeof opts, offsetof(dg_calendar_options,
                                                        mode) +
                                                   sizeof opts.mode);
    opts.mode = in_.U8() % 4 == 3 ? in_.I32() : in_.U8() % 2;
    dg_calendar* c = nullptr;
    const dg_status s = dg_calendar_china_mainland(
        MaybeNull(&c), in_.Bool() ? &opts : nullptr);
    CheckStatus(s, "dg_calendar_china_mainland");
    Replace(cal_[i], s, c);
  }

  // Derivation limits: each the default or a small value (0 included, which
  // the library refuses), so that every refusal is cheap to reach.
  dg_calendar_derive_options DeriveOptions() {
    dg_calendar_derive_options opts = DG_CALENDAR_DERIVE_OPTIONS_INIT;
    opts.struct_size = StructSize(
        sizeof opts,
        offsetof(dg_calendar_derive_options, max_bytes) + sizeof opts.max_bytes);
    const auto limit = [this](uint64_t fallback) -> uint64_t {
      const uint8_t b = in_.U8();
      return b < 128 ? fallback : uint64_t{b} - 128;
    };
    opts.max_bytes = limit(opts.max_bytes);
    opts.max_declared_days = limit(opts.max_declared_days);
    opts.max_name_bytes = limit(opts.max_name_bytes);
    opts.max_total_declared_days = limit(opts.max_total_declared_days);
    opts.max_layers = in_.U8() % 4 == 3 ? in_.I32() : opts.max_layers;
    return opts;
  }

  void DeriveCalendar() {
    const int i = Slot();
    dg_calendar* c = nullptr;
    dg_status s;
    const char* function;
    // A derivation copies and rescans the calendar's day tables for all
    // 73,049 days (about a tenth of a typical program's time here): past
    // two per program they would dominate the run. The overlay texts
    // themselves are fuzzed by calendar_text.
    const uint8_t op = in_.U8() % 3;
    if (op != 2 && ++derivations_ > kMaxDerivations) {
      (void)CalArg();
      (void)Str();
      return;
    }
    switch (op) {
      case 0: {
        const dg_calendar* base = CalArg();
        TextArg t = Str();
        if (in_.U8() % 4 == 3) {
          const dg_calendar_derive_options opts = DeriveOptions();
          s = dg_calendar_derive_text_v2(MaybeNull(&c), base, t.data, t.size,
                                         in_.Bool() ? &opts : nullptr);
          function = "dg_calendar_derive_text_v2";
          break;
        }
        s = dg_calendar_derive_text(MaybeNull(&c), base, t.data, t.size);
        function = "dg_calendar_derive_text";
        break;
      }
      case 1: {
        const dg_calendar* base = CalArg();
        const TextArg t = PathArg(DG_FUZZ_OVERLAY_TXT);
        if (in_.U8() % 4 == 3) {
          const dg_calendar_derive_options opts = DeriveOptions();
          s = dg_calendar_derive_file_v2(MaybeNull(&c), base, t.data, t.size,
                                         in_.Bool() ? &opts : nullptr);
          function = "dg_calendar_derive_file_v2";
          break;
        }
        s = dg_calendar_derive_file(MaybeNull(&c), base, t.data, t.size);
        function = "dg_calendar_derive_file";
        break;
      }
      default: {
        const dg_calendar* base = CalArg();
        s = dg_calendar_with_mode(MaybeNull(&c), base, SmallInt());
        function = "dg_calendar_with_mode";
        break;
      }
    }
    CheckStatus(s, function);
    Replace(cal_[i], s, c);
  }

  void CalendarQuery() {
    const dg_calendar* cal = CalArg();
    const dg_date d = DateArg();
    dg_date out = 1;
    int flag = 1;
    int provisional = 1;
    int* prov = MaybeNull(&provisional);
    const auto check_date = [&](dg_status s, const char* f) {
      CheckStatus(s, f);
      if (s != DG_OK) DG_FUZZ_CHECK(out == 0 && (prov == nullptr || provisional == 0));
    };
    switch (in_.U8() % 10) {
      case 0:
        DG_CALL(dg_calendar_is_official_year, MaybeNull(&flag), cal,
                SmallInt(2020));
        break;
      case 1: {
        int32_t years[8];
        size_t count = 0;
        const size_t capacity = in_.U8() % 9;
        DG_CALL(dg_calendar_official_years, MaybeNull(&count),
                capacity ? years : MaybeNull(years), capacity, cal);
        break;
      }
      case 2:
        DG_CALL(dg_calendar_is_working_day, MaybeNull(&flag), prov, cal, d);
        break;
      case 3: {
        dg_day_info info = DG_DAY_INFO_INIT;
        info.struct_size =
            StructSize(sizeof info, offsetof(dg_day_info, date) + sizeof(dg_date));
        const dg_status s = dg_calendar_day_info(MaybeNull(&info), cal, d);
        CheckStatus(s, "dg_calendar_day_info");
        if (s == DG_OK && info.struct_size >= sizeof info) {
          CheckBorrowed(s, info.name, info.name_size);
          CheckBorrowed(s, info.notice_title, info.notice_title_size);
          CheckBorrowed(s, info.notice_url, info.notice_url_size);
        }
        break;
      }
      case 4:
        check_date(dg_calendar_next_working_day(&out, prov, cal, d),
                   "dg_calendar_next_working_day");
        break;
      case 5:
        check_date(dg_calendar_previous_working_day(&out, prov, cal, d),
                   "dg_calendar_previous_working_day");
        break;
      case 6:
        check_date(dg_calendar_add_working_days(&out, prov, cal, d,
                                                SmallInt() % 4096 * 7),
                   "dg_calendar_add_working_days");
        break;
      case 7: {
        int32_t count = 0;
        DG_CALL(dg_calendar_working_days_between, MaybeNull(&count), prov,
                cal, d, DateArg());
        break;
      }
      case 8:
        check_date(dg_calendar_roll(&out, prov, cal, d, SmallInt()),
                   "dg_calendar_roll");
        break;
      default:
        check_date(dg_calendar_nth_working_day(&out, prov, cal, SmallInt(), d,
                                               SmallInt()),
                   "dg_calendar_nth_working_day");
        break;
    }
  }

  void LoadPlan() {
    const int i = Slot();
    dg_plan* p = nullptr;
    char* diagnostics = nullptr;
    char** diag_arg = MaybeNull(&diagnostics);
    dg_status s;
    const char* function = "dg_plan_load_json";
    switch (in_.U8() % 4) {
      case 0: {  // the small fixture, sometimes cut short
        const std::string& text = GetFixtures().small_plan;
        size_t size = text.size();
        if (in_.Bool()) size = in_.U16() % (size + 1);
        s = dg_plan_load_json(MaybeNull(&p), diag_arg, text.data(), size);
        break;
      }
      case 1: {
        const TextArg t = PathArg(DG_FUZZ_SMALL_PLAN_JSON);
        s = dg_plan_load_file(MaybeNull(&p), diag_arg, t.data, t.size);
        function = "dg_plan_load_file";
        break;
      }
      default: {  // any bytes as JSON
        TextArg t = Str();
        s = dg_plan_load_json(MaybeNull(&p), diag_arg, t.data, t.size);
        break;
      }
    }
    CheckStatus(s, function);
    if (diagnostics != nullptr) {
      DG_FUZZ_CHECK(s != DG_OK);
      const std::string_view text(diagnostics);
      DG_FUZZ_CHECK(IsValidUtf8(text) && nlohmann::json::accept(text));
      dg_string_free(diagnostics);
    }
    Replace(plan_[i], s, p);
  }

  void PlanRecords() {
    const dg_plan* p = PlanArg();
    const dg_record_kind kind = SmallInt() % 8;
    const uint32_t index = IndexArg();
    const char* data = nullptr;
    size_t size = 0;
    size_t* size_arg = MaybeNull(&size);
    dg_status s;
    switch (in_.U8() % 4) {
      case 0: {
        size_t count = 0;
        DG_CALL(dg_plan_record_count, MaybeNull(&count), p, kind);
        return;
      }
      case 1:
        s = dg_plan_record_id(MaybeNull(&data), size_arg, p, kind, index);
        CheckStatus(s, "dg_plan_record_id");
        break;
      case 2:
        s = dg_plan_record_name(MaybeNull(&data), size_arg, p, kind, index);
        CheckStatus(s, "dg_plan_record_name");
        break;
      default:
        s = dg_plan_task_path(MaybeNull(&data), size_arg, p, index);
        CheckStatus(s, "dg_plan_task_path");
        break;
    }
    if (s != DG_OK || size_arg != nullptr) CheckBorrowed(s, data, size);
  }

  void PlanFind() {
    const dg_plan* p = PlanArg();
    uint32_t index = 7;
    const dg_record_kind kind = SmallInt() % 8;
    // A name: fuzz bytes, or a real record's id or name (hits successes).
    TextArg name = Str(128);
    if (p != nullptr && in_.Bool()) {
      const char* data = nullptr;
      size_t size = 0;
      const dg_status s =
          (in_.Bool() ? dg_plan_record_id : dg_plan_record_name)(
              &data, &size, p, kind, IndexArg());
      if (s == DG_OK) name = {data, size};
    }
    switch (in_.U8() % 4) {
      case 0:
      case 1:
        DG_CALL(dg_plan_find, MaybeNull(&index), p, kind, name.data,
                name.size);
        break;
      case 2:
        DG_CALL(dg_plan_find_unit_as_of, MaybeNull(&index), p, name.data,
                name.size, DateArg());
        break;
      default: {
        int held = 1;
        DG_CALL(dg_plan_resolve_unit, MaybeNull(&index), p, IndexArg(),
                DateArg());
        DG_CALL(dg_plan_holder_of, MaybeNull(&held), MaybeNull(&index), p,
                IndexArg(), DateArg());
        break;
      }
    }
  }

  void Accountability() {
    dg_accountability*& acc = acc_[Slot()];
    if (acc == nullptr || in_.U8() % 8 == 0) {
      dg_accountability_free(acc);
      acc = nullptr;
      DG_CALL(dg_accountability_new, MaybeNull(&acc));
    }
    dg_accountability* target = MaybeNull(acc);
    DG_CALL(dg_plan_accountability, target, PlanArg(), IndexArg(), DateArg());
    ReadAccountability(MaybeNull(acc));
  }

  void ReadAccountability(const dg_accountability* acc) {
    size_t count = 0;
    DG_CALL(dg_accountability_unit_count, MaybeNull(&count), acc);
    for (size_t i = 0; i < count + 1 && i < 8; ++i) {
      dg_accountable_unit u = DG_ACCOUNTABLE_UNIT_INIT;
      u.struct_size = StructSize(sizeof u, offsetof(dg_accountable_unit, unit) +
                                               sizeof u.unit);
      const dg_status s = dg_accountability_unit_at(MaybeNull(&u), acc, i);
      CheckStatus(s, "dg_accountability_unit_at");
      if (s == DG_OK && u.struct_size >= sizeof u) {
        CheckBorrowed(s, u.unit_id, u.unit_id_size);
        CheckBorrowed(s, u.unit_name, u.unit_name_size);
      }
    }
    int has = 1;
    uint32_t index = 1;
    DG_CALL(dg_accountability_group, MaybeNull(&has), MaybeNull(&index), acc);
    DG_CALL(dg_accountability_office_host, MaybeNull(&has), MaybeNull(&index),
            acc);
    const dg_holder_list list = SmallInt() % 8;
    DG_CALL(dg_accountability_holder_count, MaybeNull(&count), acc, list);
    dg_post_holder h = DG_POST_HOLDER_INIT;
    h.struct_size =
        StructSize(sizeof h, offsetof(dg_post_holder, post) + sizeof h.post);
    const dg_status s =
        dg_accountability_holder_at(MaybeNull(&h), acc, list, in_.U8() % 4);
    CheckStatus(s, "dg_accountability_holder_at");
    if (s == DG_OK && h.struct_size >= sizeof h) {
      CheckBorrowed(s, h.post_title, h.post_title_size);
      CheckBorrowed(s, h.person_name, h.person_name_size);
    }
  }

  void UnitTasks() {
    dg_unit_tasks*& list = unit_tasks_[Slot()];
    if (list == nullptr || in_.U8() % 8 == 0) {
      dg_unit_tasks_free(list);
      list = nullptr;
      DG_CALL(dg_unit_tasks_new, MaybeNull(&list));
    }
    DG_CALL(dg_plan_tasks_of_unit, MaybeNull(list), PlanArg(), IndexArg(),
            DateArg(), in_.U8() % 20);
    ReadUnitTasks(list);
  }

  void ReadUnitTasks(const dg_unit_tasks* list) {
    size_t count = 0;
    DG_CALL(dg_unit_tasks_count, MaybeNull(&count), MaybeNull(list));
    for (size_t i = 0; i < count + 1 && i < 8; ++i) {
      dg_unit_task t = DG_UNIT_TASK_INIT;
      t.struct_size =
          StructSize(sizeof t, offsetof(dg_unit_task, task) + sizeof t.task);
      const dg_status s = dg_unit_tasks_at(MaybeNull(&t), list, i);
      CheckStatus(s, "dg_unit_tasks_at");
      if (s == DG_OK && t.struct_size >= sizeof t) {
        CheckBorrowed(s, t.task_id, t.task_id_size);
        CheckBorrowed(s, t.task_path, t.task_path_size);
        CheckBorrowed(s, t.task_title, t.task_title_size);
      }
    }
  }

  void PersonTasks() {
    dg_person_tasks*& list = person_tasks_[Slot()];
    if (list == nullptr || in_.U8() % 8 == 0) {
      dg_person_tasks_free(list);
      list = nullptr;
      DG_CALL(dg_person_tasks_new, MaybeNull(&list));
    }
    const dg_date from = DateArg();
    DG_CALL(dg_plan_tasks_of_person, MaybeNull(list), PlanArg(), IndexArg(),
            from, in_.Bool() ? DateArg() : AddDays(from, in_.U8()));
    ReadPersonTasks(list);
  }

  void ReadPersonTasks(const dg_person_tasks* list) {
    size_t count = 0;
    DG_CALL(dg_person_tasks_count, MaybeNull(&count), MaybeNull(list));
    for (size_t i = 0; i < count + 1 && i < 8; ++i) {
      dg_person_task t = DG_PERSON_TASK_INIT;
      t.struct_size =
          StructSize(sizeof t, offsetof(dg_person_task, task) + sizeof t.task);
      const dg_status s = dg_person_tasks_at(MaybeNull(&t), list, i);
      CheckStatus(s, "dg_person_tasks_at");
      if (s == DG_OK && t.struct_size >= sizeof t) {
        CheckBorrowed(s, t.task_id, t.task_id_size);
        CheckBorrowed(s, t.task_title, t.task_title_size);
      }
    }
  }

  void PlanJsonAnswers() {
    const dg_plan* p = PlanArg();
    const dg_date on = DateArg();
    switch (in_.U8() % 6) {
      case 0:
        DG_CALL_STRING(Shape::kJson, dg_plan_accountability_json, p,
                       IndexArg(), on);
        break;
      case 1:
        DG_CALL_STRING(Shape::kJson, dg_plan_tasks_of_unit_json, p,
                       IndexArg(), on, in_.U8() % 20);
        break;
      case 2:
        DG_CALL_STRING(Shape::kJson, dg_plan_tasks_of_person_json, p,
                       IndexArg(), on, AddDays(on, in_.U8()));
        break;
      case 3:
        DG_CALL_STRING(Shape::kJson, dg_plan_workloads_json, p, on);
        break;
      case 4:
        DG_CALL_STRING(Shape::kText, dg_plan_raci_csv, p, on);
        break;
      default:
        DG_CALL_STRING(Shape::kJson, dg_plan_lints_json, p, on);
        break;
    }
  }

  void Schedule() {
    const dg_plan* p = PlanArg();
    const dg_calendar* cal = CalArg();
    const dg_date from = DateArg();
    const dg_date to = in_.Bool() ? DateArg() : AddDays(from, in_.U16() % 200);
    dg_schedule_options opts = DG_SCHEDULE_OPTIONS_INIT;
    opts.struct_size = StructSize(
        sizeof opts, offsetof(dg_schedule_options, format) + sizeof opts.format);
    opts.format = in_.U8() % 8 == 7 ? SmallInt() : in_.U8() % 3;
    opts.has_unit = in_.U8() % 4 == 0 ? 1 : 0;
    opts.unit = IndexArg();
    opts.include_deadlines = in_.U8() % 4 == 0;
    opts.reminder_working_days = in_.U8() % 8 == 7 ? SmallInt() : in_.U8() % 5;
    // Cadence ids: NUL-terminated copies of fuzz bytes, or a NULL array.
    std::vector<std::string> ids;
    std::vector<const char*> id_ptrs;
    const size_t id_count = in_.U8() % 8 == 0 ? in_.U8() % 3 : 0;
    for (size_t i = 0; i < id_count; ++i) {
      const std::string_view v = in_.Bytes(32);
      ids.emplace_back(v.data(), v.size());
    }
    for (const std::string& id : ids) id_ptrs.push_back(id.c_str());
    if (in_.U8() % 16 == 15) id_ptrs.push_back(nullptr);  // a NULL id
    opts.cadence_ids = id_ptrs.empty() || in_.U8() % 16 == 15
                           ? nullptr
                           : id_ptrs.data();
    opts.cadence_id_count = id_ptrs.size();
    const dg_schedule_options* o = in_.U8() % 4 == 0 ? nullptr : &opts;
    const Shape kind = opts.format == DG_FORMAT_JSON || o == nullptr
                          ? Shape::kJson
                          : Shape::kText;
    switch (in_.U8() % 3) {
      case 0:
        DG_CALL_STRING(kind, dg_plan_schedule, p, cal, from, to, o);
        break;
      case 1:
        DG_CALL_STRING(kind, dg_plan_tasks_due, p, cal, from, to, o);
        break;
      default:
        DG_CALL_STRING(kind, dg_plan_tasks_overdue, p, cal, to, o);
        break;
    }
  }

  void CriticalPath() {
    const dg_plan* p = PlanArg();
    const dg_calendar* cal = CalArg();
    const dg_date start = DateArg();
    int32_t durations[16];
    size_t count = in_.U8() % 17;
    for (size_t i = 0; i < count; ++i) {
      const uint8_t b = in_.U8();
      durations[i] = b < 240 ? b % 30 : in_.I32();
    }
    const int32_t* d = count == 0 && in_.Bool() ? nullptr : durations;
    if (in_.U8() % 16 == 15) d = nullptr;  // NULL with a count
    DG_CALL_STRING(Shape::kJson, dg_plan_critical_path, p, cal, start, d,
                   count);
  }

  void DatesAndPeriods() {
    dg_date d = 0;
    switch (in_.U8() % 6) {
      case 0:
        DG_CALL(dg_date_from_ymd, MaybeNull(&d), SmallInt(2023),
                SmallInt(), SmallInt());
        break;
      case 1: {
        int32_t y = 0, m = 0, day = 0;
        DG_CALL(dg_date_to_ymd, MaybeNull(&y), MaybeNull(&m), MaybeNull(&day),
                DateArg());
        break;
      }
      case 2: {
        TextArg t = Str(32);
        DG_CALL(dg_date_parse, MaybeNull(&d), t.data, t.size);
        break;
      }
      case 3: {
        char buffer[16];
        const size_t size = in_.U8() % 17;
        const dg_status s =
            dg_date_format(size ? buffer : nullptr, size, DateArg());
        CheckStatus(s, "dg_date_format");
        if (s == DG_OK) DG_FUZZ_CHECK(std::strlen(buffer) == 10);
        break;
      }
      case 4: {
        dg_date start = 0, end = 0;
        DG_CALL(dg_period_of, MaybeNull(&start), MaybeNull(&end), SmallInt(),
                DateArg(), SmallInt());
        break;
      }
      default:
        DG_CALL_STRING(Shape::kText, dg_period_label, SmallInt(), DateArg());
        break;
    }
  }

  // Frees result objects, or reads them again without refilling: after
  // their plan was freed or replaced, what they lend must still be valid.
  void ReplaceResults() {
    const int i = Slot();
    switch (in_.U8() % 4) {
      case 3:
        ReadAccountability(acc_[i]);
        ReadUnitTasks(unit_tasks_[i]);
        ReadPersonTasks(person_tasks_[i]);
        break;
      case 0:
        dg_accountability_free(acc_[i]);
        acc_[i] = nullptr;
        break;
      case 1:
        dg_unit_tasks_free(unit_tasks_[i]);
        unit_tasks_[i] = nullptr;
        break;
      default:
        dg_person_tasks_free(person_tasks_[i]);
        person_tasks_[i] = nullptr;
        break;
    }
  }

  // Stores a newly created handle in a slot, freeing what was there. On
  // failure the out-param must have been left NULL.
  template <typename T>
  void Replace(T*& slot, dg_status s, T* created) {
    if (s != DG_OK) {
      DG_FUZZ_CHECK(created == nullptr);
      return;
    }
    if (created == nullptr) return;  // the out-param itself was NULL
    Free(slot);
    slot = created;
  }
  static void Free(dg_calendar* c) { dg_calendar_free(c); }
  static void Free(dg_plan* p) { dg_plan_free(p); }

  ByteReader& in_;
  std::string path_;
  int derivations_ = 0;
  dg_calendar* cal_[kSlots] = {};
  dg_plan* plan_[kSlots] = {};
  dg_accountability* acc_[kSlots] = {};
  dg_unit_tasks* unit_tasks_[kSlots] = {};
  dg_person_tasks* person_tasks_[kSlots] = {};
};

}  // namespace
}  // namespace dutygraph::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  dutygraph::fuzz::GetFixtures();
  dutygraph::fuzz::ByteReader in(data, size);
  dutygraph::fuzz::Program program(in);
  program.Run();
  return 0;
}
