// Document text -> plan (include/dutygraph/import.h): the outline walk and
// the assembly of PlanData. The pieces live beside it: text.cc (OCR
// clean-up), annotation.cc (roles), unit_registry.cc (names), facts.cc
// (deadlines, targets, cadences, groups).
#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "dutygraph/import.h"
#include "dutygraph/plan.h"
#include "dutygraph/schedule.h"
#include "import/annotation.h"
#include "import/facts.h"
#include "import/text.h"
#include "import/unit_registry.h"
#include "nlohmann/json.hpp"
#include "util/utf8.h"

namespace dutygraph {

namespace {

using import_internal::AnnotatedName;
using import_internal::Contains;
using import_internal::EndsWith;
using import_internal::Fold;
using import_internal::FoldAll;
using import_internal::HanNumberValue;
using import_internal::IsDigit;
using import_internal::IsHanNumeral;
using import_internal::IsSpace;
using import_internal::Line;
using import_internal::ParsedAnnotation;
using import_internal::Span;
using import_internal::StartsWith;
using import_internal::Target;
using import_internal::ToU32;
using import_internal::ToUtf8;
using import_internal::Trim;
using import_internal::U32;
using import_internal::U32View;
using import_internal::UnitRegistry;
using import_internal::V;

// Numbering styles. Their nesting is not fixed: the first style met in a
// part is the outermost, and so on (a style met again closes the deeper
// ones), which fits 一、>（一）>1.>（1）>① and the variants others use.
enum class Style {
  kPart,         // 第一部分
  kHan,          // 一、
  kParenHan,     // （一）
  kArabic,       // 1.  1、
  kParenArabic,  // （1）
  kCircled,      // ①
  kDash,         // —— heading
  kTableRow,     // a row of a flattened table
};

struct Marker {
  Style style;
  U32 number;  // as printed, normalised: 一, （一）, 1, （1）, ①
  size_t text_start = 0;
};

std::optional<Marker> DetectMarker(U32View f) {
  size_t i = 0;
  if (f.empty()) return std::nullopt;
  // 第一部分
  if (f[0] == U'第') {
    size_t j = 1;
    while (j < f.size() && IsHanNumeral(f[j])) ++j;
    if (j > 1 && StartsWith(f.substr(j), V(U"部分"))) {
      return Marker{Style::kPart, U32(f.substr(0, j + 2)), j + 2};
    }
    return std::nullopt;
  }
  // 一、
  if (IsHanNumeral(f[0])) {
    while (i < f.size() && IsHanNumeral(f[i])) ++i;
    if (i < f.size() && i <= 3 && f[i] == U'、') {
      return Marker{Style::kHan, U32(f.substr(0, i)), i + 1};
    }
    return std::nullopt;
  }
  // （一） （1）
  if (f[0] == U'(') {
    size_t j = 1;
    while (j < f.size() && IsSpace(f[j])) ++j;
    const size_t s = j;
    bool han = false, arabic = false;
    while (j < f.size() && IsHanNumeral(f[j])) ++j, han = true;
    if (!han) {
      while (j < f.size() && IsDigit(f[j])) ++j, arabic = true;
    }
    const size_t e = j;
    while (j < f.size() && IsSpace(f[j])) ++j;
    if ((han || arabic) && e - s <= 3 && j < f.size() && f[j] == U')') {
      const U32 n = U"（" + U32(f.substr(s, e - s)) + U"）";
      return Marker{han ? Style::kParenHan : Style::kParenArabic, n, j + 1};
    }
    return std::nullopt;
  }
  // 1.  1、  (not 3.0版, not 2023年)
  if (IsDigit(f[0])) {
    while (i < f.size() && IsDigit(f[i])) ++i;
    size_t j = i;
    while (j < f.size() && f[j] == U' ') ++j;
    if (i <= 2 && j < f.size() && (f[j] == U'.' || f[j] == U'、') &&
        !(j + 1 < f.size() && IsDigit(f[j + 1]))) {
      return Marker{Style::kArabic, U32(f.substr(0, i)), j + 1};
    }
    return std::nullopt;
  }
  // ①
  if (f[0] >= 0x2460 && f[0] <= 0x2473) {
    return Marker{Style::kCircled, U32(f.substr(0, 1)), 1};
  }
  // —— heading / - heading (not a page marker: those are gone already)
  if (f[0] == U'—' || f[0] == U'-') {
    size_t j = 0;
    while (j < f.size() && (f[j] == U'—' || f[j] == U'-' || IsSpace(f[j]))) ++j;
    if (j < f.size() && !StartsWith(f.substr(j), V(U"附件"))) {
      return Marker{Style::kDash, U"—", j};
    }
  }
  return std::nullopt;
}

// 附件1 / 附件 2 / 附件三 (alone, or followed by a title), not 附件：(a list).
std::optional<int> AnnexNumber(U32View f) {
  if (!StartsWith(f, V(U"附件"))) return std::nullopt;
  size_t i = 2;
  while (i < f.size() && IsSpace(f[i])) ++i;
  const size_t s = i;
  while (i < f.size() && IsDigit(f[i])) ++i;
  int n = -1;
  if (i > s) {
    if (i - s > 3) return std::nullopt;  // not an annex number (and no overflow)
    n = std::stoi(ToUtf8(f.substr(s, i - s)));
  } else {
    while (i < f.size() && IsHanNumeral(f[i])) ++i;
    if (i > s) n = HanNumberValue(f.substr(s, i - s));
  }
  if (n <= 0 || n > 999) return std::nullopt;
  size_t j = i;
  while (j < f.size() && IsSpace(f[j])) ++j;
  if (j == f.size() || f[j] == U':') return n;
  return std::nullopt;
}

bool IsAnnexList(U32View f) {
  while (!f.empty() && (f[0] == U'—' || f[0] == U'-' || IsSpace(f[0]))) {
    f.remove_prefix(1);
  }
  return StartsWith(f, V(U"附件")) && f.size() > 2 &&
         (f[2] == U':' || (f.size() > 3 && IsSpace(f[2]) && f[3] == U':'));
}

// Flattened-table header cells and the role of their column.
enum class Column { kNumber, kTask, kLead, kResponsible, kSupport, kParticipate, kDeadline, kOther };

std::optional<Column> HeaderCell(U32View f) {
  struct H {
    const char32_t* word;
    Column column;
  };
  static constexpr H kHeaders[] = {
      {U"序号", Column::kNumber},       {U"重点任务", Column::kTask},
      {U"工作任务", Column::kTask},     {U"主要任务", Column::kTask},
      {U"具体任务", Column::kTask},     {U"任务内容", Column::kTask},
      {U"工作内容", Column::kTask},     {U"工作措施", Column::kTask},
      {U"任务", Column::kTask},         {U"牵头单位", Column::kLead},
      {U"牵头部门", Column::kLead},     {U"责任单位", Column::kResponsible},
      {U"责任部门", Column::kResponsible}, {U"配合单位", Column::kSupport},
      {U"配合部门", Column::kSupport},  {U"协办单位", Column::kSupport},
      {U"参与单位", Column::kParticipate}, {U"完成时限", Column::kDeadline},
      {U"完成时间", Column::kDeadline}, {U"时间节点", Column::kDeadline},
      {U"时限要求", Column::kDeadline}, {U"时限", Column::kDeadline},
      {U"进度安排", Column::kDeadline}, {U"备注", Column::kOther},
  };
  U32 t;
  for (char32_t c : f) {
    if (!IsSpace(c)) t.push_back(c);
  }
  for (const H& h : kHeaders) {
    if (t == U32View(h.word)) return h.column;
  }
  return std::nullopt;
}

// One node of the outline while it is being read.
struct Node {
  int part = 0;
  Style style = Style::kHan;
  bool is_part = false;
  U32 number;
  U32 path;
  std::string id;
  int parent = -1;
  int line = 0;
  int children = 0;
  std::vector<U32> lines;  // the marker line's text after the number, then
                           // each following line, as printed
  std::vector<int> line_numbers;  // the source line of each of `lines`
  // A table row: its cells by column.
  std::vector<std::pair<Column, U32>> cells;
};

std::string Squash(U32View t) {
  U32 out;
  for (char32_t c : t) {
    if (!IsSpace(c)) out.push_back(c);
  }
  return ToUtf8(out);
}

// The place name of the plan: 衡阳 from 衡阳市打好…方案.
std::string JurisdictionOf(U32View title, std::string* with_level) {
  // The level word nearest the start, 市 before 州 (衡州市 is a city).
  for (char32_t level : {U'市', U'省', U'县', U'区', U'州'}) {
    const size_t i = title.substr(0, 8).find(level);
    if (i == U32View::npos || i < 2) continue;
    bool han = true;
    for (size_t k = 0; k < i; ++k) han = han && import_internal::IsHan(title[k]);
    if (!han) continue;
    *with_level = ToUtf8(title.substr(0, i + 1));
    return ToUtf8(title.substr(0, i));
  }
  return "";
}

class Importer {
 public:
  Importer(const ImportOptions& options) : options_(options) {}

