"""The `disclosure` command as a user runs it: output, JSON contract, exit status."""

import json
import subprocess
import sys


def run(*args):
    return subprocess.run([sys.executable, "-m", "disclosure", *args], capture_output=True, text=True, encoding="utf-8")


def test_text_output_names_both_mismatches(seed_path):
    out = run("check", str(seed_path))
    assert out.returncode == 1, out.stderr
    assert "outcome counts sum to 243" in out.stdout and "247 stated" in out.stdout
    assert "outcome counts sum to 94" in out.stdout and "99 stated" in out.stdout
    assert "channel counts sum to 247" in out.stdout and "channel counts sum to 99" in out.stdout
    zh = run("check", "--lang", "zh", str(seed_path))
    assert "各类答复合计243" in zh.stdout and "本行政区域" in zh.stdout


def test_json_contract(seed_path):
    out = run("check", "--format", "json", str(seed_path))
    assert out.returncode == 1
    doc = json.loads(out.stdout)
    assert {r["id"] for r in doc["reports"]} == {"qiqihar-2018-region", "qiqihar-2018-own-level"}
    for r in doc["reports"]:
        assert set(r) >= {"id", "form", "issuer", "year", "scope"}
    fails = [f for f in doc["findings"] if f["status"] == "FAIL" and f["severity"] == "error"]
    assert sorted((f["report"], f["lhs"], f["rhs"], f["difference"]) for f in fails) == [
        ("qiqihar-2018-own-level", 99, 94, 5),
        ("qiqihar-2018-region", 247, 243, 4),
    ]
    for f in doc["findings"]:
        assert set(f) >= {"report", "rule", "status", "severity", "cells", "lhs", "rhs", "difference", "message"}
        assert f["status"] in {"PASS", "FAIL", "NOT_ASSESSABLE", "ERROR"}
        assert f["severity"] in {"error", "warning", "info"}
        assert set(f["message"]) == {"zh", "en"}
        if f["status"] == "NOT_ASSESSABLE":
            assert f["lhs"] is None and f["rhs"] is None
    convention = [f for f in doc["findings"] if f["rule"] == "percent:convention"]
    assert [f["rounding"] for f in convention] == [{"decimals": 2, "mode": "truncate"}] * 2
    by_rule = {s["rule"]: s for s in doc["summary"]["rules"]}
    assert by_rule["sum:responses.total.year"] == {"rule": "sum:responses.total.year", "items": 2, "passes": 0, "fails": 2, "not_assessable": 0, "errors": 0}


def test_exit_0_when_nothing_fails(tmp_path):
    ok = tmp_path / "ok.json"
    ok.write_text(json.dumps({"reports": [{"id": "a", "form": "ogi2008", "values": {
        "requests.total.year": 3, "requests.in_person.year": 1, "requests.online.year": 2}}]}), encoding="utf-8")
    out = run("check", str(ok))
    assert out.returncode == 0, out.stdout + out.stderr
    assert "1 report: 0 failed" in out.stdout


def test_exit_2_for_unreadable_input_and_bad_usage(tmp_path):
    missing = run("check", str(tmp_path / "absent.json"))
    assert missing.returncode == 2
    assert "absent.json: cannot open" in missing.stderr
    broken = tmp_path / "broken.json"
    broken.write_text("{\n  \"reports\": [1,,]\n}", encoding="utf-8")
    out = run("check", str(broken))
    assert out.returncode == 2
    assert "broken.json: line 2" in out.stderr
    assert run("check", "--format", "xml", str(broken)).returncode == 2
    assert run().returncode == 2


def test_csv_output_and_findings_frame(seed_path):
    import csv
    import io

    import disclosure

    out = run("check", "--format", "csv", str(seed_path))
    assert out.returncode == 1
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    fails = [r for r in rows if r["status"] == "FAIL" and r["severity"] == "error"]
    assert sorted((r["report"], r["lhs"], r["rhs"]) for r in fails) == [("qiqihar-2018-own-level", "99", "94"), ("qiqihar-2018-region", "247", "243")]
    assert "responses.total.year=247" in next(r["cells"] for r in fails if r["report"] == "qiqihar-2018-region")
    frame = disclosure.frames.findings_frame(disclosure.check_reports(disclosure.read_reports(seed_path)))
    assert len(frame) == len(rows)
    errors = frame[(frame.status == "FAIL") & (frame.severity == "error")]
    assert sorted(errors.difference) == [4, 5]
    assert frame[frame.status == "NOT_ASSESSABLE"].lhs.isna().all()


