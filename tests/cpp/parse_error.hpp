#pragma once
// The message of the ParseError that reading `text` raises, or "<no error>": the file-format tests
// assert on what a user would be told.
#include <string>

#include "disclosure/error.hpp"

template <class Read>
std::string parse_error_of(Read&& read) {
  try {
    read();
  } catch (const disclosure::ParseError& e) {
    return e.what();
  }
  return "<no error>";
}