  absl::StatusOr<ImportResult> Run(std::string_view text) {
    lines_ = import_internal::CleanLines(text, &diags_);
    FindPreamble();
    Walk();
    if (nodes_.empty()) {
      return absl::InvalidArgumentError(
          "import: the text has no content (no title, heading or paragraph)");
    }
    // The plan year.
    int year = options_.year;
    if (year == 0 && plan_.plan.issue_date) year = plan_.plan.issue_date->year();
    if (year == 0) year = doc_year_;
    if (year == 0) year = YearIn(ToU32(plan_.plan.title));
    if (year == 0) {
      diags_.push_back({0, "warning", "no_year",
                        "no plan year found in the text (issue date, document "
                        "number or title); deadlines without a year are "
                        "dated in 2023 — pass the year (--year)"});
      year = 2023;
    }
    if (year < Date::kMinYear || year > Date::kMaxYear) {
      return absl::InvalidArgumentError(
          absl::StrCat("import: plan year ", year, " is outside ",
                       Date::kMinYear, "..", Date::kMaxYear));
    }
    plan_.plan.year = year;
    plan_.plan.id = options_.plan_id.empty() ? "imported" : options_.plan_id;
    std::string with_level;
    plan_.plan.jurisdiction.clear();
    const std::string j = JurisdictionOf(ToU32(plan_.plan.title), &with_level);
    plan_.plan.jurisdiction = with_level;
    registry_.emplace(options_, j, &diags_);
    for (size_t i = 0; i < nodes_.size(); ++i) EmitNode(i);
    EmitGroupsAndCadences();
    registry_->AddTo(&plan_);
    std::stable_sort(diags_.begin(), diags_.end(),
                     [](const ImportDiagnostic& a, const ImportDiagnostic& b) {
                       return a.line < b.line;
                     });
    std::vector<PlanDiagnostic> problems;
    absl::StatusOr<Plan> built = Plan::Build(plan_, &problems);
    if (!built.ok()) {
      return absl::InternalError(absl::StrCat(
          "import: the imported plan does not validate (an importer bug): ",
          built.status().message()));
    }
    ImportResult result;
    result.plan = std::move(plan_);
    result.diagnostics = std::move(diags_);
    return result;
  }

 private:
  static int YearIn(U32View t) {
    for (size_t i = 0; i + 4 < t.size(); ++i) {
      if (IsDigit(t[i]) && IsDigit(t[i + 1]) && IsDigit(t[i + 2]) &&
          IsDigit(t[i + 3]) && (i == 0 || !IsDigit(t[i - 1])) &&
          (t[i + 4] == U'年' || t[i + 4] == U'〕' || t[i + 4] == U']')) {
        return std::stoi(ToUtf8(t.substr(i, 4)));
      }
    }
    return 0;
  }

