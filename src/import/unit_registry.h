// import/unit_registry.h — the units and unit sets of an imported plan: one
// record per unit however the document spells it.
//
// Two spellings are the same unit when their *spelling keys* are equal. The
// key drops the jurisdiction (衡阳市/衡阳/市 at the start, 衡阳市 → 衡阳
// inside) and applies the common abbreviations of Chinese unit names
// (住房和城乡建设局 = 住建局, 交通运输局 = 交通局, 人民检察院 = 检察院,
// 国家电网 = 国网, 电力公司 = 供电公司, 办公室 = 办, 发展和改革委员会 = 发改委
// ...; the table is in unit_registry.cc and docs/import.md). A name matches
// a known unit (ImportOptions::known_units) by its name, full name or an
// alias first, then by key.
//
// Thread safety: a value; not for concurrent use.
#ifndef DUTYGRAPH_SRC_IMPORT_UNIT_REGISTRY_H_
#define DUTYGRAPH_SRC_IMPORT_UNIT_REGISTRY_H_

#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "dutygraph/import.h"
#include "import/text.h"

namespace dutygraph::import_internal {

struct Target {
  bool is_set = false;
  std::string id;
};

class UnitRegistry {
 public:
  // `jurisdiction` is the plan's place name without its level (衡阳 for
  // 衡阳市), empty if unknown.
  UnitRegistry(const ImportOptions& options, std::string jurisdiction,
               std::vector<ImportDiagnostic>* diagnostics);

  // Whether `name` is known already (dictionary or seen before).
  bool Known(U32View name) const;
  // Whether `name` is surely a unit or unit-set name (see annotation.h).
  bool LooksLikeUnit(U32View name) const;

  // Resolve(): the unit or unit set `name` (as written) stands for, created
  // and flagged if new. The name becomes an alias of its record when it is
  // not one already, so `as_written` always names the target.
  Target Resolve(const std::string& name, int line);
  // ResolveRestored(): like Resolve, for a name whose dropped prefix was
  // restored (`full`, e.g. 省财政厅, written `written`, e.g. 财政厅).
  Target ResolveRestored(const std::string& full, const std::string& written,
                         int line);

  std::string SpellingKey(const std::string& name) const;

  // Writes the units (known ones first, all of them) and unit sets.
  void AddTo(PlanData* plan) const;

 private:
  Target Find(const std::string& name) const;
  Target Create(const std::string& name, int line);
  void AddAlias(const Target& t, const std::string& name);

  std::string jurisdiction_;
  std::vector<UnitData> units_;
  std::vector<UnitSetData> sets_;
  std::vector<bool> set_used_;
  size_t known_units_ = 0;
  bool have_dictionary_ = false;
  absl::flat_hash_map<std::string, Target> by_name_;
  absl::flat_hash_map<std::string, Target> by_key_;
  std::vector<ImportDiagnostic>* diagnostics_;
};

}  // namespace dutygraph::import_internal

#endif  // DUTYGRAPH_SRC_IMPORT_UNIT_REGISTRY_H_
