// Units and unit sets of an imported plan (import/unit_registry.h).
#include "import/unit_registry.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "import/annotation.h"

namespace dutygraph::import_internal {

namespace {

// Common abbreviations of Chinese government unit names: the long form on
// the left is keyed as the short one on the right. Generic, not tied to one
// document (docs/import.md).
const std::vector<std::pair<absl::string_view, absl::string_view>>&
Abbreviations() {
  static const auto* table =
      new std::vector<std::pair<absl::string_view, absl::string_view>>{
          {"发展和改革委员会", "发改委"},
          {"发展改革委", "发改委"},
          {"住房和城乡建设局", "住建局"},
          {"住房城乡建设局", "住建局"},
          {"交通运输局", "交通局"},
          {"人民检察院", "检察院"},
          {"中级人民法院", "中院"},
          {"卫生健康委员会", "卫健委"},
          {"卫生健康委", "卫健委"},
          {"市场监督管理局", "市场监管局"},
          {"工业和信息化局", "工信局"},
          {"人力资源和社会保障局", "人社局"},
          {"人力资源社会保障局", "人社局"},
          {"人力资源和社会保障厅", "人社厅"},
          {"人力资源社会保障厅", "人社厅"},
          {"住房和城乡建设厅", "住建厅"},
          {"住房城乡建设厅", "住建厅"},
          {"交通运输厅", "交通厅"},
          {"工业和信息化厅", "工信厅"},
          {"卫生健康厅", "卫健厅"},
          {"自然资源和规划局", "自然资源局"},
          {"生态环境局", "环境局"},
          {"国家电网", "国网"},
          {"电力公司", "供电公司"},
          {"委员会办公室", "委办"},
          {"会办公室", "办"},
          {"办公室", "办"},
          {"人民政府", "政府"},
          {"委员会", "委"},
      };
  return *table;
}

std::string KindOf(U32View n) {
  if (EndsWith(n, V(U"法院"))) return "court";
  if (EndsWith(n, V(U"检察院"))) return "procuratorate";
  if (EndsWith(n, V(U"县政府")) || EndsWith(n, V(U"县人民政府"))) {
    return "county_government";
  }
  if (EndsWith(n, V(U"区政府")) || EndsWith(n, V(U"区人民政府"))) {
    return "district_government";
  }
  if (EndsWith(n, V(U"政府"))) return "government";
  if (Contains(n, V(U"人民银行")) || Contains(n, V(U"银保监")) ||
      Contains(n, V(U"金融监管"))) {
    return "financial_regulator";
  }
  if (EndsWith(n, V(U"公司")) || EndsWith(n, V(U"集团"))) return "enterprise";
  if (StartsWith(n, V(U"市委")) || StartsWith(n, V(U"省委")) ||
      StartsWith(n, V(U"县委")) || StartsWith(n, V(U"中共"))) {
    return "party";
  }
  if (EndsWith(n, V(U"工商联")) || EndsWith(n, V(U"科协")) ||
      EndsWith(n, V(U"妇联")) || EndsWith(n, V(U"残联")) ||
      StartsWith(n, V(U"团"))) {
    return "mass_organization";
  }
  if (EndsWith(n, V(U"大学")) || EndsWith(n, V(U"学院"))) return "university";
  if (EndsWith(n, V(U"科学院")) || EndsWith(n, V(U"研究院"))) return "institute";
  if (EndsWith(n, V(U"办"))) return "office";
  if (EndsWith(n, V(U"局")) || EndsWith(n, V(U"委")) || EndsWith(n, V(U"厅")) ||
      EndsWith(n, V(U"海关"))) {
    return "department";
  }
  return "other";
}

}  // namespace

UnitRegistry::UnitRegistry(const ImportOptions& options,
                           std::string jurisdiction,
                           std::vector<ImportDiagnostic>* diagnostics)
    : jurisdiction_(std::move(jurisdiction)), diagnostics_(diagnostics) {
  units_ = options.known_units;
  known_units_ = units_.size();
  have_dictionary_ = !options.known_units.empty();
  for (UnitData& u : units_) {
    // Posts are not imported from the dictionary.
    u.head_post.clear();
    u.supervising_post.clear();
  }
  for (size_t i = 0; i < units_.size(); ++i) {
    const Target t{false, units_[i].id};
    std::vector<std::string> names = units_[i].aliases;
    names.push_back(units_[i].name);
    if (!units_[i].full_name.empty()) names.push_back(units_[i].full_name);
    for (const std::string& n : names) {
      by_name_.try_emplace(n, t);
      by_key_.try_emplace(SpellingKey(n), t);
    }
  }
  sets_ = options.known_unit_sets;
  set_used_.assign(sets_.size(), false);
  for (UnitSetData& s : sets_) {
    s.group.clear();  // groups are not imported from the dictionary
    if (s.members.empty()) s.open = true;
    const Target t{true, s.id};
    by_name_.try_emplace(s.name, t);
    by_key_.try_emplace(SpellingKey(s.name), t);
    for (const std::string& a : s.aliases) by_name_.try_emplace(a, t);
  }
}

std::string UnitRegistry::SpellingKey(const std::string& name) const {
  std::string k;
  for (char c : name) {
    if (c != ' ' && c != '\t' && c != '\n') k.push_back(c);
  }
  if (!jurisdiction_.empty()) {
    const std::string with_level = jurisdiction_ + "市";
    k = absl::StrReplaceAll(k, {{with_level, jurisdiction_}});
    if (absl::string_view(k).substr(0, jurisdiction_.size()) == jurisdiction_) {
      k = "市" + k.substr(jurisdiction_.size());
    }
  }
  for (const auto& [from, to] : Abbreviations()) {
    k = absl::StrReplaceAll(k, {{from, to}});
  }
  if (absl::string_view(k).substr(0, 3) == "市" && k.size() > 6) {
    k = k.substr(3);
  }
  return k;
}

Target UnitRegistry::Find(const std::string& name) const {
  if (auto it = by_name_.find(name); it != by_name_.end()) return it->second;
  if (auto it = by_key_.find(SpellingKey(name)); it != by_key_.end()) {
    return it->second;
  }
  return {};
}

bool UnitRegistry::Known(U32View name) const {
  return !Find(ToUtf8(name)).id.empty();
}

bool UnitRegistry::LooksLikeUnit(U32View n) const {
  if (Known(n) || IsUnitSetName(n)) return true;
  if (!HasUnitSuffix(n)) return false;
  if (HasLevelPrefix(n)) return true;
  const U32 j = ToU32(jurisdiction_);
  if (!j.empty() && Contains(n, j)) return true;
  return StartsWith(n, V(U"国网")) || StartsWith(n, V(U"在"));
}

void UnitRegistry::AddAlias(const Target& t, const std::string& name) {
  if (t.is_set) {
    for (UnitSetData& s : sets_) {
      if (s.id != t.id) continue;
      if (s.name != name &&
          std::find(s.aliases.begin(), s.aliases.end(), name) == s.aliases.end()) {
        s.aliases.push_back(name);
      }
    }
  } else {
    for (UnitData& u : units_) {
      if (u.id != t.id) continue;
      if (u.name != name && u.full_name != name &&
          std::find(u.aliases.begin(), u.aliases.end(), name) == u.aliases.end()) {
        u.aliases.push_back(name);
      }
    }
  }
  by_name_.try_emplace(name, t);
}

Target UnitRegistry::Create(const std::string& name, int line) {
  const U32 n = ToU32(name);
  Target t;
  t.is_set = IsUnitSetName(n);
  auto taken = [&](const std::string& id) {
    for (const UnitData& u : units_) {
      if (u.id == id) return true;
    }
    for (const UnitSetData& s : sets_) {
      if (s.id == id) return true;
    }
    return false;
  };
  size_t serial = (t.is_set ? sets_.size() : units_.size()) + 1;
  do {
    t.id = absl::StrCat(t.is_set ? "set" : "u", serial++);
  } while (taken(t.id));
  if (t.is_set) {
    UnitSetData s;
    s.id = t.id;
    s.name = name;
    s.open = true;  // the document does not enumerate it
    s.notes = absl::StrCat("imported from line ", line);
    sets_.push_back(std::move(s));
    set_used_.push_back(true);
  } else {
    UnitData u;
    u.id = t.id;
    u.name = name;
    u.kind = KindOf(n);
    u.notes = absl::StrCat("imported from line ", line);
    units_.push_back(std::move(u));
  }
  by_name_.try_emplace(name, t);
  by_key_.try_emplace(SpellingKey(name), t);
  diagnostics_->push_back(
      {line, have_dictionary_ ? "warning" : "info",
       t.is_set ? "new_unit_set" : "new_unit",
       absl::StrCat(t.is_set ? "new unit set '" : "new unit '", name, "'",
                    have_dictionary_ ? " (not in the known units)" : "",
                    " created as ", t.id)});
  return t;
}

Target UnitRegistry::Resolve(const std::string& name, int line) {
  if (auto it = by_name_.find(name); it != by_name_.end()) {
    if (it->second.is_set) {
      for (size_t i = 0; i < sets_.size(); ++i) {
        if (sets_[i].id == it->second.id) set_used_[i] = true;
      }
    }
    return it->second;
  }
  if (auto it = by_key_.find(SpellingKey(name)); it != by_key_.end()) {
    const Target t = it->second;
    std::string canonical;
    if (!t.is_set) {
      for (const UnitData& u : units_) {
        if (u.id == t.id) canonical = u.name;
      }
    } else {
      for (size_t i = 0; i < sets_.size(); ++i) {
        if (sets_[i].id == t.id) {
          canonical = sets_[i].name;
          set_used_[i] = true;
        }
      }
    }
    AddAlias(t, name);
    diagnostics_->push_back(
        {line, "info", "same_unit",
         absl::StrCat("'", name, "' taken as '", canonical,
                      "' (same unit, another spelling)")});
    return t;
  }
  return Create(name, line);
}

Target UnitRegistry::ResolveRestored(const std::string& full,
                                     const std::string& written, int line) {
  const Target t = Resolve(full, line);
  AddAlias(t, written);
  diagnostics_->push_back(
      {line, "warning", "prefix_restored",
       absl::StrCat("'", written, "' read as '", full,
                    "' (the level prefix of the unit before it)")});
  return t;
}

void UnitRegistry::AddTo(PlanData* plan) const {
  plan->units = units_;
  for (size_t i = 0; i < sets_.size(); ++i) {
    if (set_used_[i]) plan->unit_sets.push_back(sets_[i]);
  }
}

}  // namespace dutygraph::import_internal
