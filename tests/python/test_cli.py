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
    assert "1 reports: 0 failed" in out.stdout


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
    frame = disclosure.findings_frame(disclosure.check_reports(disclosure.read_reports(seed_path)))
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
