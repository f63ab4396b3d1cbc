"""Generated ``ogi2021`` reports for benchmarks and tests, drawn like real ones and written straight
into a panel's (cells × reports) int64 matrix, seeded.

Most offices receive few requests and some none; a few receive thousands (a lognormal count per
report). Natural persons file most requests; outcomes follow the shares seen in real reports
(mostly disclosed or 本机关不掌握). Table 三 balances before errors are injected: 一 + 二 = 三 + 四
per column, 总计 the sum of the applicant columns, （七）总计 the sum of the outcomes.

Injected errors, each recorded (report, cell, kind), of the kinds real reports show:
``total_off`` a total off by a few; ``digits_swapped`` two digits of a total swapped;
``blank_part`` a non-zero category printed blank (its count lost); ``carry_mismatch`` new requests
that break the printed balance; ``table_dashed`` table 四 printed as dashes (not assessable). Zeros
printed as blanks or slashes in the legal-person columns are common and not errors.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import _core
from ._core import Missing

__all__ = ["ogi2021", "Generated"]

COLUMNS = ["natural_person", "legal_person.business", "legal_person.research", "legal_person.public_interest", "legal_person.legal_services",
           "legal_person.other"]
COLUMN_SHARES = [0.85, 0.06, 0.01, 0.01, 0.03, 0.04]
# Shares of the leaf outcomes, in form order (granted, partial, 8 withheld, 3 unable, 5 not processed, 3 other handling).
OUTCOME_SHARES = [0.45, 0.08, 0.005, 0.01, 0.005, 0.01, 0.01, 0.01, 0.005, 0.005, 0.2, 0.03, 0.02, 0.04, 0.02, 0.01, 0.02, 0.01, 0.03, 0.01, 0.03]
ERROR_RATES = {"total_off": 0.02, "digits_swapped": 0.005, "blank_part": 0.01, "carry_mismatch": 0.01, "table_dashed": 0.005}
BLANK_ZEROS_RATE = 0.03


@dataclass
class Generated:
    values: np.ndarray  # (cells, reports) int64, C order
    missing: tuple[np.ndarray, np.ndarray, np.ndarray]  # report, cell, kind code
    injected: pd.DataFrame  # report (index), cell (key), kind

    def panel(self, ids: bool = True) -> _core.Panel:
        from .panel import panel_from_array

        n = self.values.shape[1]
        form = _core.builtin_form("ogi2021")
        return panel_from_array(form, self.values, self.missing, ids=[f"r{j}" for j in range(n)] if ids else None)


def _split(rng: np.random.Generator, total: np.ndarray, shares: list[float]) -> list[np.ndarray]:
    """A multinomial split of each report's total, by sequential binomials (vectorised over reports)."""
    out = []
    left = total.copy()
    rest = 1.0
    for s in shares[:-1]:
        part = np.zeros_like(total)
        nz = np.nonzero(left)[0]
        if len(nz):
            part[nz] = rng.binomial(left[nz], min(1.0, s / rest))
        left -= part
        rest -= s
        out.append(part)
    out.append(left)
    return out


