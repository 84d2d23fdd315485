// import/annotation.h — responsibility annotations: which parentheses are
// annotations, and the roles and unit names inside them.
//
// Grammar (on folded text, whitespace and line breaks ignored):
//   annotation := clause ((，|；) clause)*
//   clause     := label? list role?      label: 牵头单位： 责任单位： 配合单位：
//                                                 协办单位： 参与单位： ...
//   list       := name ((、|会同) name)* (等|等部门|等相关部门|等单位)?
//   role       := 牵头 | 依职责牵头 | 配合 | 协助 | 负责 | 按职责分工负责 |
//                 参与 | 履行…责任
// A name written "…由X" keeps X and drops the description before it
// ("餐饮行业使用安全监管由市商务局牵头"). A list with no role and no label is a
// bare list: responsible, accepted only when every name looks like a unit.
//
// Thread safety: pure functions.
#ifndef DUTYGRAPH_SRC_IMPORT_ANNOTATION_H_
#define DUTYGRAPH_SRC_IMPORT_ANNOTATION_H_

#include <functional>
#include <optional>
#include <vector>

#include "dutygraph/plan_data.h"
#include "import/text.h"

namespace dutygraph::import_internal {

// A top-level bracketed span of a text: [open, close] are the positions of
// the brackets themselves. Nested brackets belong to the span.
struct Span {
  size_t open = 0;
  size_t close = 0;
};

// FindBracketSpans(): top-level （…）/(…)/〔…〕 spans of `folded` (any mix of
// the three). Unclosed brackets produce no span; their positions are
// appended to `unclosed`.
std::vector<Span> FindBracketSpans(U32View folded, std::vector<size_t>* unclosed);

struct AnnotatedName {
  Role role = Role::kResponsible;
  U32 name;  // as written (original characters, whitespace removed)
};

struct ParsedAnnotation {
  std::vector<AnnotatedName> names;  // in document order
  bool open_list = false;            // a list ended with 等
  bool bare = false;                 // a bare list (no role word)
  bool labelled = false;             // 牵头单位：… form
};

// Whether a name (as written) is a unit or unit-set name for sure: known to
// the caller, a unit-set reference, or ending like a unit (局, 委, 办, 政府,
// 公司, 海关 ...).
using UnitTest = std::function<bool(U32View name)>;

// ParseAnnotation()
//
// `original` and `folded` are the same text (FoldAll), the inside of the
// brackets or a label form. nullopt when it is not an annotation: no role
// and not a bare list of units, a name that is a phrase (contains 的, 。,
// 是, a digit followed by %...), or no name that passes `strong`.
std::optional<ParsedAnnotation> ParseAnnotation(U32View original,
                                                U32View folded,
                                                const UnitTest& strong);

// Unit-set references: 各县市区, 相关成员单位, 各事项涉及单位, 市直相关部门.
bool IsUnitSetName(U32View name);
// Ends like a unit: 局 委 办 厅 部 院 会 联 队 政府 公司 海关 中心 支行 ...
bool HasUnitSuffix(U32View name);
// Starts with an administrative level (市 省 县 区 国家 中共 各 ...).
bool HasLevelPrefix(U32View name);

// FindLabel(): the position of the first label (牵头单位：, 责任部门: ...)
// in `folded` at or after `from`, npos if none.
size_t FindLabel(U32View folded, size_t from);

}  // namespace dutygraph::import_internal

#endif  // DUTYGRAPH_SRC_IMPORT_ANNOTATION_H_
