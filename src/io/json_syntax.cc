#include "io/json_syntax.h"

#include <cmath>
#include <cstdlib>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace dutygraph::internal {
namespace {

// The text of a string token (between its quotes, escapes already checked
// by the scanner) as UTF-8.
std::string Unescape(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  auto hex4 = [&](size_t at) {
    unsigned v = 0;
    for (size_t k = at; k < at + 4; ++k) {
      const char h = raw[k];
      v = v * 16 + (h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
    }
    return v;
  };
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '\\') {
      out += raw[i];
      continue;
    }
    const char e = raw[++i];
    if (e != 'u') {
      out += e == 'b' ? '\b' : e == 'f' ? '\f' : e == 'n' ? '\n'
           : e == 'r' ? '\r' : e == 't' ? '\t' : e;
      continue;
    }
    unsigned cp = hex4(i + 1);
    i += 4;
    if (cp >= 0xD800 && cp <= 0xDBFF) {  // a checked surrogate pair
      cp = 0x10000 + ((cp - 0xD800) << 10) + (hex4(i + 3) - 0xDC00);
      i += 6;
    }
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  return out;
}

class Scanner {
 public:
  Scanner(std::string_view text, size_t max_depth, bool reject_duplicate_keys)
      : text_(text),
        max_depth_(max_depth),
        reject_duplicate_keys_(reject_duplicate_keys) {}

  std::optional<JsonSyntaxError> Run();

 private:
  enum class State {
    kValue,         // a value must come
    kValueOrClose,  // just after '['
    kKeyOrClose,    // just after '{'
    kKey,           // after ',' in an object
    kColon,         // after a key
    kCommaOrClose,  // after a value
  };

  bool AtEnd() const { return pos_ >= text_.size(); }
  char Peek() const { return text_[pos_]; }
  void SkipWhitespace() {
    while (!AtEnd() && (Peek() == ' ' || Peek() == '\t' || Peek() == '\n' ||
                        Peek() == '\r')) {
      ++pos_;
    }
  }
  std::optional<JsonSyntaxError> Fail(size_t offset, std::string what) {
    return JsonSyntaxError{offset, false, std::move(what), false, ""};
  }
  // Each scanner returns an error or advances pos_ past the token.
  std::optional<JsonSyntaxError> ScanValue();
  std::optional<JsonSyntaxError> ScanString();
  std::optional<JsonSyntaxError> ScanNumber();
  std::optional<JsonSyntaxError> ScanLiteral(std::string_view literal);
  bool ScanHex4(unsigned* out);
  // The whole UTF-8 character at `at` (for messages): quoting only its
  // first byte would make the message itself invalid UTF-8.
  std::string CharAt(size_t at) const {
    const auto c = static_cast<unsigned char>(text_[at]);
    const size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (c < 0x20) return absl::StrFormat("U+%04X", c);
    return std::string(text_.substr(at, len));
  }

  // Containers opened and closed (the frames follow open_).
  void Open(char c) {
    open_.push_back(c);
    if (reject_duplicate_keys_) frames_.emplace_back();
  }
  void Close() {
    open_.pop_back();
    if (reject_duplicate_keys_) frames_.pop_back();
  }
  // With reject_duplicate_keys_: records the key whose string token spans
  // [start, pos_), and the first duplicate (reported only if the text is
  // otherwise well formed).
  void NoteKey(size_t start);

