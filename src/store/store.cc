// store/store.cc — the embedded store over SQLite (see dutygraph/store.h and
// docs/store.md).
//
// One Store is one SQLite connection (opened SQLITE_OPEN_NOMUTEX: the
// connection is ours alone) behind a std::mutex, so every method holds the
// mutex for its whole transaction. (std::mutex, not absl::Mutex: Debian's
// Abseil is not built with ThreadSanitizer, so TSan cannot see the ordering
// an absl::Mutex gives and reports false races.) Every write is one BEGIN
// IMMEDIATE ... COMMIT: the write lock is taken up front (so a busy store fails before any
// work, not at COMMIT) and any failure rolls the whole call back.

#include "dutygraph/store.h"

#include <sqlite3.h>
#include <nlohmann/json.hpp>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "dutygraph/calendar.h"
#include "dutygraph/plan.h"
#include "dutygraph/plan_json.h"
#include "store/event_envelope.h"
#include "store/schema.h"
#include "util/json_lines.h"
#include "util/sha256.h"
#include "util/status_macros.h"
#include "util/strings.h"

namespace dutygraph {

using internal::AsAbsl;

namespace {

// The status for SQLite result code `rc` on `db`, prefixed with the store's
// path and what was being done ("appending events").
absl::Status SqliteError(sqlite3* db, int rc, std::string_view path,
                         std::string_view doing) {
  const char* detail =
      db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  const std::string where = absl::StrCat(AsAbsl(path), ": ", AsAbsl(doing));
  switch (rc & 0xff) {
    case SQLITE_FULL:
      return absl::ResourceExhaustedError(absl::StrCat(
          where, ": the disk or the store's size cap is full (", detail,
          "); nothing of this call was written"));
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return absl::PermissionDeniedError(absl::StrCat(
          where, ": the store cannot be written (", detail,
          "); check the permissions of the file and its directory"));
    case SQLITE_CANTOPEN:
      return absl::PermissionDeniedError(absl::StrCat(
          where, ": cannot open the file (", detail,
          "); check that its directory exists and is writable"));
    case SQLITE_NOTADB:
      return absl::FailedPreconditionError(absl::StrCat(
          where, ": not a dutygraph store: not an SQLite database, or its "
                 "header is damaged (",
          detail, ")"));
    case SQLITE_CORRUPT:
      return absl::DataLossError(
          absl::StrCat(where, ": the store is corrupted (", detail,
                       "); restore it from a backup"));
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return absl::UnavailableError(absl::StrCat(
          where, ": another connection holds the store's write lock (",
          detail, "); try again"));
    case SQLITE_NOMEM:
      return absl::ResourceExhaustedError(
          absl::StrCat(where, ": out of memory (", detail, ")"));
    case SQLITE_IOERR:
      return absl::UnavailableError(
          absl::StrCat(where, ": I/O error (", detail, ")"));
    case SQLITE_TOOBIG:
      return absl::ResourceExhaustedError(
          absl::StrCat(where, ": a value is too big (", detail, ")"));
    default:
      return absl::InternalError(
          absl::StrCat(where, ": SQLite error ", rc, " (", detail, ")"));
  }
}

// A prepared statement, finalized on destruction.
class Statement {
 public:
  Statement() = default;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement() { sqlite3_finalize(stmt_); }

  int Prepare(sqlite3* db, std::string_view sql) {
    sqlite3_finalize(stmt_);
    stmt_ = nullptr;
    return sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()),
                              &stmt_, nullptr);
  }
  sqlite3_stmt* get() const { return stmt_; }

  void BindText(int i, std::string_view text) {
    sqlite3_bind_text(stmt_, i, text.data(), static_cast<int>(text.size()),
                      SQLITE_TRANSIENT);
  }
  void BindInt(int i, int64_t value) { sqlite3_bind_int64(stmt_, i, value); }
  void BindNull(int i) { sqlite3_bind_null(stmt_, i); }

  std::string Text(int column) const {
    const auto* data =
        reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    const int size = sqlite3_column_bytes(stmt_, column);
    return data != nullptr ? std::string(data, static_cast<size_t>(size))
                           : std::string();
  }
  int64_t Int(int column) const { return sqlite3_column_int64(stmt_, column); }

