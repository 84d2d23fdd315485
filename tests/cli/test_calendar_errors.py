"""Errors, exit codes, provisional answers, overlays, --help and --json of
`dutygraph calendar`: every failure is a clear message on stderr naming what
is wrong and where, exit 2 for usage errors and 1 otherwise, never a crash."""

import datetime
import json
import pathlib

import pytest

USAGE, FAILURE = 2, 1
REPO_ROOT = pathlib.Path(__file__).resolve().parents[2]

SUBCOMMANDS = ["days", "add", "between", "period", "info", "next",
               "previous", "roll", "nth", "years"]


def fails(run, code, *args):
    """Runs a command that must fail with `code`; returns its stderr."""
    result = run(*args)
    assert result.returncode == code, (
        f"dutygraph {' '.join(args)}: exit {result.returncode}, expected "
        f"{code}; stderr: {result.stderr}")
    return result.stderr


# ---- years without an official notice ---------------------------------------

def test_strict_mode_refuses_2027(run):
    for args in (["add", "2026-12-31", "1"],
                 ["between", "2026-12-30", "2027-01-05"],
                 ["days", "--from", "2026-12-30", "--to", "2027-01-02"],
                 ["info", "2027-01-01"],
                 ["next", "2026-12-31"],
                 ["nth", "2027-03-01", "month", "-1"]):
        stderr = fails(run, FAILURE, "calendar", *args)
        assert "2027" in stderr, stderr
        assert "--provisional" in stderr, stderr  # says the way forward


def test_strict_mode_refuses_years_before_2007(run):
    stderr = fails(run, FAILURE, "calendar", "info", "2006-06-01")
    assert "2006" in stderr


def test_provisional_answer_is_flagged_and_warned(run):
    result = run("calendar", "add", "2026-12-31", "1", "--provisional")
    assert result.returncode == 0, result.stderr
    # 2027-01-01 is a Friday: weekends only, so it counts as working.
    assert result.stdout == "2027-01-01\n"
    assert result.stderr.startswith("dutygraph: warning: provisional")
    assert "2027" in result.stderr and "2026" not in result.stderr

    answer = json.loads(run("calendar", "add", "2026-12-31", "1",
                            "--provisional", "--json").stdout)
    assert answer["result"] == "2027-01-01"
    assert answer["provisional"] is True


def test_provisional_days_mark_each_day(run):
    result = run("calendar", "days", "--from", "2026-12-31", "--to",
                 "2028-01-01", "--provisional", "--json")
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("dutygraph: warning:") == 1
    assert "2027" in result.stderr and "2028" in result.stderr
    days = json.loads(result.stdout)
    assert days[0]["date"] == "2026-12-31"
    assert days[0]["provisional"] is False
    assert all(d["provisional"] for d in days[1:])
    assert [d["working"] for d in days[1:4]] == [True, False, False]


def test_provisional_warning_shortens_runs_of_years(run):
    result = run("calendar", "between", "2005-12-30", "2030-01-02",
                 "--provisional")
    assert result.returncode == 0, result.stderr
    assert "no official holiday schedule for 2005, 2006, 2027–2030;" in \
        result.stderr


def test_provisional_mode_within_official_years_is_silent(run):
    result = run("calendar", "add", "2023-09-28", "1", "--provisional",
                 "--json")
    assert result.returncode == 0
    assert result.stderr == ""
    assert json.loads(result.stdout) == {"date": "2023-09-28", "n": 1,
                                         "result": "2023-10-07",
                                         "provisional": False}


def test_provisional_info_and_between(run):
    result = run("calendar", "info", "2027-01-02", "--provisional")
    assert result.returncode == 0
    assert "day off (weekend)" in result.stdout
    assert "provisional" in result.stdout and "2027" in result.stderr
    result = run("calendar", "between", "2026-12-31", "2027-01-05",
                 "--provisional", "--json")
    answer = json.loads(result.stdout)
    assert answer["working_days"] == 3 and answer["provisional"] is True
    assert "2027" in result.stderr


def test_outside_calendar_range(run):
    stderr = fails(run, FAILURE, "calendar", "info", "1949-12-31",
                   "--provisional")
    assert "1949-12-31" in stderr and "1950-01-01" in stderr
    stderr = fails(run, FAILURE, "calendar", "add", "2149-12-31", "1",
                   "--provisional")
    assert "2149-12-31" in stderr and "range" in stderr
    stderr = fails(run, FAILURE, "calendar", "add", "2023-01-01",
                   "2147483647", "--provisional")
    assert "2147483647" in stderr
    stderr = fails(run, FAILURE, "calendar", "period", "9999-12-31", "week")
    assert "9999-12-31" in stderr