  // The notice before the plan (red header, document number, 关于印发《…》的
  // 通知, addressees, signatures, date) ends where the plan's own title
  // line repeats the title in 《》.
  void FindPreamble() {
    first_line_ = 0;
    U32 title;
    size_t notice = lines_.size();
    for (size_t i = 0; i < lines_.size() && i < 60; ++i) {
      const U32& t = lines_[i].text;
      const size_t a = t.find(U'《'), b = t.find(U'》');
      if (Contains(t, V(U"印发")) && a != U32::npos && b != U32::npos && b > a) {
        for (char32_t c : U32View(t).substr(a + 1, b - a - 1)) {
          if (!IsSpace(c)) title.push_back(c);
        }
        notice = i;
        break;
      }
    }
    if (!title.empty()) {
      for (size_t i = notice + 1; i < lines_.size(); ++i) {
        if (ToU32(Squash(lines_[i].text)) == title) {
          first_line_ = i;
          break;
        }
      }
    }
    if (first_line_ > 0) {
      // Document number, issue date, issuers (the signature block).
      for (size_t i = 0; i < first_line_; ++i) {
        const U32& t = lines_[i].text;
        const size_t l = t.find(U'〔');
        if (l != U32::npos && plan_.plan.document_number.empty() &&
            Contains(t, V(U"号")) && t.size() < 30) {
          plan_.plan.document_number = Squash(t);
          doc_year_ = YearIn(t);
        }
        const std::optional<Date> d = DateLine(t);
        if (d) {
          plan_.plan.issue_date = d;
          std::vector<std::string> issuers;
          for (size_t k = i; k-- > 0;) {
            const U32& s = lines_[k].text;
            if (s.empty()) {
              if (!issuers.empty()) break;
              continue;
            }
            if (s.size() > 30 || !(EndsWith(s, V(U"办公室")) || EndsWith(s, V(U"政府")) ||
                                   EndsWith(s, V(U"委员会")) || EndsWith(s, V(U"委")) ||
                                   EndsWith(s, V(U"厅")) || EndsWith(s, V(U"局")))) {
              break;
            }
            issuers.insert(issuers.begin(), Squash(s));
          }
          plan_.plan.issuers = issuers;
        }
      }
      diags_.push_back({lines_[0].number, "info", "preamble",
                        absl::StrCat("lines 1-", lines_[first_line_].number - 1,
                                     " read as the covering notice, not as "
                                     "plan content")});
    }
  }

  static std::optional<Date> DateLine(U32View t) {
    U32 s;
    for (char32_t c : t) {
      if (!IsSpace(c)) s.push_back(c);
    }
    int v[3] = {0, 0, 0};
    const char32_t seps[3] = {U'年', U'月', U'日'};
    size_t i = 0;
    for (int k = 0; k < 3; ++k) {
      const size_t st = i;
      while (i < s.size() && IsDigit(s[i]) && i - st < 5) {  // at most 5 digits: no overflow
        v[k] = v[k] * 10 + static_cast<int>(s[i++] - U'0');
      }
      if (i == st || i - st > 4 || i >= s.size() || s[i] != seps[k]) return std::nullopt;
      ++i;
    }
    if (i != s.size()) return std::nullopt;
    absl::StatusOr<Date> d = Date::FromYmd(v[0], v[1], v[2]);
    if (!d.ok()) return std::nullopt;
    return *d;
  }

  int NewNode(int part, int parent, Style style, U32 number, int line) {
    Node n;
    n.part = part;
    n.style = style;
    n.parent = parent;
    n.line = line;
    n.number = std::move(number);
    if (parent < 0) {
      n.is_part = true;
      n.id = absl::StrCat("p", part);
      n.path = ToU32(absl::StrCat(part));
      // 附件 N printed twice: the second is kept apart.
      for (int k = 2; paths_.contains(ToUtf8(n.path)); ++k) {
        n.id = absl::StrCat("p", part, "_", k);
        n.path = ToU32(absl::StrCat(part, "~", k));
        if (k == 2) {
          diags_.push_back({line, "warning", "duplicate_number",
                            absl::StrCat("annex ", part, " appears more than once")});
        }
      }
    } else {
      Node& p = nodes_[parent];
      ++p.children;
      n.id = absl::StrCat(p.id, ".", p.children);
      U32 seg = n.number;
      if (style == Style::kDash) seg += ToU32(absl::StrCat(p.children));
      n.path = p.path + U"/" + seg;
      // A path printed twice under one parent (a numbering slip) gets a
      // suffix so that every node stays addressable.
      for (int k = 0; paths_.contains(ToUtf8(n.path)); ++k) {
        n.path += ToU32(absl::StrCat("~", p.children + k));
        diags_.push_back({line, "warning", "duplicate_number",
                          absl::StrCat("number '", ToUtf8(n.number),
                                       "' repeats under the same heading")});
      }
    }
    paths_.insert(ToUtf8(n.path));
    nodes_.push_back(std::move(n));
    return static_cast<int>(nodes_.size()) - 1;
  }

