#pragma once
// Methods of the compiled classes whose body is Python: the pandas views (Report.to_frame), the
// displays (_repr_html_) and the default language of messages. Each is declared here, on its
// class, and calls a named function of the package (disclosure.frames.report_to_frame …) when
// called, so every object the core returns has them and nothing is attached at import.
// (A Python subclass cannot do this: pybind11 creates objects of the registered class, and
// CPython refuses to change an object's __class__ to a subclass with another deallocator.)
#include <pybind11/pybind11.h>

#include <optional>
#include <string>

#include "disclosure/label.hpp"

namespace disclosure::python {

namespace py = pybind11;

// disclosure.<module>.<name>, looked up when called (the package imports _core first).
inline py::object package_function(const char* module, const char* name) {
  return py::module_::import((std::string("disclosure.") + module).c_str()).attr(name);
}

// A method (self, *args, **kwargs) whose body is disclosure.<module>.<name>(self, *args, **kwargs).
inline auto python_method(const char* module, const char* name) {
  return [module, name](py::object self, py::args args, py::kwargs kwargs) { return package_function(module, name)(self, *args, **kwargs); };
}

// A static method (*args, **kwargs) whose body is disclosure.<module>.<name>(*args, **kwargs).
inline auto python_function(const char* module, const char* name) {
  return [module, name](py::args args, py::kwargs kwargs) { return package_function(module, name)(*args, **kwargs); };
}

// The language of a message: the one asked for, else disclosure.get_language() (set_language,
// $DISCLOSURE_LANG, else English); an unknown one is refused there.
inline Lang message_lang(const std::optional<std::string>& lang) {
  py::object resolved = package_function("language", "resolve")(lang ? py::object(py::str(*lang)) : py::object(py::none()));
  return lang_from_string(resolved.cast<std::string>());
}

}  // namespace disclosure::python
