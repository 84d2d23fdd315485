// dutygraph/plan_json.h — reading and writing the plan JSON format
// `dutygraph/plan@1` (docs/plan-format.md, docs/plan.schema.json).
//
// Reading is all-or-nothing and reports every problem in one pass, each with
// the JSON Pointer of the offending value and, for unknown names, a
// did-you-mean. Writing is canonical: keys in the documented order, defaults
// omitted, 2-space indentation, UTF-8 unescaped — so read(write(x)) == x and
// write(read(text)) == text for canonical text.
//
// Thread safety: pure functions.
#ifndef DUTYGRAPH_PLAN_JSON_H_
#define DUTYGRAPH_PLAN_JSON_H_

#include <concepts>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "dutygraph/plan.h"
#include "dutygraph/plan_data.h"

namespace dutygraph {

// Limits against hostile input. Exceeding one is RESOURCE_EXHAUSTED with the
// limit named, never an out-of-memory kill.
// The defaults admit a province-scale plan (bench/plan_bench: 100,000 tasks,
// 66.5 MiB, ~0.5 million records; the Hengyang plan is 0.5 MiB, depth 5)
// with room to spare, while bounding the loader's memory;
// docs/hostile-input.md lists them. The C API's DG_LOAD_OPTIONS_INIT repeats
// them.
struct PlanLimits {
  size_t max_bytes = size_t{256} << 20;  // input size
  int max_depth = 32;                    // JSON nesting
  size_t max_records = 2'000'000;  // array elements of any kind together
};

// ParsePlanJson()
//
// JSON text -> PlanData, checking the format (types, required and unknown
// keys, enumerations, dates, ids, UTF-8, duplicate keys) but not the
// cross-record rules (Plan::Build checks those). INVALID_ARGUMENT lists every
// problem ("/tasks/3/kind: expected one of part, section, task; got
// 'taks'"); each is also appended to `diagnostics` if given.
absl::StatusOr<PlanData> ParsePlanJson(
    std::string_view json, std::vector<PlanDiagnostic>* diagnostics = nullptr,
    const PlanLimits& limits = {});

// WritePlanJson(): the canonical text of `data` (ends with a newline).
std::string WritePlanJson(const PlanData& data);

// LoadPlanJson() / LoadPlanFile(): parse, then Plan::Build. NOT_FOUND if the
// file cannot be read.
absl::StatusOr<Plan> LoadPlanJson(
    std::string_view json, std::vector<PlanDiagnostic>* diagnostics = nullptr,
    const PlanLimits& limits = {});
absl::StatusOr<Plan> LoadPlanFile(
    const std::string& path,
    std::vector<PlanDiagnostic>* diagnostics = nullptr,
    const PlanLimits& limits = {});

namespace internal {
// `capacity`: bytes allocated at json.data(); the parser needs 64 readable
// bytes past the text, and copies the text when they are not there.
absl::StatusOr<PlanData> ParsePlanJson(std::string_view json, size_t capacity,
                                       std::vector<PlanDiagnostic>* diagnostics,
                                       const PlanLimits& limits);
absl::StatusOr<Plan> LoadPlanJson(std::string_view json, size_t capacity,
                                  std::vector<PlanDiagnostic>* diagnostics,
                                  const PlanLimits& limits);
}  // namespace internal

// The same for text in a std::string: with 64 bytes of spare capacity
// (json.reserve(json.size() + 64) before filling it) the parser reads the
// string in place instead of copying it first, which saves a copy of the
// whole text (about 10 % of loading a large plan). Any other string works
// too, with the copy.
template <typename String>
  requires std::same_as<String, std::string>
absl::StatusOr<PlanData> ParsePlanJson(
    const String& json, std::vector<PlanDiagnostic>* diagnostics = nullptr,
    const PlanLimits& limits = {}) {
  return internal::ParsePlanJson(json, json.capacity(), diagnostics, limits);
}
template <typename String>
  requires std::same_as<String, std::string>
absl::StatusOr<Plan> LoadPlanJson(
    const String& json, std::vector<PlanDiagnostic>* diagnostics = nullptr,
    const PlanLimits& limits = {}) {
  return internal::LoadPlanJson(json, json.capacity(), diagnostics, limits);
}

}  // namespace dutygraph

#endif  // DUTYGRAPH_PLAN_JSON_H_
