// import/text.h — code-point text for the importer: decoding, the folding
// that makes half- and full-width punctuation compare equal, and the OCR
// clean-up of the source lines (page markers, stray character columns).
//
// The importer works on UTF-32 strings: Chinese text is indexed by
// character, and Fold() maps one code point to one code point, so a folded
// copy of a text has the same positions as the original.
//
// Thread safety: pure functions.
#ifndef DUTYGRAPH_SRC_IMPORT_TEXT_H_
#define DUTYGRAPH_SRC_IMPORT_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

#include "dutygraph/import.h"

namespace dutygraph::import_internal {

using U32 = std::u32string;
using U32View = std::u32string_view;

// ToU32(): well-formed UTF-8 (checked by the caller) to code points.
U32 ToU32(std::string_view utf8);
std::string ToUtf8(U32View text);

// Fold(): the form used for matching. Full-width ASCII (！..～) to ASCII
// except the comma, which goes the other way (',' → '，'); （〔【［ to '(' and
// ）〕】］ to ')'; ；→';', ：→':', ．→'.'; 、 and 。 stay (、 separates list
// items and is never a clause break); dashes (— – － ‒ ―) to U+2014; the
// ideographic space to ' '.
char32_t Fold(char32_t c);
U32 FoldAll(U32View text);

bool IsSpace(char32_t c);  // after folding: ' ', '\t', '\r', '\n', U+00A0
bool IsHan(char32_t c);    // CJK unified ideographs
bool IsDigit(char32_t c);  // '0'..'9' (after folding)
// 零一二三四五六七八九十百两〇 as digits of a Chinese numeral.
bool IsHanNumeral(char32_t c);
// The value of a Chinese numeral up to 999 (十二 = 12, 二十 = 20), -1 if not.
int HanNumberValue(U32View text);

U32View Trim(U32View text);
bool StartsWith(U32View text, U32View prefix);
bool EndsWith(U32View text, U32View suffix);
bool Contains(U32View text, U32View part);

// U"..." literals are UTF-32 already; this shortens call sites.
inline U32View V(const char32_t* s) { return U32View(s); }

// A source line after clean-up. `text` is trimmed; `folded` is
// FoldAll(text).
struct Line {
  int number = 0;  // 1-based line in the source
  U32 text;
  U32 folded;
};

// CleanLines()
//
// Splits `utf8` into trimmed lines and removes OCR noise: page markers
// (— 4 —, - 12 -, 第 3 页), columns of short lines without sentence
// punctuation (three or more in a row: a table's margin read sideways), and
// isolated one- or two-character lines after a finished sentence. Each
// removal is an "info" diagnostic. Blank lines are kept (empty `text`): they
// separate paragraphs.
std::vector<Line> CleanLines(std::string_view utf8,
                             std::vector<ImportDiagnostic>* diagnostics);

}  // namespace dutygraph::import_internal

#endif  // DUTYGRAPH_SRC_IMPORT_TEXT_H_
