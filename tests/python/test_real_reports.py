"""Checks on every real report in tests/data: the failures are exactly the inconsistencies the
transcribers recorded (observed_inconsistencies of the hand transcriptions), and nothing else.
Other recorded kinds (percentages, wrong bases in prose, incomplete lists) are the stated-figure
checks of later work and are not asserted here."""

import pathlib

import disclosure
from disclosure import Status

ROOT = pathlib.Path(__file__).resolve().parents[2]
FILES = sorted((ROOT / "tests" / "data" / "reports").glob("*.json")) + [ROOT / "examples" / "data" / "qiqihar-2018.json"]

EXPECTED_FAILURES = {
    # 2012 平潭县: 制作、获取政府信息总数3978 ≠ 主动公开2026 + 依申请46 + 不予公开1854 = 3926 (arithmetic)
    ("pingtan-county-2012", "sum:produced.total"): (3978, 3926),
    # 2012 平潭县: 县直各单位2475 + 各乡镇1503 = 3978, the information total, not the 2026 disclosed (wrong-base)
    ("pingtan-county-2012", "within:proactive.issuer.departments.year"): (2475, 2026),
    # 2012 综合实验区: prose 主动公开1913 (1397 from departments), table 739 (prose-vs-table)
    ("pingtan-2012", "within:proactive.issuer.departments.year"): (1397, 739),
    # 齐齐哈尔 2018: 247 requests, outcomes sum to 243; 市本级 99 against 94 (the seed)
    ("qiqihar-2018-region", "sum:responses.total.year"): (247, 243),
    ("qiqihar-2018-own-level", "sum:responses.total.year"): (99, 94),
}


def test_failures_on_real_reports_are_exactly_the_recorded_ones():
    failures = {}
    statuses = set()
    for path in FILES:
        for report in disclosure.read_reports(path):
            for f in disclosure.check(report):
                statuses.add(f.status)
                if f.status == Status.FAIL:
                    failures[(f.report, f.rule)] = (f.lhs, f.rhs)
    assert failures == EXPECTED_FAILURES
    assert Status.ERROR not in statuses