  void Walk() {
    int part = 0;
    int root = -1;
    std::vector<int> stack;  // open nodes, outermost first
    bool in_annex_list = false;
    bool want_part_title = false;
    std::vector<std::optional<Column>> table;  // header of an open table
    auto open_part = [&](int number, int line, U32 title) {
      part = number;
      root = NewNode(part, -1, Style::kPart, U"", line);
      title_of_[root] = std::move(title);
      stack.clear();
      table.clear();
    };
    auto attach = [&](int node, Style style) {
      // Close the deeper levels of a style met again.
      for (size_t k = 0; k < stack.size(); ++k) {
        if (nodes_[stack[k]].style == style) {
          stack.resize(k);
          break;
        }
      }
      (void)node;
      return stack.empty() ? root : stack.back();
    };
    for (size_t i = first_line_; i < lines_.size(); ++i) {
      const Line& l = lines_[i];
      if (l.text.empty()) continue;
      const U32View f = l.folded;
      if (root < 0) {
        // The first content line is the title of part 0.
        open_part(0, l.number, l.text);
        plan_.plan.title = Squash(l.text);
        continue;
      }
      if (IsAnnexList(f)) {
        in_annex_list = true;
        continue;
      }
      if (const std::optional<int> annex = AnnexNumber(f)) {
        in_annex_list = false;
        size_t colon = f.find(U':');
        U32 title = colon == U32View::npos ? U32() : U32(Trim(U32View(l.text).substr(colon + 1)));
        open_part(*annex, l.number, title);
        want_part_title = title.empty();
        if (want_part_title) title_of_[root] = ToU32(absl::StrCat("附件", *annex));
        continue;
      }
      std::optional<Marker> m = DetectMarker(f);
      if (in_annex_list) {
        if (m && m->style == Style::kArabic && !Contains(f, V(U"。"))) continue;
        in_annex_list = false;
      }
      if (want_part_title) {
        want_part_title = false;
        if (!m) {
          title_of_[root] = l.text;
          continue;
        }
      }
      // A flattened table: a run of header cells, then rows.
      if (!table.empty()) {
        if (TableLine(l, m, &table, &stack, root)) continue;
      } else if (HeaderCell(f)) {
        size_t k = i;
        std::vector<std::optional<Column>> header;
        while (k < lines_.size()) {
          if (lines_[k].text.empty()) {
            ++k;
            continue;
          }
          std::optional<Column> c = HeaderCell(lines_[k].folded);
          if (!c) break;
          header.push_back(c);
          ++k;
        }
        const bool numbered = !header.empty() && header[0] == Column::kNumber;
        bool has_unit = false, has_task = false;
        for (const auto& c : header) {
          has_unit = has_unit || c == Column::kLead || c == Column::kResponsible;
          has_task = has_task || c == Column::kTask;
        }
        if (header.size() >= 3 && numbered && has_unit && has_task) {
          table = header;
          table_row_ = -1;
          table_next_ = 1;
          table_parent_ = stack.empty() ? root : stack.back();
          diags_.push_back({l.number, "info", "table",
                            absl::StrCat("a table flattened one cell per line (",
                                         header.size(), " columns) read row by row")});
          i = k - 1;
          continue;
        }
      }
      if (m) {
        const int parent = attach(-1, m->style);
        const int node = NewNode(part, parent, m->style, m->number, l.number);
        nodes_[node].lines.push_back(U32(Trim(U32View(l.text).substr(m->text_start))));
        nodes_[node].line_numbers.push_back(l.number);
        stack.push_back(node);
        continue;
      }
      const int current = stack.empty() ? root : stack.back();
      nodes_[current].lines.push_back(l.text);
      nodes_[current].line_numbers.push_back(l.number);
    }
  }

  // One line inside a flattened table. Returns false when the table ended
  // (the line is then read normally).
  bool TableLine(const Line& l, const std::optional<Marker>& m,
                 std::vector<std::optional<Column>>* table,
                 std::vector<int>* stack, int root) {
    const U32View f = l.folded;
    U32 digits;
    for (char32_t c : f) {
      if (!IsSpace(c)) digits.push_back(c);
    }
    bool all_digits = !digits.empty() && digits.size() <= 3;
    for (char32_t c : digits) all_digits = all_digits && IsDigit(c);
    if (all_digits && std::stoi(ToUtf8(digits)) == table_next_) {
      table_row_ = NewNode(nodes_[table_parent_].part, table_parent_, Style::kTableRow,
                           digits, l.number);
      ++table_next_;
      table_cell_ = 1;
      return true;
    }
    if (m && m->style != Style::kArabic) {
      table->clear();
      (void)stack;
      (void)root;
      return false;
    }
    if (table_row_ < 0) {
      table->clear();
      return false;
    }
    Node& row = nodes_[table_row_];
    // Cells in column order; a task text broken over several lines stays in
    // the task cell until a line that reads as a unit list.
    auto column = [&](size_t c) {
      return c < table->size() && (*table)[c] ? *(*table)[c] : Column::kOther;
    };
    if (table_cell_ < table->size() && column(table_cell_) != Column::kTask &&
        !row.cells.empty() && row.cells.back().first == Column::kTask &&
        !LooksLikeUnitList(l.text)) {
      row.cells.back().second += l.text;
      return true;
    }
    if (table_cell_ >= table->size()) {
      if (!row.cells.empty()) row.cells.back().second += l.text;
      return true;
    }
    row.cells.emplace_back(column(table_cell_), l.text);
    ++table_cell_;
    return true;
  }

  bool LooksLikeUnitList(U32View t) {
    U32 first;
    for (char32_t c : FoldAll(t)) {
      if (c == U'、' || c == U'，' || c == U';') break;
      if (!IsSpace(c)) first.push_back(c);
    }
    if (EndsWith(first, V(U"等"))) first.pop_back();
    // The registry does not exist yet while walking; use the shape rules.
    return import_internal::IsUnitSetName(first) ||
           (import_internal::HasUnitSuffix(first) &&
            (import_internal::HasLevelPrefix(first) || first.size() <= 12));
  }

  // --- emitting nodes -------------------------------------------------------

  struct Clause {
    std::string text;
    std::string annotation;
    bool open_list = false;
    std::vector<AnnotatedName> names;
  };

