// Responsibility annotations (import/annotation.h).
#include "import/annotation.h"

#include <array>
#include <utility>

namespace dutygraph::import_internal {

std::vector<Span> FindBracketSpans(U32View f, std::vector<size_t>* unclosed) {
  std::vector<Span> spans;
  size_t depth = 0, open = 0;
  for (size_t i = 0; i < f.size(); ++i) {
    if (f[i] == U'(') {
      if (depth == 0) open = i;
      ++depth;
    } else if (f[i] == U')' && depth > 0) {
      if (--depth == 0) spans.push_back({open, i});
    }
  }
  if (depth > 0 && unclosed != nullptr) unclosed->push_back(open);
  // An unclosed bracket swallows the rest; rescan after it so later
  // annotations are still found.
  if (depth > 0 && open + 1 < f.size()) {
    std::vector<Span> rest = FindBracketSpans(f.substr(open + 1), unclosed);
    for (Span s : rest) spans.push_back({s.open + open + 1, s.close + open + 1});
  }
  return spans;
}

namespace {

struct Marker {
  const char32_t* text;
  Role role;
};

// Longest first where one is a prefix or suffix of another.
constexpr std::array<Marker, 17> kRoleMarkers = {{
    {U"根据职责分工负责", Role::kResponsible},
    {U"按照职责分工负责", Role::kResponsible},
    {U"按职责分工负责", Role::kResponsible},
    {U"依职责分工负责", Role::kResponsible},
    {U"分工负责", Role::kResponsible},
    {U"按职责负责", Role::kResponsible},
    {U"依职责负责", Role::kResponsible},
    {U"具体负责", Role::kResponsible},
    {U"依职责牵头", Role::kLead},
    {U"按职责牵头", Role::kLead},
    {U"共同牵头", Role::kLead},
    {U"牵头", Role::kLead},
    {U"配合", Role::kSupport},
    {U"协助", Role::kSupport},
    {U"负责", Role::kResponsible},
    {U"参与", Role::kParticipate},
    {U"参加", Role::kParticipate},
}};

struct Label {
  const char32_t* text;
  Role role;
};
constexpr std::array<Label, 7> kLabelHeads = {{
    {U"牵头", Role::kLead},
    {U"主办", Role::kLead},
    {U"责任", Role::kResponsible},
    {U"主责", Role::kResponsible},
    {U"配合", Role::kSupport},
    {U"协办", Role::kSupport},
    {U"参与", Role::kParticipate},
}};

// 牵头单位: / 责任部门： at `i` (folded); returns its length, 0 if none.
size_t LabelAt(U32View f, size_t i, Role* role) {
  for (const Label& l : kLabelHeads) {
    const U32View head(l.text);
    if (!StartsWith(f.substr(i), head)) continue;
    size_t j = i + head.size();
    U32View rest = f.substr(j);
    size_t kind = 0;
    if (StartsWith(rest, V(U"单位"))) kind = 2;
    if (StartsWith(rest, V(U"部门"))) kind = 2;
    if (kind == 0) continue;
    j += kind;
    while (j < f.size() && IsSpace(f[j])) ++j;
    if (j < f.size() && f[j] == U':') {
      *role = l.role;
      return j + 1 - i;
    }
  }
  return 0;
}

// 等, 等部门, 等相关部门 ... at `i` when followed by a role, a separator or
// the end; returns its length, 0 if none.
size_t OpenMarkerAt(U32View f, size_t i) {
  if (f[i] != U'等') return 0;
  size_t j = i + 1;
  for (U32View tail : {V(U"相关部门"), V(U"有关部门"), V(U"相关单位"),
                       V(U"有关单位"), V(U"成员单位"), V(U"部门"),
                       V(U"单位")}) {
    if (StartsWith(f.substr(j), tail)) {
      j += tail.size();
      break;
    }
  }
  if (j == f.size()) return j - i;
  const char32_t c = f[j];
  if (c == U'、' || c == U'，' || c == U';' || c == U'等') return j - i;
  for (const Marker& m : kRoleMarkers) {
    if (StartsWith(f.substr(j), U32View(m.text))) return j - i;
  }
  if (StartsWith(f.substr(j), V(U"严格履行")) || StartsWith(f.substr(j), V(U"履行"))) {
    return j - i;
  }
  return 0;
}

bool NameIsPhrase(U32View n) {
  if (n.empty() || n.size() > 40) return true;
  for (char32_t c : n) {
    if (c == U'。' || c == U'的' || c == U':' || c == U'%' || c == U'是' ||
        c == U'《' || c == U'?' || c == U'!' || c == U'/') {
      return true;
    }
  }
  return false;
}

}  // namespace

bool IsUnitSetName(U32View n) {
  return StartsWith(n, V(U"各")) || Contains(n, V(U"各部门")) ||
         Contains(n, V(U"各单位")) || Contains(n, V(U"相关")) ||
         Contains(n, V(U"有关")) || Contains(n, V(U"涉及")) ||
         EndsWith(n, V(U"成员单位"));
}

bool HasUnitSuffix(U32View n) {
  static constexpr std::array<const char32_t*, 36> kSuffixes = {
      U"局",   U"委",   U"办",     U"厅",   U"部",   U"院",
      U"会",   U"联",   U"队",     U"政府", U"公司", U"海关",
      U"中心", U"支行", U"分行",   U"银行", U"集团", U"署",
      U"所",   U"站",   U"处",     U"室",   U"社",   U"组",
      U"指挥部", U"高校", U"大学", U"学校", U"学院", U"法院",
      U"检察院", U"军分区", U"团",  U"馆",   U"司",   U"园区"};
  for (const char32_t* s : kSuffixes) {
    if (EndsWith(n, U32View(s))) return n.size() > U32View(s).size();
  }
  return false;
}

bool HasLevelPrefix(U32View n) {
  static constexpr std::array<const char32_t*, 16> kPrefixes = {
      U"市", U"省", U"县", U"区", U"镇", U"乡", U"街道", U"国家",
      U"国务院", U"中共", U"中国", U"人民银行", U"团", U"各", U"自治",
      U"州"};
  for (const char32_t* p : kPrefixes) {
    if (StartsWith(n, U32View(p))) return true;
  }
  return false;
}

size_t FindLabel(U32View f, size_t from) {
  for (size_t i = from; i < f.size(); ++i) {
    Role role;
    if (LabelAt(f, i, &role) > 0) return i;
  }
  return U32View::npos;
}

std::optional<ParsedAnnotation> ParseAnnotation(U32View original,
                                                U32View folded,
                                                const UnitTest& strong) {
  // Drop whitespace (OCR line breaks inside names) from both, in step.
  U32 o, f;
  for (size_t i = 0; i < folded.size() && i < original.size(); ++i) {
    if (IsSpace(folded[i])) continue;
    o.push_back(original[i]);
    f.push_back(folded[i]);
  }
  ParsedAnnotation out;
  std::vector<U32> pending;  // names waiting for their role
  U32 item;                  // the name being read (original characters)
  bool labelled = false;  // inside a label form: its names get label_role
  Role label_role = Role::kResponsible;
  bool any_role = false;
  int depth = 0;  // brackets inside names: 各县（市、区）人民政府
  auto flush_item = [&]() -> bool {
    U32View n = Trim(item);
    // "…由X": X is the unit; the description and the list it started are
    // not names.
    const size_t by = n.rfind(U'由');
    if (by != U32View::npos && by + 1 < n.size()) {
      n = n.substr(by + 1);
      pending.clear();
    }
    for (U32View lead : {V(U"并"), V(U"及"), V(U"和")}) {
      if (StartsWith(n, lead) && n.size() > 3) n.remove_prefix(lead.size());
    }
    // "市住建局及相关高校": 及 joins two names (never inside one).
    for (U32View join : {V(U"以及"), V(U"及")}) {
      const size_t at = n.find(join);
      if (at == U32View::npos || at == 0 || at + join.size() >= n.size()) continue;
      const U32View left = n.substr(0, at), right = n.substr(at + join.size());
      if (!(HasUnitSuffix(left) || IsUnitSetName(left)) ||
          !(HasUnitSuffix(right) || IsUnitSetName(right))) {
        continue;
      }
      if (NameIsPhrase(left)) return false;
      pending.emplace_back(left);
      n = right;
      break;
    }
    if (!n.empty()) {
      if (NameIsPhrase(n)) return false;
      pending.emplace_back(n);
    }
    item.clear();
    return true;
  };
  auto assign = [&](Role role) {
    for (U32& n : pending) out.names.push_back({role, std::move(n)});
    pending.clear();
    any_role = true;
  };
  for (size_t i = 0; i < f.size();) {
    const char32_t c = f[i];
    if (c == U'(') ++depth;
    if (c == U')' && depth > 0) --depth;
    if (depth > 0 || c == U')') {
      item.push_back(o[i]);
      ++i;
      continue;
    }
    Role next_role;
    if (const size_t n = LabelAt(f, i, &next_role)) {
      if (!flush_item()) return std::nullopt;
      if (labelled) assign(label_role);
      if (!pending.empty()) return std::nullopt;  // names before a label
      labelled = true;
      label_role = next_role;
      out.labelled = true;
      i += n;
      continue;
    }
    if (c == U'、' || c == U'，' || c == U';') {
      if (!flush_item()) return std::nullopt;
      if (c == U';' && labelled) {
        assign(label_role);
        labelled = false;
      }
      ++i;
      continue;
    }
    if (const size_t n = OpenMarkerAt(f, i); n > 0 && !item.empty()) {
      if (!flush_item()) return std::nullopt;
      out.open_list = true;
      i += n;
      continue;
    }
    if (StartsWith(U32View(f).substr(i), V(U"会同"))) {
      if (!flush_item()) return std::nullopt;
      i += 2;
      continue;
    }
    // 履行…责任 (市安委会相关成员单位严格履行安全监管责任): responsible.
    if (!item.empty() && (StartsWith(U32View(f).substr(i), V(U"严格履行")) ||
                          StartsWith(U32View(f).substr(i), V(U"履行")))) {
      size_t end = i;
      while (end < f.size() && f[end] != U'，' && f[end] != U';') ++end;
      if (!Contains(U32View(f).substr(i, end - i), V(U"责任"))) {
        return std::nullopt;
      }
      if (!flush_item()) return std::nullopt;
      assign(Role::kResponsible);
      i = end;
      continue;
    }
    bool matched = false;
    for (const Marker& m : kRoleMarkers) {
      const U32View mk(m.text);
      if (!StartsWith(U32View(f).substr(i), mk)) continue;
      // A role word ends its clause: followed by a separator, another list
      // (、 after 牵头 in 市X牵头、市Y配合) or the end.
      const size_t after = i + mk.size();
      if (after < f.size() && f[after] != U'，' && f[after] != U';' &&
          f[after] != U'、' && f[after] != U'。') {
        continue;
      }
      if (!flush_item()) return std::nullopt;
      if (pending.empty()) return std::nullopt;  // a role with no names
      assign(m.role);
      i = after;
      matched = true;
      break;
    }
    if (matched) continue;
    item.push_back(o[i]);
    ++i;
  }
  if (!flush_item()) return std::nullopt;
  if (labelled) {
    assign(label_role);
  } else if (!pending.empty()) {
    if (any_role) return std::nullopt;  // names left without a role
    // A bare list: every name must look like a unit.
    for (const U32& n : pending) {
      if (!strong(n) || !(HasLevelPrefix(n) || IsUnitSetName(n) || strong(n))) {
        return std::nullopt;
      }
    }
    out.bare = true;
    assign(Role::kResponsible);
  }
  if (out.names.empty()) return std::nullopt;
  bool any_strong = false;
  for (const AnnotatedName& n : out.names) any_strong = any_strong || strong(n.name);
  if (!any_strong) return std::nullopt;
  return out;
}

}  // namespace dutygraph::import_internal
