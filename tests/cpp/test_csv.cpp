#include <boost/test/unit_test.hpp>

#include "parse_error.hpp"

#include "disclosure/forms/builtin.hpp"
#include "disclosure/io/csv.hpp"
#include "disclosure/io/json.hpp"

using namespace disclosure;

namespace {

std::string csv_error(const std::string& text) {
  return parse_error_of([&] { io::parse_reports_csv(text, "in.csv"); });
}

const std::string header =
    "report,form,issuer,year,scope,within,series,record,cell,label,value,missing,unit,base,kind,text,position,source_url,source_title,source_published,source_note\n";
const std::string report_row = "r,ogi2008,某市,2017,region,,,report,,,,,,,,,,,,,\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(csv)

BOOST_AUTO_TEST_CASE(seed_round_trips_through_csv) {
  auto reports = io::read_reports_json(std::string(DISCLOSURE_EXAMPLES) + "/data/qiqihar-2018.json");
  std::string text = io::reports_to_csv(reports);
  auto back = io::parse_reports_csv(text, "mem.csv");
  BOOST_REQUIRE(back.size() == reports.size());
  for (std::size_t i = 0; i < back.size(); ++i) BOOST_TEST((back[i] == reports[i]), reports[i].id());
  BOOST_TEST(io::reports_to_csv(back) == text);
  // Quoting: the note contains commas and quotes and survives.
  BOOST_TEST(back[0].source.note == reports[0].source.note);
}

BOOST_AUTO_TEST_CASE(missing_kinds_units_and_bom) {
  std::string text = "\xEF\xBB\xBF" + header + report_row + "r,ogi2008,某市,2017,region,,,value,requests.letter_fax.fax.year,,,dash,,,,,,,,,\r\n" +
                     "r,ogi2008,某市,2017,region,,,value,requests.total.year,,\"12\",,,,,,,,,,\n" +
                     "r,ogi2008,某市,2017,region,,,extra,,\"一、概述/微博, 微信\",3,,个,,,\"说 \"\"三\"\" 条\",17,,,,\n";
  auto r = io::parse_reports_csv(text, "in.csv").at(0);
  BOOST_TEST((r.at("requests.letter_fax.fax.year").missing() == Missing::dash));
  BOOST_TEST(r.at("requests.total.year").number().units() == 12);
  BOOST_TEST(r.extras().at(0).label == "一、概述/微博, 微信");
  BOOST_TEST(r.extras().at(0).text == "说 \"三\" 条");
  BOOST_TEST(r.extras().at(0).position == 17);
}

BOOST_AUTO_TEST_CASE(bad_csv_names_line_and_problem) {
  BOOST_TEST(csv_error("").find("in.csv: empty file") == 0u);
  BOOST_TEST(csv_error("report;form;issuer\n").find("missing column 'report'") != std::string::npos);
  BOOST_TEST(csv_error("report;form;issuer\n").find("is the delimiter a comma?") != std::string::npos);
  BOOST_TEST(csv_error(header + report_row + "r,ogi2008,某市,2017,region,,,value,requests.letter_fax.fax.year,,1,,,,,,,,,\n").find("in.csv: line 3: 20 fields, the header has 21") == 0u);
  BOOST_TEST(csv_error(header + report_row + "r,ogi2008,某市,2017,region,,,value,requests.letter_fax.fax.year,,1,,,,,,,,,,\n" +
                       "r,ogi2008,某市,2017,region,,,value,requests.letter_fax.fax.year,,2,,,,,,,,,,\n")
                 .find("line 4: cell 'requests.letter_fax.fax.year' of report 'r' appears twice") != std::string::npos);
  BOOST_TEST(csv_error(header + report_row + "r,ogi2008,某市,2017,region,,,value,requests.letter_fax.fax.year,,1.5,,,,,,,,,,\n").find("line 3: cell 'requests.letter_fax.fax.year' takes whole numbers") != std::string::npos);
  BOOST_TEST(csv_error(header + report_row + "r,ogi2008,某市,2017,region,,,value,requests.onlin.year,,1,,,,,,,,,,\n").find("closest: requests.online.year") != std::string::npos);
  BOOST_TEST(csv_error(header + report_row + "r,ogi2008,某市,2017,region,,,value,requests.letter_fax.fax.year,,,,,,,,,,,,\n").find("no value and no kind of missing") != std::string::npos);
  BOOST_TEST(csv_error(header + "q,ogi2008,某市,2017,region,,,value,requests.letter_fax.fax.year,,1,,,,,,,,,,\n").find("report 'q' has no 'report' row") != std::string::npos);
  BOOST_TEST(csv_error(header + report_row + "r,ogi2008,某县,2017,region,,,value,requests.letter_fax.fax.year,,1,,,,,,,,,,\n").find("differ from report 'r'") != std::string::npos);
  BOOST_TEST(csv_error(header + "r,ogi2008,x,2017,region,,,report,,,,,,,,\"open,,,,,\n").find("a quoted field is not closed") != std::string::npos);
  BOOST_TEST(csv_error(header + "r,ogi2008,x\"y,2017,region,,,report,,,,,,,,,,,,,\n").find("line 2, column 12: a quote inside an unquoted field") != std::string::npos);
  BOOST_TEST(csv_error(header + "r,ogi1999,x,2017,region,,,report,,,,,,,,,,,,,\n").find("line 2: no form 'ogi1999'") != std::string::npos);
  BOOST_TEST(csv_error(header + "r,ogi2008,x,year,region,,,report,,,,,,,,,,,,,\n").find("year 'year' is not a whole number") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