  int Step() { return sqlite3_step(stmt_); }
  void Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

absl::StatusOr<Date> StoredDate(const std::string& text,
                                std::string_view path) {
  absl::StatusOr<Date> date = Date::Parse(text);
  if (!date.ok()) {
    return absl::DataLossError(absl::StrCat(
        AsAbsl(path), ": the store holds a malformed date '", text, "'"));
  }
  return *date;
}

}  // namespace

struct Store::Impl {
  std::string path;
  StoreOptions options;
  bool read_only = false;       // opened with StoreOptions::read_only
  bool file_read_only = false;  // opened read-write, but SQLite could not
  mutable std::mutex mutex;
  sqlite3* db = nullptr;  // guarded by mutex

  ~Impl() {
    std::lock_guard<std::mutex> lock(mutex);
    // Closing the last connection checkpoints the WAL into the main file.
    sqlite3_close_v2(db);
  }

  absl::Status Error(int rc, std::string_view doing) const
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex) {
    return SqliteError(db, rc, path, doing);
  }

  absl::Status Exec(std::string_view sql, std::string_view doing)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex) {
    const std::string text(sql);
    const int rc = sqlite3_exec(db, text.c_str(), nullptr, nullptr, nullptr);
    return rc == SQLITE_OK ? absl::OkStatus() : Error(rc, doing);
  }

  // The single integer a PRAGMA or SELECT returns.
  absl::StatusOr<int64_t> QueryInt(std::string_view sql,
                                   std::string_view doing)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex) {
    Statement stmt;
    int rc = stmt.Prepare(db, sql);
    if (rc != SQLITE_OK) return Error(rc, doing);
    rc = stmt.Step();
    if (rc == SQLITE_ROW) return stmt.Int(0);
    if (rc == SQLITE_DONE) return int64_t{0};
    return Error(rc, doing);
  }

  // Rolls back the open transaction, if any (a failed statement may already
  // have ended it).
  void RollbackIfOpen() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex) {
    if (sqlite3_get_autocommit(db) == 0) {
      sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    }
  }

  absl::Status CheckWritable() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex) {
    if (read_only) {
      return absl::FailedPreconditionError(absl::StrCat(
          path, ": the store was opened read-only; open it read-write to "
                "write"));
    }
    if (file_read_only) {
      return absl::PermissionDeniedError(absl::StrCat(
          path, ": the database file is read-only (no write permission); "
                "reading still works"));
    }
    return absl::OkStatus();
  }

  // Runs `body` in BEGIN IMMEDIATE ... COMMIT; rolls back if it or the
  // commit fails.
  template <typename Body>
  absl::Status WriteTransaction(std::string_view doing, Body&& body)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex) {
    DG_RETURN_IF_ERROR(CheckWritable());
    DG_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE", doing));
    absl::Status status = body();
    if (status.ok()) {
      const int rc = sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
      if (rc != SQLITE_OK) status = Error(rc, doing);
    }
    if (!status.ok()) RollbackIfOpen();
    return status;
  }

  absl::Status Migrate(int64_t from) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex);
  absl::Status CheckQuick() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex);
  absl::StatusOr<std::vector<StoredEvent>> ReadEventsLocked(
      const EventQuery& query) const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex);
  absl::StatusOr<std::optional<PlanVersion>> ReadPlan(std::string_view where,
                                                      std::optional<Date> on,
                                                      bool with_json) const
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex);
  absl::StatusOr<PlanVersion> StorePlan(std::string_view plan_json,
                                        Date effective, bool first)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex);
  // AppendEvents() and AppendJsonLines(); `label(i)` names item i in
  // messages ("event 3" or "line 7").
  template <typename Label>
  absl::StatusOr<AppendResult> Append(absl::Span<const std::string_view> batch,
                                      Label&& label);
};

