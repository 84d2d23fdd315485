"""dutygraph.import_text: a small plan text written for the test, the known
units, the result loaded as a Plan, the diagnostics, and the errors."""
import json
import pathlib

import pytest

import dutygraph

REPO = pathlib.Path(__file__).resolve().parents[3]

TEXT = (
    "某市2023年优化营商环境工作方案\n"
    "一、重点任务\n"
    "1. 推进政务服务改革。年底前实现全程网办，\n"
    "\n"
    "— 2 —\n"
    "\n"
    "办件量增长10%以上。（市行政审批服务局牵头，市发改委、市财政局等配合）\n"
    "2. 优化审批。（市住房和城乡建设局负责）\n")


def assignments(plan_json):
    doc = json.loads(plan_json)
    return [(t["path"], a["role"], a["as_written"]) for t in doc["tasks"]
            for a in t.get("assignments", [])]


def test_import_text_reads_roles_deadlines_targets():
    result = dutygraph.import_text(TEXT)
    assert assignments(result.plan_json) == [
        ("0/一/1", "lead", "市行政审批服务局"),
        ("0/一/1", "support", "市发改委"),
        ("0/一/1", "support", "市财政局"),
        ("0/一/2", "responsible", "市住房和城乡建设局")]
    doc = json.loads(result.plan_json)
    task = [t for t in doc["tasks"] if t["path"] == "0/一/1"][0]
    assert task["deadlines"] == [{"kind": "by", "text": "年底前", "date": "2023-12-31"}]
    assert task["targets"][0]["comparator"] == ">=" and task["targets"][0]["value"] == 10
    assert task["clauses"][0]["open_list"] is True
    assert doc["plan"]["id"] == "imported" and doc["plan"]["year"] == 2023


def test_diagnostics_have_lines():
    result = dutygraph.import_text(TEXT)
    marker = [d for d in result.diagnostics if d.code == "page_marker"]
    assert marker == [dutygraph.ImportDiagnostic(
        line=5, severity="info", code="page_marker",
        message="page marker '— 2 —' removed")]
    new_units = {d.message.split("'")[1] for d in result.diagnostics if d.code == "new_unit"}
    assert new_units == {"市行政审批服务局", "市发改委", "市财政局", "市住房和城乡建设局"}


def test_result_is_a_plan():
    with dutygraph.import_text(TEXT, plan_id="demo").plan() as plan:
        assert plan.find_unit("市发改委").name == "市发改委"
        assert plan.to_json() == dutygraph.import_text(TEXT, plan_id="demo").plan_json


def test_known_units_from_a_plan_and_the_year():
    with dutygraph.Plan.load(REPO / "examples" / "hengyang-2023" / "plan.json") as known:
        result = dutygraph.import_text(TEXT, year=2024, known_units=known)
    doc = json.loads(result.plan_json)
    task = [t for t in doc["tasks"] if t["path"] == "0/一/2"][0]
    # 市住房和城乡建设局 is an alias of the dataset's unit zjj.
    assert task["assignments"][0]["unit"] == "zjj"
    assert [t for t in doc["tasks"] if t["path"] == "0/一/1"][0]["deadlines"][0]["date"] == "2024-12-31"
    assert not [d for d in result.diagnostics if d.code == "new_unit"]


def test_errors():
    with pytest.raises(dutygraph.InvalidArgumentError, match="no content"):
        dutygraph.import_text("\n\n")
    with pytest.raises(dutygraph.InvalidArgumentError, match="plan year 12"):
        dutygraph.import_text(TEXT, year=12)
    with pytest.raises(dutygraph.InvalidArgumentError, match="not a plan JSON"):
        dutygraph.import_text(TEXT, known_units="{}")
    with pytest.raises(TypeError, match="must be str"):
        dutygraph.import_text(b"bytes")
    with pytest.raises(dutygraph.OutOfRangeError):
        dutygraph.import_text(TEXT, year=2**40)
