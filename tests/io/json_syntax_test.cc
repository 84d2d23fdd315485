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
  // A backslash before a multibyte character quotes the whole character
  // (化 is E5 8C 96), never its lead byte alone: the message stays UTF-8.
  EXPECT_EQ(Find("[\"\\\xE5\x8C\x96\"]"), "2: invalid escape '\\化'");
  EXPECT_EQ(Find("[\"\\\x01\"]"),
            "2: invalid escape: '\\' followed by U+0001");
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

// The offset, pointer and description of a duplicate key, or "ok".
std::string Dup(std::string_view text) {
  auto e = FindJsonSyntaxError(text, 64, /*reject_duplicate_keys=*/true);
  if (!e) return "ok";
  if (!e->duplicate_key) return "not a duplicate: " + e->description;
  return std::to_string(e->offset) + " " + e->pointer + ": " + e->description;
}

TEST(JsonSyntaxTest, DuplicateKeysOnlyWhenAsked) {
  const std::string_view twice = R"({"id":"e1","id":"e2"})";
  EXPECT_EQ(Find(twice), "ok");
  EXPECT_EQ(Dup(twice), "11 /id: duplicate key 'id'");
}

TEST(JsonSyntaxTest, DuplicateKeysAreLocatedByPointer) {
  // Nested in an object, in an array element (the second), with the RFC 6901
  // escapes of '/' and '~' in the path.
  EXPECT_EQ(Dup(R"({"actor":{"unit":"a","unit":"b"}})"),
            "21 /actor/unit: duplicate key 'unit'");
  EXPECT_EQ(Dup(R"({"r":[{"a":1},{"a":1,"b":2,"a":3}]})"),
            "27 /r/1/a: duplicate key 'a'");
  EXPECT_EQ(Dup(R"({"x/y":{"m~n":0,"m~n":1}})"),
            "16 /x~1y/m~0n: duplicate key 'm~n'");
  // Keys compare after unescaping: "\u0069d" is "id"; 衡 is \u8861.
  EXPECT_EQ(Dup(R"({"id":1,"\u0069d":2})"), "8 /id: duplicate key 'id'");
  EXPECT_EQ(Dup(R"({"衡":1,"\u8861":2})"), "9 /衡: duplicate key '衡'");
  EXPECT_EQ(Dup(R"({"\ud83d\ude00":1,"😀":2})"),
            "18 /😀: duplicate key '😀'");
}

TEST(JsonSyntaxTest, SameKeyInDifferentObjectsIsNotADuplicate) {
  EXPECT_EQ(Dup(R"({"a":{"id":1},"b":{"id":1},"id":[{"id":1},{"id":2}]})"),
            "ok");
  EXPECT_EQ(Dup(R"([{"a":1},{"a":2}])"), "ok");
  // A syntax error anywhere wins over a duplicate before it: a truncated
  // text is reported as truncated.
  EXPECT_EQ(Dup(R"({"a":1,"a":2)"),
            "not a duplicate: unexpected end of input: unclosed '{'");
}

TEST(JsonSyntaxTest, DescribeOffsetCountsLinesAndCodePoints) {
  EXPECT_EQ(DescribeOffset("abc", 0), "line 1, column 1 (byte 0)");
  EXPECT_EQ(DescribeOffset("ab\ncd", 4), "line 2, column 2 (byte 4)");
  // 衡阳 is six bytes but two columns.
  EXPECT_EQ(DescribeOffset("\"衡阳\" x", 9), "line 1, column 6 (byte 9)");
}

}  // namespace
}  // namespace dutygraph::internal
