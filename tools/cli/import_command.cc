// tools/cli/import_command.cc — `dutygraph import`.
#include "import_command.h"

#include <unistd.h>

#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "dutygraph/import.h"
#include "dutygraph/plan_json.h"

namespace dutygraph::cli {
namespace {

struct ImportArgs {
  std::string file;
  std::string year;  // as typed; empty: from the document
  std::string units;
  std::string id;
  std::string diagnostics;
};

absl::StatusOr<std::string> ReadFile(const std::string& what,
                                     const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(what + " '" + path + "' cannot be read");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return absl::NotFoundError(what + " '" + path + "' cannot be read");
  return text.str();
}

absl::Status RunImport(const ImportArgs& args) {
  ImportOptions options;
  if (!args.year.empty()) {
    absl::StatusOr<int32_t> year = ArgumentInt32("--year", args.year);
    if (!year.ok()) return year.status();
    options.year = *year;
  }
  options.plan_id = args.id;
  if (!args.units.empty()) {
    absl::StatusOr<std::string> json = ReadFile("--units file", args.units);
    if (!json.ok()) return json.status();
    absl::StatusOr<PlanData> known = ParsePlanJson(*json);
    if (!known.ok()) {
      return WithContext(known.status(), "--units " + args.units + " is not a plan JSON");
    }
    options.known_units = known->units;
    options.known_unit_sets = known->unit_sets;
  }
  absl::StatusOr<std::string> text = ReadFile("file", args.file);
  if (!text.ok()) return text.status();
  // Progress only for a person watching a long import.
  const bool progress = text->size() > (size_t{1} << 20) && isatty(STDERR_FILENO);
  if (progress) std::cerr << "importing " << args.file << " (" << (text->size() >> 20) << " MB)..." << std::flush;
  absl::StatusOr<ImportResult> result = ImportPlanText(*text, options);
  if (progress) std::cerr << " done\n";
  if (!result.ok()) return WithContext(result.status(), args.file);
  if (!args.diagnostics.empty()) {
    std::ofstream out(args.diagnostics, std::ios::binary);
    out << WriteImportDiagnosticsJson(result->diagnostics);
    out.close();
    if (!out) {
      return absl::NotFoundError("--diagnostics file '" + args.diagnostics + "' cannot be written");
    }
  } else {
    for (const ImportDiagnostic& d : result->diagnostics) {
      std::cerr << args.file << ":" << d.line << ": " << d.severity << ": " << d.message
                << " [" << d.code << "]\n";
    }
  }
  std::cout << WritePlanJson(result->plan) << std::flush;
  return absl::OkStatus();
}

}  // namespace

void AddImportCommand(CLI::App& app, CommandAction& action) {
  auto args = std::make_shared<ImportArgs>();
  CLI::App* cmd = app.add_subcommand(
      "import",
      "Read an official plan document (UTF-8 text, OCR noise allowed) and "
      "write it as plan JSON on stdout; diagnostics (line, what was unsure) "
      "go to stderr");
  cmd->add_option("FILE", args->file, "the document's text")->required();
  cmd->add_option("--year", args->year,
                  "the plan year (default: from the document's date or number)")
      ->check(Int32Validator());
  cmd->add_option("--units", args->units,
                  "KNOWN.json: a plan JSON whose units and unit sets are the known units");
  cmd->add_option("--id", args->id, "the plan id in the output (default: imported)");
  cmd->add_option("--diagnostics", args->diagnostics,
                  "write the diagnostics to this file as a JSON array instead of stderr");
  cmd->callback([args, &action] { action = [args] { return RunImport(*args); }; });
}

}  // namespace dutygraph::cli
