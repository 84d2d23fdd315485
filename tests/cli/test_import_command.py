"""`dutygraph import FILE.txt`: plan JSON on stdout, diagnostics on stderr
(or as JSON with --diagnostics), --year, --units, --id, and clear errors.

Inputs are the importer's hand-made fixtures (tests/import/fixtures) and
small texts written here; expectations are read off those texts by hand.
"""
import json
import pathlib

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "import" / "fixtures"
COUNTY = FIXTURES / "county_rural_env.txt"
PROVINCE = FIXTURES / "province_digital_gov.txt"


def assignments(doc):
    return {(t["path"], a["role"], a["as_written"]) for t in doc["tasks"]
            for a in t.get("assignments", [])}


def test_import_writes_plan_json_and_diagnostics(run, tmp_path):
    result = run("import", str(COUNTY))
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["format"] == "dutygraph/plan@1"
    assert doc["plan"]["title"] == "桃源县农村人居环境整治提升2023年工作方案"
    assert ("0/—2/一/1", "lead", "县农业农村局") in assignments(doc)
    # Diagnostics: FILE:LINE: severity: message [code], with the page marker
    # of line 20 and the column of lines 16-19.
    lines = result.stderr.splitlines()
    assert f"{COUNTY}:20: info: page marker '— 3 —' removed [page_marker]" in lines
    assert any(line.startswith(f"{COUNTY}:16: info: 4 short lines") for line in lines)
    # The output is a valid plan for the other commands.
    plan = tmp_path / "plan.json"
    plan.write_text(result.stdout, encoding="utf-8")
    assert run("plan", "validate", str(plan)).returncode == 0


def test_diagnostics_file(run, tmp_path):
    out = tmp_path / "diagnostics.json"
    result = run("import", str(PROVINCE), "--diagnostics", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # not a terminal: no progress either
    diagnostics = json.loads(out.read_text(encoding="utf-8"))
    assert {"line": 25, "severity": "warning", "code": "prefix_restored",
            "message": "'财政厅' read as '省财政厅' (the level prefix of the unit before it)"} in diagnostics
    assert all(set(d) == {"line", "severity", "code", "message"} for d in diagnostics)


def test_year_and_id(run):
    doc = json.loads(run("import", str(COUNTY), "--year", "2026", "--id", "taoyuan").stdout)
    assert doc["plan"]["id"] == "taoyuan" and doc["plan"]["year"] == 2026
    dates = {d["text"]: d["date"] for t in doc["tasks"] for d in t.get("deadlines", [])}
    assert dates["9月底前"] == "2026-09-30"


def test_known_units(run, tmp_path):
    known = tmp_path / "known.json"
    known.write_text(json.dumps({
        "format": "dutygraph/plan@1",
        "plan": {"id": "taoyuan-units", "title": "桃源县单位", "year": 2023},
        "units": [{"id": "nyncj", "name": "县农业农村局", "aliases": ["桃源县农业农村局"]},
                  {"id": "czj", "name": "县财政局"}]}, ensure_ascii=False), encoding="utf-8")
    result = run("import", str(COUNTY), "--units", str(known))
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    task = [t for t in doc["tasks"] if t["path"] == "0/—2/一/1"][0]
    units = {a["as_written"]: a.get("unit") for a in task["assignments"]}
    assert units["县农业农村局"] == "nyncj" and units["县财政局"] == "czj"
    # A name outside the dictionary is created and flagged as a warning.
    assert "warning: new unit '县卫健局' (not in the known units)" in result.stderr


@pytest.mark.parametrize("args,code,message", [
    (["import", "/nonexistent/plan.txt"], 1, "file '/nonexistent/plan.txt' cannot be read"),
    (["import", "EMPTY"], 1, "no content"),
    (["import", "BADUTF8"], 1, "invalid UTF-8 at byte 7"),
    (["import", "COUNTY", "--year", "abc"], 2, "--year"),
    (["import", "COUNTY", "--units", "BADUNITS"], 1, "is not a plan JSON"),
    (["import"], 2, "FILE is required"),
])
def test_errors(run, tmp_path, args, code, message):
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes("方案\n".encode("utf-8") + b"\xff\n")
    bad_units = tmp_path / "units.json"
    bad_units.write_text("{\"format\": 3}", encoding="utf-8")
    names = {"EMPTY": str(empty), "BADUTF8": str(bad), "COUNTY": str(COUNTY), "BADUNITS": str(bad_units)}
    result = run(*[names.get(a, a) for a in args])
    assert result.returncode == code
    assert message in result.stderr
    assert result.stdout == ""
