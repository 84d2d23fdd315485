// Helpers shared by the store tests: scratch directories, file contents,
// and the small plan fixture as JSON text.
#ifndef DUTYGRAPH_TESTS_STORE_STORE_TEST_UTIL_H_
#define DUTYGRAPH_TESTS_STORE_STORE_TEST_UTIL_H_

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "absl/strings/str_cat.h"

namespace dutygraph::testing {

// A fresh directory under $TMPDIR (or /tmp), removed with its contents.
class ScratchDir {
 public:
  ScratchDir() {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern =
        absl::StrCat(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp",
                     "/dg_store_test_XXXXXX");
    path_ = mkdtemp(pattern.data()) != nullptr ? pattern : "";
  }
  ~ScratchDir() {
    std::error_code ignored;
    if (!path_.empty()) std::filesystem::remove_all(path_, ignored);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::string& path() const { return path_; }
  std::string File(std::string_view name) const {
    return absl::StrCat(path_, "/", std::string(name));
  }

 private:
  std::string path_;
};

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

// The small plan (tests/data/small_plan.json, tests/model/small_plan.h).
inline std::string SmallPlanJson() {
  return ReadFile(DG_SOURCE_DIR "/tests/data/small_plan.json");
}

// One event line: {"id":ID,"kind":KIND,"date":DATE[,"task":TASK]}.
inline std::string Event(std::string_view id, std::string_view date,
                         std::string_view task = "",
                         std::string_view kind = "progress_reported") {
  std::string json =
      absl::StrCat(R"({"id":")", std::string(id), R"(","kind":")",
                   std::string(kind), R"(","date":")", std::string(date), "\"");
  if (!task.empty()) absl::StrAppend(&json, R"(,"task":")", std::string(task), "\"");
  return json + "}";
}

}  // namespace dutygraph::testing

#endif  // DUTYGRAPH_TESTS_STORE_STORE_TEST_UTIL_H_
