"""Shared helpers for the importer's quality tests.

The tests drive the built `dutygraph` executable ($DUTYGRAPH_CLI) and compare
its plan JSON with independent labels: the hand labels of the seed document
($DUTYGRAPH_GOLD_DIR, $DUTYGRAPH_SEED_DIR) and the hand-written expectations
of the fixtures in fixtures/ (each NAME.txt has a NAME.expected.json).
"""
import json
import os
import pathlib
import subprocess

import pytest

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parents[1]
FIXTURES = HERE / "fixtures"
ROLES = ("lead", "support", "responsible", "participate")


@pytest.fixture(scope="session")
def cli():
    path = os.environ.get("DUTYGRAPH_CLI")
    if not path:
        pytest.skip("DUTYGRAPH_CLI is not set (run through ctest)")
    return path


def run_import(cli, path, *args):
    """Runs `dutygraph import PATH ARGS`; returns (plan, stderr)."""
    proc = subprocess.run([cli, "import", str(path), *args], capture_output=True,
                          text=True, encoding="utf-8", timeout=120)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout), proc.stderr


def score(ours, theirs):
    """Precision, recall and F1 of two sets of triples."""
    tp = len(ours & theirs)
    precision = tp / len(ours) if ours else (1.0 if not theirs else 0.0)
    recall = tp / len(theirs) if theirs else (1.0 if not ours else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def assignment_triples(plan, parts=None):
    return {(t["path"], a["role"], a["as_written"]) for t in plan["tasks"]
            if parts is None or t["path"].split("/")[0] in parts
            for a in t.get("assignments", [])}
