// import/facts.h — the facts inside a node's text: deadlines, quantified
// targets, cadences; and working groups with their posts and people.
//
// Thread safety: pure functions.
#ifndef DUTYGRAPH_SRC_IMPORT_FACTS_H_
#define DUTYGRAPH_SRC_IMPORT_FACTS_H_

#include <string>
#include <vector>

#include "dutygraph/import.h"
#include "import/text.h"

namespace dutygraph::import_internal {

// FindDeadlines()
//
// The deadline phrases of a text (`original`/`folded`, same positions):
// 2023年底前, 年底前, 年内, 5 月以前, 9月底前, 6月30日前, 四季度前,
// 上半年前, 14个工作日内 (with its event: 收到通知之日起14个工作日内).
// Each is resolved with ResolveDeadlineText (schedule.h); a phrase it
// cannot read is a warning.
std::vector<DeadlineData> FindDeadlines(U32View original, U32View folded,
                                        int year, int line,
                                        std::vector<ImportDiagnostic>* diags);

// FindTargets()
//
// Quantified targets: a number with a unit (%, 家, 亿元, 万亩, 个百分点 ...)
// and a comparator word (以上 >=, 左右 ~=, 以内/以下 <=, 超/超过/突破 >,
// 达到 >=, none =), its indicator being the clause before the number.
// Numbers in quotes (“金融 16 条”), years, dates, ordinals and grades are
// not targets.
std::vector<TargetData> FindTargets(U32View original, U32View folded);

// A recurring rhythm named in a text: 旬简报, 月通报, 季总结, 每周一调度,
// 每月一督查, 每季一排名 ...
struct CadenceMention {
  std::string name;  // as written: 旬简报, 每周一调度
  std::string kind;  // briefing, circular, summary, dispatch, ...
  PeriodKind period = PeriodKind::kMonth;
};
std::vector<CadenceMention> FindCadences(U32View folded);

// A working group described by a paragraph (保障机制 / 调度机制):
// 成立X专班，由A任召集人，B、C任副召集人，成员单位包括D、E等，专班办公室设在F.
struct GroupMention {
  std::string name;
  std::string kind = "task_force";
  std::vector<std::string> conveners;         // post titles
  std::vector<std::string> convener_people;   // person names, "" if none
  std::vector<std::string> deputies;          // post titles
  std::vector<std::string> deputy_people;
  std::vector<std::string> members;           // unit names as written
  bool members_open = false;
  std::string member_rule;  // 相关单位分管领导为成员
  std::string office_host;  // unit name as written
  std::string office_director;         // post title
  std::string office_director_person;  // person name
};

// ParseGroup(): the group a paragraph describes, if it names a convener
// (召集人, 总调度). `fallback_name` names it when the text does not (the
// heading: 打好经济增长主动仗专班).
bool ParseGroup(U32View original, U32View folded,
                const std::string& fallback_name, GroupMention* out);

}  // namespace dutygraph::import_internal

#endif  // DUTYGRAPH_SRC_IMPORT_FACTS_H_
