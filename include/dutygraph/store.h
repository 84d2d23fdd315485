// dutygraph/store.h — the embedded store: plan versions and the event log in
// one SQLite file (docs/store.md).
//
// A store holds
//   * plan versions: version number (1, 2, ...), the date it takes effect,
//     the plan's canonical JSON text and its SHA-256 digest. Each version is
//     validated (ParsePlanJson + Plan::Build) before it is stored;
//   * the event log: JSON objects in append order, each with a store-assigned
//     sequence number `seq` (1, 2, ...) and the envelope columns id, kind,
//     date and task. The store checks the envelope only (docs/store.md
//     "Events"); the tracking layer checks what an event kind means.
//
// Durability: the file is in WAL mode with synchronous=FULL, so an append
// that returned OK has been fsync'ed: it survives kill -9 of the process and,
// as far as SQLite and the file system guarantee, a crash of the machine. A
// failed append changes nothing (one transaction per batch).
//
// Concurrency: one Store object is one SQLite connection guarded by a mutex:
// its methods may be called from any thread, one at a time. Several Store
// objects (threads or processes) may open the same file: readers never block
// and see whole committed batches; writers take turns (a writer waits up to
// StoreOptions::busy_timeout_ms for another's transaction, then fails with
// UNAVAILABLE, "database is locked"; retrying later is safe).
//
// Errors (absl::StatusCode), each naming the file and what is wrong:
//   NOT_FOUND            no file at the path (read-only open or
//                        create_if_missing = false); no plan version yet
//   INVALID_ARGUMENT     a bad event envelope (batch index or JSONL line and
//                        field) or plan (JSON Pointer of each problem)
//   ALREADY_EXISTS       an event id already stored with different JSON
//   FAILED_PRECONDITION  not a dutygraph store, a schema newer than this
//                        build, a store opened read-only, Init() on an
//                        initialised store, plan versions out of order
//   PERMISSION_DENIED    the file or its directory cannot be written
//   RESOURCE_EXHAUSTED   the disk (or the max_page_count cap) is full, or a
//                        limit of StoreOptions is exceeded
//   DATA_LOSS            the file is corrupted (integrity check failed)
//   UNAVAILABLE          another connection held the write lock for longer
//                        than busy_timeout_ms
//
// Example:
//   absl::StatusOr<dutygraph::Store> store = dutygraph::Store::Open("plan.db");
//   if (!store.ok()) return store.status();
//   absl::StatusOr<dutygraph::PlanVersion> v1 =
//       store->Init(plan_json, *dutygraph::Date::Parse("2023-03-03"));
//   if (!v1.ok()) return v1.status();  // every problem of the plan
//   absl::StatusOr<dutygraph::AppendResult> r = store->AppendJsonLines(
//       R"({"id":"e1","kind":"assigned","date":"2023-03-06","task":"t1"})");
//   // r->appended == 1; appending the same line again: r->unchanged == 1.
#ifndef DUTYGRAPH_STORE_H_
#define DUTYGRAPH_STORE_H_

#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "dutygraph/date.h"

namespace dutygraph {

// The schema version this build writes; older files are migrated on a
// read-write open (docs/store.md "Migrations").
inline constexpr int kStoreSchemaVersion = 2;
// PRAGMA application_id of every dutygraph store: "DGST".
inline constexpr int32_t kStoreApplicationId = 0x44475354;

struct StoreOptions {
  // Open for reading only: no file is created, nothing is migrated, every
  // write fails with FAILED_PRECONDITION.
  bool read_only = false;
  // Create the file if it does not exist (read-write opens only).
  bool create_if_missing = true;
  // How long a write waits for another connection's write transaction.
  int busy_timeout_ms = 5000;
  // Run PRAGMA quick_check when opening (O(file size); corruption is then
  // found before anything is read or written).
  bool check_integrity = true;
  // Caps the file at this many pages (PRAGMA max_page_count; 0: SQLite's
  // default). A write past it fails as a full disk would.
  int64_t max_page_count = 0;
  // Limits against hostile input; exceeding one is RESOURCE_EXHAUSTED.
  size_t max_event_bytes = size_t{1} << 20;  // one event's JSON text
  size_t max_event_depth = 32;               // its JSON nesting
  size_t max_batch_events = 1'000'000;       // events in one append call
};

struct PlanVersion {
  int64_t version = 0;  // 1, 2, ... in the order they were added
  Date effective;       // the day this version takes effect
  std::string digest;   // SHA-256 of `json`, 64 lowercase hex digits
  std::string json;     // canonical plan JSON (WritePlanJson)
};

struct StoredEvent {
  int64_t seq = 0;   // position in the log, 1, 2, ... (append order)
  std::string id;    // the caller's id, unique in the store
  std::string kind;
  Date date;
  std::string task;  // "" when the event names no task
  std::string json;  // the event's JSON text exactly as appended
};

// What Store::ReadSnapshot() reads: one plan version and every event, as
// they were at one moment.
struct StoreSnapshot {
  PlanVersion plan;
  std::vector<StoredEvent> events;  // in append order
};

struct AppendResult {
  size_t appended = 0;   // new events stored by this call
  size_t unchanged = 0;  // ids already stored with the same JSON (no-ops)
  int64_t last_seq = 0;  // the log's last seq after the call
};

struct EventQuery {
  int64_t after_seq = 0;  // events with seq > after_seq
  size_t limit = std::numeric_limits<size_t>::max();
  std::optional<std::string> task;  // only this task's events
};

struct StoreInfo {
  std::string path;
  int schema_version = 0;
  bool read_only = false;
  int64_t plan_versions = 0;
  std::optional<PlanVersion> latest_plan;  // without its json text
  int64_t event_count = 0;
  int64_t last_seq = 0;
  int64_t file_bytes = 0;  // page_count * page_size of the main file
};

class Store {
 public:
  // Open()
  //
  // Opens (or creates) the store at `path`, migrates an older schema
  // (read-write only) and checks the file's integrity. Fails, naming the
  // path, with NOT_FOUND (no file), FAILED_PRECONDITION (not a dutygraph
  // store: not SQLite, another application's database, a newer schema, or an
  // older one opened read-only), DATA_LOSS (corrupted), PERMISSION_DENIED.
  static absl::StatusOr<Store> Open(const std::string& path,
                                    const StoreOptions& options = {});

  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();  // closes the connection; nothing is lost: every write committed

