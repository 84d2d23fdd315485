// capi/dg_import.cc — the importer behind dg.h: dg_import_text.
#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>

#include "guard.h"
#include "dutygraph/dg.h"
#include "dutygraph/import.h"
#include "dutygraph/plan_json.h"

namespace {

using dutygraph::capi::ApiCall;
using dutygraph::capi::NewCString;
using dutygraph::capi::ZeroOut;

dg_status ReadOptions(const dg_import_options* opts,
                      dutygraph::ImportOptions* out, const ApiCall& call) {
  if (opts == nullptr) return DG_OK;
  const size_t declared = opts->struct_size;
  const size_t min_size = DG_FIELD_END(dg_import_options, year);
  if (declared < min_size) {
    return call.Fail(DG_INVALID_ARGUMENT,
                     {"opts->struct_size is ", std::to_string(declared),
                      ", smaller than the first fields of dg_import_options (",
                      std::to_string(min_size),
                      " bytes); initialise it with DG_IMPORT_OPTIONS_INIT"});
  }
  out->year = opts->year;
  if (declared >= DG_FIELD_END(dg_import_options, plan_id) &&
      opts->plan_id != nullptr) {
    std::string_view id;
    if (dg_status s = call.CheckText(&id, opts->plan_id,
                                     std::strlen(opts->plan_id), "opts->plan_id");
        s != DG_OK) {
      return s;
    }
    out->plan_id = std::string(id);
  }
  if (declared >= DG_FIELD_END(dg_import_options, known_units_json_len)) {
    if (opts->known_units_json == nullptr && opts->known_units_json_len != 0) {
      return call.Fail(DG_INVALID_ARGUMENT,
                       {"opts->known_units_json is NULL but its length is ",
                        std::to_string(opts->known_units_json_len)});
    }
    if (opts->known_units_json != nullptr) {
      absl::StatusOr<dutygraph::PlanData> known = dutygraph::ParsePlanJson(
          std::string_view(opts->known_units_json, opts->known_units_json_len));
      if (!known.ok()) {
        return call.Fail(DG_INVALID_ARGUMENT,
                         {"opts->known_units_json is not a plan JSON: ",
                          std::string(known.status().message())});
      }
      out->known_units = known->units;
      out->known_unit_sets = known->unit_sets;
    }
  }
  return DG_OK;
}

}  // namespace

dg_status dg_import_text(char** plan_json_out, size_t* plan_json_size_out,
                         char** diagnostics_json_out, const char* text,
                         size_t text_len,
                         const dg_import_options* opts) noexcept {
  DG_API_GUARD({
    ZeroOut(plan_json_out, plan_json_size_out, diagnostics_json_out);
    if (plan_json_out == nullptr) return call.NullArgument("plan_json_out");
    std::string_view checked;
    if (dg_status s = call.CheckText(&checked, text, text_len, "text");
        s != DG_OK) {
      return s;
    }
    dutygraph::ImportOptions options;
    if (dg_status s = ReadOptions(opts, &options, call); s != DG_OK) return s;
    absl::StatusOr<dutygraph::ImportResult> result =
        dutygraph::ImportPlanText(checked, options);
    if (!result.ok()) return call.FromStatus(result.status());
    const std::string plan = dutygraph::WritePlanJson(result->plan);
    char* diagnostics = nullptr;
    if (diagnostics_json_out != nullptr) {
      const std::string d =
          dutygraph::WriteImportDiagnosticsJson(result->diagnostics);
      if (dg_status s = NewCString(&diagnostics, nullptr, d, call); s != DG_OK) {
        return s;
      }
    }
    if (dg_status s = NewCString(plan_json_out, plan_json_size_out, plan, call);
        s != DG_OK) {
      dg_string_free(diagnostics);
      return s;
    }
    if (diagnostics_json_out != nullptr) *diagnostics_json_out = diagnostics;
    return DG_OK;
  });
}
