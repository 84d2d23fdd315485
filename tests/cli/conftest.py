"""Shared fixtures for the `dutygraph` command-line tests.

The tests drive the built executable named by $DUTYGRAPH_CLI (CTest sets it
to the dutygraph_cli target) and check it against independent facts: the
State Council notices as published in holiday-cn JSON ($DUTYGRAPH_FACTS_DIR),
and cases worked by hand from those notices.
"""

import dataclasses
import datetime
import json
import os
import pathlib
import subprocess

import pytest

REPO_ROOT = pathlib.Path(__file__).resolve().parents[2]


@dataclasses.dataclass(frozen=True)
class Fact:
    """One day as an official notice states it."""

    name: str
    is_off_day: bool
    source: str  # the JSON file, for messages


class Facts:
    """The holiday-cn facts: declared days, and the years with a notice."""

    def __init__(self, directory: pathlib.Path):
        self.directory = directory
        self.days: dict[str, Fact] = {}
        self.papers: dict[int, list[str]] = {}
        for path in sorted(directory.glob("[0-9][0-9][0-9][0-9].json")):
            document = json.loads(path.read_text(encoding="utf-8"))
            year = int(document["year"])
            self.papers[year] = list(document.get("papers", []))
            for day in document["days"]:
                fact = Fact(day["name"], bool(day["isOffDay"]), path.name)
                earlier = self.days.get(day["date"])
                if earlier is not None and earlier != fact:
                    raise AssertionError(
                        f"facts disagree on {day['date']}: {earlier} vs {fact}")
                self.days[day["date"]] = fact

    def years_with_notice(self) -> list[int]:
        """Years whose file lists at least one paper (notice)."""
        return sorted(y for y, papers in self.papers.items() if papers)

    def is_working(self, day: datetime.date) -> bool:
        fact = self.days.get(day.isoformat())
        if fact is not None:
            return not fact.is_off_day
        return day.weekday() < 5

    def name(self, day: datetime.date) -> str:
        fact = self.days.get(day.isoformat())
        return fact.name if fact is not None else ""


@pytest.fixture(scope="session")
def cli() -> str:
    path = os.environ.get("DUTYGRAPH_CLI")
    if not path:
        pytest.fail("DUTYGRAPH_CLI is not set: run these tests through CTest, "
                    "or set it to the built dutygraph executable")
    if not os.access(path, os.X_OK):
        pytest.fail(f"DUTYGRAPH_CLI={path} is not an executable file")
    return path


@pytest.fixture(scope="session")
def run(cli):
    """Runs `dutygraph ARGS...`; returns the CompletedProcess (text, UTF-8)."""

    def _run(*args: str, check_clean_failure: bool = True):
        result = subprocess.run(
            [cli, *args], capture_output=True, text=True, encoding="utf-8",
            timeout=120, check=False)
        # Never a crash: a signal shows as a negative return code.
        assert result.returncode >= 0, (
            f"dutygraph {' '.join(args)} died with signal "
            f"{-result.returncode}\n{result.stderr}")
        if check_clean_failure and result.returncode != 0:
            # A failure prints its reason, and nothing a script could misread.
            assert result.stdout == "", result.stdout
            assert result.stderr.startswith("dutygraph: error: "), result.stderr
        return result

    return _run


@pytest.fixture(scope="session")
def ok(run):
    """Runs `dutygraph ARGS...`, asserts success, returns stdout stripped."""

    def _ok(*args: str) -> str:
        result = run(*args)
        assert result.returncode == 0, (
            f"dutygraph {' '.join(args)} failed ({result.returncode}): "
            f"{result.stderr}")
        return result.stdout.strip()

    return _ok


@pytest.fixture(scope="session")
def facts() -> Facts:
    directory = os.environ.get("DUTYGRAPH_FACTS_DIR", "")
    if not directory or not pathlib.Path(directory).is_dir():
        pytest.skip(
            "official holiday facts not available: DUTYGRAPH_FACTS_DIR="
            f"'{directory}' is not a directory (CMake's DG_HOLIDAY_FACTS_DIR "
            "points it at ../shared/data/holiday-cn)")
    return Facts(pathlib.Path(directory))


def daterange(first: datetime.date, last: datetime.date):
    """Every day from `first` to `last` inclusive."""
    day = first
    while day <= last:
        yield day
        day += datetime.timedelta(days=1)
