"""Extraction throughput: disclosure.extract (C++: libxml2, one pass over the text) against the
plain-Python extractor in bench/extract_baseline.py (re, html.parser), over the same pages, in the
same run. Usage: python bench/extract.py [REPEATS]"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import disclosure

sys.path.insert(0, str(Path(__file__).resolve().parent))
import extract_baseline  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def pages() -> list[tuple[str, bytes]]:
    out = [(p.parent.name, p.read_bytes()) for p in sorted((ROOT / "tests" / "data" / "pages").glob("*/page.html"))]
    out.append(("qiqihar-2018.txt", (ROOT / "examples" / "data" / "qiqihar-2018.txt").read_bytes()))
    # A GBK copy of each page: the decoder's other path.
    out += [(n + " (GBK)", b.decode("utf-8").encode("gb18030")) for n, b in list(out)]
    return out


def timed(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    docs = pages()
    megabytes = sum(len(b) for _, b in docs) / 1e6
    forms = {k: extract_baseline.form_cells(disclosure.forms.builtin_form(k).to_json()) for k in ("ogi2008", "ogi2019", "ogi2021")}

    def library():
        return [disclosure.extract(b, name=n) for n, b in docs]

    def baseline():
        out = []
        for n, b in docs:
            text = b.decode("utf-8", errors="replace")
            key = "ogi2021" if "本年制发件数" in text else "ogi2019" if "本年新制作数量" in text else "ogi2008"
            out.append(extract_baseline.extract(b, forms[key]))
        return out

    lib_cells = sum(sum(1 for f in ex.placed if f.kind == "cell") for ex in library())
    base_cells = sum(len(v) for v in baseline())
    t_lib, t_base = timed(library, repeats), timed(baseline, repeats)
    print(f"{len(docs)} pages ({len(docs) // 2} UTF-8 and their GBK copies), {megabytes:.2f} MB, median of {repeats} runs")
    print(f"{'':<28} {'seconds':>8} {'MB/s':>8} {'cells filled':>13}")
    print(f"{'disclosure.extract (C++)':<28} {t_lib:>8.3f} {megabytes / t_lib:>8.1f} {lib_cells:>13}")
    print(f"{'plain Python (re, html.parser)':<28} {t_base:>8.3f} {megabytes / t_base:>8.1f} {base_cells:>13}")
    print(f"ratio: the library is {t_base / t_lib:.1f}x the plain-Python throughput")


if __name__ == "__main__":
    main()
