// disclosure._core: the compiled core. Each area registers itself; the logic lives in the C++ headers.
#include <pybind11/eval.h>
#include <pybind11/pybind11.h>

#include "disclosure/error.hpp"
#include "disclosure/rule_language.hpp"

namespace py = pybind11;

void register_values(py::module_& m);
void register_forms(py::module_& m);
void register_reports(py::module_& m);
void register_statements(py::module_& m);
void register_checks(py::module_& m);
void register_panel(py::module_& m);
void register_extract(py::module_& m);

namespace {

// EncodingError is a ParseError and a UnicodeDecodeError: `except UnicodeDecodeError` catches
// undecodable pages, and str() is the library's message with the file and the byte.
PyObject* encoding_error = nullptr;  // owned by the module; a plain pointer, never released at exit

void register_encoding_error(py::module_& m, const py::object& parse_error) {
  py::dict scope;
  scope["ParseError"] = parse_error;
  scope["__name__"] = "disclosure._core";
  py::exec(R"(
class EncodingError(ParseError, UnicodeDecodeError):
    """Bytes that are text in none of the encodings read (UTF-8, UTF-16 with a BOM, GB18030).

    A ParseError (so a ValueError) and a UnicodeDecodeError: ``offset`` is the first bad byte
    in the file, ``object`` those bytes, ``str()`` the message with the file and the byte.

    >>> try:
    ...     disclosure.extraction.read_page(b"abc\\x80", "page.txt")
    ... except UnicodeDecodeError as e:
    ...     print(type(e).__name__, e.offset, e)
    EncodingError 3 page.txt: byte 3: not valid UTF-8, and not GB18030 either (byte 3)
    """

    offset: int

    def __init__(self, message: str, encoding: str, data: bytes, offset: int) -> None:
        UnicodeDecodeError.__init__(self, encoding, data, 0, max(1, len(data)), message)
        self.offset = offset

    def __str__(self) -> str:
        return self.reason
)",
           scope);
  m.attr("EncodingError") = scope["EncodingError"];
  encoding_error = scope["EncodingError"].ptr();
  Py_INCREF(encoding_error);
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const disclosure::EncodingError& e) {
      py::object cls = py::reinterpret_borrow<py::object>(encoding_error);
      py::object err = cls(e.what(), e.encoding(), py::bytes(e.bad_bytes()), e.offset());
      PyErr_SetObject(encoding_error, err.ptr());
    }
  });
}

}  // namespace

PYBIND11_MODULE(_core, m) {
  m.doc() = "Compiled core of disclosure: forms, reports, shares and checks of OGI annual reports.";
  m.attr("__version__") = DISCLOSURE_VERSION;  // CMakeLists.txt's project version
  // Translators run newest first, so the most derived exception is registered last.
  auto error = py::register_exception<disclosure::Error>(m, "Error", PyExc_ValueError);
  error.attr("__doc__") = R"doc(The library's errors, a ValueError: input it refuses (a float, an unknown kind of missing, a
malformed file …), with the reason.

>>> r = disclosure.Report(disclosure.forms.ogi2008, "r")
>>> r["requests.total.year"] = 1.5
Traceback (most recent call last):
  ...
disclosure._core.Error: floats are not exact: pass an int, a decimal.Decimal or a string such as '37.68')doc";
  auto parse_error = py::register_exception<disclosure::ParseError>(m, "ParseError", error.ptr());
  parse_error.attr("__doc__") = R"doc(An Error in text being read (a report, form or rules file, CSV, a page): the message names the
source, where in it (line and column, or the JSON path) and the problem.

>>> text = '''{"format": "disclosure/reports@1",
...           "reports": [{"id": "r", "form": "ogi2008", "values": {"requests.totl.year": 5}}]}'''
>>> disclosure.io.parse_reports(text, "mine.json")  # doctest: +ELLIPSIS
Traceback (most recent call last):
  ...
disclosure._core.ParseError: mine.json: $["reports"][0]["values"]["requests.totl.year"]: form 'ogi2008' has no cell 'requests.totl.year'; closest: requests.total.year, ...)doc";
  auto syntax_error = py::register_exception<disclosure::RuleSyntaxError>(m, "RuleSyntaxError", error.ptr());
  syntax_error.attr("__doc__") = R"doc(An Error in the text of a rule: the message gives the rule, the column and what was expected.

>>> disclosure.rules.parse_rule("requests.total.year ==")
Traceback (most recent call last):
  ...
disclosure._core.RuleSyntaxError: rule 'requests.total.year ==', column 23: expected a cell key or sum(…))doc";
  // A KeyError (a missing key) and a disclosure Error (`except disclosure.Error` catches every refusal of the library).
  auto key_error = py::register_exception<disclosure::KeyError>(m, "CellKeyError", py::make_tuple(py::handle(PyExc_KeyError), error));
  key_error.attr("__doc__") = R"doc(A cell key (or form key) that does not exist, a KeyError: the message names the closest valid keys.

>>> disclosure.forms.ogi2008.cell("requests.totl.year")
Traceback (most recent call last):
  ...
disclosure._core.CellKeyError: "form 'ogi2008' has no cell 'requests.totl.year'; closest: requests.total.year, requests.email.year, requests.other.year")doc";
  register_encoding_error(m, parse_error);
  register_values(m);
  register_forms(m);
  register_statements(m);
  register_reports(m);
  register_checks(m);
  register_extract(m);
  register_panel(m);
}