absl::Status Store::Impl::Migrate(int64_t from) {
  for (const internal::Migration& step : internal::StoreMigrations()) {
    if (step.to_version <= from) continue;
    DG_RETURN_IF_ERROR(Exec(
        step.sql, absl::StrCat("migrating the schema to version ",
                               step.to_version, " (", step.description, ")")));
  }
  return Exec(absl::StrCat("PRAGMA user_version = ", kStoreSchemaVersion),
              "recording the schema version");
}

absl::Status Store::Impl::CheckQuick() {
  Statement stmt;
  int rc = stmt.Prepare(db, "PRAGMA quick_check(10)");
  if (rc != SQLITE_OK) return Error(rc, "checking integrity");
  std::vector<std::string> problems;
  while ((rc = stmt.Step()) == SQLITE_ROW) {
    std::string line = stmt.Text(0);
    if (line != "ok") problems.push_back(std::move(line));
  }
  if (rc != SQLITE_DONE) return Error(rc, "checking integrity");
  if (problems.empty()) return absl::OkStatus();
  std::string message = absl::StrCat(
      path, ": the store is corrupted (PRAGMA quick_check found ",
      problems.size() >= 10 ? "10 or more problems" : "problems",
      "); restore it from a backup:");
  for (const std::string& p : problems) absl::StrAppend(&message, "\n  ", p);
  return absl::DataLossError(message);
}