  const std::string& path() const;
  bool read_only() const;

  // Init()
  //
  // Stores the first plan version. FAILED_PRECONDITION if the store already
  // has one; INVALID_ARGUMENT (listing every problem) for an invalid plan.
  absl::StatusOr<PlanVersion> Init(std::string_view plan_json, Date effective);

  // AddPlanVersion()
  //
  // Stores the next plan version. `effective` must not be before the latest
  // version's (FAILED_PRECONDITION); when both the text and the date equal
  // the latest version's, nothing is stored and that version is returned (a
  // retry is harmless). On an empty store it stores version 1, as Init().
  absl::StatusOr<PlanVersion> AddPlanVersion(std::string_view plan_json,
                                             Date effective);

  // LatestPlan() / PlanAsOf()
  //
  // The last version added / the version in effect on `date` (the latest
  // whose effective date is on or before it). NOT_FOUND if there is none.
  absl::StatusOr<PlanVersion> LatestPlan() const;
  absl::StatusOr<PlanVersion> PlanAsOf(Date date) const;
  // Every version, oldest first, with their json text left empty.
  absl::StatusOr<std::vector<PlanVersion>> PlanVersions() const;

  // AppendEvents()
  //
  // Appends the events (each one JSON object, one line) in one transaction,
  // in order. All or nothing: any invalid envelope (INVALID_ARGUMENT "event
  // 3: field \"date\": ..."), any id already stored or repeated in the batch
  // with different JSON (ALREADY_EXISTS naming the id), a full disk
  // (RESOURCE_EXHAUSTED) leaves the log as it was. An id stored with the
  // same JSON is skipped and counted in `unchanged`.
  absl::StatusOr<AppendResult> AppendEvents(
      absl::Span<const std::string_view> batch);

  // AppendJsonLines()
  //
  // As AppendEvents() for JSON Lines text: one event per line; blank lines
  // are skipped; a trailing "\r" is dropped. Errors name the line number.
  absl::StatusOr<AppendResult> AppendJsonLines(std::string_view text);

  // ReadEvents()
  //
  // Events in append order, as the query selects them.
  absl::StatusOr<std::vector<StoredEvent>> ReadEvents(
      const EventQuery& query = {}) const;

  // ReadSnapshot()
  //
  // The plan version for `on` (the one in effect on `on`; when `on` precedes
  // every version, the one in effect on the first's date; without `on`, the
  // latest) and every event, read in one read transaction: while writers
  // add versions and events, a reader never gets a version together with
  // events appended after a later one (tracking_store.h builds on it).
  // NOT_FOUND when the store has no plan version.
  absl::StatusOr<StoreSnapshot> ReadSnapshot(std::optional<Date> on) const;

  // The number of events stored.
  absl::StatusOr<int64_t> EventCount() const;

  absl::StatusOr<StoreInfo> Info() const;

  // CheckIntegrity()
  //
  // PRAGMA integrity_check (the thorough one; Open() runs quick_check).
  // DATA_LOSS listing the first problems SQLite reports.
  absl::Status CheckIntegrity() const;

 private:
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// EventsToJsonLines(): the events' JSON texts, one per line ("\n" after each).
std::string EventsToJsonLines(absl::Span<const StoredEvent> events);

// StoreInfoJson(): `info` as compact JSON, the shape every face shares:
// {"path","schema_version","read_only","plan_versions","latest_plan":
// {"version","effective","digest"} or null,"event_count","last_seq",
// "file_bytes"}.
std::string StoreInfoJson(const StoreInfo& info);

}  // namespace dutygraph

#endif  // DUTYGRAPH_STORE_H_
