// Loads a report file, prints the share of each part of each breakdown, and checks that the
// parts sum to their totals. Usage: seed_report FILE.json
#include <iostream>

#include <disclosure/disclosure.hpp>
#include <disclosure/io/json.hpp>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: seed_report FILE.json\n";
    return 2;
  }
  try {
    const auto reports = disclosure::io::read_reports_json(argv[1]);
    const disclosure::RoundingPolicy policy{2, disclosure::Rounding::half_up};
    for (const auto& report : reports) {
      std::cout << report.issuer << " " << report.year << " · " << report.scope << " (" << report.id() << ")\n";
      for (const auto& breakdown : disclosure::shares(report, policy))
        for (const auto& share : breakdown) {
          std::cout << "  " << share.part << " / " << share.base << " = ";
          if (share.percent) std::cout << share.percent->to_string() << "%";
          else std::cout << "— (" << share.why_absent << ")";
          if (share.stated) std::cout << "   stated " << share.stated->value.to_string() << "%";
          std::cout << "\n";
        }
      const auto rules = disclosure::RuleSet::for_form(report.form_ptr());
      for (const auto& f : rules.check(report))
        std::cout << "  " << disclosure::to_string(f.status) << " " << f.rule << ": " << f.message.en << "\n";
    }
  } catch (const disclosure::Error& e) {
    std::cerr << "seed_report: " << e.what() << "\n";
    return 2;
  }
  return 0;
}