absl::StatusOr<Store> Store::Open(const std::string& path,
                                  const StoreOptions& options) {
  if (path.empty()) {
    return absl::InvalidArgumentError("store path is empty");
  }
  if (path.find('\0') != std::string::npos) {
    return absl::InvalidArgumentError("store path contains a NUL byte");
  }
  struct stat st {};
  const bool exists = ::stat(path.c_str(), &st) == 0;
  if (exists && S_ISDIR(st.st_mode)) {
    return absl::FailedPreconditionError(
        absl::StrCat(path, ": is a directory, not a dutygraph store"));
  }
  if (!exists && (options.read_only || !options.create_if_missing)) {
    return absl::NotFoundError(
        absl::StrCat(path, ": no such store (", std::strerror(errno), ")"));
  }

  auto impl = std::make_unique<Impl>();
  impl->path = path;
  impl->options = options;
  impl->read_only = options.read_only;
  std::lock_guard<std::mutex> lock(impl->mutex);

  int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
  flags |= options.read_only ? SQLITE_OPEN_READONLY
                             : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  int rc = sqlite3_open_v2(path.c_str(), &impl->db, flags, nullptr);
  if (rc != SQLITE_OK) {
    absl::Status status = impl->Error(rc, "opening");
    return status;  // ~Impl closes the half-open handle
  }
  sqlite3_extended_result_codes(impl->db, 1);
  sqlite3_busy_timeout(impl->db, std::max(0, options.busy_timeout_ms));
  impl->file_read_only =
      !options.read_only && sqlite3_db_readonly(impl->db, "main") == 1;

  // What is this file? Reading the header is the first I/O.
  DG_ASSIGN_OR_RETURN(const int64_t application_id,
                      impl->QueryInt("PRAGMA application_id", "opening"));
  DG_ASSIGN_OR_RETURN(int64_t version,
                      impl->QueryInt("PRAGMA user_version", "opening"));
  DG_ASSIGN_OR_RETURN(
      const int64_t objects,
      impl->QueryInt("SELECT count(*) FROM sqlite_schema", "opening"));
  const bool fresh = application_id == 0 && version == 0 && objects == 0;
  if (!fresh && application_id != kStoreApplicationId) {
    return absl::FailedPreconditionError(absl::StrFormat(
        "%s: not a dutygraph store: an SQLite database of another "
        "application (application_id 0x%08x, %d schema objects)",
        path, static_cast<uint32_t>(application_id), objects));
  }
  if (fresh && (impl->read_only || impl->file_read_only)) {
    return absl::FailedPreconditionError(absl::StrCat(
        path, ": not a dutygraph store: the file is empty (a read-write open "
              "creates the store)"));
  }
  if (version > kStoreSchemaVersion) {
    return absl::FailedPreconditionError(absl::StrCat(
        path, ": schema version ", version,
        " was written by a newer dutygraph; this build reads up to version ",
        kStoreSchemaVersion));
  }
  if (!fresh && version < 1) {
    return absl::FailedPreconditionError(absl::StrCat(
        path, ": not a dutygraph store: it has dutygraph's application_id but "
              "no schema version"));
  }

  if (!impl->read_only && !impl->file_read_only) {
    // WAL: readers never block the writer nor it them; FULL: each commit is
    // fsync'ed before it returns, so an acknowledged write is durable.
    Statement wal;
    rc = wal.Prepare(impl->db, "PRAGMA journal_mode = WAL");
    if (rc == SQLITE_OK) rc = wal.Step();
    if (rc != SQLITE_ROW) return impl->Error(rc, "switching to WAL mode");
    const std::string mode = wal.Text(0);
    if (mode != "wal") {
      return absl::FailedPreconditionError(absl::StrCat(
          path, ": cannot switch the store to WAL mode (journal mode stays '",
          mode, "')"));
    }
  }
  DG_RETURN_IF_ERROR(impl->Exec("PRAGMA synchronous = FULL", "opening"));
  if (options.max_page_count > 0) {
    DG_RETURN_IF_ERROR(impl->Exec(
        absl::StrCat("PRAGMA max_page_count = ", options.max_page_count),
        "setting max_page_count"));
  }
  if (options.check_integrity && !fresh) {
    DG_RETURN_IF_ERROR(impl->CheckQuick());
  }

  if (version < kStoreSchemaVersion) {
    if (impl->read_only || impl->file_read_only) {
      return absl::FailedPreconditionError(absl::StrCat(
          path, ": schema version ", version, " needs migrating to version ",
          kStoreSchemaVersion, "; open the store read-write once"));
    }
    // Re-read under the write lock: another process may have migrated (or
    // created) the store meanwhile.
    Impl* raw = impl.get();
    DG_RETURN_IF_ERROR(raw->WriteTransaction("migrating", [&]() -> absl::Status {
      DG_ASSIGN_OR_RETURN(version,
                          raw->QueryInt("PRAGMA user_version", "migrating"));
      if (version >= kStoreSchemaVersion) return absl::OkStatus();
      if (version == 0) {
        DG_RETURN_IF_ERROR(raw->Exec(
            absl::StrCat("PRAGMA application_id = ", kStoreApplicationId),
            "creating the store"));
      }
      return raw->Migrate(version);
    }));
  }
  return Store(std::move(impl));
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

const std::string& Store::path() const { return impl_->path; }
bool Store::read_only() const {
  return impl_->read_only || impl_->file_read_only;
}

// ---------------------------------------------------------------------------
// Plan versions

absl::StatusOr<std::optional<PlanVersion>> Store::Impl::ReadPlan(
    std::string_view where, std::optional<Date> on, bool with_json) const {
  Statement stmt;
  const std::string sql = absl::StrCat(
      "SELECT version, effective, digest, ",
      with_json ? "json" : "''", " FROM plan_versions ",
      on ? "WHERE effective <= ?1 " : "", "ORDER BY version DESC LIMIT 1");
  int rc = stmt.Prepare(db, sql);
  if (rc != SQLITE_OK) return SqliteError(db, rc, path, where);
  if (on) stmt.BindText(1, on->ToString());
  rc = stmt.Step();
  if (rc == SQLITE_DONE) return std::optional<PlanVersion>();
  if (rc != SQLITE_ROW) return SqliteError(db, rc, path, where);
  PlanVersion plan;
  plan.version = stmt.Int(0);
  DG_ASSIGN_OR_RETURN(plan.effective, StoredDate(stmt.Text(1), path));
  plan.digest = stmt.Text(2);
  plan.json = stmt.Text(3);
  return plan;
}

absl::StatusOr<PlanVersion> Store::Impl::StorePlan(std::string_view plan_json,
                                                   Date effective,
                                                   bool first) {
  DG_RETURN_IF_ERROR(CheckWritable());
  if (effective < Calendar::MinDate() || effective > Calendar::MaxDate()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "effective date ", effective.ToString(),
        " is outside the calendar's range ", Calendar::MinDate().ToString(),
        "..", Calendar::MaxDate().ToString()));
  }
  // Validate before touching the file: nothing is stored on error.
  DG_ASSIGN_OR_RETURN(PlanData data, ParsePlanJson(plan_json));
  DG_ASSIGN_OR_RETURN(Plan plan, Plan::Build(std::move(data)));
  PlanVersion stored;
  stored.json = WritePlanJson(plan.data());
  stored.digest = internal::Sha256Hex(stored.json);
  stored.effective = effective;

  DG_RETURN_IF_ERROR(WriteTransaction("storing a plan version", [&]() -> absl::Status {
    DG_ASSIGN_OR_RETURN(std::optional<PlanVersion> latest,
                        ReadPlan("storing a plan version", {}, false));
    if (latest && first) {
      return absl::FailedPreconditionError(absl::StrCat(
          path, ": the store is already initialised (plan version ",
          latest->version, ", effective ", latest->effective.ToString(),
          "); add a new plan version instead"));
    }
    if (latest && effective < latest->effective) {
      return absl::FailedPreconditionError(absl::StrCat(
          path, ": effective date ", effective.ToString(),
          " is before that of the latest plan version ", latest->version,
          " (", latest->effective.ToString(),
          "); plan versions take effect in the order they are added"));
    }
    if (latest && latest->effective == effective &&
        latest->digest == stored.digest) {
      stored.version = latest->version;  // a retry: already stored
      return absl::OkStatus();
    }
    stored.version = latest ? latest->version + 1 : 1;
    Statement insert;
    int rc = insert.Prepare(
        db, "INSERT INTO plan_versions(version, effective, digest, json) "
            "VALUES (?1, ?2, ?3, ?4)");
    if (rc != SQLITE_OK) return Error(rc, "storing a plan version");
    insert.BindInt(1, stored.version);
    insert.BindText(2, effective.ToString());
    insert.BindText(3, stored.digest);
    insert.BindText(4, stored.json);
    rc = insert.Step();
    return rc == SQLITE_DONE ? absl::OkStatus()
                             : Error(rc, "storing a plan version");
  }));
  return stored;
}

