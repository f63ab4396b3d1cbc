"""Jupyter displays and plain reprs: the HTML of each type is parsed back and checked cell by cell."""

from __future__ import annotations

import pathlib
from html.parser import HTMLParser

import pytest

import disclosure
from disclosure import Missing, Status

DATA = pathlib.Path(__file__).resolve().parents[1] / "data" / "reports"
VOID = {"br", "hr", "img", "meta", "link", "input", "col"}


class Tree(HTMLParser):
    """Parses HTML strictly enough to test it: tags must balance; tables become rows of cells."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.tables: list[dict] = []  # {"caption": str, "rows": [[{"tag", "text", "attrs"}]]}
        self.open_tables: list[dict] = []
        self.cell: dict | None = None
        self.caption: list[str] | None = None
        self.text: list[str] = []
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag not in VOID:
            self.stack.append(tag)
        if tag == "table":
            t = {"caption": "", "rows": []}
            self.tables.append(t)
            self.open_tables.append(t)
        elif tag == "tr" and self.open_tables:
            self.open_tables[-1]["rows"].append([])
        elif tag in ("td", "th") and self.open_tables:
            self.cell = {"tag": tag, "text": "", "attrs": attrs}
            self.open_tables[-1]["rows"][-1].append(self.cell)
        elif tag == "caption":
            self.caption = []

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1] if self.stack else None}>"
        self.stack.pop()
        if tag == "table":
            self.open_tables.pop()
        elif tag in ("td", "th"):
            self.cell = None
        elif tag == "caption" and self.caption is not None:
            self.open_tables[-1]["caption"] = "".join(self.caption)
            self.caption = None

    def handle_data(self, data):
        self.text.append(data)
        if self.cell is not None:
            self.cell["text"] += data
        if self.caption is not None:
            self.caption.append(data)


def parse(html: str) -> Tree:
    tree = Tree()
    tree.feed(html)
    tree.close()
    assert tree.stack == [], f"unclosed tags: {tree.stack}"
    return tree


def cells_by_key(tree: Tree) -> dict[str, dict]:
    """Value cells carry their key first in the title."""
    out = {}
    for t in tree.tables:
        for row in t["rows"]:
            for c in row:
                title = c["attrs"].get("title", "")
                if c["tag"] == "td" and "label" not in c["attrs"].get("class", "") and title:
                    out[title.split("\n")[0]] = c
    return out


@pytest.fixture
def seed(seed_path):
    return disclosure.read_reports(seed_path)


def test_report_html_is_the_printed_table_with_failing_cells_marked(seed):
    region, _ = seed
    tree = parse(region._repr_html_())
    cells = cells_by_key(tree)
    # every stated cell is shown with its exact value, and only its own cells
    for key, value in region.values().items():
        assert key in cells, key
        if not isinstance(value, Missing):
            assert cells[key]["text"] == str(value), key
    total = cells["responses.total.year"]
    assert "fail" in total["attrs"]["class"]
    assert "247 stated, but the outcome counts sum to 243" in total["attrs"]["title"]
    # the categories a single edit would fill are outlined, with the suggestion as tooltip
    partial = cells["responses.partially_granted.year"]
    assert "suspect" in partial["attrs"]["class"] and "with 4 everything adds up" in partial["attrs"]["title"]
    # a cell of a passing check is not marked
    assert cells["staff.total"]["attrs"]["class"] == "num"
    captions = [t["caption"] for t in tree.tables]
    assert any("requests" in c or "申请" in c for c in captions), captions
    zh = parse(region._repr_html_() if disclosure.get_language() == "zh" else disclosure.display.report_html(region, lang="zh"))
    assert "相差4" in cells_by_key(zh)["responses.total.year"]["attrs"]["title"]


def test_report_html_keeps_every_kind_of_missing_apart_from_zero():
    form = disclosure.forms.ogi2008
    r = disclosure.Report(form, "kinds", issuer="某县", year=2016, scope="region")
    r["requests.total.year"] = 0
    r["requests.in_person.year"] = Missing.blank
    r["requests.online.year"] = Missing.dash
    r["requests.email.year"] = Missing.slash
    r["requests.other.year"] = Missing.not_applicable
    cells = cells_by_key(parse(disclosure.display.report_html(r, lang="en")))
    shown = {k: (c["text"], c["attrs"]["class"]) for k, c in cells.items() if k.startswith("requests.") and k.endswith(".year")}
    assert shown["requests.total.year"] == ("0", "num")
    assert shown["requests.in_person.year"] == ("(blank)", "missing")
    assert shown["requests.online.year"] == ("—", "missing")
    assert shown["requests.email.year"] == ("/", "missing")
    assert shown["requests.other.year"] == ("n/a", "missing")
    assert shown["requests.letter_fax.fax.year"] == ("", "missing")  # not stated: empty, and said so
    assert "not stated" in cells["requests.letter_fax.fax.year"]["attrs"]["title"]
    assert len({text for text, _ in shown.values()}) == 6


def test_template_report_has_grouped_columns_like_the_printed_table_三():
    report = disclosure.read_reports(DATA / "2021_pingtan_zonghe_shiyanqu.json")[0]
    tree = parse(disclosure.display.report_html(report, lang="zh"))
    table = next(t for t in tree.tables if t["caption"].startswith("三、"))
    head, second = table["rows"][0], table["rows"][1]
    assert [c["text"] for c in head][1:3] == ["总计", "自然人"]
    group = next(c for c in head if c["text"] == "法人或其他组织")
    assert group["attrs"]["colspan"] == "5"
    assert [c["text"] for c in second] == ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    # 7 value columns on every row, a group heading (（三）不予公开) as a row without cells
    body = table["rows"][2:]
    assert all(len(r) == 8 for r in body)
    withheld = next(r for r in body if r[0]["text"].startswith("（三）不予公开"))
    assert all("nocell" in c["attrs"]["class"] for c in withheld[1:])
    cells = cells_by_key(tree)
    assert cells["applications.new.total"]["text"] == str(report["applications.new.total"])


def test_findings_html_groups_by_severity_with_evidence(seed):
    findings = disclosure.check_reports(seed)
    assert isinstance(findings, disclosure.Findings) and isinstance(findings, list)
    tree = parse(findings._repr_html_())
    headings = [(tag, a) for tag, a in tree.tags if tag == "h4"]
    assert [a["class"] for _, a in headings] == ["sev-error", "sev-warning", "sev-info"]
    error_table = tree.tables[0]
    rows = error_table["rows"][1:]
    assert len(rows) == 2
    by_report = {r[0]["text"]: r for r in rows}
    region = by_report["qiqihar-2018-region"]
    assert [c["text"] for c in region[1:6]][1:] == ["247", "==", "243", "4"]
    assert "responses.total.year (lhs) = 247" in region[7]["text"]
    assert "read as 0: responses.partially_granted.year" in region[7]["text"]
    assert "with 4 everything adds up" in region[6]["text"]
    text = "".join(tree.text)
    assert "n/a (175)" in text and "pass (49)" in text


def test_html_is_capped_in_size(seed):
    findings = disclosure.check_reports(seed)
    capped = parse(disclosure.display.findings_html(findings, lang="en", max_rows=3))
    assert all(len(t["rows"]) <= 1 + 3 for t in capped.tables)
    folded = capped_html = disclosure.display.findings_html(findings, lang="en", max_rows=3)
    for part in folded.split("<details>")[1:]:
        assert part.split("</details>")[0].count("<li>") == 3
    assert "… 172 more not shown" in "".join(capped.text)
    big = disclosure.Findings(findings * 50)
    assert len(big._repr_html_()) < 400_000
    report = disclosure.read_reports(DATA / "2021_pingtan_zonghe_shiyanqu.json")[0]
    small = parse(disclosure.display.report_html(report, max_rows=2))
    assert all(len(t["rows"]) <= 2 + 2 for t in small.tables)


def test_one_finding_and_shares_and_forms_render(seed):
    region, _ = seed
    failed = disclosure.check(region).failed[0]
    tree = parse(failed._repr_html_())
    assert tree.tables[0]["rows"][1][1]["text"] == "247"
    shares = disclosure.shares(region, "requests.total.year", 2, disclosure.Rounding.truncate)
    assert isinstance(shares, disclosure.Shares)
    rows = {r[0]["attrs"]["title"]: [c["text"] for c in r] for r in parse(shares._repr_html_()).tables[0]["rows"][1:]}
    assert rows["requests.in_person.year"][1:5] == ["123", "123/247", " 49.79%", "49.79%"]
    assert rows["requests.email.year"][3] == "—" and "not_stated" in rows["requests.email.year"][5]
    assert "derived" in rows["requests.letter_fax.year"][5]
    every = disclosure.shares(region)
    assert isinstance(every, disclosure.Breakdowns) and all(isinstance(s, disclosure.Shares) for s in every)
    assert len(parse(every._repr_html_()).tables) == len(every)
    form = parse(disclosure.forms.ogi2021._repr_html_())
    assert len(form.tables) == len(disclosure.forms.ogi2021.tables)
    keys = {c["text"] for t in form.tables for r in t["rows"] for c in r if c["tag"] == "td"}
    assert {c.key for c in disclosure.forms.ogi2021.cell_list()} <= keys


def test_plain_reprs_say_what_the_thing_is(seed):
    region, _ = seed
    assert repr(region) == "<Report qiqihar-2018-region (ogi2008, 齐齐哈尔市人民政府 2018, region): 29 of 156 cells stated>"
    assert repr(disclosure.forms.ogi2021).startswith("<Form ogi2021: 200 cells in 6 tables (documents, licensing")
    findings = disclosure.check(region)
    text = repr(findings)  # as `disclosure check` prints it (test_text.py holds the two equal)
    assert text.splitlines()[0] == "齐齐哈尔市人民政府 2018 · whole administrative region (qiqihar-2018-region, ogi2008)"
    assert "sum:responses.total.year" in text.splitlines()[1]
    assert text.splitlines()[-1] == "1 report: 3 failed (1 of severity error), 17 passed, 79 not assessable, 0 errors."
    assert repr(findings.failed[0]) == "<Finding FAIL error sum:responses.total.year on qiqihar-2018-region: 247 == 243>"
    share = disclosure.shares(region, "requests.total.year")[0]
    assert repr(share) == "<Share requests.in_person.year = 123 of requests.total.year = 247: 49.80%, stated 49.79%>"
    for obj in (disclosure.forms.FormRegistry(), disclosure.rules.RuleSet.for_form(region.form), disclosure.forms.ogi2008.tables[0].rows):
        assert not repr(obj).startswith("<disclosure._core."), repr(obj)


def test_language_is_chosen_per_call_or_by_default(seed, monkeypatch):
    region, _ = seed
    failed = disclosure.check(region).failed[0]
    try:
        disclosure.set_language("zh")
        assert failed.message().startswith("申请答复数（本年度）填报247")
        assert failed.message("en").startswith("requests answered")
        assert repr(disclosure.check(region)).splitlines()[-1].startswith("共1份报告：3项不符")
        assert disclosure.checks.scope_label("region") == "本行政区域"
        disclosure.set_language(None)
        monkeypatch.setenv("DISCLOSURE_LANG", "en")
        assert failed.message().startswith("requests answered")
        assert failed.suggestions[0].message().endswith("(a category left out of the breakdown?).")
        with pytest.raises(ValueError, match="unknown language 'fr'"):
            disclosure.set_language("fr")
    finally:
        disclosure.set_language(None)


def test_findings_list_helpers(seed):
    findings = disclosure.check_reports(seed)
    assert findings.counts() == {"PASS": 49, "FAIL": 6, "NOT_ASSESSABLE": 175, "ERROR": 0}
    assert [f.severity.name for f in findings.failed] == ["error", "error", "warning", "warning", "info", "info"]
    assert isinstance(findings[:3], disclosure.Findings) and len(findings.by_status(Status.PASS)) == 49
    assert len(disclosure.summarise(findings)) > 0  # still a list to the core


def test_terminal_widths_and_clipping():
    from disclosure.display import clip, pad, width

    assert width("申请abc") == 7 and width(pad("申请", 6)) == 6
    label = "（三）不予公开 3.危及“三安全一稳定”（法人或其他组织 商业企业）"
    cut = clip(label, 30)
    assert width(cut) <= 30 and cut.startswith("（三）不予公开") and cut.endswith("商业企业）") and "…" in cut
    assert clip("short", 30) == "short"