def test_user_rules_on_the_command_line(seed_path, tmp_path):
    import pathlib

    rules = pathlib.Path(__file__).resolve().parents[1] / "data" / "rules" / "analyst.json"
    out = run("check", "--format", "json", "--rules", str(rules), str(seed_path))
    assert out.returncode == 1, out.stderr
    doc = json.loads(out.stdout)
    mine = {(f["report"], f["rule"]): f["status"] for f in doc["findings"] if f["rule"].startswith("analyst:")}
    assert mine[("qiqihar-2018-own-level", "analyst:proposals-at-most-suggestions")] == "FAIL"
    assert mine[("qiqihar-2018-region", "analyst:answered-at-most-received")] == "PASS"
    bad = tmp_path / "bad.json"
    bad.write_text('{"rules": [{"id": "x", "form": "ogi2008", "rule": "staff.total = 1"}]}', encoding="utf-8")
    err = run("check", "--rules", str(bad), str(seed_path))
    assert err.returncode == 2
    assert "bad.json" in err.stderr and "column 13" in err.stderr


def test_shares_and_yoy_commands(seed_path):
    import pathlib

    out = run("shares", "--base", "requests.total.year", "--rounding", "truncate", "--format", "json", str(seed_path))
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    in_person = next(r for r in rows if r["report"] == "qiqihar-2018-region" and r["part"] == "requests.in_person.year")
    assert (in_person["percent"], in_person["stated"]) == ("49.79", "49.79")
    letter_fax = next(r for r in rows if r["report"] == "qiqihar-2018-region" and r["part"] == "requests.letter_fax.year")
    assert letter_fax["part_derived"] and letter_fax["fraction"] == "27/247"
    data = pathlib.Path(__file__).resolve().parents[1] / "data" / "reports"
    yoy = run("yoy", "--format", "json", str(data / "2021_pingtan_zonghe_shiyanqu.json"), str(data / "2022_pingtan_zonghe_shiyanqu.json"))
    assert yoy.returncode == 0, yoy.stderr
    new = next(r for r in json.loads(yoy.stdout) if r["cell"] == "applications.new.total")
    assert (new["before"], new["after"], new["absolute"], new["relative"]) == (70, 74, 4, "2/35")
    series = run("yoy", "--cell", "proactive.total.year", "--format", "json", *map(str, sorted(data.glob("201[1-8]_pingtan_zonghe_shiyanqu.json"))))
    points = json.loads(series.stdout)
    assert [p["year"] for p in points] == [2011, 2012, 2015, 2017, 2018]
    assert points[1]["change"] == 739 - 425 and abs(points[0]["cagr"] - ((2069 / 425) ** (1 / 7) - 1)) < 1e-12
    assert run("shares", "--base", "requests.nope", str(seed_path)).returncode == 2


# ---------------------------------------------------------------- folders, globs, --output, progress, languages

import os
import pathlib

DATA = pathlib.Path(__file__).resolve().parents[1] / "data"


