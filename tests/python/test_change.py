"""Shares and year-on-year changes from Python, with property-based tests."""

import pathlib
from decimal import Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

import disclosure

DATA = pathlib.Path(__file__).resolve().parents[1] / "data" / "reports"


def test_growth_rates_of_the_seed_imply_last_years_values(seed_path):
    assert disclosure.checks.implied_previous(179, 10) == [162, 163]
    assert disclosure.checks.implied_previous(400, "33.3") == [300]
    findings = {f.rule: f for f in disclosure.check_reports(disclosure.read_reports(seed_path))}
    assert findings["growth:npc_cppcc.npc.handled"].implied == [162, 163]
    assert findings["growth:npc_cppcc.cppcc.handled"].implied == [300]


def test_year_on_year_of_the_pingtan_series():
    r21, = disclosure.read_reports(DATA / "2021_pingtan_zonghe_shiyanqu.json")
    r22, = disclosure.read_reports(DATA / "2022_pingtan_zonghe_shiyanqu.json")
    by_cell = {c.cell: c for c in disclosure.changes(r21, r22)}
    new = by_cell["applications.new.total"]
    assert (new.before, new.after, new.absolute, new.relative, new.percent) == (70, 74, 4, Fraction(2, 35), Decimal("5.71"))
    assert by_cell["applications.carried_over.total"].why_absent == "before is 0"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=10**9), min_size=1, max_size=30).filter(lambda xs: sum(xs) > 0), st.integers(0, 4))
def test_largest_remainder_shares_always_sum_to_100(parts, decimals):
    shares = disclosure.checks.largest_remainder_percent(parts, decimals)
    assert sum(Decimal(str(s)) for s in shares) == 100
    # Each share is its exact value truncated or one unit more.
    unit = Decimal(1).scaleb(-decimals)
    for part, share in zip(parts, shares):
        exact = Decimal(part) * 100 / Decimal(sum(parts))
        assert exact - unit < Decimal(str(share)) <= exact + unit


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 10**12), st.integers(1, 10**12))
def test_a_change_applied_to_the_base_gives_back_the_later_value(after, before):
    a = disclosure.Report(disclosure.forms.ogi2008, "a")
    b = disclosure.Report(disclosure.forms.ogi2008, "b")
    a["staff.total"] = before
    b["staff.total"] = after
    change = next(c for c in disclosure.changes(a, b) if c.cell == "staff.total")
    assert change.before + change.absolute == change.after
    assert change.before * (1 + change.relative) == change.after
    # The rounded percentage is there, or its absence is explained (a change beyond 2^53 units).
    assert change.percent is not None or "beyond the supported magnitude" in change.why_absent


def test_indicators_from_python(seed_path):
    r22, = disclosure.read_reports(DATA / "2022_pingtan_zonghe_shiyanqu.json")
    values = {v.key: v for v in disclosure.indicators(r22)}
    assert values["disclosure_rate"].fraction == Fraction(values["disclosure_rate"].numerator, values["disclosure_rate"].denominator)
    assert "÷" in values["carry_forward_rate"].formula("zh")
    region, _ = disclosure.read_reports(seed_path)
    seed = {v.key: v for v in disclosure.indicators(region)}
    assert seed["disclosure_rate"].percent is None and seed["disclosure_rate"].missing == ["responses.partially_granted.year"]
    assert seed["normative_disclosure_rate"].percent == Decimal("100.00")


def test_frames_of_shares_and_changes(seed_path):
    region, _ = disclosure.read_reports(seed_path)
    frame = disclosure.frames.shares_frame(region, "requests.total.year", rounding=disclosure.Rounding.truncate)
    row = frame.set_index("part").loc["requests.in_person.year"]
    assert (row.fraction, row.percent, row.stated) == (Fraction(123, 247), Decimal("49.79"), Decimal("49.79"))
    r21, = disclosure.read_reports(DATA / "2021_pingtan_zonghe_shiyanqu.json")
    r22, = disclosure.read_reports(DATA / "2022_pingtan_zonghe_shiyanqu.json")
    changes = disclosure.frames.changes_frame(r21, r22).set_index("cell")
    assert changes.loc["applications.new.total", "absolute"] == 4
    series = [r for p in sorted(DATA.glob("201[1-8]_pingtan_zonghe_shiyanqu.json")) for r in disclosure.read_reports(p)]
    table = disclosure.frames.series_frame(series, "proactive.total.year")
    assert list(table.year) == [2011, 2012, 2015, 2017, 2018]
    assert table.factor[1] == Fraction(739, 425)
    assert abs(table.attrs["cagr"] - ((2069 / 425) ** (1 / 7) - 1)) < 1e-12


def test_plots_return_their_matplotlib_objects(seed_path, tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    from disclosure.plots import plot_series, plot_shares

    region, _ = disclosure.read_reports(seed_path)
    fig, ax = plot_shares(region, "requests.total.year")
    assert len(ax.patches) == 3  # in person, online, letter or fax (derived); e-mail and other have no number
    assert "no number" in ax.get_title()
    fig.savefig(tmp_path / "shares.png")
    series = [r for p in sorted(DATA.glob("201[1-8]_pingtan_zonghe_shiyanqu.json")) for r in disclosure.read_reports(p)]
    fig, ax = plot_series(series, "proactive.total.year")
    xs, ys = ax.lines[0].get_data()
    assert list(xs) == [2011, 2012, 2015, 2017, 2018] and list(ys) == [425, 739, 2949, 2122, 2069]
    assert "CAGR" in ax.get_title()


def test_long_series_across_the_2019_change(seed_path):
    region, _ = disclosure.read_reports(seed_path)
    mapped, unmapped = disclosure.map_to_ogi2019(region)
    assert mapped.form.key == "ogi2019"
    assert mapped["applications.outcome.granted.total"] == 206
    assert unmapped == ["litigation.total.year", "responses.other_route.year", "responses.refused.year"]
    r19, = disclosure.read_reports(DATA / "2019_pingtan_zonghe_shiyanqu.json")
    r21, = disclosure.read_reports(DATA / "2021_pingtan_zonghe_shiyanqu.json")
    assert all(c.series_break for c in disclosure.changes(r19, r21))


def test_shares_over_another_base():
    r22, = disclosure.read_reports(DATA / "2022_pingtan_zonghe_shiyanqu.json")
    over = disclosure.shares(r22, "applications.outcome.total", over=["applications.new.total", "applications.carried_over.total"])
    base = r22["applications.new.total"] + r22["applications.carried_over.total"]
    granted = next(s for s in over if s.part == "applications.outcome.granted.total")
    assert granted.fraction == Fraction(r22["applications.outcome.granted.total"], base)
