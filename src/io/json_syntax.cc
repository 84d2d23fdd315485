#include "io/json_syntax.h"

#include <cmath>
#include <cstdlib>
#include <vector>

#include "absl/strings/str_format.h"

namespace dutygraph::internal {
namespace {

class Scanner {
 public:
  Scanner(std::string_view text, size_t max_depth)
      : text_(text), max_depth_(max_depth) {}

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
    return JsonSyntaxError{offset, false, std::move(what)};
  }
  // Each scanner returns an error or advances pos_ past the token.
  std::optional<JsonSyntaxError> ScanValue();
  std::optional<JsonSyntaxError> ScanString();
  std::optional<JsonSyntaxError> ScanNumber();
  std::optional<JsonSyntaxError> ScanLiteral(std::string_view literal);
  bool ScanHex4(unsigned* out);
  // The whole UTF-8 character at pos_ (for messages).
  std::string CharAt() const {
    const auto c = static_cast<unsigned char>(Peek());
    const size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (c < 0x20) return absl::StrFormat("U+%04X", c);
    return std::string(text_.substr(pos_, len));
  }

  std::string_view text_;
  size_t max_depth_;
  size_t pos_ = 0;
  State state_ = State::kValue;
  std::vector<char> open_;  // '{' or '[' per open container
};

std::optional<JsonSyntaxError> Scanner::Run() {
  if (text_.substr(0, 3) == "\xEF\xBB\xBF") {
    return Fail(0,
                "byte order mark (U+FEFF) before the JSON value; save the "
                "file as UTF-8 without BOM");
  }
  for (;;) {
    SkipWhitespace();
    if (AtEnd()) {
      if (open_.empty() && state_ == State::kCommaOrClose) return std::nullopt;
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
          open_.pop_back();
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
          open_.pop_back();
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
        if (auto e = ScanString()) return e;
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
        } else if (c == (open_.back() == '{' ? '}' : ']')) {
          ++pos_;
          open_.pop_back();
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
          absl::StrFormat("nesting deeper than %d levels", max_depth_)};
    }
    open_.push_back(c);
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
  return Fail(pos_, absl::StrFormat("expected a value; got '%s'", CharAt()));
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
      return Fail(escape, absl::StrFormat("invalid escape '\\%c'", e));
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

std::optional<JsonSyntaxError> FindJsonSyntaxError(std::string_view text,
                                                   size_t max_depth) {
  return Scanner(text, max_depth).Run();
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
