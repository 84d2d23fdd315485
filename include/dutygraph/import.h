// dutygraph/import.h — official-document text to a plan.
//
// `ImportPlanText` reads the text of a Chinese implementation plan (实施方案)
// as people actually get it — OCR'd from PDF, sentences broken across lines,
// page markers, stray columns of single characters, half- and full-width
// punctuation mixed, spaces inside numbers — and produces `PlanData`
// (plan_data.h) that `Plan::Build` accepts, plus diagnostics: every place
// where the importer had to guess, each with its line.
//
// What it recognises (docs/import.md has the full list with examples):
//   - the outline: 一、 > （一） > 1. > （1） > ①, 第X部分, dash headings,
//     附件N (one part per annex); the nesting is taken from the order in
//     which numbering styles appear, so any consistent scheme works;
//   - responsibility annotations in （）, () or 〔〕: 牵头, 配合, 负责,
//     按职责分工负责, 参与, X会同Y牵头, 由X牵头, 等/等部门 (open lists), bare
//     unit lists; 牵头单位：…；责任单位：…；配合单位：… forms, inline or on
//     their own lines, also when a table was flattened one cell per line;
//   - unit names as written, deduplicated across spellings, with prefixes
//     dropped after the first unit restored (省发展改革委、财政厅 -> 省财政厅),
//     unit-set references (各县市区, 相关成员单位), and parentheses that are
//     not annotations (（衡阳）, （含劳务派遣、灵活用工人）) left alone;
//   - deadlines (through ResolveDeadlineText, schedule.h), quantified
//     targets, working groups with conveners and members, people with their
//     posts, cadences (旬简报、月通报、季总结, 每周一调度 ...).
//
// Thread safety: pure function; concurrent calls are safe.
#ifndef DUTYGRAPH_IMPORT_H_
#define DUTYGRAPH_IMPORT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "dutygraph/plan_data.h"

namespace dutygraph {

struct ImportOptions {
  // The plan year (年底前 = its 12-31). 0: taken from the document (the
  // issue date, else the document number 〔YYYY〕, else the title).
  int year = 0;
  // The plan's id in the output; empty: "imported".
  std::string plan_id;
  // Known units of the jurisdiction (e.g. the `units` of an existing plan
  // JSON). A name in the text that matches one of them (name, full name,
  // alias, or the same name modulo the spelling rules of docs/import.md)
  // resolves to it; any other name becomes a new unit, flagged in the
  // diagnostics. Every known unit is written to the output.
  std::vector<UnitData> known_units;
  // Known unit sets (各县市区 with its members ...), matched likewise.
  std::vector<UnitSetData> known_unit_sets;
  // Input larger than this is RESOURCE_EXHAUSTED.
  size_t max_bytes = size_t{64} << 20;
};

// One thing the importer was unsure about, or decided by a rule worth
// showing a clerk who checks the result.
struct ImportDiagnostic {
  int line = 0;          // 1-based line of the source text, 0: the whole text
  std::string severity;  // "warning" (check this) or "info" (a rule applied)
  std::string code;      // stable key, e.g. "new_unit" (docs/import.md)
  std::string message;   // human-readable, quotes the text concerned
};

struct ImportResult {
  PlanData plan;  // accepted by Plan::Build
  std::vector<ImportDiagnostic> diagnostics;  // in line order
};

// ImportPlanText()
//
// Imports `text` (UTF-8). INVALID_ARGUMENT for invalid UTF-8 (with the byte
// offset), a text with no content, or a year outside the calendar's range;
// RESOURCE_EXHAUSTED beyond options.max_bytes. The result always passes
// Plan::Build; a failure there would be an importer bug and is reported as
// INTERNAL with the builder's message.
absl::StatusOr<ImportResult> ImportPlanText(std::string_view text,
                                            const ImportOptions& options = {});

// WriteImportDiagnosticsJson(): the diagnostics as a JSON array of
// {"line", "severity", "code", "message"} objects (ends with a newline).
std::string WriteImportDiagnosticsJson(
    const std::vector<ImportDiagnostic>& diagnostics);

}  // namespace dutygraph

#endif  // DUTYGRAPH_IMPORT_H_
