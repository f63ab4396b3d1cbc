"""Forms from Python: the built-in ones, their tree, cells as a DataFrame, user forms."""

import json
import pathlib
import subprocess
import sys

import pandas as pd
import pytest

import disclosure
from disclosure import Status
from disclosure.forms import Relation

DATA = pathlib.Path(__file__).resolve().parents[1] / "data"


def test_builtin_forms_and_their_sizes():
    assert set(disclosure.forms.builtin_form_keys()) == {"ogi2008", "ogi2019", "ogi2021"}
    cells = disclosure.forms.ogi2021.cells_frame()
    assert isinstance(cells, pd.DataFrame)
    assert len(cells[cells.table == "applications"]) == 25 * 7
    assert len(disclosure.forms.ogi2019.cells_frame().query("table == 'applications'")) == 23 * 7
    assert len(cells[cells.table == "review_litigation"]) == 15
    fee = cells.set_index("key").loc["fees.fees.amount"]
    assert (fee.unit, fee.decimals) == ("万元", 6)


def test_the_category_tree_is_navigable():
    three = next(t for t in disclosure.forms.ogi2021.tables if t.key == "applications")
    assert three.label_zh == "三、收到和处理政府信息公开申请情况"
    outcome = next(c for c in three.rows.root.children if c.key == "outcome")
    assert outcome.relation == Relation.partition
    withheld = next(c for c in outcome.children if c.key == "withheld")
    assert withheld.derived
    assert [c.label_zh for c in withheld.children][:2] == ["1.属于国家秘密", "2.其他法律行政法规禁止公开"]
    internal = withheld.children[4]
    assert "5.属于三类内容事务信息" in internal.aliases  # a misprint seen in a published report


def test_user_form_from_a_file_checks_its_reports():
    foia = disclosure.io.read_form(DATA / "forms" / "us_foia.json")
    reports = disclosure.read_reports(DATA / "forms" / "us_foia_reports.json", forms=[foia])
    findings = {(f.report, f.rule): f for r in reports for f in disclosure.check(r)}
    assert findings[("agency-a-fy2023", "balance:requests")].status == Status.PASS
    assert findings[("agency-b-fy2023", "balance:requests")].status == Status.FAIL
    assert findings[("agency-b-fy2023", "dispositions:processed")].difference == 2
    with pytest.raises(disclosure.ParseError, match="no form 'us_foia'"):
        disclosure.read_reports(DATA / "forms" / "us_foia_reports.json")
    # A built-in form written as data reads back equal: user forms have the same power.
    assert disclosure.io.parse_form(disclosure.forms.ogi2021.to_json()) == disclosure.forms.ogi2021


def test_cli_takes_user_forms():
    out = subprocess.run(
        [sys.executable, "-m", "disclosure", "check", "--format", "json", "--form", str(DATA / "forms" / "us_foia.json"),
         str(DATA / "forms" / "us_foia_reports.json")],
        capture_output=True, text=True, encoding="utf-8")
    assert out.returncode == 1, out.stderr
    doc = json.loads(out.stdout)
    assert {f["rule"] for f in doc["findings"] if f["status"] == "FAIL" and f["severity"] == "error"} == {"balance:requests", "dispositions:processed"}


def test_reference_page_is_generated_from_the_forms():
    page = (pathlib.Path(__file__).resolve().parents[2] / "docs" / "forms.md").read_text(encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "disclosure", "forms", "--format", "markdown"], capture_output=True, text=True, encoding="utf-8")
    assert out.returncode == 0, out.stderr
    assert out.stdout == page, "docs/forms.md is stale: regenerate it with `disclosure forms --format markdown > docs/forms.md`"
    for key in ("applications.outcome.withheld.state_secret.legal_person.business", "fees.fees.amount", "requests.in_person.year"):
        assert f"`{key}`" in page
    assert "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）" in page
