// libFuzzer target: ImportPlanText (include/dutygraph/import.h) on any
// bytes. Beyond "no crash, no sanitizer report", it checks the importer's
// promises: a result always passes Plan::Build (an INTERNAL status would be
// an importer bug), its JSON reads back, and the diagnostics JSON is written.
// Corpus: fuzz/make_import_corpus.sh; the run is documented in
// docs/import.md.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "dutygraph/import.h"
#include "dutygraph/plan_json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  dutygraph::ImportOptions options;
  options.max_bytes = size_t{1} << 20;
  absl::StatusOr<dutygraph::ImportResult> result =
      dutygraph::ImportPlanText(text, options);
  if (!result.ok()) {
    if (result.status().code() == absl::StatusCode::kInternal) std::abort();
    return 0;
  }
  const std::string json = dutygraph::WritePlanJson(result->plan);
  if (!dutygraph::LoadPlanJson(json).ok()) std::abort();
  (void)dutygraph::WriteImportDiagnosticsJson(result->diagnostics);
  return 0;
}
