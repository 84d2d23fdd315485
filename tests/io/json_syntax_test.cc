#include "io/json_syntax.h"

#include <gtest/gtest.h>

#include <string>

namespace dutygraph::internal {
namespace {

// The offset and description of the first error, or "ok".
std::string Find(std::string_view text, size_t max_depth = 64) {
  auto e = FindJsonSyntaxError(text, max_depth);
  if (!e) return "ok";
  return std::to_string(e->offset) + (e->too_deep ? " deep: " : ": ") +
         e->description;
}

TEST(JsonSyntaxTest, AcceptsWellFormedJson) {
  EXPECT_EQ(Find(R"({"a": [1, -0, 2.5e-3, true, false, null, "x\"\u00e9"]})"),
            "ok");
  EXPECT_EQ(Find(" [] "), "ok");
  EXPECT_EQ(Find(R"("\ud83d\ude00")"), "ok");
  EXPECT_EQ(Find("18446744073709551615"), "ok");
  EXPECT_EQ(Find("-9223372036854775808"), "ok");
}

TEST(JsonSyntaxTest, LocatesTheFirstError) {
  EXPECT_EQ(Find(""), "0: empty input: expected a JSON value");
  EXPECT_EQ(Find("  \n"), "3: input is only whitespace: expected a JSON value");
  EXPECT_EQ(Find(R"({"a": 1)"), "7: unexpected end of input: unclosed '{'");
  EXPECT_EQ(Find(R"({"a": 1 "b": 2})"),
            "8: expected ',' or '}' after an object member");
  EXPECT_EQ(Find("[1,]"), "3: expected a value; got ']' (trailing comma?)");
  EXPECT_EQ(Find(R"({"a": 1,})"), "8: expected a string key after ','");
  EXPECT_EQ(Find(R"({"a" 1})"), "5: expected ':' after an object key");
  EXPECT_EQ(Find("[01]"), "1: bad number: leading zero");
  EXPECT_EQ(Find("[1.]"), "1: bad number: expected a digit after '.'");
  EXPECT_EQ(Find("[1e400]"), "1: number 1e400 is too large for a double");
  EXPECT_EQ(Find("[99999999999999999999]"),
            "1: integer 99999999999999999999 does not fit in 64 bits");
  EXPECT_EQ(Find("[-9223372036854775809]"),
            "1: integer -9223372036854775809 does not fit in 64 bits");
  EXPECT_EQ(Find("[tru]"), "1: invalid literal: expected 'true'");
  EXPECT_EQ(Find("{} x"), "3: unexpected text after the JSON value");
  EXPECT_EQ(Find("[\"a\x01\"]"),
            "3: control character U+0001 must be escaped in a string");
  EXPECT_EQ(Find(R"(["\x"])"), "2: invalid escape '\\x'");
  EXPECT_EQ(Find(R"(["\u12"])"),
            "2: invalid \\u escape: expected 4 hex digits");
  EXPECT_EQ(Find(R"(["\ud800"])"),
            "2: high surrogate \\uD800 is not followed by a low surrogate");
  EXPECT_EQ(Find(R"(["\udc00"])"), "2: lone low surrogate \\uDC00 in a string");
  EXPECT_EQ(Find("[\"abc"), "1: unterminated string (no closing '\"')");
  EXPECT_EQ(Find("[市]"), "1: expected a value; got '市'");
  EXPECT_EQ(Find("\xEF\xBB\xBF{}"),
            "0: byte order mark (U+FEFF) before the JSON value; save the file "
            "as UTF-8 without BOM");
}

TEST(JsonSyntaxTest, NestingLimit) {
  EXPECT_EQ(Find("[[[]]]", 3), "ok");
  EXPECT_EQ(Find("[[[[]]]]", 3), "3 deep: nesting deeper than 3 levels");
  EXPECT_EQ(Find(R"({"a": {"b": [{}]}})", 3),
            "13 deep: nesting deeper than 3 levels");
}

TEST(JsonSyntaxTest, DescribeOffsetCountsLinesAndCodePoints) {
  EXPECT_EQ(DescribeOffset("abc", 0), "line 1, column 1 (byte 0)");
  EXPECT_EQ(DescribeOffset("ab\ncd", 4), "line 2, column 2 (byte 4)");
  // 衡阳 is six bytes but two columns.
  EXPECT_EQ(DescribeOffset("\"衡阳\" x", 9), "line 1, column 6 (byte 9)");
}

}  // namespace
}  // namespace dutygraph::internal