  std::string_view text_;
  size_t max_depth_;
  bool reject_duplicate_keys_;
  size_t pos_ = 0;
  State state_ = State::kValue;
  std::vector<char> open_;  // '{' or '[' per open container
  // Per open container, with reject_duplicate_keys_ only: where we are in it
  // (for the JSON Pointer) and, for objects, the keys seen.
  struct Frame {
    absl::flat_hash_set<std::string> keys;
    std::string key;   // the member being read
    size_t index = 0;  // the element being read
  };
  std::vector<Frame> frames_;
  std::optional<JsonSyntaxError> duplicate_;
};

void Scanner::NoteKey(size_t start) {
  Frame& frame = frames_.back();
  std::string key = Unescape(text_.substr(start + 1, pos_ - start - 2));
  const bool fresh = frame.keys.insert(key).second;
  frame.key = std::move(key);
  if (fresh || duplicate_) return;
  JsonSyntaxError& error = duplicate_.emplace(JsonSyntaxError{
      start, false, absl::StrFormat("duplicate key '%s'", frame.key), true,
      ""});
  for (size_t k = 0; k < frames_.size(); ++k) {
    error.pointer += '/';
    if (open_[k] == '[') {
      error.pointer += std::to_string(frames_[k].index);
      continue;
    }
    for (char c : frames_[k].key) {  // RFC 6901 escapes
      error.pointer += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
    }
  }
}

std::optional<JsonSyntaxError> Scanner::Run() {
  if (text_.substr(0, 3) == "\xEF\xBB\xBF") {
    return Fail(0,
                "byte order mark (U+FEFF) before the JSON value; save the "
                "file as UTF-8 without BOM");
  }
  for (;;) {
    SkipWhitespace();
    if (AtEnd()) {
      if (open_.empty() && state_ == State::kCommaOrClose) return duplicate_;
      if (open_.empty() && pos_ == 0) {
        return Fail(pos_, "empty input: expected a JSON value");
      }
      if (text_.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        return Fail(pos_, "input is only whitespace: expected a JSON value");
      }
      return Fail(pos_, open_.empty() || open_.back() == '['
                            ? "unexpected end of input: unclosed '['"
                            : "unexpected end of input: unclosed '{'");
    }
    const char c = Peek();
    switch (state_) {
      case State::kValueOrClose:
        if (c == ']') {
          ++pos_;
          Close();
          state_ = State::kCommaOrClose;
          break;
        }
        [[fallthrough]];
      case State::kValue:
        if (auto e = ScanValue()) return e;
        break;
      case State::kKeyOrClose:
        if (c == '}') {
          ++pos_;
          Close();
          state_ = State::kCommaOrClose;
          break;
        }
        [[fallthrough]];
      case State::kKey:
        if (c != '"') {
          return Fail(pos_, state_ == State::kKey
                                ? "expected a string key after ','"
                                : "expected a string key or '}'");
        }
        if (const size_t start = pos_; auto e = ScanString()) {
          return e;
        } else if (reject_duplicate_keys_) {
          NoteKey(start);
        }
        state_ = State::kColon;
        break;
      case State::kColon:
        if (c != ':') return Fail(pos_, "expected ':' after an object key");
        ++pos_;
        state_ = State::kValue;
        break;
      case State::kCommaOrClose:
        if (open_.empty()) {
          return Fail(pos_, "unexpected text after the JSON value");
        }
        if (c == ',') {
          ++pos_;
          state_ = open_.back() == '{' ? State::kKey : State::kValue;
          if (reject_duplicate_keys_ && open_.back() == '[') {
            ++frames_.back().index;
          }
        } else if (c == (open_.back() == '{' ? '}' : ']')) {
          ++pos_;
          Close();
        } else {
          return Fail(pos_, open_.back() == '{'
                                ? "expected ',' or '}' after an object member"
                                : "expected ',' or ']' after an array element");
        }
        break;
    }
  }
}

std::optional<JsonSyntaxError> Scanner::ScanValue() {
  const char c = Peek();
  if (c == '{' || c == '[') {
    if (open_.size() >= max_depth_) {
      return JsonSyntaxError{
          pos_, true,
          absl::StrFormat("nesting deeper than %d levels", max_depth_), false,
          ""};
    }
    Open(c);
    ++pos_;
    state_ = c == '{' ? State::kKeyOrClose : State::kValueOrClose;
    return std::nullopt;
  }
  if (c == ']' && state_ == State::kValue && !open_.empty() &&
      open_.back() == '[') {
    return Fail(pos_, "expected a value; got ']' (trailing comma?)");
  }
  state_ = State::kCommaOrClose;
  if (c == '"') return ScanString();
  if (c == '-' || (c >= '0' && c <= '9')) return ScanNumber();
  if (c == 't') return ScanLiteral("true");
  if (c == 'f') return ScanLiteral("false");
  if (c == 'n') return ScanLiteral("null");
  return Fail(pos_,
              absl::StrFormat("expected a value; got '%s'", CharAt(pos_)));
}

bool Scanner::ScanHex4(unsigned* out) {
  if (pos_ + 4 > text_.size()) return false;
  unsigned v = 0;
  for (int k = 0; k < 4; ++k) {
    const char h = text_[pos_ + k];
    v <<= 4;
    if (h >= '0' && h <= '9') {
      v |= h - '0';
    } else if (h >= 'a' && h <= 'f') {
      v |= h - 'a' + 10;
    } else if (h >= 'A' && h <= 'F') {
      v |= h - 'A' + 10;
    } else {
      return false;
    }
  }
  pos_ += 4;
  *out = v;
  return true;
}

std::optional<JsonSyntaxError> Scanner::ScanString() {
  const size_t start = pos_++;
  for (;;) {
    if (AtEnd()) {
      return Fail(start, "unterminated string (no closing '\"')");
    }
    const auto c = static_cast<unsigned char>(Peek());
    if (c == '"') {
      ++pos_;
      return std::nullopt;
    }
    if (c < 0x20) {
      return Fail(
          pos_, absl::StrFormat("control character U+%04X must be escaped in a "
                                "string",
                                c));
    }
    if (c != '\\') {
      ++pos_;
      continue;
    }
    const size_t escape = pos_++;
    if (AtEnd()) return Fail(escape, "unterminated escape sequence");
    const char e = Peek();
    ++pos_;
    if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' ||
        e == 'r' || e == 't') {
      continue;
    }
    if (e != 'u') {
      const std::string next = CharAt(escape + 1);
      return Fail(escape,
                  static_cast<unsigned char>(e) < 0x20
                      ? absl::StrFormat("invalid escape: '\\' followed by %s",
                                        next)
                      : absl::StrFormat("invalid escape '\\%s'", next));
    }
    unsigned unit = 0;
    if (!ScanHex4(&unit)) {
      return Fail(escape, "invalid \\u escape: expected 4 hex digits");
    }
    if (unit >= 0xDC00 && unit <= 0xDFFF) {
      return Fail(escape, absl::StrFormat(
                              "lone low surrogate \\u%04X in a string", unit));
    }
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      unsigned low = 0;
      if (text_.substr(pos_, 2) != "\\u" || (pos_ += 2, !ScanHex4(&low)) ||
          low < 0xDC00 || low > 0xDFFF) {
        return Fail(escape,
                    absl::StrFormat("high surrogate \\u%04X is not followed "
                                    "by a low surrogate",
                                    unit));
      }
    }
  }
}