absl::StatusOr<PlanVersion> Store::Init(std::string_view plan_json,
                                        Date effective) {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  return impl_->StorePlan(plan_json, effective, /*first=*/true);
}

absl::StatusOr<PlanVersion> Store::AddPlanVersion(std::string_view plan_json,
                                                  Date effective) {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  return impl_->StorePlan(plan_json, effective, /*first=*/false);
}

absl::StatusOr<PlanVersion> Store::LatestPlan() const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  DG_ASSIGN_OR_RETURN(std::optional<PlanVersion> plan,
                      impl_->ReadPlan("reading the latest plan", {}, true));
  if (!plan) {
    return absl::NotFoundError(absl::StrCat(
        impl_->path, ": the store has no plan version yet (initialise it "
                     "with a plan)"));
  }
  return *std::move(plan);
}

absl::StatusOr<PlanVersion> Store::PlanAsOf(Date date) const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  DG_ASSIGN_OR_RETURN(std::optional<PlanVersion> plan,
                      impl_->ReadPlan("reading a plan", date, true));
  if (!plan) {
    return absl::NotFoundError(absl::StrCat(
        impl_->path, ": no plan version is in effect on ", date.ToString(),
        " (the first takes effect later, or there is none)"));
  }
  return *std::move(plan);
}

absl::StatusOr<std::vector<PlanVersion>> Store::PlanVersions() const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  Statement stmt;
  int rc = stmt.Prepare(impl_->db,
                        "SELECT version, effective, digest FROM plan_versions "
                        "ORDER BY version");
  if (rc != SQLITE_OK) return impl_->Error(rc, "listing plan versions");
  std::vector<PlanVersion> versions;
  while ((rc = stmt.Step()) == SQLITE_ROW) {
    PlanVersion& v = versions.emplace_back();
    v.version = stmt.Int(0);
    DG_ASSIGN_OR_RETURN(v.effective, StoredDate(stmt.Text(1), impl_->path));
    v.digest = stmt.Text(2);
  }
  if (rc != SQLITE_DONE) return impl_->Error(rc, "listing plan versions");
  return versions;
}