def test_nth_beyond_the_period(run):
    # 2023年10月上旬 has 4 working days: 07, 08, 09, 10.
    stderr = fails(run, FAILURE, "calendar", "nth", "2023-10-01", "dekad",
                   "5")
    assert "2023年10月上旬" in stderr and "4" in stderr


# ---- overlays ----------------------------------------------------------------

def write(path, text):
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_overlay_adds_a_duty_day(ok, tmp_path):
    overlay = write(tmp_path / "duty.txt",
                    "calendar 衡阳市值班安排\n# a Sunday on duty\n"
                    "work 2023-10-15 值班\n")
    assert ok("calendar", "add", "2023-10-13", "1") == "2023-10-16"
    assert ok("calendar", "add", "2023-10-13", "1", "--overlay",
              overlay) == "2023-10-15"
    info = json.loads(ok("calendar", "info", "2023-10-15", "--overlay",
                         overlay, "--json"))
    assert info["working"] is True and info["name"] == "值班"
    assert info["source"].endswith("duty.txt:3")


def test_overlays_apply_in_order(ok, tmp_path):
    on_duty = write(tmp_path / "a.txt", "work 2023-10-15 值班\n")
    cancelled = write(tmp_path / "b.txt", "off 2023-10-15 取消值班\n")
    days = ["calendar", "days", "--from", "2023-10-15", "--to", "2023-10-15"]
    assert ok(*days, "--overlay", on_duty).splitlines()[1] == \
        "2023-10-15,1,值班"
    assert ok(*days, "--overlay", on_duty, "--overlay",
              cancelled).splitlines()[1] == "2023-10-15,0,取消值班"
    assert ok(*days, "--overlay", cancelled, "--overlay",
              on_duty).splitlines()[1] == "2023-10-15,1,值班"


def test_overlay_notice_makes_a_year_official(run, ok, tmp_path):
    overlay = write(tmp_path / "notice2027.txt",
                    "notice 2027 https://example.invalid/2027 测试2027年通知\n"
                    "off 2027-01-01 元旦\n")
    result = run("calendar", "info", "2027-01-01", "--overlay", overlay)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "day off (holiday: 元旦)" in result.stdout
    assert "测试2027年通知" in result.stdout
    years = ok("calendar", "years", "--overlay", overlay).splitlines()
    assert years[-1] == "2027"
    assert ok("calendar", "next", "2026-12-31", "--overlay",
              overlay) == "2027-01-04"


def test_overlay_error_names_file_and_line(run, tmp_path):
    overlay = write(tmp_path / "broken.txt",
                    "calendar 测试\n# ok so far\noff 2023-02-30 坏日期\n")
    stderr = fails(run, FAILURE, "calendar", "add", "2023-10-13", "1",
                   "--overlay", overlay)
    assert "--overlay" in stderr
    assert "broken.txt:3" in stderr and "2023-02-30" in stderr


def test_overlay_missing_file(run, tmp_path):
    missing = str(tmp_path / "no-such-file.txt")
    stderr = fails(run, FAILURE, "calendar", "years", "--overlay", missing)
    assert "no-such-file.txt" in stderr


def declaring_days(n):
    """Calendar text declaring exactly n days: whole-year `work` ranges under
    a notice each, cycling through 1951..2149, the last one cut short."""
    lines, year = [], 1951
    while n > 0:
        first = datetime.date(year, 1, 1)
        take = min(n, (datetime.date(year, 12, 31) - first).days + 1)
        last = first + datetime.timedelta(days=take - 1)
        lines.append(f"notice {year} - n\nwork {first}..{last} 加班\n")
        n -= take
        year = 1951 if year == 2149 else year + 1
    return "".join(lines)


def test_overlay_limits_default_refuses_raised_admits(run, ok, tmp_path):
    text = declaring_days(100001)
    overlay = write(tmp_path / "big.txt", text)
    stderr = fails(run, FAILURE, "calendar", "info", "2023-10-02",
                   "--overlay", overlay)
    assert f"big.txt:{text.count(chr(10))}:" in stderr
    assert ("declares more than 100000 days; the limit is 100000 "
            "(max_declared_days)") in stderr
    # 2023-10-02 is 国庆节 in the built-in data; the overlay works it.
    info = json.loads(ok("calendar", "info", "2023-10-02", "--overlay",
                         overlay, "--overlay-max-declared-days", "100001",
                         "--json"))
    assert info["working"] is True and info["name"] == "加班"


