#pragma once
// The library's exceptions. Each names where the problem is (file, JSON path, cell key) and why,
// so a caller can show the message as it is.
#include <stdexcept>
#include <string>

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

}  // namespace disclosure
