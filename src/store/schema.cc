// store/schema.cc — see schema.h.
#include "store/schema.h"

#include "dutygraph/store.h"

namespace dutygraph::internal {
namespace {

// STRICT tables: SQLite refuses a value of the wrong type instead of storing
// it. Dates are ISO text, so they sort and read well in the sqlite3 shell.
constexpr Migration kMigrations[] = {
    {1, "plan versions and the event log",
     R"sql(
CREATE TABLE plan_versions(
  version   INTEGER PRIMARY KEY,
  effective TEXT NOT NULL,
  digest    TEXT NOT NULL,
  json      TEXT NOT NULL
) STRICT;
CREATE TABLE events(
  seq  INTEGER PRIMARY KEY,
  id   TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  date TEXT NOT NULL,
  json TEXT NOT NULL
) STRICT;
)sql"},
    // Version 2 indexes events by task, for a task's history without a scan.
    // The column is filled from each stored event's own "task" member.
    {2, "the events.task column and its index",
     R"sql(
ALTER TABLE events ADD COLUMN task TEXT;
UPDATE events SET task = json_extract(json, '$.task')
  WHERE json_type(json, '$.task') = 'text';
CREATE INDEX events_by_task ON events(task, seq) WHERE task IS NOT NULL;
)sql"},
};

static_assert(kMigrations[sizeof(kMigrations) / sizeof(kMigrations[0]) - 1]
                  .to_version == kStoreSchemaVersion,
              "the last migration must reach kStoreSchemaVersion");

}  // namespace

absl::Span<const Migration> StoreMigrations() { return kMigrations; }

}  // namespace dutygraph::internal
