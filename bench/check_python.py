"""disclosure.check from Python against the same partition rules written in plain Python over dicts,
on the same generated reports, in the same run. Usage: python bench/check_python.py [N]"""

from __future__ import annotations

import random
import sys
import time

import disclosure

CHANNELS = ["requests.in_person.year", "requests.online.year", "requests.letter_fax.letter.year"]
OUTCOMES = ["responses.granted.year", "responses.already_public.year", "responses.refused.year", "responses.nonexistent.year"]


def generate(n: int) -> list[dict[str, int]]:
    rng = random.Random(42)
    out = []
    for i in range(n):
        cells = {k: int(rng.expovariate(0.05)) for k in CHANNELS + OUTCOMES}
        cells["requests.total.year"] = sum(cells[k] for k in CHANNELS) + (1 if i % 50 == 0 else 0)
        cells["responses.total.year"] = sum(cells[k] for k in OUTCOMES)
        out.append(cells)
    return out


def plain_python(dicts: list[dict[str, int]]) -> int:
    """The two partition rules as an analyst would write them: missing parts skipped, totals compared."""
    fails = 0
    for d in dicts:
        for total, parts in (("requests.total.year", CHANNELS), ("responses.total.year", OUTCOMES)):
            if d.get(total) is not None and d[total] != sum(d.get(p, 0) for p in parts):
                fails += 1
    return fails


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    dicts = generate(n)
    form = disclosure.forms.ogi2008
    reports = []
    for i, cells in enumerate(dicts):
        r = disclosure.Report(form, f"r{i}")
        for k, v in cells.items():
            r[k] = v
        reports.append(r)
    rules = disclosure.rules.RuleSet.for_form(form)

    t0 = time.perf_counter()
    base_fails = plain_python(dicts)
    t1 = time.perf_counter()
    lib_fails = sum(1 for r in reports for f in rules.check(r) if f.status == disclosure.Status.FAIL)
    t2 = time.perf_counter()
    assert lib_fails == base_fails == (n + 49) // 50, (lib_fails, base_fails)
    base, lib = t1 - t0, t2 - t1
    print(f"reports: {n}")
    print(f"plain Python (2 rules, no evidence): {base:8.4f} s  {n / base:10.0f} reports/s")
    print(f"disclosure   ({len(rules)} rules, findings with evidence, from Python): {lib:8.4f} s  {n / lib:10.0f} reports/s")
    print(f"ratio disclosure/plain: {lib / base:.2f}x")


if __name__ == "__main__":
    main()
