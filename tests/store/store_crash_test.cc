// The crash test of issue 5: a writer process appends events in batches and
// prints each acknowledged id; the test kills it with SIGKILL mid-stream, at
// several different points, then reopens the store and checks that every
// acknowledged event is there, that batches are whole, and that the file
// passes SQLite's integrity check.
#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "dutygraph/store.h"
#include "store_test_util.h"

extern char** environ;

namespace dutygraph {
namespace {

using ::dutygraph::testing::ScratchDir;

struct Round {
  int batch_size;
  int kill_after_acks;  // 0: kill after a delay, whatever was acknowledged
  int delay_ms;         // extra time the writer keeps going before the kill
};

// Spawns the writer, reads acks until `round` says when, kills it with
// SIGKILL, and returns every id it acknowledged (including those still in
// the pipe when it died).
std::vector<std::string> RunAndKill(const std::string& path,
                                    const std::string& prefix,
                                    const Round& round) {
  int fds[2];
  EXPECT_EQ(pipe(fds), 0);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, fds[0]);
  posix_spawn_file_actions_addclose(&actions, fds[1]);
  const std::string batch = std::to_string(round.batch_size);
  std::vector<char*> argv = {const_cast<char*>(DG_STORE_CRASH_WRITER),
                             const_cast<char*>(path.c_str()),
                             const_cast<char*>(prefix.c_str()),
                             const_cast<char*>(batch.c_str()), nullptr};
  pid_t pid = 0;
  EXPECT_EQ(posix_spawn(&pid, DG_STORE_CRASH_WRITER, &actions, nullptr,
                        argv.data(), environ),
            0);
  posix_spawn_file_actions_destroy(&actions);
  close(fds[1]);

  std::string received;
  auto count_acks = [&] {
    return static_cast<int>(std::count(received.begin(), received.end(), '\n'));
  };
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::seconds(20);
  const int wanted = round.kill_after_acks > 0 ? round.kill_after_acks : 1;
  while (count_acks() < wanted &&
         std::chrono::steady_clock::now() < deadline) {
    pollfd pfd{fds[0], POLLIN, 0};
    if (poll(&pfd, 1, 100) <= 0) continue;
    char buffer[65536];
    const ssize_t n = read(fds[0], buffer, sizeof buffer);
    if (n <= 0) break;  // the writer died on its own
    received.append(buffer, static_cast<size_t>(n));
  }
  EXPECT_GE(count_acks(), wanted) << "the writer did not acknowledge in time";
  if (round.delay_ms > 0) {
    std::this_thread::sleep_for(std::chrono::milliseconds(round.delay_ms));
  }
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
      << "the writer exited by itself (status " << status << ")";
  // What it printed before dying was acknowledged too.
  char buffer[65536];
  ssize_t n;
  while ((n = read(fds[0], buffer, sizeof buffer)) > 0) {
    received.append(buffer, static_cast<size_t>(n));
  }
  close(fds[0]);
  // Only whole lines: a line cut short by the kill is not an ack.
  std::vector<std::string> acked;
  const size_t end = received.rfind('\n');
  if (end == std::string::npos) return acked;
  for (absl::string_view id :
       absl::StrSplit(absl::string_view(received.data(), end), '\n')) {
    acked.emplace_back(id);
  }
  return acked;
}

TEST(StoreCrashTest, KillNineLosesNoAcknowledgedEvent) {
  ScratchDir dir;
  const std::string path = dir.File("crash.db");
  ASSERT_TRUE(Store::Open(path).ok());
  // Different batch sizes and kill points: right after the first ack, after
  // a few hundred, and with the writer let run on for a while (so the kill
  // lands inside some later transaction, at a point nobody chose).
  const std::vector<Round> rounds = {
      {1, 1, 0},  {10, 50, 0}, {50, 1000, 3}, {7, 0, 40},
      {100, 300, 17}, {25, 2000, 1},
  };
  absl::flat_hash_map<std::string, int> batch_size_of_prefix;
  std::vector<std::string> all_acked;
  size_t in_flight = 0;  // events each killed writer may have committed unacked
  for (size_t r = 0; r < rounds.size(); ++r) {
    SCOPED_TRACE(absl::StrCat("round ", r));
    const std::string prefix = absl::StrCat("r", r, "-");
    batch_size_of_prefix[prefix] = rounds[r].batch_size;
    std::vector<std::string> acked = RunAndKill(path, prefix, rounds[r]);
    EXPECT_FALSE(acked.empty());
    all_acked.insert(all_acked.end(), acked.begin(), acked.end());

    // Reopen (recovering the WAL) and check.
    absl::StatusOr<Store> store = Store::Open(path);
    ASSERT_TRUE(store.ok()) << store.status();
    EXPECT_TRUE(store->CheckIntegrity().ok());
    absl::StatusOr<std::vector<StoredEvent>> events = store->ReadEvents();
    ASSERT_TRUE(events.ok()) << events.status();
    absl::flat_hash_set<std::string> stored;
    absl::flat_hash_map<std::string, int> per_batch;  // "r3-17-" -> count
    for (size_t i = 0; i < events->size(); ++i) {
      const StoredEvent& e = (*events)[i];
      EXPECT_EQ(e.seq, static_cast<int64_t>(i) + 1);
      stored.insert(e.id);
      ++per_batch[e.id.substr(0, e.id.rfind('-') + 1)];
    }
    int missing = 0;
    for (const std::string& id : all_acked) missing += stored.contains(id) ? 0 : 1;
    EXPECT_EQ(missing, 0) << "acknowledged events lost";
    // All or nothing per batch: a killed transaction left no part behind.
    for (const auto& [batch, count] : per_batch) {
      const std::string round_prefix = batch.substr(0, batch.find('-') + 1);
      EXPECT_EQ(count, batch_size_of_prefix[round_prefix]) << batch;
    }
    // Beyond the acks, at most one batch per killed writer: the one it may
    // have committed and died before printing.
    in_flight += static_cast<size_t>(rounds[r].batch_size);
    EXPECT_LE(stored.size(), all_acked.size() + in_flight);
  }
}

}  // namespace
}  // namespace dutygraph
