// bench/calendar_bench.cc — the working-day calendar against its peer.
//
// Times the three operations plans lean on — IsWorkingDay, AddWorkingDays and
// WorkingDaysBetween — through dutygraph's public C++ API
// (Calendar::ChinaMainland()), through the C API (the boundary cost), and
// through QuantLib's China::IB calendar, the common open-source alternative.
// Every variant walks the same pre-generated, fixed-seed inputs; the
// generator is never timed. After the run a summary prints the peer ratios
// and whether dutygraph's targets hold.
//
// Time per item is CPU time: 1 / items_per_second, whose rate Google
// Benchmark computes from CPU time. With --benchmark_repetitions the median
// repetition is used.
//
// Run: the `run_benchmarks` target, or see docs/benchmarks.md.
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "benchmark/benchmark.h"
#include "dutygraph/calendar.h"
#include "dutygraph/date.h"
#include "dutygraph/version.h"
#include "random_dates.h"

#ifdef DG_HAVE_QUANTLIB
#include <ql/config.hpp>
#include <ql/time/calendars/china.hpp>
#include <ql/time/date.hpp>
#endif

#ifdef DG_HAVE_CAPI
#include "dutygraph/dg.h"
#endif

namespace dutygraph::bench {
namespace {

// Inputs are cycled through with a mask; 4096 of each stay in L1/L2 so that
// the benchmark times the calendar, not memory.
constexpr size_t kInputCount = 4096;
constexpr size_t kInputMask = kInputCount - 1;
static_assert((kInputCount & kInputMask) == 0, "kInputCount: a power of two");

// All inputs lie in official years, so strict mode answers every call and no
// variant times an error path.
constexpr int32_t kFirstDay = DaysFromCivil(2010, 1, 1);
constexpr int32_t kLastDay = DaysFromCivil(2026, 12, 31);
// Start days for AddWorkingDays: 60 working days after 2026-08-31 is still in
// 2026 (checked at start-up by CheckInputs()).
constexpr int32_t kLastAddStart = DaysFromCivil(2026, 8, 31);
constexpr int32_t kMaxAddN = 60;

// Targets for dutygraph, per item.
constexpr double kTargetIsWorkingDayNs = 2.0;
constexpr double kTargetAddWorkingDaysNs = 5.0;
constexpr double kTargetWorkingDaysBetweenNs = 5.0;
constexpr double kTargetPeerSpeedup = 1000.0;

struct Inputs {
  std::vector<int32_t> days;        // IsWorkingDay
  std::vector<int32_t> add_starts;  // AddWorkingDays: start day ...
  std::vector<int32_t> add_counts;  // ... and n, uniform in 1..60
  std::vector<std::pair<int32_t, int32_t>> between;  // (a, b), a <= b
};

const Inputs& GetInputs() {
  static const Inputs* const inputs = [] {
    auto* in = new Inputs;
    // Distinct seeds per input set, all derived from the one fixed seed.
    in->days = RandomDays(kInputCount, kFirstDay, kLastDay, kBenchSeed + 1);
    in->add_starts =
        RandomDays(kInputCount, kFirstDay, kLastAddStart, kBenchSeed + 2);
    in->add_counts = RandomInts(kInputCount, 1, kMaxAddN, kBenchSeed + 3);
    in->between =
        RandomDayPairs(kInputCount, kFirstDay, kLastDay, kBenchSeed + 4);
    return in;
  }();
  return *inputs;
}

// The inputs as dutygraph dates. The range is checked once by CheckInputs().
Date ToDate(int32_t days) { return *Date::FromDaysSinceEpoch(days); }

struct DutygraphInputs {
  std::vector<Date> days;
  std::vector<Date> add_starts;
  std::vector<std::pair<Date, Date>> between;
};

const DutygraphInputs& GetDutygraphInputs() {
  static const DutygraphInputs* const inputs = [] {
    const Inputs& in = GetInputs();
    auto* out = new DutygraphInputs;
    for (int32_t d : in.days) out->days.push_back(ToDate(d));
    for (int32_t d : in.add_starts) out->add_starts.push_back(ToDate(d));
    for (auto [a, b] : in.between)
      out->between.emplace_back(ToDate(a), ToDate(b));
    return out;
  }();
  return *inputs;
}

// CheckInputs()
//
// Runs every input once through dutygraph (untimed) so that the benchmarks
// time answers, not errors. Returns a description of the first failure.
std::optional<std::string> CheckInputs() {
  const Inputs& in = GetInputs();
  for (int32_t d : {kFirstDay, kLastDay}) {
    if (!Date::FromDaysSinceEpoch(d).ok()) {
      return "day " + std::to_string(d) + " is not a representable Date";
    }
  }
  const Calendar cal = Calendar::ChinaMainland();
  const DutygraphInputs& dg = GetDutygraphInputs();
  for (Date d : dg.days) {
    auto r = cal.IsWorkingDay(d);
    if (!r.ok())
      return "IsWorkingDay(" + d.ToString() + "): " + r.status().ToString();
  }
  for (size_t i = 0; i < kInputCount; ++i) {
    auto r = cal.AddWorkingDays(dg.add_starts[i], in.add_counts[i]);
    if (!r.ok()) {
      return "AddWorkingDays(" + dg.add_starts[i].ToString() + ", " +
             std::to_string(in.add_counts[i]) + "): " + r.status().ToString();
    }
  }
  for (auto [a, b] : dg.between) {
    auto r = cal.WorkingDaysBetween(a, b);
    if (!r.ok()) {
      return "WorkingDaysBetween(" + a.ToString() + ", " + b.ToString() +
             "): " + r.status().ToString();
    }
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------
// dutygraph, C++ API

void BM_IsWorkingDay_Dutygraph(benchmark::State& state) {
  const Calendar cal = Calendar::ChinaMainland();
  const std::vector<Date>& days = GetDutygraphInputs().days;
  size_t i = 0;
  for (auto _ : state) {
    auto working = cal.IsWorkingDay(days[i]);
    benchmark::DoNotOptimize(working);
    i = (i + 1) & kInputMask;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_IsWorkingDay_Dutygraph);

void BM_AddWorkingDays_Dutygraph(benchmark::State& state) {
  const Calendar cal = Calendar::ChinaMainland();
  const std::vector<Date>& starts = GetDutygraphInputs().add_starts;
  const std::vector<int32_t>& counts = GetInputs().add_counts;
  size_t i = 0;
  for (auto _ : state) {
    auto day = cal.AddWorkingDays(starts[i], counts[i]);
    benchmark::DoNotOptimize(day);
    i = (i + 1) & kInputMask;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AddWorkingDays_Dutygraph);

void BM_WorkingDaysBetween_Dutygraph(benchmark::State& state) {
  const Calendar cal = Calendar::ChinaMainland();
  const std::vector<std::pair<Date, Date>>& pairs =
      GetDutygraphInputs().between;
  size_t i = 0;
  for (auto _ : state) {
    auto count = cal.WorkingDaysBetween(pairs[i].first, pairs[i].second);
    benchmark::DoNotOptimize(count);
    i = (i + 1) & kInputMask;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_WorkingDaysBetween_Dutygraph);

// ---------------------------------------------------------------------------
// dutygraph, C API: the same calls through the shared C ABI library.

#ifdef DG_HAVE_CAPI
// A calendar handle for the duration of one benchmark.
class CApiCalendar {
 public:
  CApiCalendar() { status_ = dg_calendar_china_mainland(&cal_, nullptr); }
  ~CApiCalendar() { dg_calendar_free(cal_); }
  CApiCalendar(const CApiCalendar&) = delete;
  CApiCalendar& operator=(const CApiCalendar&) = delete;
  // False after SkipWithError() with the library's message.
  bool Ok(benchmark::State& state) const {
    if (status_ == DG_OK) return true;
    state.SkipWithError(dg_last_error_message());
    return false;
  }
  const dg_calendar* get() const { return cal_; }

 private:
  dg_calendar* cal_ = nullptr;
  dg_status status_ = DG_INTERNAL;
};

void BM_IsWorkingDay_CApi(benchmark::State& state) {
  CApiCalendar cal;
  if (!cal.Ok(state)) return;
  const std::vector<int32_t>& days = GetInputs().days;
  size_t i = 0;
  for (auto _ : state) {
    int working = 0;
    dg_status status =
        dg_calendar_is_working_day(&working, nullptr, cal.get(), days[i]);
    benchmark::DoNotOptimize(status);
    benchmark::DoNotOptimize(working);
    i = (i + 1) & kInputMask;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_IsWorkingDay_CApi);

void BM_AddWorkingDays_CApi(benchmark::State& state) {
  CApiCalendar cal;
  if (!cal.Ok(state)) return;
  const std::vector<int32_t>& starts = GetInputs().add_starts;
  const std::vector<int32_t>& counts = GetInputs().add_counts;
  size_t i = 0;
  for (auto _ : state) {
    dg_date day = 0;
    dg_status status = dg_calendar_add_working_days(&day, nullptr, cal.get(),
                                                    starts[i], counts[i]);
    benchmark::DoNotOptimize(status);
    benchmark::DoNotOptimize(day);
    i = (i + 1) & kInputMask;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AddWorkingDays_CApi);

void BM_WorkingDaysBetween_CApi(benchmark::State& state) {
  CApiCalendar cal;
  if (!cal.Ok(state)) return;
  const std::vector<std::pair<int32_t, int32_t>>& pairs = GetInputs().between;
  size_t i = 0;
  for (auto _ : state) {
    int32_t count = 0;
    dg_status status = dg_calendar_working_days_between(
        &count, nullptr, cal.get(), pairs[i].first, pairs[i].second);
    benchmark::DoNotOptimize(status);
    benchmark::DoNotOptimize(count);
    i = (i + 1) & kInputMask;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_WorkingDaysBetween_CApi);
#endif  // DG_HAVE_CAPI

// ---------------------------------------------------------------------------
// QuantLib China::IB (the inter-bank calendar: exchange holidays plus the
// make-up working weekends), on the same inputs.

#ifdef DG_HAVE_QUANTLIB
QuantLib::Date ToQuantLibDate(int32_t days) {
  return QuantLib::Date(
      static_cast<QuantLib::Date::serial_type>(days + kQuantLibSerialOfEpoch));
}

struct QuantLibInputs {
  std::vector<QuantLib::Date> days;
  std::vector<QuantLib::Date> add_starts;
  std::vector<std::pair<QuantLib::Date, QuantLib::Date>> between;
};

const QuantLibInputs& GetQuantLibInputs() {
  static const QuantLibInputs* const inputs = [] {
    const Inputs& in = GetInputs();
    auto* out = new QuantLibInputs;
    for (int32_t d : in.days) out->days.push_back(ToQuantLibDate(d));
    for (int32_t d : in.add_starts)
      out->add_starts.push_back(ToQuantLibDate(d));
    for (auto [a, b] : in.between) {
      out->between.emplace_back(ToQuantLibDate(a), ToQuantLibDate(b));
    }
    return out;
  }();
  return *inputs;
}

void BM_IsWorkingDay_QuantLibChinaIB(benchmark::State& state) {
  const QuantLib::China cal(QuantLib::China::IB);
  const std::vector<QuantLib::Date>& days = GetQuantLibInputs().days;
  size_t i = 0;
  for (auto _ : state) {
    bool working = cal.isBusinessDay(days[i]);
    benchmark::DoNotOptimize(working);
    i = (i + 1) & kInputMask;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_IsWorkingDay_QuantLibChinaIB);

void BM_AddWorkingDays_QuantLibChinaIB(benchmark::State& state) {
  const QuantLib::China cal(QuantLib::China::IB);
  const std::vector<QuantLib::Date>& starts = GetQuantLibInputs().add_starts;
  const std::vector<int32_t>& counts = GetInputs().add_counts;
  size_t i = 0;
  for (auto _ : state) {
    // advance(d, n, Days) with n > 0 is the n-th business day after d, the
    // same convention as AddWorkingDays.
    QuantLib::Date day = cal.advance(starts[i], counts[i], QuantLib::Days);
    benchmark::DoNotOptimize(day);
    i = (i + 1) & kInputMask;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AddWorkingDays_QuantLibChinaIB);

void BM_WorkingDaysBetween_QuantLibChinaIB(benchmark::State& state) {
  const QuantLib::China cal(QuantLib::China::IB);
  const auto& pairs = GetQuantLibInputs().between;
  size_t i = 0;
  for (auto _ : state) {
    // includeFirst = false, includeLast = true: (a, b], dutygraph's interval.
    QuantLib::Date::serial_type count =
        cal.businessDaysBetween(pairs[i].first, pairs[i].second, false, true);
    benchmark::DoNotOptimize(count);
    i = (i + 1) & kInputMask;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_WorkingDaysBetween_QuantLibChinaIB);
#endif  // DG_HAVE_QUANTLIB

// ---------------------------------------------------------------------------
// Machine description and the summary reporter.

std::string CpuModel() {
  std::ifstream cpuinfo("/proc/cpuinfo");
  std::string line;
  while (std::getline(cpuinfo, line)) {
    if (line.rfind("model name", 0) == 0) {
      size_t colon = line.find(':');
      if (colon != std::string::npos && colon + 2 <= line.size()) {
        return line.substr(colon + 2);
      }
    }
  }
  return "unknown (no 'model name' in /proc/cpuinfo)";
}

std::string CompilerVersion() {
#if defined(__clang__)
  return std::string("Clang ") + __clang_version__;
#elif defined(__GNUC__)
  return std::string("GCC ") + __VERSION__;
#else
  return "unknown compiler";
#endif
}

std::string QuantLibVersion() {
#ifdef DG_HAVE_QUANTLIB
  return QL_PACKAGE_VERSION;
#else
  return "absent (not found at configure time; peer benchmarks not built)";
#endif
}

std::string CApiStatus() {
#ifdef DG_HAVE_CAPI
  return "linked (dutygraph_c)";
#else
  return "absent (target dutygraph_c not built)";
#endif
}

// Per-item CPU time of one benchmark and how it was obtained.
struct Measurement {
  double ns_per_item = 0;
  std::string basis;  // "median of 5 repetitions", "1 run"
};

// Wraps the console reporter: prints the same table, remembers each
// benchmark's per-item time, and after the run prints peer ratios and
// targets.
class PeerRatioReporter : public benchmark::ConsoleReporter {
 public:
  explicit PeerRatioReporter(OutputOptions options)
      : ConsoleReporter(options) {}

  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& run : runs) Record(run);
    ConsoleReporter::ReportRuns(runs);
  }

  void Finalize() override {
    ConsoleReporter::Finalize();
    PrintSummary(GetOutputStream());
  }

 private:
  // Per-item CPU time of one run in nanoseconds.
  static double NsPerItem(const Run& run) {
    auto rate = run.counters.find("items_per_second");
    if (rate != run.counters.end() && rate->second.value > 0) {
      return 1e9 / rate->second.value;
    }
    // No rate: every benchmark here processes one item per iteration.
    return run.GetAdjustedCPUTime() * 1e9 /
           benchmark::GetTimeUnitMultiplier(run.time_unit);
  }

  void Record(const Run& run) {
    if (run.error_occurred) return;
    const std::string& name = run.run_name.function_name;
    if (run.run_type == Run::RT_Aggregate) {
      if (run.aggregate_name == "median") {
        medians_[name] = NsPerItem(run);
        repetitions_[name] = run.repetitions;
      }
    } else {
      iterations_[name].push_back(NsPerItem(run));
    }
  }

  std::optional<Measurement> Lookup(const std::string& name) const {
    if (auto it = medians_.find(name); it != medians_.end()) {
      return Measurement{it->second, "median of " +
                                         std::to_string(repetitions_.at(name)) +
                                         " repetitions"};
    }
    auto it = iterations_.find(name);
    if (it == iterations_.end() || it->second.empty()) return std::nullopt;
    std::vector<double> v = it->second;
    std::sort(v.begin(), v.end());
    double median = v.size() % 2 ? v[v.size() / 2]
                                 : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
    return Measurement{median,
                       v.size() == 1
                           ? std::string("1 run")
                           : "median of " + std::to_string(v.size()) + " runs"};
  }

  static std::string Ns(double ns) {
    char buf[32];
    std::snprintf(buf, sizeof buf, ns < 100 ? "%.2f ns" : "%.0f ns", ns);
    return buf;
  }

  void PrintSummary(std::ostream& out) const {
    struct Op {
      const char* op;
      double target_ns;
      bool peer_target;  // whether the >= 1000x target applies
    };
    const Op ops[] = {
        {"IsWorkingDay", kTargetIsWorkingDayNs, false},
        {"AddWorkingDays", kTargetAddWorkingDaysNs, true},
        {"WorkingDaysBetween", kTargetWorkingDaysBetweenNs, true},
    };

    out << "\n== dutygraph calendar: summary ==\n"
        << "CPU:       " << CpuModel() << "\n"
        << "Compiler:  " << CompilerVersion() << "\n"
        << "Build:     " << DG_BENCH_CONFIG << "\n"
        << "QuantLib:  " << QuantLibVersion() << "\n"
        << "C API:     " << CApiStatus() << "\n"
        << "Time per item is CPU time (1 / items_per_second).\n\n";

    out << "Peer ratios (QuantLib China::IB time / dutygraph time, per "
           "item):\n";
    for (const Op& op : ops) {
      auto dg = Lookup(std::string("BM_") + op.op + "_Dutygraph");
      auto ql = Lookup(std::string("BM_") + op.op + "_QuantLibChinaIB");
      char line[256];
      if (dg && ql) {
        std::snprintf(line, sizeof line,
                      "  peer ratio %-18s QuantLib %12s / dutygraph %9s = %.0fx"
                      "  (%s)\n",
                      op.op, Ns(ql->ns_per_item).c_str(),
                      Ns(dg->ns_per_item).c_str(),
                      ql->ns_per_item / dg->ns_per_item, dg->basis.c_str());
      } else {
        std::snprintf(line, sizeof line, "  peer ratio %-18s n/a (%s)\n", op.op,
                      !dg ? "dutygraph variant not run"
                          : "QuantLib variant not run or not built");
      }
      out << line;
    }

    out << "\nC API boundary (C API time - C++ API time, per item):\n";
    for (const Op& op : ops) {
      auto cxx = Lookup(std::string("BM_") + op.op + "_Dutygraph");
      auto c = Lookup(std::string("BM_") + op.op + "_CApi");
      char line[256];
      if (cxx && c) {
        std::snprintf(line, sizeof line,
                      "  %-18s C API %9s, C++ %9s, boundary %+.2f ns\n", op.op,
                      Ns(c->ns_per_item).c_str(), Ns(cxx->ns_per_item).c_str(),
                      c->ns_per_item - cxx->ns_per_item);
      } else {
        std::snprintf(line, sizeof line, "  %-18s n/a (variant not run)\n",
                      op.op);
      }
      out << line;
    }

    out << "\nTargets:\n";
    for (const Op& op : ops) {
      auto dg = Lookup(std::string("BM_") + op.op + "_Dutygraph");
      char line[256];
      if (dg) {
        std::snprintf(line, sizeof line,
                      "  [%s] %-18s dutygraph <= %.0f ns: %s\n",
                      dg->ns_per_item <= op.target_ns ? "PASS" : "MISS", op.op,
                      op.target_ns, Ns(dg->ns_per_item).c_str());
      } else {
        std::snprintf(line, sizeof line,
                      "  [n/a ] %-18s dutygraph <= %.0f ns: not run\n", op.op,
                      op.target_ns);
      }
      out << line;
    }
    for (const Op& op : ops) {
      if (!op.peer_target) continue;
      auto dg = Lookup(std::string("BM_") + op.op + "_Dutygraph");
      auto ql = Lookup(std::string("BM_") + op.op + "_QuantLibChinaIB");
      char line[256];
      if (dg && ql) {
        double ratio = ql->ns_per_item / dg->ns_per_item;
        std::snprintf(line, sizeof line,
                      "  [%s] %-18s >= %.0fx faster than QuantLib: %.0fx\n",
                      ratio >= kTargetPeerSpeedup ? "PASS" : "MISS", op.op,
                      kTargetPeerSpeedup, ratio);
      } else {
        std::snprintf(
            line, sizeof line,
            "  [n/a ] %-18s >= %.0fx faster than QuantLib: not measured\n",
            op.op, kTargetPeerSpeedup);
      }
      out << line;
    }
  }

  std::map<std::string, double> medians_;
  std::map<std::string, int64_t> repetitions_;
  std::map<std::string, std::vector<double>> iterations_;
};

}  // namespace
}  // namespace dutygraph::bench

int main(int argc, char** argv) {
  using dutygraph::bench::CApiStatus;
  using dutygraph::bench::CompilerVersion;
  using dutygraph::bench::CpuModel;
  using dutygraph::bench::QuantLibVersion;

  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;

  // Recorded in the context header of every output format (console, JSON).
  benchmark::AddCustomContext("cpu_model", CpuModel());
  benchmark::AddCustomContext("compiler", CompilerVersion());
  benchmark::AddCustomContext("build_type", DG_BENCH_CONFIG);
  benchmark::AddCustomContext("dutygraph",
                              std::string(dutygraph::kVersionString));
  benchmark::AddCustomContext("quantlib", QuantLibVersion());
  benchmark::AddCustomContext("c_api", CApiStatus());

  if (std::string(DG_BENCH_CONFIG) != "Release") {
    std::cerr << "***WARNING*** calendar_bench was built as '"
              << DG_BENCH_CONFIG
              << "', not Release; its timings are not representative.\n";
  }
#ifndef NDEBUG
  std::cerr << "***WARNING*** calendar_bench was built with assertions "
               "enabled (NDEBUG undefined).\n";
#endif
#ifndef DG_HAVE_QUANTLIB
  std::cerr << "Note: QuantLib was not found at configure time; the "
               "QuantLibChinaIB peer benchmarks are absent.\n";
#endif

  if (auto failure = dutygraph::bench::CheckInputs()) {
    std::cerr << "calendar_bench: benchmark inputs are not all answerable: "
              << *failure << "\n";
    return 1;
  }

  using Reporter = dutygraph::bench::PeerRatioReporter;
  Reporter reporter(isatty(STDOUT_FILENO) ? Reporter::OO_ColorTabular
                                          : Reporter::OO_Tabular);
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return 0;
}