def test_overlay_limits_lowered_refuse_a_small_overlay(run, ok, tmp_path):
    text = "work 2023-10-15 值班\n"
    overlay = write(tmp_path / "duty.txt", text)
    size = len(text.encode())
    stderr = fails(run, FAILURE, "calendar", "add", "2023-10-13", "1",
                   "--overlay", overlay, "--overlay-max-bytes", "10")
    assert stderr.startswith("dutygraph: error: --overlay: calendar file '")
    assert f"duty.txt' is {size} bytes; the limit is 10 (max_bytes)" in stderr
    stderr = fails(run, FAILURE, "calendar", "add", "2023-10-13", "1",
                   "--overlay", overlay, "--overlay-max-name-bytes", "5")
    assert ("duty.txt:1: the day's name is 6 bytes; the limit is 5 "
            "(max_name_bytes)") in stderr
    stderr = fails(run, FAILURE, "calendar", "add", "2023-10-13", "1",
                   "--overlay", overlay, "--overlay-max-total-declared-days",
                   "1")
    assert "duty.txt:1: the derived calendar would declare" in stderr
    assert "(max_total_declared_days)" in stderr
    # Two overlays are three layers with the built-in data.
    stderr = fails(run, FAILURE, "calendar", "add", "2023-10-13", "1",
                   "--overlay", overlay, "--overlay", overlay,
                   "--overlay-max-layers", "2")
    assert "would have 3 layers" in stderr
    assert "the limit is 2 (max_layers)" in stderr
    assert ok("calendar", "add", "2023-10-13", "1", "--overlay", overlay,
              "--overlay", overlay, "--overlay-max-layers", "3",
              "--overlay-max-bytes", str(size)) == "2023-10-15"


@pytest.mark.parametrize("flag", [
    "--overlay-max-bytes", "--overlay-max-declared-days",
    "--overlay-max-name-bytes", "--overlay-max-total-declared-days",
    "--overlay-max-layers"])
@pytest.mark.parametrize("value", ["0", "-1", "many"])
def test_overlay_limit_flags_refuse_bad_values(run, flag, value):
    stderr = fails(run, USAGE, "calendar", "years", flag, value)
    assert flag in stderr


def test_overlay_limits_reach_the_other_commands(run, tmp_path):
    # Every command that takes --overlay takes the limits too.
    overlay = write(tmp_path / "duty.txt", "work 2023-10-15 值班\n")
    plan = str(REPO_ROOT / "tests" / "data" / "small_plan.json")
    for command in (["schedule", "--plan", plan, "--from", "2023-10-01",
                     "--to", "2023-10-31"],
                    ["due", "--plan", plan, "--on", "2023-10-09"],
                    ["gantt", "--plan", plan, "--from", "2023-10-01",
                     "--to", "2023-10-31"],
                    ["status", "--plan", plan, "--events",
                     write(tmp_path / "events.jsonl", ""), "--on",
                     "2023-10-09"]):
        stderr = fails(run, FAILURE, *command, "--overlay", overlay,
                       "--overlay-max-bytes", "10")
        assert "the limit is 10 (max_bytes)" in stderr, command


# ---- usage errors ------------------------------------------------------------

@pytest.mark.parametrize("args,where,bad", [
    (["days", "--from", "2023-02-30", "--to", "2023-03-01"], "--from",
     "2023-02-30"),
    (["days", "--from", "2023-02-01", "--to", "2023-13-01"], "--to",
     "2023-13-01"),
    (["add", "2023-1-5", "1"], "DATE", "2023-1-5"),
    (["between", "2023-01-01", "tomorrow"], "TO", "tomorrow"),
    (["between", "20230101", "2023-01-02"], "FROM", "20230101"),
    (["period", "2023-02-29", "month"], "DATE", "2023-02-29"),
    (["info", "2023-04-31"], "DATE", "2023-04-31"),
    (["nth", "2023-00-10", "dekad", "1"], "DATE", "2023-00-10"),
    (["roll", "", "--convention", "following"], "DATE", ""),
])
def test_bad_date_names_the_argument(run, args, where, bad):
    stderr = fails(run, USAGE, "calendar", *args)
    assert stderr.startswith(f"dutygraph: error: {where}: bad date '{bad}'"), \
        stderr


