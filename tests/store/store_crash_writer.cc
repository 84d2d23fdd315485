// store_crash_writer — the victim of store_crash_test: appends events to a
// store forever, in batches, and after each committed batch prints the ids
// it acknowledges, one per line, flushed at once. The test kills it with
// SIGKILL at arbitrary moments and checks that every printed id was kept.
//
// Usage: store_crash_writer STORE ID_PREFIX BATCH_SIZE
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "dutygraph/store.h"

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: %s STORE ID_PREFIX BATCH_SIZE\n", argv[0]);
    return 2;
  }
  const std::string prefix = argv[2];
  const int batch_size = std::atoi(argv[3]);
  absl::StatusOr<dutygraph::Store> store = dutygraph::Store::Open(argv[1]);
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().ToString().c_str());
    return 1;
  }
  // A note long enough that a batch spans several pages of the WAL.
  const std::string note(300, 'n');
  for (long b = 0;; ++b) {
    std::vector<std::string> batch;
    for (int i = 0; i < batch_size; ++i) {
      batch.push_back(absl::StrCat(R"({"id":")", prefix, b, "-", i,
                                   R"(","kind":"progress_reported","date":"2023-03-06","task":"t)",
                                   i % 7, R"(","note":")", note, "\"}"));
    }
    absl::StatusOr<dutygraph::AppendResult> r = store->AppendEvents(
        std::vector<std::string_view>(batch.begin(), batch.end()));
    if (!r.ok()) {
      std::fprintf(stderr, "%s\n", r.status().ToString().c_str());
      return 1;
    }
    // Acknowledged: AppendEvents returned after COMMIT (fsync'ed).
    std::string acks;
    for (int i = 0; i < batch_size; ++i) {
      absl::StrAppend(&acks, prefix, b, "-", i, "\n");
    }
    std::fwrite(acks.data(), 1, acks.size(), stdout);
    std::fflush(stdout);
  }
}
