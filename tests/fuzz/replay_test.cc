// tests/fuzz/replay_test.cc — replays fuzz inputs through a fuzz harness.
//
// Linked with one fuzz/<name>_fuzzer.cc (its LLVMFuzzerTestOneInput) and
// built by the normal test suite with any compiler, so that the harnesses
// keep compiling and keep passing on their seed corpora and on every input
// that once found a bug (tests/fuzz_regressions/<name>/). A harness aborts
// when an invariant fails; under DG_SANITIZE the sanitizers report too.
//
// Usage: fuzz_replay_<name> PATH...   (files, or directories of files; a
// missing directory counts as empty, but at least one file must be found)
// Each file becomes one test, FuzzReplay.<name>/<file>.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

class ReplayTest : public testing::Test {
 public:
  explicit ReplayTest(std::filesystem::path path) : path_(std::move(path)) {}
  void TestBody() override {
    std::ifstream in(path_, std::ios::binary);
    ASSERT_TRUE(in) << "cannot read " << path_;
    const std::vector<char> bytes((std::istreambuf_iterator<char>(in)),
                                  std::istreambuf_iterator<char>());
    // A copy of exactly the input's size, as libFuzzer passes it, so that a
    // read past the end is caught by ASan in sanitizer builds.
    std::vector<uint8_t> data(bytes.begin(), bytes.end());
    EXPECT_EQ(LLVMFuzzerTestOneInput(data.data(), data.size()), 0);
  }

 private:
  std::filesystem::path path_;
};

}  // namespace

int main(int argc, char** argv) {
  testing::InitGoogleTest(&argc, argv);
  std::vector<std::filesystem::path> files;
  for (int i = 1; i < argc; ++i) {
    const std::filesystem::path arg(argv[i]);
    // A directory that does not exist yet (no regression input so far) is
    // empty; a missing file is an error (its test fails to read it).
    if (std::filesystem::is_directory(arg)) {
      for (const auto& entry : std::filesystem::directory_iterator(arg)) {
        if (entry.is_regular_file()) files.push_back(entry.path());
      }
    } else if (arg.has_extension() || std::filesystem::exists(arg)) {
      files.push_back(arg);
    }
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    std::fprintf(stderr, "fuzz replay: no input files given\n");
    return 1;
  }
  for (const std::filesystem::path& file : files) {
    const std::string name =
        file.parent_path().filename().string() + "/" + file.filename().string();
    testing::RegisterTest("FuzzReplay", name.c_str(), nullptr, nullptr,
                          __FILE__, __LINE__,
                          [file]() -> testing::Test* {
                            return new ReplayTest(file);
                          });
  }
  return RUN_ALL_TESTS();
}
