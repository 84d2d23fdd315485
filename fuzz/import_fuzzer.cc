// libFuzzer target: ImportPlanText (include/dutygraph/import.h) on any
// bytes. Beyond "no crash, no sanitizer report", it checks the importer's
// promises: a result always passes Plan::Build (an INTERNAL status would be
// an importer bug), its JSON reads back, the diagnostics JSON is valid
// UTF-8, and a refusal has a message in valid UTF-8.
// Corpus: fuzz/make_import_corpus.sh; the run is documented in
// docs/import.md.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "dutygraph/import.h"
#include "dutygraph/plan_json.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  dutygraph::ImportOptions options;
  options.max_bytes = size_t{1} << 20;
  absl::StatusOr<dutygraph::ImportResult> result =
      dutygraph::ImportPlanText(text, options);
  if (!result.ok()) {
    DG_FUZZ_CHECK(result.status().code() != absl::StatusCode::kInternal);
    DG_FUZZ_CHECK(!result.status().message().empty() &&
                  dutygraph::fuzz::IsValidUtf8(
                      dutygraph::fuzz::MessageOf(result.status())));
    return 0;
  }
  const std::string json = dutygraph::WritePlanJson(result->plan);
  DG_FUZZ_CHECK(dutygraph::LoadPlanJson(json).ok());
  DG_FUZZ_CHECK(dutygraph::fuzz::IsValidUtf8(
      dutygraph::WriteImportDiagnosticsJson(result->diagnostics)));
  return 0;
}