  void EmitNode(size_t index) {
    Node& n = nodes_[index];
    TaskData t;
    t.id = n.id;
    t.line = n.line;
    t.path = ToUtf8(n.path);
    t.number = ToUtf8(n.number);
    if (n.parent >= 0) t.parent = nodes_[n.parent].id;
    const bool task_style = n.style == Style::kArabic || n.style == Style::kParenArabic ||
                            n.style == Style::kCircled || n.style == Style::kDash ||
                            n.style == Style::kTableRow;
    t.kind = n.is_part ? "part" : task_style ? "task" : "section";
    if (n.style == Style::kTableRow) {
      EmitTableRow(n, &t);
      plan_.tasks.push_back(std::move(t));
      return;
    }
    // The whole text with line breaks as '\n' (a break separates label
    // forms on their own lines, and is ignored everywhere else).
    U32 raw;
    for (size_t k = 0; k < n.lines.size(); ++k) {
      if (k > 0) raw.push_back(U'\n');
      raw += n.lines[k];
    }
    const U32 folded = FoldAll(raw);
    // Annotations: bracketed spans and label forms.
    std::vector<size_t> unclosed;
    std::vector<Span> spans = import_internal::FindBracketSpans(folded, &unclosed);
    for (size_t u : unclosed) {
      diags_.push_back({LineAt(n, raw, u), "warning", "unclosed_bracket",
                        absl::StrCat("an opening bracket is never closed: '",
                                     ToUtf8(U32View(raw).substr(u, 20)), "…'")});
    }
    struct Found {
      size_t start, end;  // [start, end) in raw, brackets included
      ParsedAnnotation a;
      U32 inner;
    };
    std::vector<Found> found;
    auto strong = [this](U32View name) { return registry_->LooksLikeUnit(name); };
    for (const Span& s : spans) {
      const U32View inner = U32View(raw).substr(s.open + 1, s.close - s.open - 1);
      const U32View finner = U32View(folded).substr(s.open + 1, s.close - s.open - 1);
      std::optional<ParsedAnnotation> a = import_internal::ParseAnnotation(inner, finner, strong);
      if (a) {
        found.push_back({s.open, s.close + 1, *std::move(a), U32(inner)});
      } else if (MentionsRole(finner)) {
        diags_.push_back({LineAt(n, raw, s.open), "warning", "not_an_annotation",
                          absl::StrCat("'", Squash(U32View(raw).substr(s.open, s.close - s.open + 1)),
                                       "' has a role word but was not read as an "
                                       "annotation (its names do not look like units)")});
      }
    }
    // Label forms outside brackets: 牵头单位：…；责任单位：… to the end of the
    // line, continuing over following lines that start with a label.
    for (size_t at = import_internal::FindLabel(folded, 0); at != U32::npos;) {
      bool inside = false;
      for (const Span& s : spans) inside = inside || (at > s.open && at < s.close);
      if (inside) {
        at = import_internal::FindLabel(folded, at + 1);
        continue;
      }
      size_t end = at;
      while (true) {
        while (end < folded.size() && folded[end] != U'\n' && folded[end] != U'。') ++end;
        if (end < folded.size() && folded[end] == U'\n' &&
            import_internal::FindLabel(folded, end + 1) == end + 1) {
          ++end;
          continue;
        }
        break;
      }
      U32 inner(U32View(raw).substr(at, end - at)), finner(U32View(folded).substr(at, end - at));
      for (size_t k = 0; k < finner.size(); ++k) {
        if (finner[k] == U'\n') finner[k] = U';';  // a line break ends a label's list
      }
      std::optional<ParsedAnnotation> a = import_internal::ParseAnnotation(inner, finner, strong);
      if (a) found.push_back({at, end, *std::move(a), inner});
      at = import_internal::FindLabel(folded, end);
    }
    std::sort(found.begin(), found.end(),
              [](const Found& a, const Found& b) { return a.start < b.start; });
    // A label form running over a bracketed annotation: keep the first.
    for (size_t k = 1; k < found.size();) {
      if (found[k].start < found[k - 1].end) {
        found.erase(found.begin() + static_cast<std::ptrdiff_t>(k));
      } else {
        ++k;
      }
    }
    // The title: the heading line as a whole when it is short and has no
    // 。, else the first sentence; annotations are not part of it.
    const size_t first_break = raw.find(U'\n');
    const size_t first_len = first_break == U32::npos ? raw.size() : first_break;
    size_t title_end = U32::npos;
    for (size_t k = 0; k < folded.size(); ++k) {
      if (folded[k] == U'。') {
        title_end = k;
        break;
      }
    }
    bool heading_only = false;
    if (title_end == U32::npos || (title_end > first_len && first_len <= 30)) {
      title_end = first_len;
      heading_only = true;
    }
    if (n.is_part) {
      t.title = Squash(title_of_[index]);
      title_end = 0;
      heading_only = true;
    } else {
      U32 title;
      size_t k = 0;
      for (const Found& fd : found) {
        if (fd.start >= title_end) break;
        if (fd.start > k) title += U32View(raw).substr(k, fd.start - k);
        k = std::max(k, std::min(fd.end, title_end));
      }
      if (k < title_end) title += U32View(raw).substr(k, title_end - k);
      t.title = Squash(title);
    }
    // The text: everything (title sentence, body, annotations), line breaks
    // removed; a heading line alone is a title, not text.
    const size_t body_start = heading_only ? std::min(raw.size(), title_end) : 0;
    t.text = Squash(U32View(raw).substr(body_start));
    if (heading_only && t.text.empty()) t.text.clear();
    if (heading_only) {
      // Keep the spaces a clerk sees in the body: only OCR line breaks go.
      U32 body;
      for (char32_t c : U32View(raw).substr(body_start)) {
        if (c != U'\n') body.push_back(c);
      }
      t.text = ToUtf8(Trim(body));
    } else {
      U32 body;
      for (char32_t c : raw) {
        if (c != U'\n') body.push_back(c);
      }
      t.text = ToUtf8(Trim(body));
    }
    // Clauses: each annotation closes the text since the previous one.
    size_t from = 0;
    for (Found& fd : found) {
      ClauseData c;
      U32 piece;
      for (char32_t ch : U32View(raw).substr(from, fd.start - from)) {
        if (ch != U'\n') piece.push_back(ch);
      }
      c.text = ToUtf8(Trim(piece));
      if (fd.start < title_end || c.text.empty()) c.text = t.title.empty() ? Squash(fd.inner) : t.title;
      U32 ann;
      for (char32_t ch : Trim(fd.inner)) {
        // A label form over several lines: one label per line, joined by ；.
        if (ch == U'\n') {
          if (fd.a.labelled && !ann.empty() && Fold(ann.back()) != U';') ann.push_back(U'；');
          continue;
        }
        ann.push_back(ch);
      }
      c.annotation = ToUtf8(Trim(ann));
      c.open_list = fd.a.open_list;
      from = fd.end;
      const int clause = static_cast<int>(t.clauses.size());
      t.clauses.push_back(std::move(c));
      AddAssignments(fd.a, clause, LineAt(n, raw, fd.start), &t);
      if (fd.a.bare) {
        diags_.push_back({LineAt(n, raw, fd.start), "info", "bare_list",
                          absl::StrCat("'", t.clauses.back().annotation,
                                       "' has no role word: read as responsible")});
      }
    }
    if (t.title.empty() && t.text.empty()) t.title = t.number.empty() ? "untitled" : t.number;
    // Deadlines and targets, outside annotations.
    U32 plain = raw, fplain = folded;
    for (const Found& fd : found) {
      for (size_t k = fd.start; k < fd.end; ++k) plain[k] = fplain[k] = U' ';
    }
    for (size_t k = 0; k < plain.size(); ++k) {
      if (plain[k] == U'\n') plain[k] = fplain[k] = U' ';
    }
    // Join OCR line breaks (now spaces) inside words for the fact finders.
    U32 po, pf;
    for (size_t k = 0; k < plain.size(); ++k) {
      if (raw[k] == U'\n') continue;
      po.push_back(plain[k]);
      pf.push_back(fplain[k]);
    }
    if (!n.is_part) {
      t.deadlines = import_internal::FindDeadlines(po, pf, plan_.plan.year, n.line, &diags_);
      t.targets = import_internal::FindTargets(po, pf);
    }
    texts_.push_back({index, po, pf});
    plan_.tasks.push_back(std::move(t));
  }