def test_check_a_folder_writes_json_and_csv_that_read_back(tmp_path):
    import csv

    import disclosure

    expected = disclosure.check_reports([r for p in sorted((DATA / "reports").glob("*.json")) for r in disclosure.read_reports(p)])
    out = tmp_path / "findings.json"
    done = run("check", str(DATA / "reports"), "--format", "json", "--output", str(out))
    assert done.returncode == 1, done.stderr  # the real reports have errors
    assert done.stdout == ""
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["summary"]["reports"] == 23 and len(doc["findings"]) == len(expected)
    assert {(f["report"], f["rule"], f["status"]) for f in doc["findings"]} == {(f.report, f.rule, f.status.name) for f in expected}
    assert oct(out.stat().st_mode & 0o777) == oct(0o666 & ~_umask())
    table = tmp_path / "findings.csv"
    assert run("check", str(DATA / "reports"), "--format", "csv", "-o", str(table)).returncode == 1
    with open(table, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == len(expected)
    fails = {(r["report"], r["rule"]) for r in rows if r["status"] == "FAIL" and r["severity"] == "error"}
    assert ("pingtan-county-2012", "sum:produced.total") in fails


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_extract_a_folder_of_pages_and_check_them_by_glob(tmp_path):
    import disclosure

    out = tmp_path / "reports.json"
    done = run("extract", str(DATA / "pages"), "--output", str(out))
    assert done.returncode == 0, done.stderr
    reports = disclosure.read_reports(out)
    assert len({r.id for r in reports}) == len(reports) >= 11
    assert done.stderr.count("cells filled") == 11  # one line per page; README.md is not a page
    csv_out = tmp_path / "reports.csv"
    assert run("extract", str(DATA / "pages"), "--format", "csv", "--output", str(csv_out)).returncode == 0
    assert disclosure.read_reports(csv_out) == reports
    # a quoted glob, expanded by the command itself
    by_glob = run("check", "--format", "json", str(DATA / "pages" / "*pingtan_zonghe*" / "page.html"))
    assert by_glob.returncode in (0, 1), by_glob.stderr
    assert len(json.loads(by_glob.stdout)["reports"]) >= 7


def test_output_is_written_whole_or_not_at_all(tmp_path, seed_path):
    out = tmp_path / "out.json"
    out.write_text("before\n", encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    # Stopping at the unreadable file writes nothing; by default the others are checked and written,
    # and the exit status still says a file could not be read.
    done = run("check", "--format", "json", "--stop-on-unreadable", "--output", str(out), str(seed_path), str(broken))
    assert done.returncode == 2 and "broken.json" in done.stderr
    assert out.read_text(encoding="utf-8") == "before\n"
    rest = run("check", "--format", "json", "--output", str(out), str(seed_path), str(broken))
    assert rest.returncode == 2 and "broken.json" in rest.stderr
    assert {r["id"] for r in json.loads(out.read_text(encoding="utf-8"))["reports"]} == {"qiqihar-2018-region", "qiqihar-2018-own-level"}
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".disclosure-")] == []
    pair = [str(DATA / "reports" / f"{year}_pingtan_zonghe_shiyanqu.json") for year in (2021, 2022)]
    for command in ("shares", "yoy", "check", "forms", "extract"):
        target = tmp_path / f"{command}.txt"
        inputs = [] if command == "forms" else [str(DATA / "pages" / "2022_pingtan_zonghe_shiyanqu" / "page.html")] if command == "extract" else pair
        done = run(command, *inputs, "--output", str(target))
        assert done.returncode in (0, 1) and done.stdout == "", (command, done.stderr)
        assert len(target.read_text(encoding="utf-8").splitlines()) > 2, command


