// Checking many ogi2008 reports one by one with RuleSet::check, against the floor: one pass that
// reads every value of every report once. Prints reports/s and the ratio. Usage: check_reports [N]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>

#include "disclosure/check.hpp"
#include "disclosure/forms/builtin.hpp"

using namespace disclosure;
using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
  const std::size_t n = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 200000;
  auto form = forms::ogi2008();
  std::mt19937_64 rng(42);
  std::geometric_distribution<int> small(0.05);
  std::vector<Report> reports;
  reports.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    Report r(form, "r" + std::to_string(i));
    std::int64_t total = 0, answered = 0;
    for (const char* k : {"requests.in_person.year", "requests.online.year", "requests.letter_fax.letter.year"}) {
      int v = small(rng);
      total += v;
      r.set(k, Value::count(v));
    }
    for (const char* k : {"responses.granted.year", "responses.already_public.year", "responses.refused.year", "responses.nonexistent.year"}) {
      int v = small(rng);
      answered += v;
      r.set(k, Value::count(v));
    }
    r.set("requests.total.year", Value::count(total + (i % 50 == 0 ? 1 : 0)));  // 2% with an error
    r.set("responses.total.year", Value::count(answered));
    reports.push_back(std::move(r));
  }
  const auto rules = RuleSet::for_form(form);

  auto t0 = Clock::now();
  std::int64_t floor_sum = 0;
  for (const auto& r : reports)
    for (const auto& v : r.values()) floor_sum += v.has_number() ? v.number().units() : 0;
  auto t1 = Clock::now();
  std::size_t fails = 0;
  for (const auto& r : reports)
    for (const auto& f : rules.check(r)) fails += f.status == Status::fail;
  auto t2 = Clock::now();

  double floor_s = std::chrono::duration<double>(t1 - t0).count(), check_s = std::chrono::duration<double>(t2 - t1).count();
  std::printf("reports: %zu, rules per report: %zu, cells per report: %zu\n", n, rules.rules().size(), form->size());
  std::printf("floor  (read every value once): %8.4f s  %12.0f reports/s  (checksum %lld)\n", floor_s, double(n) / floor_s, (long long)floor_sum);
  std::printf("check  (RuleSet::check, findings with evidence): %8.4f s  %12.0f reports/s  (%zu failures)\n", check_s, double(n) / check_s, fails);
  std::printf("ratio check/floor: %.1fx\n", check_s / floor_s);
  return fails == n / 50 + (n % 50 ? 1 : 0) ? 0 : 1;
}