// ---------------------------------------------------------------------------
// Events

namespace {

// Appends `batch` (already checked) inside the caller's transaction.
// `label(i)` names item i in messages ("event 3" or "line 7").
template <typename Label>
absl::Status InsertEvents(sqlite3* db, const std::string& path,
                          absl::Span<const std::string_view> batch,
                          const std::vector<internal::EventEnvelope>& envelopes,
                          Label&& label, AppendResult* result) {
  constexpr std::string_view kDoing = "appending events";
  Statement find, insert;
  int rc = find.Prepare(db, "SELECT seq, json FROM events WHERE id = ?1");
  if (rc == SQLITE_OK) {
    rc = insert.Prepare(db,
                        "INSERT INTO events(id, kind, date, task, json) "
                        "VALUES (?1, ?2, ?3, ?4, ?5) "
                        "ON CONFLICT(id) DO NOTHING");
  }
  if (rc != SQLITE_OK) return SqliteError(db, rc, path, kDoing);
  // Where each id first appears in this batch, for a precise message.
  absl::flat_hash_map<std::string_view, size_t> first_in_batch;
  for (size_t i = 0; i < batch.size(); ++i) {
    const internal::EventEnvelope& e = envelopes[i];
    auto [earlier, added] = first_in_batch.try_emplace(e.id, i);
    if (!added) {
      if (batch[earlier->second] == batch[i]) {
        ++result->unchanged;
        continue;
      }
      return absl::AlreadyExistsError(absl::StrCat(
          label(i), ": id \"", e.id, "\" is also the id of ",
          label(earlier->second),
          " with different JSON; nothing of this batch was appended"));
    }
    // Insert first (one index probe); only an id already there is looked up.
    insert.BindText(1, e.id);
    insert.BindText(2, e.kind);
    insert.BindText(3, e.date.ToString());
    if (e.task.empty()) {
      insert.BindNull(4);
    } else {
      insert.BindText(4, e.task);
    }
    insert.BindText(5, batch[i]);
    rc = insert.Step();
    insert.Reset();
    if (rc != SQLITE_DONE) return SqliteError(db, rc, path, kDoing);
    if (sqlite3_changes(db) == 1) {
      ++result->appended;
      continue;
    }
    find.BindText(1, e.id);
    rc = find.Step();
    if (rc != SQLITE_ROW) {
      find.Reset();
      return SqliteError(db, rc == SQLITE_DONE ? SQLITE_INTERNAL : rc, path,
                         kDoing);
    }
    const int64_t seq = find.Int(0);
    const bool same = find.Text(1) == batch[i];
    find.Reset();
    if (!same) {
      return absl::AlreadyExistsError(absl::StrCat(
          label(i), ": id \"", e.id, "\" is already stored (seq ", seq,
          ") with different JSON; nothing of this batch was appended"));
    }
    ++result->unchanged;
  }
  return absl::OkStatus();
}

}  // namespace

template <typename Label>
absl::StatusOr<AppendResult> Store::Impl::Append(
    absl::Span<const std::string_view> batch, Label&& label) {
  if (batch.size() > options.max_batch_events) {
    return absl::ResourceExhaustedError(absl::StrCat(
        path, ": appending events: ", batch.size(),
        " events in one call, more than the limit max_batch_events (",
        options.max_batch_events, "); split them into smaller batches"));
  }
  std::vector<internal::EventEnvelope> envelopes;
  envelopes.reserve(batch.size());
  {
    internal::EnvelopeReader reader(options.max_event_bytes,
                                    options.max_event_depth);
    for (size_t i = 0; i < batch.size(); ++i) {
      DG_ASSIGN_OR_RETURN(internal::EventEnvelope e,
                          reader.Read(batch[i], label(i)));
      envelopes.push_back(std::move(e));
    }
  }
  std::lock_guard<std::mutex> lock(mutex);
  AppendResult result;
  DG_RETURN_IF_ERROR(WriteTransaction("appending events", [&] {
    return InsertEvents(db, path, batch, envelopes, label, &result);
  }));
  DG_ASSIGN_OR_RETURN(result.last_seq,
                      QueryInt("SELECT coalesce(max(seq), 0) FROM events",
                               "reading the last seq"));
  return result;
}