def test_folders_and_globs_that_name_nothing_are_errors(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.md").write_text("no reports here", encoding="utf-8")
    done = run("check", str(empty))
    assert done.returncode == 2 and "the folder has no report files" in done.stderr
    done = run("shares", str(tmp_path / "*.json"))
    assert done.returncode == 2 and "no file matches" in done.stderr


def test_progress_bar_only_on_a_terminal(seed_path):
    import pty

    files = [str(p) for p in sorted((DATA / "reports").glob("*.json"))]
    piped = run("check", "--format", "json", *files)
    assert piped.stderr == ""  # not a terminal: no bar
    master, slave = pty.openpty()
    try:
        proc = subprocess.run([sys.executable, "-m", "disclosure", "check", "--format", "json", *files],
                              stdout=subprocess.PIPE, stderr=slave, env={**os.environ, "COLUMNS": "100"})
        os.close(slave)
        seen = b""
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    finally:
        os.close(master)
    text = seen.decode("utf-8", "replace")
    assert "reading [" in text and f"{len(files)}/{len(files)}" in text
    assert text.endswith("\r\x1b[K")  # the line is cleared at the end
    assert json.loads(proc.stdout)["summary"]["reports"] == 23  # standard output untouched


def test_help_has_examples_for_every_command():
    for command in ("check", "shares", "yoy", "extract", "forms"):
        done = run(command, "--help")
        assert done.returncode == 0
        assert "examples:" in done.stdout and f"disclosure {command}" in done.stdout
        assert "--output" in done.stdout and "--lang" in done.stdout
    assert "exit status" in run("--help").stdout


def test_languages_of_every_command(seed_path):
    zh = run("shares", "--lang", "zh", "--base", "requests.total.year", str(seed_path))
    assert "当面申请（本年度）" in zh.stdout and "49.80%  报告所述 49.79%" in zh.stdout  # rounded by default, beside the truncated one stated
    en = subprocess.run([sys.executable, "-m", "disclosure", "forms"], capture_output=True, text=True, encoding="utf-8",
                        env={**os.environ, "DISCLOSURE_LANG": "zh"})
    assert "格" in en.stdout and "National" not in en.stdout
    check = run("check", "--lang", "zh", str(seed_path))
    assert "= 247 == 243，差4" in check.stdout
    assert "responses.partially_granted.year=<not_stated>" in check.stdout  # the evidence: every cell, missing said as such
    years = run("yoy", "--lang", "zh", "--cell", "proactive.total.year", *map(str, sorted((DATA / "reports").glob("201[1-8]_pingtan_zonghe_shiyanqu.json"))))
    assert "主动公开政府信息数（本年度）" in years.stdout and "倍数" in years.stdout


def test_text_output_is_aligned_in_a_terminal():
    from disclosure.display import width

    pair = [str(DATA / "reports" / f"{year}_pingtan_zonghe_shiyanqu.json") for year in (2021, 2022)]
    for lang in ("zh", "en"):
        out = run("yoy", "--lang", lang, *pair).stdout.splitlines()[1:]
        arrows = {width(line.split(" → ")[0]) for line in out if " → " in line}
        assert len(arrows) == 1, (lang, arrows)  # every number lines up, CJK labels counted as two columns
        seed = str(pathlib.Path(__file__).resolve().parents[2] / "examples" / "data" / "qiqihar-2018.json")
        blocks = run("shares", "--lang", lang, "--base", "requests.total.year", seed).stdout.split("\n\n")
        checked = 0
        for block in blocks:
            computed = [line for line in block.splitlines() if line.startswith("    ") and "/" in line]
            if computed:
                assert len({width(line[: line.index("%") + 1]) for line in computed}) == 1, block  # the percentages line up
                checked += 1
        assert checked == 2  # both scopes of the seed


def test_a_report_past_2_53_is_an_error_finding_and_the_others_are_checked(tmp_path, seed_path):
    """Parts that sum past 2^53 (a typo of many digits) give a finding of status ERROR with its
    reason; the run goes on (before, it stopped with exit 2 and checked no other report)."""
    seed = json.loads(seed_path.read_text(encoding="utf-8"))
    huge = dict(seed["reports"][0], id="huge")
    huge["values"] = dict(huge["values"], **{"requests.in_person.year": 2**53 - 10, "requests.online.year": 2**53 - 10})
    seed["reports"].append(huge)
    path = tmp_path / "reports.json"
    path.write_text(json.dumps(seed, ensure_ascii=False), encoding="utf-8")
    out = run("check", "--format", "json", str(path))
    assert out.returncode == 1, out.stderr
    doc = json.loads(out.stdout)
    assert {r["id"] for r in doc["reports"]} == {"qiqihar-2018-region", "qiqihar-2018-own-level", "huge"}
    errors = [f for f in doc["findings"] if f["report"] == "huge" and f["status"] == "ERROR"]
    assert any(f["rule"] == "sum:requests.total.year" and "2^53" in f["message"]["en"] for f in errors)
    assert any(f["report"] == "qiqihar-2018-own-level" and f["rule"] == "sum:responses.total.year" and f["status"] == "FAIL" for f in doc["findings"])


def test_a_programming_error_is_not_read_as_bad_input(monkeypatch, seed_path):
    """Only the library's errors (and files that cannot be opened) are bad input, exit 2; a bare
    KeyError is a bug and propagates."""
    import pytest

    import disclosure
    from disclosure import cli

    def bug(args):
        raise KeyError("an internal key")

    def bad_key(args):
        raise disclosure.CellKeyError("form 'ogi2008' has no cell 'requests.nope'")

    monkeypatch.setitem(cli.COMMANDS, "check", bug)
    with pytest.raises(KeyError, match="an internal key"):
        cli.main(["check", str(seed_path)])
    monkeypatch.setitem(cli.COMMANDS, "check", bad_key)
    assert cli.main(["check", str(seed_path)]) == 2
