"""Conventions every `dutygraph` command keeps (issue 8, "The CLI people
will use"): `--help` for each command, `--json` for machines on every
command that answers a question, errors on stderr with a non-zero exit code
and nothing on stdout.
"""

import json
import re

import pytest

from conftest import REPO_ROOT

HENGYANG = str(REPO_ROOT / "examples" / "hengyang-2023" / "plan.json")

# Each command with arguments that make it answer on the Hengyang plan.
ANSWERING = {
    "who": ["4/二/（一）/1", "--plan", HENGYANG],
    "tasks": ["--plan", HENGYANG, "--unit", "市财政局"],
    "lint": ["--plan", HENGYANG],
    "workload": ["--plan", HENGYANG],
    "schedule": ["--plan", HENGYANG, "--from", "2023-09-28", "--to",
                 "2023-10-12"],
    "due": ["--plan", HENGYANG, "--on", "2023-06-01"],
    "critical-path": ["--plan", HENGYANG],
    "calendar add": ["2023-09-28", "1"],
    "calendar info": ["2023-10-07"],
}


def subcommands(text):
    """The names listed under 'Subcommands:' in a --help text."""
    _, _, rest = text.partition("Subcommands:\n")
    return [m.group(1) for m in re.finditer(r"^  (\S+)", rest, re.M)]


def test_every_command_has_help(ok):
    top = subcommands(ok("--help"))
    assert {"calendar", "plan", "who", "tasks", "raci", "lint", "workload",
            "schedule", "due", "critical-path", "graph", "gantt"} <= set(top)
    for name in top:
        text = ok(name, "--help")
        assert "Usage:" in text or "usage" in text.lower(), name
        for sub in subcommands(text):
            assert ok(name, sub, "--help"), (name, sub)


@pytest.mark.parametrize("command", sorted(ANSWERING))
def test_json_for_machines(ok, command):
    out = ok(*command.split(), *ANSWERING[command], "--json")
    json.loads(out)


@pytest.mark.parametrize("args", [
    ["who", "9/九/（九）", "--plan", HENGYANG],
    ["tasks", "--plan", HENGYANG, "--unit", "市财政厅"],
    ["schedule", "--plan", HENGYANG, "--from", "2027-01-01", "--to",
     "2027-01-31"],
    ["graph", "--plan", "/nonexistent/plan.json"],
    ["calendar", "add", "2023-02-30", "1"],
    ["frobnicate"],
])
def test_errors_on_stderr_with_nonzero_exit(run, args):
    result = run(*args)  # `run` checks: empty stdout, "dutygraph: error: "
    assert result.returncode in (1, 2)