absl::StatusOr<AppendResult> Store::AppendEvents(
    absl::Span<const std::string_view> batch) {
  return impl_->Append(batch,
                       [](size_t i) { return absl::StrCat("event ", i); });
}

absl::StatusOr<AppendResult> Store::AppendJsonLines(std::string_view text) {
  const std::vector<internal::JsonLine> rows = internal::SplitJsonLines(text);
  std::vector<std::string_view> lines;
  lines.reserve(rows.size());
  for (const internal::JsonLine& row : rows) lines.push_back(row.text);
  return impl_->Append(lines, [&](size_t i) {
    return absl::StrCat("line ", rows[i].number);
  });
}

absl::StatusOr<std::vector<StoredEvent>> Store::Impl::ReadEventsLocked(
    const EventQuery& query) const {
  Statement stmt;
  const std::string sql = absl::StrCat(
      "SELECT seq, id, kind, date, task, json FROM events WHERE seq > ?1 ",
      query.task ? "AND task = ?2 " : "", "ORDER BY seq LIMIT ?3");
  int rc = stmt.Prepare(db, sql);
  if (rc != SQLITE_OK) return Error(rc, "reading events");
  stmt.BindInt(1, query.after_seq);
  if (query.task) stmt.BindText(2, *query.task);
  // SQLite's LIMIT is signed: -1 means none.
  stmt.BindInt(3, query.limit > static_cast<size_t>(INT64_MAX)
                      ? -1
                      : static_cast<int64_t>(query.limit));
  std::vector<StoredEvent> events;
  while ((rc = stmt.Step()) == SQLITE_ROW) {
    StoredEvent& e = events.emplace_back();
    e.seq = stmt.Int(0);
    e.id = stmt.Text(1);
    e.kind = stmt.Text(2);
    DG_ASSIGN_OR_RETURN(e.date, StoredDate(stmt.Text(3), path));
    e.task = stmt.Text(4);
    e.json = stmt.Text(5);
  }
  if (rc != SQLITE_DONE) return Error(rc, "reading events");
  return events;
}

absl::StatusOr<std::vector<StoredEvent>> Store::ReadEvents(
    const EventQuery& query) const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  return impl_->ReadEventsLocked(query);
}

absl::StatusOr<StoreSnapshot> Store::ReadSnapshot(
    std::optional<Date> on) const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  Impl& impl = *impl_;
  constexpr std::string_view kDoing = "reading a snapshot";
  StoreSnapshot snapshot;
  // One read transaction: under WAL it sees the file as of its first read,
  // whatever other connections commit meanwhile.
  DG_RETURN_IF_ERROR(impl.Exec("BEGIN", kDoing));
  absl::Status status = [&]() -> absl::Status {
    DG_ASSIGN_OR_RETURN(std::optional<PlanVersion> plan,
                        impl.ReadPlan(kDoing, on, true));
    if (!plan && on) {
      // Before the first version takes effect: the first date's version.
      Statement stmt;
      int rc = stmt.Prepare(impl.db,
                            "SELECT effective FROM plan_versions "
                            "ORDER BY version LIMIT 1");
      if (rc != SQLITE_OK) return impl.Error(rc, kDoing);
      rc = stmt.Step();
      if (rc == SQLITE_ROW) {
        DG_ASSIGN_OR_RETURN(const Date first,
                            StoredDate(stmt.Text(0), impl.path));
        DG_ASSIGN_OR_RETURN(plan, impl.ReadPlan(kDoing, first, true));
      } else if (rc != SQLITE_DONE) {
        return impl.Error(rc, kDoing);
      }
    }
    if (!plan) {
      return absl::NotFoundError(absl::StrCat(
          impl.path, ": the store has no plan version yet (initialise it "
                     "with a plan)"));
    }
    snapshot.plan = *std::move(plan);
    DG_ASSIGN_OR_RETURN(snapshot.events, impl.ReadEventsLocked({}));
    return absl::OkStatus();
  }();
  impl.RollbackIfOpen();  // a read transaction: nothing to commit
  DG_RETURN_IF_ERROR(status);
  return snapshot;
}

