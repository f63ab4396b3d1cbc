#pragma once
// Reports as CSV in long form: one row per report and cell, for spreadsheets and pandas.
// Compiled in disclosure::io.
//
// Columns: report, form, issuer, year, scope, within, series, record, cell, label, value, missing, unit,
//          base, kind, text, position, source_url, source_title, source_published, source_note,
//          share, flags, where (the last three may be absent: files of the first version lack them)
// record = "report" (one per report, first, carrying the source), "value" (a cell), "stated"
// (a stated figure: cell, base, kind, value as printed), "extra" (label, value, unit), or a
// statement: a "statement" row (kind = the opening word, label = the base words, text, where,
// flags complete/overlapping, share = a stated multiple) followed by "statement_total",
// "statement_base" and "statement_part" rows (label, value = count, unit, share, cell = the
// linked cells joined by "+", kind = how they were linked, flags approximate).
// A missing cell has an empty value and its kind in `missing`; cells not stated have no row.
// UTF-8, RFC 4180 quoting, a byte-order mark is accepted on input.
#include <string>
#include <string_view>
#include <vector>

#include "disclosure/finding.hpp"
#include "disclosure/io/form_json.hpp"
#include "disclosure/report.hpp"

namespace disclosure::io {

std::string reports_to_csv(const std::vector<Report>& reports);
std::vector<Report> parse_reports_csv(std::string_view text, const std::string& source, const FormRegistry& forms = FormRegistry());
std::vector<Report> read_reports_csv(const std::string& path, const FormRegistry& forms = FormRegistry());

// Findings, one row each: report, rule, status, severity, basis, basis_note, comparison, lhs, rhs,
// difference, tolerance, rounding, cells ("key=value" or "key=<missing kind>", joined by "; "),
// read_as_zero, derived, suggestions, edit_sets, message_zh, message_en.
std::string findings_to_csv(const std::vector<Finding>& findings);

}  // namespace disclosure::io