  void EmitTableRow(Node& n, TaskData* t) {
    ParsedAnnotation a;
    a.labelled = true;
    std::string annotation;
    const auto strong = [this](U32View name) { return registry_->LooksLikeUnit(name); };
    for (auto& [column, cell] : n.cells) {
      const U32 f = FoldAll(cell);
      if (column == Column::kTask) {
        const size_t stop = f.find(U'。');
        t->title = Squash(U32View(cell).substr(0, stop));
        t->text = Squash(cell);
        t->targets = import_internal::FindTargets(cell, f);
        continue;
      }
      if (column == Column::kDeadline) {
        t->deadlines = import_internal::FindDeadlines(cell, f, plan_.plan.year, n.line, &diags_);
        if (t->deadlines.empty() && !Trim(cell).empty()) {
          absl::StatusOr<DeadlineData> d = ResolveDeadlineText(Squash(cell), plan_.plan.year);
          if (d.ok()) {
            t->deadlines.push_back(*d);
          } else {
            diags_.push_back({n.line, "warning", "deadline_unread",
                              absl::StrCat("deadline cell '", Squash(cell),
                                           "' not understood: ", d.status().message())});
          }
        }
        continue;
      }
      Role role;
      const char* label;
      switch (column) {
        case Column::kLead: role = Role::kLead, label = "牵头单位："; break;
        case Column::kSupport: role = Role::kSupport, label = "配合单位："; break;
        case Column::kParticipate: role = Role::kParticipate, label = "参与单位："; break;
        case Column::kResponsible: role = Role::kResponsible, label = "责任单位："; break;
        default: continue;
      }
      const U32 text = ToU32(label) + cell;
      std::optional<ParsedAnnotation> p = import_internal::ParseAnnotation(text, FoldAll(text), strong);
      if (!p) {
        diags_.push_back({n.line, "warning", "table_cell",
                          absl::StrCat("table cell '", Squash(cell),
                                       "' was not read as a list of units")});
        continue;
      }
      (void)role;
      for (AnnotatedName& x : p->names) a.names.push_back(std::move(x));
      a.open_list = a.open_list || p->open_list;
      if (!annotation.empty()) annotation += "；";
      annotation += Squash(text);
    }
    if (t->title.empty()) t->title = ToUtf8(n.number);
    if (!a.names.empty()) {
      ClauseData c;
      c.text = t->text.empty() ? t->title : t->text;
      c.annotation = annotation;
      c.open_list = a.open_list;
      t->clauses.push_back(std::move(c));
      AddAssignments(a, 0, n.line, t);
    }
  }

  static bool MentionsRole(U32View f) {
    for (U32View w : {V(U"牵头"), V(U"配合"), V(U"负责")}) {
      if (Contains(f, w)) return true;
    }
    return false;
  }

  // The source line of position `pos` of a node's raw text.
  static int LineAt(const Node& n, U32View raw, size_t pos) {
    size_t breaks = 0;
    for (size_t k = 0; k < pos && k < raw.size(); ++k) breaks += raw[k] == U'\n';
    return breaks < n.line_numbers.size() ? n.line_numbers[breaks] : n.line;
  }

  void AddAssignments(const ParsedAnnotation& a, int clause, int line, TaskData* t) {
    U32 prefix;  // the level prefix of the last unit that had one
    for (const AnnotatedName& x : a.names) {
      const U32& name = x.name;
      Target target;
      const std::string written = ToUtf8(name);
      if (!prefix.empty() && !registry_->Known(name) && !import_internal::HasLevelPrefix(name) &&
          import_internal::HasUnitSuffix(name) && !import_internal::IsUnitSetName(name) &&
          !Contains(name, V(U"市")) && !Contains(name, V(U"省")) && !Contains(name, V(U"县")) &&
          !Contains(name, V(U"区")) &&
          (plan_.plan.jurisdiction.empty() ||
           !Contains(name, ToU32(plan_.plan.jurisdiction).substr(0, 2))) &&
          !StartsWith(name, V(U"国")) && !StartsWith(name, V(U"中")) && !StartsWith(name, V(U"人民")) &&
          !StartsWith(name, V(U"在"))) {
        target = registry_->ResolveRestored(ToUtf8(prefix + name), written, line);
      } else {
        target = registry_->Resolve(written, line);
      }
      for (U32View p : {V(U"省"), V(U"市"), V(U"县"), V(U"区")}) {
        if (StartsWith(name, p) && !StartsWith(name, V(U"市委")) && !StartsWith(name, V(U"省委"))) {
          prefix = U32(p);
        }
      }
      if (StartsWith(name, V(U"市委")) || StartsWith(name, V(U"省委"))) prefix = name.substr(0, 1);
      AssignmentData as;
      as.role = x.role;
      as.clause = clause;
      as.as_written = written;
      if (target.is_set) {
        as.unit_set = target.id;
      } else {
        as.unit = target.id;
      }
      bool dup = false;
      for (const AssignmentData& o : t->assignments) {
        dup = dup || (o.role == as.role && o.clause == as.clause && o.unit == as.unit &&
                      o.unit_set == as.unit_set);
      }
      if (!dup) t->assignments.push_back(std::move(as));
    }
  }

