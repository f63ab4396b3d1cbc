#pragma once
// Reports and check results as JSON. Compiled in the `disclosure::io` library (it uses
// nlohmann_json privately), so the header core stays free of a JSON dependency.
//
// Report file (format tag "disclosure/reports@1"):
//   {"format": "disclosure/reports@1", "reports": [{"id", "form", "issuer", "year", "scope",
//     "within", "series", "source": {"url", "title", "published", "note"},
//     "values": {"<cell key>": 123 | "37.68" | {"missing": "blank|dash|slash|not_applicable"}
//                             | {"number": 123 | "37.68", "unit": "万元"}},
//     "stated": [{"kind": "percentage|growth_rate|total", "cell", "base", "value": "49.79", "text", "position"}],
//     "extras": [{"label": "一、概述/新媒体数量/微博", "value": 29, "unit": "个", "text", "position"}]}]}
// A cell the report does not state is simply absent from "values". Decimals are strings, so that
// their digits survive exactly. The {"number", "unit"} form gives a unit where the form leaves it
// to the report (采购总金额 in 元 or 万元). A single report object at the top level is accepted as well.
#include <string>
#include <string_view>
#include <vector>

#include "disclosure/finding.hpp"
#include "disclosure/io/form_json.hpp"
#include "disclosure/report.hpp"

namespace disclosure::io {

inline constexpr std::string_view reports_format = "disclosure/reports@1";
inline constexpr std::string_view check_format = "disclosure/check@1";

// `source` names the input in error messages (a file path, "<string>"); `forms` resolves the
// reports' form keys (the built-in forms by default).
std::vector<Report> parse_reports_json(std::string_view text, const std::string& source, const FormRegistry& forms = FormRegistry());
std::vector<Report> read_reports_json(const std::string& path, const FormRegistry& forms = FormRegistry());
std::string reports_to_json(const std::vector<Report>& reports);

// The check result contract of `disclosure check --format json`.
std::string check_result_to_json(const std::vector<Report>& reports, const std::vector<Finding>& findings);

}  // namespace disclosure::io