def test_bad_date_says_why(run):
    stderr = fails(run, USAGE, "calendar", "days", "--from", "2023-02-30",
                   "--to", "2023-03-01")
    assert stderr.startswith("dutygraph: error: --from: bad date '2023-02-30'")
    assert "February" in stderr or "28" in stderr


@pytest.mark.parametrize("args,needle", [
    (["frobnicate"], "frobnicate"),
    (["period", "2023-03-15", "fortnight"], "fortnight"),
    (["nth", "2023-03-15", "decade", "1"], "decade"),
    (["roll", "2023-10-01", "--convention", "sideways"], "sideways"),
    (["add", "2023-10-07", "one"], "one"),
    (["add", "2023-10-07", "1.5"], "1.5"),
    (["add", "2023-10-07", "99999999999"], "99999999999"),
    (["nth", "2023-10-07", "dekad", "0"], "0"),
    (["days", "--from", "2023-03-02", "--to", "2023-03-01"], "--from"),
    (["days", "--to", "2023-03-01"], "--from"),
    (["add", "2023-10-07"], "N"),
    (["info"], "DATE"),
    (["info", "2023-10-07", "--frobnicate"], "--frobnicate"),
    (["info", "2023-10-07", "2023-10-08"], "2023-10-08"),
    (["days", "--from", "2023-03-01", "--to", "2023-03-02", "--json",
      "--table"], "--table"),
])
def test_usage_errors(run, args, needle):
    stderr = fails(run, USAGE, "calendar", *args)
    assert needle in stderr, stderr
    assert "--help" in stderr  # points at the help


def test_unknown_kind_lists_the_accepted_kinds(run):
    stderr = fails(run, USAGE, "calendar", "period", "2023-03-15", "fortnight")
    assert "KIND" in stderr and "dekad" in stderr and "旬" in stderr


def test_unknown_subcommand_lists_the_subcommands(run):
    stderr = fails(run, USAGE, "calendar", "frobnicate")
    for name in SUBCOMMANDS:
        assert name in stderr
    stderr = fails(run, USAGE, "frobnicate")
    assert "calendar" in stderr
    stderr = fails(run, USAGE, "calendar")
    assert "subcommand" in stderr
    stderr = fails(run, USAGE)
    assert "subcommand" in stderr


# ---- help and version --------------------------------------------------------

@pytest.mark.parametrize("subcommand", SUBCOMMANDS)
def test_help_for_each_subcommand(run, subcommand):
    result = run("calendar", subcommand, "--help")
    assert result.returncode == 0, result.stderr
    assert f"Usage: dutygraph calendar {subcommand}" in result.stdout
    for option in ("--provisional", "--overlay", "--json"):
        assert option in result.stdout
    assert "Exit status:" in result.stdout and "usage error" in result.stdout


def test_help_and_version(run):
    for args in (["--help"], ["calendar", "--help"], ["-h"]):
        result = run(*args)
        assert result.returncode == 0 and "Usage: dutygraph" in result.stdout
    assert "calendar" in run("--help").stdout
    version = run("--version")
    assert version.returncode == 0
    assert version.stdout.strip().count(".") == 2


# ---- JSON for every subcommand -----------------------------------------------

@pytest.mark.parametrize("args", [
    ["days", "--from", "2023-10-06", "--to", "2023-10-08"],
    ["add", "2023-09-28", "1"],
    ["between", "2023-09-28", "2023-10-07"],
    ["period", "2023-03-15", "旬"],
    ["info", "2023-10-01"],
    ["next", "2023-09-28"],
    ["previous", "2023-10-07"],
    ["roll", "2023-10-01", "--convention", "modified-preceding"],
    ["nth", "2023-03-15", "quarter", "-1"],
    ["years"],
])
def test_json_output_parses(run, args):
    result = run("calendar", *args, "--json")
    assert result.returncode == 0, result.stderr
    value = json.loads(result.stdout)
    assert value, result.stdout
    if isinstance(value, dict) and args[0] not in ("period", "years"):
        assert value["provisional"] is False


def test_json_values(ok):
    assert json.loads(ok("calendar", "between", "2023-09-28", "2023-10-07",
                         "--json")) == {"from": "2023-09-28",
                                        "to": "2023-10-07",
                                        "working_days": 1,
                                        "provisional": False}
    roll = json.loads(ok("calendar", "roll", "2023-10-01", "--json"))
    assert roll["convention"] == "following"
    assert roll["result"] == "2023-10-07"
    years = json.loads(ok("calendar", "years", "--json"))
    assert years["official_years"][0] == 2007
    assert 2023 in years["official_years"]
    assert 2027 not in years["official_years"]
