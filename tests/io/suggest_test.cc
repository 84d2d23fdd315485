#include "util/suggest.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dutygraph::internal {
namespace {

TEST(EditDistanceTest, CountsCodePointsNotBytes) {
  EXPECT_EQ(EditDistance("市发改委", "市发展委", 10), 1u);
  EXPECT_EQ(EditDistance("市发改委", "市发改委", 10), 0u);
  EXPECT_EQ(EditDistance("", "市发改委", 10), 4u);
}

TEST(EditDistanceTest, AdjacentSwapIsOneEdit) {
  EXPECT_EQ(EditDistance("nmae", "name", 10), 1u);
  EXPECT_EQ(EditDistance("kitten", "sitting", 10), 3u);
}

TEST(EditDistanceTest, StopsAtTheLimit) {
  EXPECT_EQ(EditDistance("abcdef", "uvwxyz", 2), 3u);
  EXPECT_EQ(EditDistance("a", "abcdefgh", 3), 4u);
}

TEST(ClosestMatchTest, FindsATypo) {
  const std::vector<std::string_view> keys = {"id", "name", "full_name"};
  EXPECT_EQ(ClosestMatch("nmae", keys), std::optional<std::string>("name"));
  EXPECT_EQ(ClosestMatch("ful_name", keys),
            std::optional<std::string>("full_name"));
}

TEST(ClosestMatchTest, ChineseNames) {
  const std::vector<std::string_view> units = {"市财政局", "市发改委",
                                               "市卫健委"};
  EXPECT_EQ(ClosestMatch("市发展委", units),
            std::optional<std::string>("市发改委"));
}

TEST(ClosestMatchTest, NothingCloseEnough) {
  const std::vector<std::string_view> keys = {"id", "name"};
  EXPECT_EQ(ClosestMatch("xyz", keys), std::nullopt);
  EXPECT_EQ(ClosestMatch("name", {}), std::nullopt);
  // Nine letters allow three edits, not four.
  EXPECT_EQ(ClosestMatch("abcdefghi", {"abcdwxyz"}), std::nullopt);
  EXPECT_EQ(ClosestMatch("abcdefghi", {"abcdefxyz"}),
            std::optional<std::string>("abcdefxyz"));
}

TEST(ClosestMatchTest, ShortWordsAllowOneEdit) {
  EXPECT_EQ(ClosestMatch("fgv", {"fgw", "jrb"}),
            std::optional<std::string>("fgw"));
  EXPECT_EQ(ClosestMatch("ab", {"xy"}), std::nullopt);
}

TEST(ClosestMatchTest, TiesGoToTheEarlierCandidate) {
  EXPECT_EQ(ClosestMatch("cat", {"bat", "cut", "car"}),
            std::optional<std::string>("bat"));
  EXPECT_EQ(ClosestMatch("cat", {"car", "bat", "cat"}),
            std::optional<std::string>("cat"));
}

}  // namespace
}  // namespace dutygraph::internal
