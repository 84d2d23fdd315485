// Deadlines, targets, cadences and groups in a node's text (import/facts.h).
#include "import/facts.h"

#include <array>
#include <cstdlib>
#include <optional>
#include <utility>

#include "absl/strings/str_cat.h"
#include "dutygraph/schedule.h"

namespace dutygraph::import_internal {

namespace {

size_t SkipSpaces(U32View f, size_t i) {
  while (i < f.size() && IsSpace(f[i])) ++i;
  return i;
}

// A number at `i` (Arabic, or a Chinese numeral when `han`), returns its end
// or `i` when there is none.
size_t NumberEnd(U32View f, size_t i, bool han) {
  size_t j = i;
  while (j < f.size() && IsDigit(f[j])) ++j;
  if (j > i) return j;
  if (!han) return i;
  while (j < f.size() && IsHanNumeral(f[j]) && j - i < 3) ++j;
  return j;
}

// Eats one of `words` at `i` (after spaces); returns the end or npos.
size_t EatWord(U32View f, size_t i, std::initializer_list<U32View> words) {
  const size_t k = SkipSpaces(f, i);
  for (U32View w : words) {
    if (StartsWith(f.substr(k), w)) return k + w.size();
  }
  return U32View::npos;
}

bool NumberBoundaryBefore(U32View f, size_t i) {
  return i == 0 || !(IsDigit(f[i - 1]) || f[i - 1] == U'.' || IsHanNumeral(f[i - 1]));
}

}  // namespace

std::vector<DeadlineData> FindDeadlines(U32View o, U32View f, int year,
                                        int line,
                                        std::vector<ImportDiagnostic>* diags) {
  std::vector<DeadlineData> out;
  std::vector<std::pair<size_t, size_t>> found;
  auto add = [&](size_t s, size_t e) {
    for (auto [fs, fe] : found) {
      if (s < fe && fs < e) return;  // overlaps one already taken
    }
    found.emplace_back(s, e);
  };
  for (size_t i = 0; i < f.size(); ++i) {
    // [YYYY年](底|末|内)[前], 年底前, 年内.
    if (IsDigit(f[i]) && NumberBoundaryBefore(f, i)) {
      const size_t ne = NumberEnd(f, i, false);
      if (ne - i == 4) {
        size_t y = EatWord(f, ne, {V(U"年")});
        if (y != U32View::npos) {
          size_t e = EatWord(f, y, {V(U"底前"), V(U"末前"), V(U"底"), V(U"末"), V(U"内")});
          if (e != U32View::npos) {
            add(i, e);
            continue;
          }
          // YYYY年N月...: handled below from the month number.
        }
      }
    }
    if (f[i] == U'年' && (i == 0 || !(IsDigit(f[i - 1]) || IsHanNumeral(f[i - 1]) ||
                                       V(U"去明个全半每当多今 ").find(f[i - 1]) != U32View::npos ||
                                       IsSpace(f[i - 1])))) {
      size_t e = EatWord(f, i + 1, {V(U"底前"), V(U"末前"), V(U"底"), V(U"末"), V(U"内")});
      if (e != U32View::npos && e == i + 2 + (e - i - 2)) {
        add(i, e);
        continue;
      }
    }
    // N月底前, N月以前, N月D日前 (N Arabic or Chinese).
    if ((IsDigit(f[i]) || IsHanNumeral(f[i])) && NumberBoundaryBefore(f, i)) {
      const size_t ne = NumberEnd(f, i, true);
      if (ne > i && ne - i <= 2) {
        const size_t m = EatWord(f, ne, {V(U"月")});
        if (m != U32View::npos) {
          size_t e = EatWord(f, m, {V(U"底前"), V(U"末前"), V(U"底"), V(U"末"),
                                    V(U"以前"), V(U"之前"), V(U"前")});
          if (e == U32View::npos) {
            const size_t d = SkipSpaces(f, m);
            const size_t de = NumberEnd(f, d, false);
            if (de > d && de - d <= 2) {
              const size_t r = EatWord(f, de, {V(U"日"), V(U"号")});
              if (r != U32View::npos) {
                e = EatWord(f, r, {V(U"以前"), V(U"之前"), V(U"前")});
              }
            }
          }
          if (e != U32View::npos) {
            // Include a year printed before the month: 2023年5月底前.
            size_t s = i;
            if (s >= 5 && f[s - 1] == U'年' && IsDigit(f[s - 2]) && IsDigit(f[s - 3]) &&
                IsDigit(f[s - 4]) && IsDigit(f[s - 5]) && NumberBoundaryBefore(f, s - 5)) {
              s -= 5;
            }
            add(s, e);
            continue;
          }
        }
        // [第]N季度前/末.
        const size_t q = EatWord(f, ne, {V(U"季度")});
        if (q != U32View::npos) {
          const size_t e = EatWord(f, q, {V(U"底前"), V(U"末前"), V(U"以前"),
                                          V(U"之前"), V(U"前"), V(U"末"), V(U"底")});
          if (e != U32View::npos) {
            const size_t s = i > 0 && f[i - 1] == U'第' ? i - 1 : i;
            add(s, e);
            continue;
          }
        }
        // N个工作日内, with its event: E之日起 / E后.
        const size_t w = EatWord(f, ne, {V(U"个工作日内")});
        if (w != U32View::npos) {
          size_t s = i;
          if (s > 0 && (f[s - 1] == U'起' || f[s - 1] == U'后')) {
            while (s > 0 && f[s - 1] != U'，' && f[s - 1] != U'。' &&
                   f[s - 1] != U';' && f[s - 1] != U'、' && f[s - 1] != U'(' &&
                   f[s - 1] != U':' && i - s < 30) {
              --s;
            }
          }
          // The event starts after 自/从/在/于 (各部门在收到通知之日起…).
          for (size_t k = i; k > s; --k) {
            if (V(U"自从在于").find(f[k - 1]) != U32View::npos) {
              s = k;
              break;
            }
          }
          add(s, w);
          continue;
        }
      }
    }
    // 上半年前 / 下半年底前 (a bare 上半年 is a scope, not a deadline).
    if (StartsWith(f.substr(i), V(U"上半年")) || StartsWith(f.substr(i), V(U"下半年"))) {
      const size_t e = EatWord(f, i + 3, {V(U"底前"), V(U"末前"), V(U"以前"), V(U"前"), V(U"底"), V(U"末")});
      if (e != U32View::npos) add(i, e);
    }
  }
  std::sort(found.begin(), found.end());
  for (auto [s, e] : found) {
    const std::string text = ToUtf8(o.substr(s, e - s));
    bool dup = false;
    for (const DeadlineData& d : out) dup = dup || d.text == text;
    if (dup) continue;
    absl::StatusOr<DeadlineData> d = ResolveDeadlineText(text, year);
    if (!d.ok()) {
      diags->push_back({line, "warning", "deadline_unread",
                        absl::StrCat("deadline '", text, "' not understood: ",
                                     d.status().message())});
      continue;
    }
    out.push_back(*std::move(d));
  }
  return out;
}

namespace {

// Measure words after a number, longest first.
constexpr std::array<const char32_t*, 60> kMeasures = {
    U"个百分点", U"万千伏安", U"亿美元", U"万美元", U"万千瓦", U"平方米",
    U"立方米", U"千伏安", U"亿元", U"万元", U"亿斤", U"万亩", U"万人",
    U"万户", U"万个", U"万座", U"万家", U"万吨", U"万台", U"万名",
    U"亿次", U"万次", U"公里", U"千米", U"千瓦", U"公顷", U"批次", U"美元", U"元", U"亿",
    U"万", U"亩", U"家", U"个", U"项", U"场", U"人", U"户", U"座", U"台",
    U"列", U"所", U"件", U"类", U"支", U"名", U"条", U"辆", U"批", U"斤",
    U"床", U"张", U"次", U"宗", U"套", U"处", U"栋", U"吨", U"米", U"%"};

struct Comparator {
  const char32_t* word;
  const char* op;
};

}  // namespace

namespace {

// A number with its unit (or a comparator) inside a clause.
struct Quantity {
  size_t start = 0;     // the first digit
  size_t unit_end = 0;  // after the unit
  size_t end = 0;       // after a comparator word following it (以上 ...)
  std::string digits;
  std::string unit;
  std::string op = "=";  // from the word after it, "=" if none
};

// The quantity whose number starts at `k`, if it is one (not a year, a date,
// an ordinal, a grade, a duration or a bare number without a comparator).
std::optional<Quantity> QuantityAt(U32View f, size_t k, size_t cs, size_t ce) {
  if (k > cs && (f[k - 1] == U'第' ||
                 (f[k - 1] < 0x80 && std::isalpha(static_cast<int>(f[k - 1]))))) {
    return std::nullopt;
  }
  Quantity q;
  q.start = k;
  // The number, tolerating OCR spaces ("3 000", "7. 5") and a decimal point.
  size_t ne = k;
  while (ne < ce) {
    if (IsDigit(f[ne]) || (f[ne] == U'.' && ne + 1 < ce && IsDigit(f[ne + 1]))) {
      q.digits.push_back(static_cast<char>(f[ne]));
      ++ne;
    } else if (f[ne] == U' ' && ne + 1 < ce && IsDigit(f[ne + 1]) && IsDigit(f[ne - 1])) {
      ++ne;
    } else if (f[ne] == U'.' && ne + 2 < ce && f[ne + 1] == U' ' && IsDigit(f[ne + 2])) {
      q.digits.push_back('.');
      ne += 2;
    } else {
      break;
    }
  }
  if (q.digits.size() > 15) return std::nullopt;  // not a quantity a plan sets
  size_t u = SkipSpaces(f, ne);
  if (u < ce && f[u] < 0x80 && std::isalpha(static_cast<int>(f[u]))) return std::nullopt;  // 5G
  if (u < ce && V(U"年月日号届版级时岁").find(f[u]) != U32View::npos) return std::nullopt;
  for (const char32_t* m : kMeasures) {
    if (StartsWith(f.substr(u, ce - u), U32View(m))) {
      q.unit = ToUtf8(U32View(m));
      u += U32View(m).size();
      break;
    }
  }
  if (q.unit.empty() && u < ce && f[u] == U'‰') q.unit = "‰", ++u;
  // 100 万头: a magnitude followed by a measure word not in the table.
  if ((q.unit == "万" || q.unit == "亿") && u < ce && IsHan(f[u]) &&
      V(U"以左及元").find(f[u]) == U32View::npos) {
    return std::nullopt;
  }
  // A duration (14个工作日内, 3 个月日常使用量) is not a quantity.
  for (U32View w : {V(U"工作日"), V(U"月"), V(U"小时"), V(U"季度"), V(U"年"), V(U"周"),
                    V(U"日"), V(U"天")}) {
    if (StartsWith(f.substr(SkipSpaces(f, u)), w)) return std::nullopt;
  }
  q.unit_end = u;
  q.end = u;
  if (size_t e = EatWord(f, u, {V(U"及以上"), V(U"以上")}); e != U32View::npos && e <= ce) {
    q.op = ">=", q.end = e;
  } else if (e = EatWord(f, u, {V(U"左右")}); e != U32View::npos && e <= ce) {
    q.op = "~=", q.end = e;
  } else if (e = EatWord(f, u, {V(U"以内"), V(U"以下"), V(U"及以下")});
             e != U32View::npos && e <= ce) {
    q.op = "<=", q.end = e;
  }
  return q;
}

}  // namespace

std::vector<TargetData> FindTargets(U32View o, U32View f) {
  static constexpr std::array<Comparator, 10> kBefore = {{
      {U"不少于", ">="}, {U"不低于", ">="}, {U"不超过", "<="},
      {U"控制在", "<="}, {U"超过", ">"}, {U"突破", ">"},
      {U"达到", ">="}, {U"超", ">"}, {U"达", ">="}, {U"提高到", ">="},
  }};
  std::vector<TargetData> out;
  size_t clause = 0;
  int quote = 0, bracket = 0;
  for (size_t i = 0; i <= f.size(); ++i) {
    const bool end = i == f.size() || ((f[i] == U'，' || f[i] == U'。' ||
                                        f[i] == U';' || f[i] == U':') &&
                                       bracket == 0);
    if (i < f.size()) {
      if (f[i] == U'“') ++quote;
      if (f[i] == U'”' && quote > 0) --quote;
      if (f[i] == U'(') ++bracket;
      if (f[i] == U')' && bracket > 0) --bracket;
    }
    if (!end) continue;
    const size_t cs = clause, ce = i;
    clause = i + 1;
    // Every quantity of the clause, outside quotes (“金融 16 条”).
    std::vector<Quantity> found;
    int q = 0;
    for (size_t k = cs; k < ce; ++k) {
      if (f[k] == U'“') ++q;
      if (f[k] == U'”' && q > 0) --q;
      if (q > 0 || !IsDigit(f[k]) || !NumberBoundaryBefore(f, k)) continue;
      if (std::optional<Quantity> x = QuantityAt(f, k, cs, ce)) {
        k = x->end > k ? x->end - 1 : k;
        found.push_back(*std::move(x));
      }
    }
    // A quantity followed by another in the same item qualifies it (招引
    // 5000 万元以上项目超 300 个: the target is 300 个); items are separated
    // by 、 和 及.
    size_t segment = cs;
    for (size_t n = 0; n < found.size(); ++n) {
      const Quantity& x = found[n];
      if (n + 1 < found.size()) {
        const U32View between = f.substr(x.end, found[n + 1].start - x.end);
        if (between.find_first_of(V(U"、和及")) == U32View::npos) continue;
      }
      // The item: from the segment start to the next separator after it.
      size_t item_end = x.end;
      while (item_end < ce && V(U"、和及").find(f[item_end]) == U32View::npos) ++item_end;
      if (n + 1 == found.size()) item_end = ce;
      size_t ind_start = segment;
      while (ind_start < x.start && (IsSpace(f[ind_start]) || V(U"、和及").find(f[ind_start]) != U32View::npos)) {
        ++ind_start;
      }
      const size_t text_start = ind_start;
      size_t ind_end = x.start;
      while (ind_end > ind_start && IsSpace(f[ind_end - 1])) --ind_end;
      std::string op = x.op;
      bool before_word = false;
      const char* before_op = nullptr;
      for (const Comparator& c : kBefore) {
        const U32View w(c.word);
        if (ind_end - ind_start >= w.size() && f.substr(ind_end - w.size(), w.size()) == w) {
          before_op = c.op;
          ind_end -= w.size();
          before_word = true;
          break;
        }
      }
      // What follows the quantity in its item.
      size_t tail_start = SkipSpaces(f, x.end), tail_end = item_end;
      while (tail_end > tail_start && IsSpace(f[tail_end - 1])) --tail_end;
      const bool has_tail = tail_start < tail_end;
      // 突破 15 项关键核心技术: a verb, not a comparator, when a noun follows.
      if (op == "=" && before_op != nullptr && !has_tail) op = before_op;
      if (x.unit.empty() && x.end == x.unit_end && !before_word) {
        segment = item_end;
        continue;  // a bare number is a target only with a comparator
      }
      if (x.unit.empty() && op == "=") {
        segment = item_end;
        continue;
      }
      for (U32View lead : {V(U"力争"), V(U"确保"), V(U"全年"), V(U"推动"), V(U"实现")}) {
        if (StartsWith(f.substr(ind_start, ind_end - ind_start), lead)) ind_start += lead.size();
      }
      // The rest of the item completes the indicator when only a verb
      // precedes the quantity (实施 20 项重点研发项目).
      const bool tail = has_tail && tail_end - tail_start <= 20 && ind_end - ind_start <= 4;
      TargetData t;
      t.text = ToUtf8(Trim(o.substr(text_start, (tail ? tail_end : x.end) - text_start)));
      std::string indicator;
      for (char32_t c : o.substr(ind_start, ind_end - ind_start)) {
        if (!IsSpace(c)) indicator += ToUtf8(U32View(&c, 1));
      }
      if (tail) {
        for (char32_t c : o.substr(tail_start, tail_end - tail_start)) {
          if (!IsSpace(c)) indicator += ToUtf8(U32View(&c, 1));
        }
      }
      segment = item_end;
      if (indicator.empty()) continue;
      t.indicator = indicator;
      t.comparator = op;
      t.value = std::strtod(x.digits.c_str(), nullptr);
      t.unit = x.unit;
      out.push_back(std::move(t));
    }
  }
  return out;
}

std::vector<CadenceMention> FindCadences(U32View f) {
  struct Period {
    const char32_t* word;
    PeriodKind period;
  };
  static constexpr std::array<Period, 9> kPeriods = {{
      {U"半月", PeriodKind::kHalfMonth}, {U"季度", PeriodKind::kQuarter},
      {U"半年", PeriodKind::kHalfYear}, {U"星期", PeriodKind::kWeek},
      {U"旬", PeriodKind::kDekad}, {U"周", PeriodKind::kWeek},
      {U"月", PeriodKind::kMonth}, {U"季", PeriodKind::kQuarter},
      {U"年", PeriodKind::kYear},
  }};
  struct Kind {
    const char32_t* word;
    const char* kind;
  };
  static constexpr std::array<Kind, 10> kKinds = {{
      {U"简报", "briefing"}, {U"通报", "circular"}, {U"总结", "summary"},
      {U"调度", "dispatch"}, {U"统计", "statistics"}, {U"督查", "inspection"},
      {U"排名", "ranking"}, {U"曝光", "exposure"}, {U"讲评", "summary"},
      {U"考核", "inspection"},
  }};
  std::vector<CadenceMention> out;
  auto push = [&](size_t s, size_t e, PeriodKind p, const char* kind) {
    CadenceMention m{ToUtf8(f.substr(s, e - s)), kind, p};
    for (const CadenceMention& x : out) {
      if (x.name == m.name) return;
    }
    out.push_back(std::move(m));
  };
  for (size_t i = 0; i < f.size(); ++i) {
    const bool every = f[i] == U'每';
    size_t j = every ? i + 1 : i;
    // In a list (旬简报、月通报、季总结) each item starts after 、 or “.
    if (!every && i > 0 && V(U"、“，(").find(f[i - 1]) == U32View::npos) continue;
    const Period* period = nullptr;
    for (const Period& p : kPeriods) {
      if (StartsWith(f.substr(j), U32View(p.word))) {
        period = &p;
        j += U32View(p.word).size();
        break;
      }
    }
    if (period == nullptr) continue;
    if (every && j < f.size() && f[j] == U'一') ++j;
    if (every && StartsWith(f.substr(j), V(U"度"))) ++j;
    if (every) {  // 每季度公开曝光一批: a word or two may come between
      for (size_t k = j; k < f.size() && k < j + 5; ++k) {
        for (const Kind& kd : kKinds) {
          if (StartsWith(f.substr(k), U32View(kd.word))) {
            push(i, k + U32View(kd.word).size(), period->period, kd.kind);
            k = f.size();
            break;
          }
        }
      }
      continue;
    }
    for (const Kind& kd : kKinds) {
      if (StartsWith(f.substr(j), U32View(kd.word))) {
        push(i, j + U32View(kd.word).size(), period->period, kd.kind);
        break;
      }
    }
  }
  return out;
}

namespace {

// Post titles end with one of these; a person's name may follow.
constexpr std::array<const char32_t*, 23> kPostEnds = {
    U"常务副市长", U"副市长", U"市长", U"副秘书长", U"秘书长", U"主任",
    U"副局长", U"局长", U"部长", U"书记", U"调研员", U"主席", U"院长",
    U"行长", U"关长", U"队长", U"主要负责人", U"负责人", U"领导",
    U"党组成员", U"常委", U"委员", U"长"};

// Splits "A、B" into posts, keeping "市委常委、市政府常务副市长" (one
// person, two posts) together, and a trailing person name apart.
void SplitPosts(U32View o, std::vector<std::string>* posts,
                std::vector<std::string>* people) {
  std::vector<U32> parts;
  U32 cur;
  for (char32_t c : o) {
    if (c == U'、') {
      parts.push_back(cur);
      cur.clear();
    } else if (!IsSpace(c)) {
      cur.push_back(c);
    }
  }
  parts.push_back(cur);
  for (size_t i = 0; i < parts.size(); ++i) {
    U32 p = parts[i];
    while ((EndsWith(p, V(U"常委")) || EndsWith(p, V(U"党组成员")) ||
            EndsWith(p, V(U"副书记"))) &&
           i + 1 < parts.size()) {
      p += U"、" + parts[++i];
    }
    for (U32View lead : {V(U"由"), V(U"并")}) {
      if (StartsWith(p, lead)) p.erase(0, lead.size());
    }
    if (p.empty()) continue;
    // A name after the title: the longest title end, then 2-3 characters.
    std::string person;
    size_t best = U32::npos;
    for (const char32_t* e : kPostEnds) {
      const size_t at = p.rfind(U32View(e));
      if (at == U32::npos) continue;
      const size_t end = at + U32View(e).size();
      if (best == U32::npos || end > best) best = end;
    }
    if (best != U32::npos && p.size() - best >= 2 && p.size() - best <= 3) {
      bool han = true;
      for (size_t k = best; k < p.size(); ++k) han = han && IsHan(p[k]);
      if (han) {
        person = ToUtf8(U32View(p).substr(best));
        p.resize(best);
      }
    }
    posts->push_back(ToUtf8(p));
    people->push_back(person);
  }
}

// The text between the last clause break before `at` and `at`.
U32View ClauseBefore(U32View o, U32View f, size_t at) {
  size_t s = at;
  while (s > 0 && f[s - 1] != U'，' && f[s - 1] != U'。' && f[s - 1] != U';' &&
         f[s - 1] != U':') {
    --s;
  }
  return o.substr(s, at - s);
}

}  // namespace

bool ParseGroup(U32View o, U32View f, const std::string& fallback_name,
                GroupMention* g) {
  // The convener's word: 召集人 (专班), 组长 (领导小组), 指挥长 (指挥部).
  U32View word;
  for (U32View w : {V(U"召集人"), V(U"组长"), V(U"指挥长")}) {
    if (f.find(w) != U32View::npos) {
      word = w;
      break;
    }
  }
  const size_t chief = f.find(V(U"任总调度"));
  if (word.empty() && chief == U32View::npos) return false;
  *g = GroupMention{};
  // The name: 成立/建立/组建 ... 专班|领导小组|指挥部|工作组.
  for (U32View verb : {V(U"成立"), V(U"建立"), V(U"组建")}) {
    const size_t v = f.find(verb);
    if (v == U32View::npos) continue;
    size_t best = U32View::npos, blen = 0;
    for (U32View end : {V(U"专班"), V(U"领导小组"), V(U"指挥部"), V(U"工作组")}) {
      const size_t e = f.find(end, v);
      if (e != U32View::npos && e < v + 40 && (best == U32View::npos || e < best)) {
        best = e, blen = end.size();
      }
    }
    if (best == U32View::npos) continue;
    U32View name = Trim(o.substr(v + verb.size(), best + blen - v - verb.size()));
    if (StartsWith(name, V(U"由"))) continue;
    const size_t comma = FoldAll(name).find(U'，');
    if (comma != U32View::npos) continue;
    g->name = ToUtf8(name);
    if (StartsWith(name, V(U"市")) && name.size() > 4) g->name = ToUtf8(name.substr(1));
    break;
  }
  if (g->name.empty()) g->name = fallback_name;
  if (g->name.empty()) return false;
  const U32 n32 = ToU32(g->name);
  if (EndsWith(n32, V(U"领导小组"))) g->kind = "leading_group";
  if (EndsWith(n32, V(U"指挥部"))) g->kind = "command";
  if (EndsWith(n32, V(U"调度机制")) || chief != U32View::npos) g->kind = "dispatch";
  auto posts_before = [&](size_t at, std::vector<std::string>* posts,
                          std::vector<std::string>* people) {
    size_t e = at;
    for (U32View verb : {V(U"担任"), V(U"任")}) {
      if (e >= verb.size() && f.substr(e - verb.size(), verb.size()) == verb) {
        e -= verb.size();
        break;
      }
    }
    SplitPosts(ClauseBefore(o, f, e), posts, people);
  };
  if (chief != U32View::npos) {
    posts_before(chief + 1, &g->conveners, &g->convener_people);
  }
  for (size_t at = word.empty() ? U32View::npos : f.find(word); at != U32View::npos;
       at = f.find(word, at + 1)) {
    const bool deputy = at > 0 && f[at - 1] == U'副';
    if (deputy) {
      posts_before(at - 1, &g->deputies, &g->deputy_people);
    } else if (g->conveners.empty()) {
      posts_before(at, &g->conveners, &g->convener_people);
    }
  }
  // Members: 成员单位包括A、B等 / 成员单位为A、B / A、B为成员单位.
  auto read_list = [&](size_t s) {
    U32 cur;
    size_t i = s;
    for (; i < f.size() && f[i] != U'，' && f[i] != U'。' && f[i] != U';'; ++i) {
      if (f[i] == U'、') {
        if (!cur.empty()) g->members.push_back(ToUtf8(cur));
        cur.clear();
      } else if (!IsSpace(f[i])) {
        cur.push_back(o[i]);
      }
    }
    if (EndsWith(cur, V(U"等"))) {
      cur.pop_back();
      g->members_open = true;
    }
    if (!cur.empty()) g->members.push_back(ToUtf8(cur));
  };
  bool have_members = false;
  for (U32View intro : {V(U"成员单位包括"), V(U"成员单位为"), V(U"成员单位有")}) {
    const size_t at = f.find(intro);
    if (at != U32View::npos) {
      read_list(at + intro.size());
      have_members = true;
      break;
    }
  }
  if (!have_members) {
    const size_t at = f.find(V(U"为成员单位"));
    if (at != U32View::npos) {
      size_t s = at;
      while (s > 0 && f[s - 1] != U'，' && f[s - 1] != U'。' && f[s - 1] != U';') --s;
      const U32 list(f.substr(s, at - s));
      // read_list stops at the clause end, which here is 为成员单位 itself.
      U32 cur;
      for (size_t i = s; i < at; ++i) {
        if (f[i] == U'、') {
          if (!cur.empty()) g->members.push_back(ToUtf8(cur));
          cur.clear();
        } else if (!IsSpace(f[i])) {
          cur.push_back(o[i]);
        }
      }
      if (!cur.empty()) g->members.push_back(ToUtf8(cur));
    }
  }
  if (const size_t at = f.find(V(U"为成员")); at != U32View::npos && g->members.empty()) {
    g->member_rule = ToUtf8(Trim(ClauseBefore(o, f, at + 3)));
    g->members_open = true;
  }
  // The office: 办公室设在X / 办公室设X.
  for (U32View intro : {V(U"办公室设在"), V(U"办公室设")}) {
    const size_t at = f.find(intro);
    if (at == U32View::npos) continue;
    size_t e = at + intro.size();
    while (e < f.size() && f[e] != U'，' && f[e] != U'。' && f[e] != U';') ++e;
    U32 host;
    for (char32_t c : o.substr(at + intro.size(), e - at - intro.size())) {
      if (!IsSpace(c)) host.push_back(c);
    }
    g->office_host = ToUtf8(host);
    break;
  }
  // The office director: 由X兼任办公室主任 / 由X任办公室主任.
  for (U32View tail : {V(U"兼任办公室主任"), V(U"任办公室主任")}) {
    const size_t at = f.find(tail);
    if (at == U32View::npos) continue;
    std::vector<std::string> posts, people;
    SplitPosts(ClauseBefore(o, f, at), &posts, &people);
    if (!posts.empty()) {
      g->office_director = posts.front();
      g->office_director_person = people.front();
    }
    break;
  }
  return true;
}

}  // namespace dutygraph::import_internal