  // --- groups, people, cadences --------------------------------------------

  void EmitGroupsAndCadences() {
    absl::flat_hash_map<std::string, size_t> group_by_key;
    absl::flat_hash_map<std::string, std::string> post_by_key;
    absl::flat_hash_map<std::string, std::string> person_by_name;
    std::vector<std::vector<std::string>> groups_of_part;
    auto group_key = [](std::string name) {
      U32 n = ToU32(name);
      U32 k;
      for (size_t i = 0; i < n.size(); ++i) {
        if (i + 1 < n.size() && n[i] == U'工' && n[i + 1] == U'作') {
          ++i;
          continue;
        }
        k.push_back(n[i]);
      }
      for (U32View w : {V(U"攻坚战"), V(U"攻坚仗")}) {
        const size_t at = k.find(w);
        if (at != U32::npos) k.replace(at, w.size(), V(U"攻坚"));
      }
      return ToUtf8(k);
    };
    auto post_id = [&](const std::string& title, const std::string& person) {
      const std::string key = title + "|" + person;
      if (auto it = post_by_key.find(key); it != post_by_key.end()) return it->second;
      PostData p;
      p.id = absl::StrCat("post", plan_.posts.size() + 1);
      p.title = title;
      plan_.posts.push_back(p);
      post_by_key[key] = p.id;
      if (!person.empty()) {
        std::string pid;
        if (auto it = person_by_name.find(person); it != person_by_name.end()) {
          pid = it->second;
        } else {
          PersonData pd;
          pd.id = absl::StrCat("person", plan_.people.size() + 1);
          pd.name = person;
          plan_.people.push_back(pd);
          person_by_name[person] = pd.id;
          pid = pd.id;
        }
        TenureData tn;
        tn.post = p.id;
        tn.person = pid;
        tn.from = plan_.plan.issue_date ? *plan_.plan.issue_date
                                        : *Date::FromYmd(plan_.plan.year, 1, 1);
        tn.source = "imported";
        plan_.tenures.push_back(tn);
      }
      return p.id;
    };
    for (const NodeText& nt : texts_) {
      const Node& n = nodes_[nt.node];
      import_internal::GroupMention g;
      std::string fallback;
      const std::string title = plan_.tasks[nt.node].title;
      const U32 t32 = ToU32(title);
      if (EndsWith(t32, V(U"专班")) || EndsWith(t32, V(U"领导小组")) ||
          EndsWith(t32, V(U"指挥部")) || EndsWith(t32, V(U"调度机制"))) {
        fallback = title;
        // (一) 防范化解政府债务风险专班。…: the heading sentence.
      }
      if (!import_internal::ParseGroup(nt.original, nt.folded, fallback, &g)) continue;
      if (ToU32(g.name).size() <= 4) {
        // 组建工作专班: name it after its plan (打好安全生产翻身仗工作专班).
        U32 base = ToU32(plan_.tasks[PartNode(n.part)].title);
        const U32 place = ToU32(plan_.plan.jurisdiction);
        if (!place.empty() && StartsWith(base, place)) base.erase(0, place.size());
        for (U32View tail : {V(U"总体实施方案"), V(U"实施方案"), V(U"工作方案"), V(U"方案")}) {
          if (EndsWith(base, tail)) {
            base.resize(base.size() - tail.size());
            break;
          }
        }
        if (base.empty()) continue;
        g.name = ToUtf8(base) + "工作专班";
      }
      const std::string key = group_key(g.name);
      GroupData* gd;
      if (auto it = group_by_key.find(key); it != group_by_key.end()) {
        gd = &plan_.groups[it->second];
        if (gd->name != g.name &&
            std::find(gd->aliases.begin(), gd->aliases.end(), g.name) == gd->aliases.end()) {
          gd->aliases.push_back(g.name);
        }
      } else {
        GroupData ng;
        ng.id = absl::StrCat("g", plan_.groups.size() + 1);
        ng.name = g.name;
        ng.kind = g.kind;
        ng.source = ToUtf8(n.path);
        group_by_key[key] = plan_.groups.size();
        plan_.groups.push_back(ng);
        gd = &plan_.groups.back();
        diags_.push_back({n.line, "info", "group",
                          absl::StrCat("working group '", g.name, "' read from ", ToUtf8(n.path))});
      }
      // Posts: a later mention with people replaces one without.
      auto set_posts = [&](std::vector<std::string>* dst, const std::vector<std::string>& titles,
                           const std::vector<std::string>& people) {
        std::vector<std::string> ids;
        for (size_t k = 0; k < titles.size(); ++k) ids.push_back(post_id(titles[k], people[k]));
        bool has_people = false;
        for (const std::string& p : people) has_people = has_people || !p.empty();
        if (dst->empty() || has_people) *dst = ids;
      };
      set_posts(&gd->conveners, g.conveners, g.convener_people);
      set_posts(&gd->deputy_conveners, g.deputies, g.deputy_people);
      if (!g.office_director.empty()) {
        gd->office_director = post_id(g.office_director, g.office_director_person);
      }
      if (!g.members.empty()) {
        gd->members.clear();
        for (const std::string& m : g.members) {
          const Target tg = registry_->Resolve(m, n.line);
          if (tg.is_set) {
            gd->members_open = true;
            continue;
          }
          if (std::find(gd->members.begin(), gd->members.end(), tg.id) == gd->members.end()) {
            gd->members.push_back(tg.id);
          }
        }
      }
      gd->members_open = gd->members_open || g.members_open;
      if (!g.member_rule.empty()) gd->member_rule = g.member_rule;
      if (!g.office_host.empty()) {
        const Target tg = registry_->Resolve(g.office_host, n.line);
        if (!tg.is_set) gd->office_host = tg.id;
      }
      if (static_cast<size_t>(n.part) >= groups_of_part.size()) groups_of_part.resize(n.part + 1);
      groups_of_part[n.part].push_back(gd->id);
    }
    // What each group supervises: the node its name names (防范化解政府债务
    // 风险专班 -> the section 防范化解政府债务风险), else the plan part whose
    // title contains it (打好经济增长主动仗工作专班 -> 衡阳市打好经济增长主动仗
    // 实施方案).
    for (GroupData& g : plan_.groups) {
      if (g.kind == "dispatch") continue;
      U32 base = ToU32(g.name);
      for (U32View tail : {V(U"工作专班"), V(U"专班"), V(U"工作领导小组"), V(U"领导小组"),
                           V(U"指挥部")}) {
        if (EndsWith(base, tail)) {
          base.resize(base.size() - tail.size());
          break;
        }
      }
      if (base.size() < 4) continue;
      const std::string b = ToUtf8(base);
      std::string node;
      for (const char* kind : {"section", "task"}) {  // a section first
        for (const TaskData& t : plan_.tasks) {
          if (node.empty() && t.kind == kind && t.title == b) node = t.id;
        }
      }
      if (node.empty()) {
        for (const TaskData& t : plan_.tasks) {
          if (t.kind == "part" && t.title.find(b) != std::string::npos) {
            node = t.id;
            break;
          }
        }
      }
      if (!node.empty()) g.supervises = {node};
    }
    // Cadences: owned by the leads of the part's groups (all groups for the
    // main plan), reporting to whom the text names (报市政府).
    absl::flat_hash_map<std::string, size_t> cadence_by_name;
    for (const NodeText& nt : texts_) {
      const Node& n = nodes_[nt.node];
      for (const import_internal::CadenceMention& c : import_internal::FindCadences(nt.folded)) {
        std::vector<std::string> owners;
        if (n.part == 0 || static_cast<size_t>(n.part) >= groups_of_part.size() ||
            groups_of_part[n.part].empty()) {
          for (const GroupData& g : plan_.groups) owners.push_back(g.id);
        } else {
          owners = groups_of_part[n.part];
        }
        std::sort(owners.begin(), owners.end());
        owners.erase(std::unique(owners.begin(), owners.end()), owners.end());
        if (owners.empty()) {
          diags_.push_back({n.line, "warning", "cadence_without_owner",
                            absl::StrCat("cadence '", c.name,
                                         "' has no working group to own it; not imported")});
          continue;
        }
        const std::string key = c.name;
        if (auto it = cadence_by_name.find(key); it != cadence_by_name.end()) {
          std::vector<std::string>& o = plan_.cadences[it->second].owner_groups;
          o.insert(o.end(), owners.begin(), owners.end());
          std::sort(o.begin(), o.end());
          o.erase(std::unique(o.begin(), o.end()), o.end());
          continue;
        }
        CadenceData cd;
        cd.id = absl::StrCat("c", plan_.cadences.size() + 1);
        cd.name = c.name;
        cd.kind = c.kind;
        cd.period = c.period;
        cd.due_rule = "last_working_day";
        cd.owner_role = "group_lead";
        cd.owner_groups = owners;
        cd.source = ToUtf8(n.path);
        cd.text = c.name;
        for (const char32_t* r : {U"报市政府", U"报告市委、市政府", U"报市委、市政府"}) {
          if (!Contains(nt.folded, U32View(r))) continue;
          for (const char32_t* u : {U"市委", U"市政府"}) {
            if (U32View(r).find(U32View(u)) == U32View::npos) continue;
            RefData ref;
            ref.unit = registry_->Resolve(ToUtf8(U32View(u)), n.line).id;
            bool dup = false;
            for (const RefData& x : cd.recipients) dup = dup || x.unit == ref.unit;
            if (!dup) cd.recipients.push_back(ref);
          }
        }
        diags_.push_back({n.line, "info", "cadence_due_rule",
                          absl::StrCat("cadence '", c.name,
                                       "': the text states no due day; the last "
                                       "working day of each period is assumed")});
        cadence_by_name[key] = plan_.cadences.size();
        plan_.cadences.push_back(std::move(cd));
      }
    }
  }

