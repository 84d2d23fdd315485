// store/event_envelope.cc — see event_envelope.h.
#include "store/event_envelope.h"

#include <simdjson.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "dutygraph/calendar.h"
#include "io/json_syntax.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace dutygraph::internal {

struct EnvelopeReader::Parser {
  simdjson::dom::parser dom;
};

namespace {

namespace dom = simdjson::dom;

const char* TypeName(dom::element_type type) {
  switch (type) {
    case dom::element_type::ARRAY:
      return "an array";
    case dom::element_type::OBJECT:
      return "an object";
    case dom::element_type::STRING:
      return "a string";
    case dom::element_type::NULL_VALUE:
      return "null";
    case dom::element_type::BOOL:
      return "a boolean";
    default:
      return "a number";
  }
}

absl::Status Invalid(std::string_view where, std::string_view message) {
  return absl::InvalidArgumentError(
      absl::StrCat(AsAbsl(where), ": ", AsAbsl(message)));
}

absl::Status FieldError(std::string_view where, std::string_view field,
                        std::string_view message) {
  return absl::InvalidArgumentError(absl::StrCat(
      AsAbsl(where), ": field \"", AsAbsl(field), "\": ", AsAbsl(message)));
}

// A required (or, with `optional`, possibly absent) non-empty string field.
absl::Status ReadText(dom::object object, std::string_view where,
                      std::string_view field, bool optional,
                      std::string* out) {
  dom::element value;
  if (object.at_key(field).get(value) != simdjson::SUCCESS) {
    if (optional) return absl::OkStatus();
    return FieldError(where, field, "missing (every event has \"id\", "
                                    "\"kind\" and \"date\")");
  }
  std::string_view text;
  if (value.get(text) != simdjson::SUCCESS) {
    return FieldError(where, field,
                      absl::StrCat("expected a string, got ",
                                   TypeName(value.type())));
  }
  if (text.empty()) return FieldError(where, field, "is empty");
  out->assign(text);
  return absl::OkStatus();
}

}  // namespace

EnvelopeReader::EnvelopeReader(size_t max_bytes, size_t max_depth)
    : parser_(std::make_unique<Parser>()),
      max_bytes_(max_bytes),
      max_depth_(std::max<size_t>(max_depth, 1)) {}

EnvelopeReader::~EnvelopeReader() = default;

absl::StatusOr<EventEnvelope> EnvelopeReader::Read(std::string_view json,
                                                   std::string_view where) {
  if (json.size() > max_bytes_) {
    return absl::ResourceExhaustedError(absl::StrCat(
        AsAbsl(where), ": the event is ", json.size(),
        " bytes, more than the limit max_event_bytes (", max_bytes_, ")"));
  }
  if (json.find_first_not_of(" \t") == std::string_view::npos) {
    return Invalid(where, "empty (expected one JSON object)");
  }
  if (const size_t line_break = json.find_first_of("\r\n");
      line_break != std::string_view::npos) {
    return Invalid(where,
                   absl::StrCat("a line break at byte ", line_break,
                                ": an event is one line of JSON (JSON Lines)"));
  }
  if (!simdjson::validate_utf8(json.data(), json.size())) {
    const absl::Status utf8 = ValidateUtf8(json, where);
    return absl::InvalidArgumentError(
        utf8.ok() ? absl::StrCat(AsAbsl(where), ": invalid UTF-8")
                  : std::string(utf8.message()));
  }
  // Grow the parser's buffers only when an event needs more (a batch of
  // similar events then allocates once).
  if ((json.size() > parser_->dom.capacity() ||
       parser_->dom.max_depth() != max_depth_) &&
      parser_->dom.allocate(std::max<size_t>(json.size(), 4096), max_depth_) !=
          simdjson::SUCCESS) {
    return absl::ResourceExhaustedError(
        absl::StrCat(AsAbsl(where), ": cannot allocate the JSON parser"));
  }
  dom::element root;
  if (const simdjson::error_code error =
          parser_->dom.parse(json.data(), json.size(), true).get(root);
      error != simdjson::SUCCESS) {
    const std::optional<JsonSyntaxError> syntax =
        FindJsonSyntaxError(json, max_depth_);
    if (error == simdjson::DEPTH_ERROR || (syntax && syntax->too_deep)) {
      return absl::ResourceExhaustedError(
          absl::StrCat(AsAbsl(where), ": JSON nests deeper than the limit "
                                      "max_event_depth (",
                       max_depth_, ")"));
    }
    return Invalid(
        where, syntax ? absl::StrCat("malformed JSON at ",
                                     DescribeOffset(json, syntax->offset),
                                     ": ", syntax->description)
                      : absl::StrCat("malformed JSON: ",
                                     simdjson::error_message(error)));
  }
  dom::object object;
  if (root.get(object) != simdjson::SUCCESS) {
    return Invalid(where, absl::StrCat("expected a JSON object, got ",
                                       TypeName(root.type())));
  }
  // A key given twice would let two readers see two different events.
  std::vector<std::string_view> keys;
  for (dom::key_value_pair field : object) keys.push_back(field.key);
  std::sort(keys.begin(), keys.end());
  if (auto twice = std::adjacent_find(keys.begin(), keys.end());
      twice != keys.end()) {
    return FieldError(where, *twice, "given twice");
  }

  EventEnvelope envelope;
  for (auto [field, out] : {std::pair<std::string_view, std::string*>{
                                "id", &envelope.id},
                            {"kind", &envelope.kind}}) {
    if (absl::Status s = ReadText(object, where, field, false, out); !s.ok()) {
      return s;
    }
  }
  std::string date_text;
  if (absl::Status s = ReadText(object, where, "date", false, &date_text);
      !s.ok()) {
    return s;
  }
  absl::StatusOr<Date> date = Date::Parse(date_text);
  if (!date.ok()) {
    return FieldError(where, "date", AsStd(date.status().message()));
  }
  if (*date < Calendar::MinDate() || *date > Calendar::MaxDate()) {
    return FieldError(
        where, "date",
        absl::StrCat(date_text, " is outside the calendar's range ",
                     Calendar::MinDate().ToString(), "..",
                     Calendar::MaxDate().ToString()));
  }
  envelope.date = *date;
  if (absl::Status s = ReadText(object, where, "task", true, &envelope.task);
      !s.ok()) {
    return s;
  }
  return envelope;
}

}  // namespace dutygraph::internal