std::optional<JsonSyntaxError> Scanner::ScanNumber() {
  const size_t start = pos_;
  auto digit = [&] { return !AtEnd() && Peek() >= '0' && Peek() <= '9'; };
  const bool negative = Peek() == '-';
  if (negative) ++pos_;
  if (!digit()) return Fail(start, "bad number: expected a digit");
  const size_t int_start = pos_;
  if (Peek() == '0') {
    ++pos_;
    if (digit()) return Fail(start, "bad number: leading zero");
  } else {
    while (digit()) ++pos_;
  }
  const size_t int_digits = pos_ - int_start;
  bool integer = true;
  if (!AtEnd() && Peek() == '.') {
    integer = false;
    ++pos_;
    if (!digit()) return Fail(start, "bad number: expected a digit after '.'");
    while (digit()) ++pos_;
  }
  if (!AtEnd() && (Peek() == 'e' || Peek() == 'E')) {
    integer = false;
    ++pos_;
    if (!AtEnd() && (Peek() == '+' || Peek() == '-')) ++pos_;
    if (!digit()) {
      return Fail(start, "bad number: expected a digit in the exponent");
    }
    while (digit()) ++pos_;
  }
  const std::string token(text_.substr(start, pos_ - start));
  if (integer) {
    // Integers must fit int64 (negative) or uint64, as simdjson requires.
    const std::string_view digits = text_.substr(int_start, int_digits);
    const std::string_view max =
        negative ? "9223372036854775808" : "18446744073709551615";
    if (digits.size() > max.size() ||
        (digits.size() == max.size() && digits > max)) {
      return Fail(start,
                  absl::StrFormat("integer %s does not fit in 64 bits", token));
    }
    return std::nullopt;
  }
  const double value = std::strtod(token.c_str(), nullptr);
  if (std::isinf(value)) {
    return Fail(start,
                absl::StrFormat("number %s is too large for a double", token));
  }
  return std::nullopt;
}

std::optional<JsonSyntaxError> Scanner::ScanLiteral(std::string_view literal) {
  if (text_.substr(pos_, literal.size()) != literal) {
    return Fail(pos_, absl::StrFormat("invalid literal: expected '%s'",
                                      std::string(literal)));
  }
  pos_ += literal.size();
  return std::nullopt;
}

}  // namespace

std::optional<JsonSyntaxError> FindJsonSyntaxError(
    std::string_view text, size_t max_depth, bool reject_duplicate_keys) {
  return Scanner(text, max_depth, reject_duplicate_keys).Run();
}

absl::Status CheckJsonText(std::string_view text, size_t max_depth) {
  const std::optional<JsonSyntaxError> error =
      FindJsonSyntaxError(text, max_depth, /*reject_duplicate_keys=*/true);
  if (!error) return absl::OkStatus();
  const std::string where = DescribeOffset(text, error->offset);
  if (error->too_deep) {
    return absl::ResourceExhaustedError(
        absl::StrCat("JSON nests deeper than the limit max_depth (", max_depth,
                     ") at ", where));
  }
  if (error->duplicate_key) {
    return absl::InvalidArgumentError(absl::StrCat(
        error->description, " at ", error->pointer, " (", where, ")"));
  }
  return absl::InvalidArgumentError(
      absl::StrCat("malformed JSON at ", where, ": ", error->description));
}

std::string DescribeOffset(std::string_view text, size_t offset) {
  if (offset > text.size()) offset = text.size();
  size_t line = 1, column = 1;
  for (size_t i = 0; i < offset; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++line;
      column = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++column;
    }
  }
  return absl::StrFormat("line %d, column %d (byte %d)", line, column, offset);
}

}  // namespace dutygraph::internal
