#pragma once
// Stream output for the library's enums and numbers, so that values print in logs and tests.
#include <concepts>
#include <ostream>
#include <string_view>
#include <type_traits>

namespace disclosure {

template <class E>
  requires std::is_enum_v<E> && requires(E e) {
    { to_string(e) } -> std::convertible_to<std::string_view>;
  }
std::ostream& operator<<(std::ostream& os, E e) {
  return os << to_string(e);
}

}  // namespace disclosure
