"""What a CTest run of scripts/test did, from its own records: pytest's results per file (from the
JUnit file the python test writes) and each fuzz target's closing statistics (from CTest's log).

    python scripts/ran.py BUILD_DIR
"""

from __future__ import annotations

import collections
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def pytest_files(junit: Path) -> list[str]:
    counts: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for case in ET.parse(junit).iter("testcase"):
        # "tests.python.test_bad_input" (or "...test_x.TestClass"): the test file's module
        parts = case.get("classname", "").split(".")
        name = next((p for p in parts if p.startswith("test_")), parts[-1]) + ".py"
        outcome = next((c.tag for c in case if c.tag in ("failure", "error", "skipped")), "passed")
        counts[name][outcome] += 1
    return [f"  {name:<28} " + ", ".join(f"{n} {k}" for k, n in sorted(c.items())) for name, c in sorted(counts.items())]


def fuzz_runs(log: Path) -> list[str]:
    out, test = [], ""
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        if m := re.match(r"\d+/\d+ Testing: (\S+)", line):
            test = m.group(1)
        elif test.startswith("fuzz.") and (m := re.match(r"Done (\d+) runs in (\d+) second", line)):
            out.append(f"  {test:<28} {int(m.group(1)):>10,} inputs in {m.group(2)} s, no crash, leak or hang")
    return out


def main(build: str) -> int:
    root = Path(build)
    if (junit := root / "pytest-results.xml").exists():
        print("pytest, per file:")
        print("\n".join(pytest_files(junit)))
    log = root / "Testing" / "Temporary" / "LastTest.log"
    if log.exists() and (runs := fuzz_runs(log)):
        print("fuzzing (libFuzzer, ASan+UBSan):")
        print("\n".join(runs))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
