// Every day of 2007-01-01..2026-12-31 against the official facts: the State
// Council notices as transcribed in ../shared/data/holiday-cn (independent of
// the project's data file, which was written separately from the notices).
#include <filesystem>
#include <fstream>
#include <map>

#include "dutygraph/calendar.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "test_util.h"

namespace dutygraph {
namespace {

using ::dutygraph::testing::D;

struct Fact {
  bool off;
  std::string name;
};

// Facts by date, from every <year>.json with a published notice.
std::map<std::string, Fact> LoadFacts(std::vector<int>* years_with_notice) {
  std::map<std::string, Fact> facts;
  for (int year = 2007; year <= 2030; ++year) {
    const std::filesystem::path path =
        std::filesystem::path(DG_HOLIDAY_FACTS_DIR) / (std::to_string(year) + ".json");
    std::ifstream in(path);
    if (!in) continue;
    const nlohmann::json doc = nlohmann::json::parse(in);
    if (!doc["papers"].empty()) years_with_notice->push_back(year);
    for (const auto& day : doc["days"]) {
      facts[day["date"].get<std::string>()] =
          Fact{day["isOffDay"].get<bool>(), day["name"].get<std::string>()};
    }
  }
  return facts;
}

TEST(OfficialFactsTest, EveryDayFrom2007Through2026) {
  if (!std::filesystem::is_directory(DG_HOLIDAY_FACTS_DIR)) {
    GTEST_SKIP() << "facts directory " << DG_HOLIDAY_FACTS_DIR << " is absent";
  }
  std::vector<int> years;
  const std::map<std::string, Fact> facts = LoadFacts(&years);
  ASSERT_GE(facts.size(), 600u);

  const Calendar cal = Calendar::ChinaMainland();
  EXPECT_EQ(cal.OfficialYears(), years);
  int days = 0, declared = 0;
  for (Date d = D("2007-01-01"); d <= D("2026-12-31"); d = d + 1, ++days) {
    absl::StatusOr<DayInfo> info = cal.Day(d);
    ASSERT_TRUE(info.ok()) << info.status();
    ASSERT_FALSE(info->provisional);
    const auto fact = facts.find(d.ToString());
    if (fact == facts.end()) {
      ASSERT_EQ(info->working, !d.is_weekend()) << d.ToString();
      ASSERT_EQ(info->name, "") << d.ToString();
      continue;
    }
    ++declared;
    ASSERT_EQ(info->working, !fact->second.off) << d.ToString();
    ASSERT_EQ(info->name, fact->second.name) << d.ToString();
    ASSERT_FALSE(info->notice_title.empty()) << d.ToString();
  }
  EXPECT_EQ(days, 7305);
  EXPECT_GT(declared, 600);
}

}  // namespace
}  // namespace dutygraph
