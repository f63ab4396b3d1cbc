"""Report files from Python: every real report round-trips through JSON, CSV and DataFrames."""

import pathlib

import pandas as pd
import pytest

import disclosure
from disclosure import Missing

DATA = pathlib.Path(__file__).resolve().parents[1] / "data" / "reports"
FIXTURES = sorted(DATA.glob("*.json"))


def test_there_are_real_reports_to_test_with():
    assert len(FIXTURES) >= 10


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_round_trips_keep_everything(path, tmp_path):
    reports = disclosure.read_reports(path)
    disclosure.write_reports(reports, tmp_path / "r.csv")
    disclosure.write_reports(reports, tmp_path / "r.json")
    assert disclosure.read_reports(tmp_path / "r.csv") == reports
    assert disclosure.read_reports(tmp_path / "r.json") == reports
    for report in reports:
        frame = report.to_frame()
        assert disclosure.Report.from_frame(frame) == report
        # Missing kinds stay apart from 0 and from each other in the frame.
        for key, value in report.values().items():
            row = frame.set_index("key").loc[key]
            if isinstance(value, Missing):
                assert row.value is pd.NA and row.missing == value.name
            else:
                assert row.value == value and row.missing == ""


def test_frames_refuse_rows_without_a_value():
    frame = pd.DataFrame({"key": ["requests.total.year"], "value": [pd.NA], "missing": [""]})
    with pytest.raises(ValueError, match="no value and no kind of missing"):
        disclosure.Report.from_frame(frame, form=disclosure.forms.ogi2008, id="x")


def test_a_failed_write_leaves_nothing(tmp_path):
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(TypeError):
        disclosure.write_reports([object()], target)  # not a report: fails before anything is written
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_extras_and_stated_figures_of_the_seed(seed_path):
    region, city = disclosure.read_reports(seed_path)
    assert {e["label"].rsplit("/", 1)[-1] for e in city.extras} >= {"《关注·沟通》节目", "市政府官方微博微信发布政务信息"}
    growth = [s for s in city.stated if s["kind"] == "growth_rate"]
    assert [(s["cell"], str(s["value"])) for s in growth] == [("npc_cppcc.npc.handled", "10"), ("npc_cppcc.cppcc.handled", "33.3")]
    assert str(region["funding.special"]) == "37.68" and region.unit("funding.special") == "万元"
