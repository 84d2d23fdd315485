// Messages quote at most 40 bytes of a bad name or date, and never cut a
// UTF-8 character in two: a cut 衡 made "unknown keyword '...\xE5\x88'"
// (found by the capi fuzzer, tests/fuzz_regressions/capi/).
#include <functional>
#include <ostream>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "dutygraph/calendar.h"
#include "dutygraph/date.h"
#include "dutygraph/period.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "util/utf8.h"

namespace dutygraph {
namespace {

using ::testing::HasSubstr;

TEST(Utf8PrefixTest, KeepsShortTextWhole) {
  EXPECT_EQ(internal::Utf8Prefix("", 40), "");
  EXPECT_EQ(internal::Utf8Prefix("abc", 3), "abc");
  EXPECT_EQ(internal::Utf8Prefix("衡阳", 6), "衡阳");
}

TEST(Utf8PrefixTest, BacksOffToTheStartOfASplitCharacter) {
  // 衡 is E8 A1 A1, 阳 is E9 98 B3: a cut after 4 or 5 bytes splits 阳.
  EXPECT_EQ(internal::Utf8Prefix("衡阳", 3), "衡");
  EXPECT_EQ(internal::Utf8Prefix("衡阳", 4), "衡");
  EXPECT_EQ(internal::Utf8Prefix("衡阳", 5), "衡");
  EXPECT_EQ(internal::Utf8Prefix("衡阳", 2), "");
  // U+1F600 is four bytes, F0 9F 98 80.
  EXPECT_EQ(internal::Utf8Prefix("a\xF0\x9F\x98\x80", 4), "a");
  EXPECT_EQ(internal::Utf8Prefix("a\xF0\x9F\x98\x80" "b", 5),
            "a\xF0\x9F\x98\x80");
  EXPECT_EQ(internal::Utf8Prefix("ab\xC3\xA9", 3), "ab");
}

// 38 ASCII bytes and then 衡阳: a 40-byte cut falls inside 衡.
std::string LongName() { return std::string(38, 'x') + "衡阳"; }

struct Site {
  const char* what;
  std::function<absl::Status(std::string_view)> parse;
  friend void PrintTo(const Site& s, std::ostream* os) { *os << s.what; }
};

class QuotedInputTest : public ::testing::TestWithParam<Site> {};

TEST_P(QuotedInputTest, QuotesWholeCharactersOnly) {
  const absl::Status status = GetParam().parse(LongName());
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  const std::string message(status.message());
  EXPECT_TRUE(internal::ValidateUtf8(message, "message").ok()) << message;
  // The 38 bytes before 衡 are quoted, then the quote closes (or "..."
  // says there was more), and nothing of 衡 is.
  const std::string quoted = "'" + std::string(38, 'x');
  const size_t at = message.find(quoted);
  ASSERT_NE(at, std::string::npos) << message;
  const char after = message[at + quoted.size()];
  EXPECT_TRUE(after == '\'' || after == '.') << message;
  EXPECT_THAT(message, ::testing::Not(HasSubstr("\xE8")));
}

// A date's quote says it was cut with "..." and only then.
TEST(DateQuoteTest, MarksOnlyACutQuote) {
  EXPECT_THAT(std::string(Date::Parse(LongName()).status().message()),
              HasSubstr("'" + std::string(38, 'x') + "...': "));
  const std::string exact(Date::Parse(std::string(40, 'x')).status().message());
  EXPECT_THAT(exact, HasSubstr("'" + std::string(40, 'x') + "': ")) << exact;
  EXPECT_THAT(std::string(Date::Parse("2023-02-30").status().message()),
              HasSubstr("bad date '2023-02-30': "));
}

INSTANTIATE_TEST_SUITE_P(
    EverySite, QuotedInputTest,
    ::testing::Values(
        Site{"date",
             [](std::string_view s) { return Date::Parse(s).status(); }},
        Site{"roll convention",
             [](std::string_view s) { return ParseRollConvention(s).status(); }},
        Site{"period kind",
             [](std::string_view s) { return ParsePeriodKind(s).status(); }},
        Site{"calendar keyword",
             [](std::string_view s) {
               return ParseCalendarText(std::string(s) + " 2023-01-01 x\n",
                                        "t.txt")
                   .status();
             }},
        Site{"notice year",
             [](std::string_view s) {
               return ParseCalendarText("notice " + std::string(s) + " - t\n",
                                        "t.txt")
                   .status();
             }}),
    [](const ::testing::TestParamInfo<Site>& info) {
      std::string name = info.param.what;
      for (char& c : name) {
        if (c == ' ') c = '_';
      }
      return name;
    });

}  // namespace
}  // namespace dutygraph