absl::StatusOr<int64_t> Store::EventCount() const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  return impl_->QueryInt("SELECT count(*) FROM events", "counting events");
}

absl::StatusOr<StoreInfo> Store::Info() const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  Impl& impl = *impl_;
  StoreInfo info;
  info.path = impl.path;
  info.read_only = impl.read_only || impl.file_read_only;
  // One read transaction: the figures describe one moment.
  DG_RETURN_IF_ERROR(impl.Exec("BEGIN", "reading store info"));
  absl::Status status = [&]() -> absl::Status {
    DG_ASSIGN_OR_RETURN(const int64_t version,
                        impl.QueryInt("PRAGMA user_version", "reading info"));
    info.schema_version = static_cast<int>(version);
    DG_ASSIGN_OR_RETURN(
        info.plan_versions,
        impl.QueryInt("SELECT count(*) FROM plan_versions", "reading info"));
    DG_ASSIGN_OR_RETURN(info.latest_plan,
                        impl.ReadPlan("reading info", {}, false));
    DG_ASSIGN_OR_RETURN(info.event_count,
                        impl.QueryInt("SELECT count(*) FROM events",
                                      "reading info"));
    DG_ASSIGN_OR_RETURN(
        info.last_seq,
        impl.QueryInt("SELECT coalesce(max(seq), 0) FROM events",
                      "reading info"));
    DG_ASSIGN_OR_RETURN(const int64_t pages,
                        impl.QueryInt("PRAGMA page_count", "reading info"));
    DG_ASSIGN_OR_RETURN(const int64_t page_size,
                        impl.QueryInt("PRAGMA page_size", "reading info"));
    info.file_bytes = pages * page_size;
    return absl::OkStatus();
  }();
  impl.RollbackIfOpen();  // a read transaction: nothing to commit
  DG_RETURN_IF_ERROR(status);
  return info;
}

absl::Status Store::CheckIntegrity() const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  Statement stmt;
  int rc = stmt.Prepare(impl_->db, "PRAGMA integrity_check(10)");
  if (rc != SQLITE_OK) return impl_->Error(rc, "checking integrity");
  std::vector<std::string> problems;
  while ((rc = stmt.Step()) == SQLITE_ROW) {
    std::string line = stmt.Text(0);
    if (line != "ok") problems.push_back(std::move(line));
  }
  if (rc != SQLITE_DONE) return impl_->Error(rc, "checking integrity");
  if (problems.empty()) return absl::OkStatus();
  std::string message = absl::StrCat(
      impl_->path, ": the store is corrupted (PRAGMA integrity_check):");
  for (const std::string& p : problems) absl::StrAppend(&message, "\n  ", p);
  return absl::DataLossError(message);
}

std::string EventsToJsonLines(absl::Span<const StoredEvent> events) {
  size_t size = 0;
  for (const StoredEvent& e : events) size += e.json.size() + 1;
  std::string out;
  out.reserve(size);
  for (const StoredEvent& e : events) {
    out += e.json;
    out += '\n';
  }
  return out;
}

std::string StoreInfoJson(const StoreInfo& info) {
  nlohmann::ordered_json json;
  json["path"] = info.path;
  json["schema_version"] = info.schema_version;
  json["read_only"] = info.read_only;
  json["plan_versions"] = info.plan_versions;
  if (info.latest_plan) {
    json["latest_plan"] = {{"version", info.latest_plan->version},
                           {"effective", info.latest_plan->effective.ToString()},
                           {"digest", info.latest_plan->digest}};
  } else {
    json["latest_plan"] = nullptr;
  }
  json["event_count"] = info.event_count;
  json["last_seq"] = info.last_seq;
  json["file_bytes"] = info.file_bytes;
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace dutygraph