  size_t PartNode(int part) const {
    for (size_t i = 0; i < nodes_.size(); ++i) {
      if (nodes_[i].is_part && nodes_[i].part == part) return i;
    }
    return 0;
  }

  struct NodeText {
    size_t node;
    U32 original;
    U32 folded;
  };

  const ImportOptions& options_;
  std::vector<Line> lines_;
  std::vector<ImportDiagnostic> diags_;
  std::vector<Node> nodes_;
  absl::flat_hash_map<int, U32> title_of_;
  absl::flat_hash_set<std::string> paths_;
  std::vector<NodeText> texts_;
  size_t first_line_ = 0;
  int doc_year_ = 0;
  int table_row_ = -1;
  int table_next_ = 1;
  size_t table_cell_ = 1;
  int table_parent_ = -1;
  std::optional<UnitRegistry> registry_;
  PlanData plan_;
};

}  // namespace

absl::StatusOr<ImportResult> ImportPlanText(std::string_view text,
                                            const ImportOptions& options) {
  if (text.size() > options.max_bytes) {
    return absl::ResourceExhaustedError(
        absl::StrCat("import: the text is ", text.size(),
                     " bytes, more than the limit of ", options.max_bytes));
  }
  if (absl::Status s = internal::ValidateUtf8(text, "import text"); !s.ok()) return s;
  Importer importer(options);
  return importer.Run(text);
}

std::string WriteImportDiagnosticsJson(const std::vector<ImportDiagnostic>& diagnostics) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const ImportDiagnostic& d : diagnostics) {
    out.push_back({{"line", d.line}, {"severity", d.severity}, {"code", d.code},
                   {"message", d.message}});
  }
  return out.dump(2) + "\n";
}

}  // namespace dutygraph
