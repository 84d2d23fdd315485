// store/event_envelope.h — checking the envelope of an event before it is
// stored: one JSON object on one line with a non-empty string "id" and
// "kind", a "date" YYYY-MM-DD inside the calendar's range and, if present, a
// non-empty string "task". What the rest of the object means is the tracking
// layer's business; the store only needs the columns it indexes.
//
// Thread safety: an EnvelopeReader reuses its parser's buffers, so one per
// thread (or per call).
#ifndef DUTYGRAPH_SRC_STORE_EVENT_ENVELOPE_H_
#define DUTYGRAPH_SRC_STORE_EVENT_ENVELOPE_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "dutygraph/date.h"

namespace dutygraph::internal {

struct EventEnvelope {
  std::string id;
  std::string kind;
  Date date;
  std::string task;  // "" when absent
};

class EnvelopeReader {
 public:
  EnvelopeReader(size_t max_bytes, size_t max_depth);
  ~EnvelopeReader();
  EnvelopeReader(const EnvelopeReader&) = delete;
  EnvelopeReader& operator=(const EnvelopeReader&) = delete;

  // Read()
  //
  // The envelope of `json`, or INVALID_ARGUMENT whose message begins with
  // `where` ("event 3", "line 7") and names the field: `line 7: field
  // "date": bad date '2023-02-30': ...`. RESOURCE_EXHAUSTED past a limit.
  absl::StatusOr<EventEnvelope> Read(std::string_view json,
                                     std::string_view where);

 private:
  struct Parser;
  std::unique_ptr<Parser> parser_;
  size_t max_bytes_;
  size_t max_depth_;
};

}  // namespace dutygraph::internal

#endif  // DUTYGRAPH_SRC_STORE_EVENT_ENVELOPE_H_
