#pragma once
// Text for people, in the two languages the library speaks. Keys are for code; labels are for people.
#include <string>
#include <string_view>

#include "disclosure/error.hpp"

namespace disclosure {

enum class Lang : unsigned char { zh, en };

inline Lang lang_from_string(std::string_view s) {
  if (s == "zh") return Lang::zh;
  if (s == "en") return Lang::en;
  throw Error("unknown language '" + std::string(s) + "' (expected zh or en)");
}

struct Label {
  std::string zh;
  std::string en;
  const std::string& operator()(Lang lang) const noexcept { return lang == Lang::zh ? zh : en; }
  friend bool operator==(const Label&, const Label&) = default;
};

}  // namespace disclosure
