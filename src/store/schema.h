// store/schema.h — the store's SQLite schema, as an ordered list of
// migration steps (docs/store.md "Schema" and "Migrations").
//
// A new store is made by running every step from version 0, so the path an
// old file takes to today's layout is the same path every new file takes:
// the migrations are exercised by every test that creates a store.
//
// Rules for adding a step: append it (never edit or reorder a released one),
// make it transform any file of the previous version, bump
// kStoreSchemaVersion in dutygraph/store.h, and add a test that builds a file
// of the previous version by hand and opens it.
//
// Thread safety: constant data.
#ifndef DUTYGRAPH_SRC_STORE_SCHEMA_H_
#define DUTYGRAPH_SRC_STORE_SCHEMA_H_

#include "absl/types/span.h"

namespace dutygraph::internal {

struct Migration {
  int to_version;           // user_version after the step
  const char* description;  // for docs and error messages
  const char* sql;          // statements run in the migration's transaction
};

// Every step, in order; the last one's to_version is kStoreSchemaVersion.
absl::Span<const Migration> StoreMigrations();

}  // namespace dutygraph::internal

#endif  // DUTYGRAPH_SRC_STORE_SCHEMA_H_
