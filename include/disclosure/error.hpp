#pragma once
// The library's exceptions. Each names where the problem is (file, JSON path, cell key) and why,
// so a caller can show the message as it is.
#include <stdexcept>
#include <cstddef>
#include <string>
#include <utility>

namespace disclosure {

// Invalid argument or invalid data: a bad key, a malformed number, a broken form definition.
class Error : public std::invalid_argument {
public:
  using std::invalid_argument::invalid_argument;
};

// A cell or form key that does not exist; the message lists the closest valid keys.
class KeyError : public Error {
public:
  using Error::Error;
};

// A file that cannot be read or parsed; the message starts with the file and the position.
class ParseError : public Error {
public:
  using Error::Error;
};

// Bytes that are text in none of the encodings read (UTF-8, UTF-16 with a byte-order mark,
// GB18030): the offset of the first bad byte and those bytes, so Python can raise it as a
// UnicodeDecodeError too.
class EncodingError : public ParseError {
public:
  EncodingError(const std::string& what, std::string encoding, std::size_t offset, std::string bad_bytes)
      : ParseError(what), encoding_(std::move(encoding)), offset_(offset), bad_bytes_(std::move(bad_bytes)) {}
  const std::string& encoding() const noexcept { return encoding_; }
  std::size_t offset() const noexcept { return offset_; }
  const std::string& bad_bytes() const noexcept { return bad_bytes_; }

private:
  std::string encoding_;
  std::size_t offset_;
  std::string bad_bytes_;
};

}  // namespace disclosure