def ogi2021(n: int, seed: int = 2021, errors: bool = True) -> Generated:
    """``n`` reports; with ``errors``, the injected errors and blank zeros described above."""
    form = _core.builtin_form("ogi2021")
    keys = [c.key for c in form.cell_list()]
    at = {k: i for i, k in enumerate(keys)}
    rng = np.random.default_rng(seed)
    x = np.zeros((len(keys), n), dtype=np.int64)
    leaves = [k.removeprefix("applications.outcome.").removesuffix(".total") for k in keys
              if k.startswith("applications.outcome.") and k.endswith(".total") and k != "applications.outcome.total"]
    assert len(leaves) == len(OUTCOME_SHARES)

    received = np.floor(np.exp(rng.normal(1.5, 1.5, n))).astype(np.int64)
    received[rng.random(n) < 0.2] = 0  # many offices receive no request at all
    for col, new in zip(COLUMNS, _split(rng, received, COLUMN_SHARES)):
        over = rng.binomial(new, 0.04)
        forward = rng.binomial(new + over, 0.05)
        outcome = new + over - forward
        x[at[f"applications.new.{col}"]] = new
        x[at[f"applications.carried_over.{col}"]] = over
        x[at[f"applications.carried_forward.{col}"]] = forward
        x[at[f"applications.outcome.{col}"]] = outcome
        for leaf, part in zip(leaves, _split(rng, outcome, OUTCOME_SHARES)):
            x[at[f"applications.outcome.{leaf}.{col}"]] = part
    for k in keys:
        if k.startswith("applications.") and k.endswith(".total"):
            row = k.removesuffix(".total")
            x[at[k]] = sum(x[at[f"{row}.{col}"]] for col in COLUMNS)
    scale = np.maximum(received, 1)
    for row, rate in (("review", 0.02), ("litigation.direct", 0.01), ("litigation.after_review", 0.005)):
        total = rng.poisson(rate * scale)
        for part, v in zip(("upheld", "corrected", "other", "pending"), _split(rng, total, [0.6, 0.1, 0.2, 0.1])):
            x[at[f"review_litigation.{row}.{part}"]] = v
        x[at[f"review_litigation.{row}.total"]] = total
    for k, lam in (("documents.regulations.issued", 0.2), ("documents.regulations.repealed", 0.1), ("documents.regulations.in_force", 5),
                   ("documents.normative.issued", 3), ("documents.normative.repealed", 1), ("documents.normative.in_force", 30)):
        x[at[k]] = rng.poisson(lam, n)
    for k in ("licensing.licensing.decisions", "enforcement.penalty.decisions", "enforcement.coercion.decisions"):
        x[at[k]] = np.floor(np.exp(rng.normal(3, 2.5, n))).astype(np.int64)
    x[at["fees.fees.amount"]] = np.where(rng.random(n) < 0.1, np.floor(np.exp(rng.normal(12, 2, n))), 0).astype(np.int64)  # millionths of 万元

    m_report: list[np.ndarray] = []
    m_cell: list[np.ndarray] = []
    m_kind: list[np.ndarray] = []
    inj: list[tuple[np.ndarray, np.ndarray, str]] = []
    if errors:
        kind_of = rng.random(n)
        edges = np.cumsum(list(ERROR_RATES.values()))
        chosen = {name: np.nonzero((kind_of >= lo) & (kind_of < hi))[0] for name, lo, hi in zip(ERROR_RATES, np.r_[0, edges[:-1]], edges)}
        totals = np.array([at[k] for k in keys if k.startswith("applications.") and k.endswith(".total")] + [at[f"applications.outcome.{c}"] for c in COLUMNS])

        j = chosen["total_off"]
        cells = rng.choice(totals, len(j))
        x[cells, j] += rng.integers(1, 10, len(j))
        inj.append((j, cells, "total_off"))

        j = chosen["digits_swapped"]
        cells = totals[np.argmax(x[np.ix_(totals, j)], axis=0)]  # the report's largest total: most likely to have two digits
        v = x[cells, j]
        swapped = v // 100 * 100 + (v % 10) * 10 + (v // 10) % 10
        ok = (v >= 10) & (swapped != v)
        x[cells[ok], j[ok]] = swapped[ok]
        inj.append((j[ok], cells[ok], "digits_swapped"))

        j = chosen["blank_part"]
        cells = np.full(len(j), at["applications.outcome.granted.natural_person"])
        ok = x[cells, j] > 0
        j, cells = j[ok], cells[ok]
        x[cells, j] = 0
        m_report.append(j); m_cell.append(cells); m_kind.append(np.full(len(j), Missing.blank.value, dtype=np.uint8))
        inj.append((j, cells, "blank_part"))

        j = chosen["carry_mismatch"]
        cells = np.full(len(j), at["applications.new.natural_person"])
        x[cells, j] += rng.integers(1, 20, len(j))
        inj.append((j, cells, "carry_mismatch"))

        j = chosen["table_dashed"]
        four = np.array([at[k] for k in keys if k.startswith("review_litigation.")])
        x[np.ix_(four, j)] = 0
        m_report.append(np.repeat(j, len(four))); m_cell.append(np.tile(four, len(j))); m_kind.append(np.full(len(j) * len(four), Missing.dash.value, dtype=np.uint8))
        inj.append((j, np.full(len(j), at["review_litigation.review.total"]), "table_dashed"))

        # Zeros printed blank or "/" in the legal-person columns of table 三: a reading, not an error.
        busy = set(np.concatenate([c[0] for c in inj]).tolist())
        j = np.array([r for r in np.nonzero(rng.random(n) < BLANK_ZEROS_RATE)[0] if r not in busy], dtype=np.int64)
        legal = np.array([at[k] for k in keys if k.startswith("applications.") and ".legal_person." in k])
        sub = x[np.ix_(legal, j)] == 0
        ci, ri = np.nonzero(sub)
        m_report.append(j[ri]); m_cell.append(legal[ci])
        m_kind.append(np.where(rng.random(len(ri)) < 0.7, Missing.blank.value, Missing.slash.value).astype(np.uint8))

    missing = (np.concatenate(m_report).astype(np.uint32) if m_report else np.zeros(0, np.uint32),
               np.concatenate(m_cell).astype(np.uint32) if m_cell else np.zeros(0, np.uint32),
               np.concatenate(m_kind).astype(np.uint8) if m_kind else np.zeros(0, np.uint8))
    injected = pd.DataFrame({"report": np.concatenate([i[0] for i in inj]) if inj else np.zeros(0, np.int64),
                             "cell": np.array(keys, dtype=object)[np.concatenate([i[1] for i in inj])] if inj else np.zeros(0, object),
                             "kind": np.concatenate([[i[2]] * len(i[0]) for i in inj]) if inj else np.zeros(0, object)})
    return Generated(x, missing, injected)
