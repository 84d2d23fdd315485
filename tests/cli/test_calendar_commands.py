"""Hand-worked cases for each `dutygraph calendar` subcommand, from the
State Council holiday notices (mostly 2023's) and ISO 8601 week rules."""

import json

import pytest

NOTICE_2023_URL = ("http://www.gov.cn/zhengce/zhengceku/2022-12/08/"
                   "content_5730844.htm")


# 2023: 09-29..10-06 off (中秋节、国庆节), 10-07 (Sat) and 10-08 (Sun) work;
# 01-21..01-27 off (春节), 01-28 (Sat) and 01-29 (Sun) work; 06-22..06-24
# off (端午节), 06-25 (Sun) works.
@pytest.mark.parametrize("date,n,expected", [
    ("2023-09-28", 1, "2023-10-07"),
    ("2023-09-28", 2, "2023-10-08"),
    ("2023-09-28", 3, "2023-10-09"),
    ("2023-10-07", -1, "2023-09-28"),
    ("2023-10-09", -2, "2023-10-07"),
    ("2023-10-07", 0, "2023-10-07"),
    ("2023-10-01", 0, "2023-10-01"),  # 0 is the date itself, even a day off
    ("2023-01-20", 1, "2023-01-28"),
    ("2023-01-28", -1, "2023-01-20"),
    ("2023-06-21", 1, "2023-06-25"),
    ("2023-01-01", 18, "2023-01-31"),  # January 2023 has 18 working days
])
def test_add(ok, date, n, expected):
    assert ok("calendar", "add", date, str(n)) == expected


def test_add_reads_leading_zeros_as_decimal(ok):
    # Not octal: 010 is ten working days.
    assert (ok("calendar", "add", "2023-03-01", "010") ==
            ok("calendar", "add", "2023-03-01", "10") == "2023-03-15")
    assert ok("calendar", "add", "2023-03-15", "+1") == "2023-03-16"


@pytest.mark.parametrize("start,end,expected", [
    ("2023-09-28", "2023-10-07", 1),
    ("2023-10-07", "2023-09-28", -1),
    ("2023-09-28", "2023-09-28", 0),
    ("2023-09-29", "2023-10-06", 0),    # the whole holiday, (a, b]
    ("2023-01-01", "2023-01-31", 18),   # 3..6, 9..13, 16..20, 28, 29, 30, 31
    ("2022-12-31", "2023-03-31", 61),   # first quarter: 18 + 20 + 23
    ("2023-01-27", "2023-01-29", 2),    # the 春节 make-up weekend
])
def test_between(ok, start, end, expected):
    assert int(ok("calendar", "between", start, end)) == expected


@pytest.mark.parametrize("date,working,kind,name", [
    ("2023-01-28", True, "makeup-workday", "春节"),
    ("2023-01-29", True, "makeup-workday", "春节"),
    ("2023-06-25", True, "makeup-workday", "端午节"),
    ("2023-10-01", False, "holiday", "中秋节、国庆节"),
    ("2023-10-07", True, "makeup-workday", "中秋节、国庆节"),
    ("2023-10-09", True, "workday", ""),
    ("2023-10-14", False, "weekend", ""),
])
def test_info_json(ok, date, working, kind, name):
    info = json.loads(ok("calendar", "info", date, "--json"))
    assert info["date"] == date
    assert info["working"] is working
    assert info["kind"] == kind
    assert info["name"] == name
    assert info["provisional"] is False
    if name:
        assert info["notice_url"] == NOTICE_2023_URL
        assert "2023" in info["notice"]


def test_info_line(ok):
    line = ok("calendar", "info", "2023-10-01")
    assert line.startswith("2023-10-01 Sunday: day off")
    assert "holiday" in line and "中秋节、国庆节" in line
    assert "2023年部分节假日安排" in line and NOTICE_2023_URL in line
    line = ok("calendar", "info", "2023-10-07")
    assert line.startswith("2023-10-07 Saturday: working day")
    assert "makeup-workday" in line
    plain = ok("calendar", "info", "2023-10-10")
    assert plain == "2023-10-10 Tuesday: working day (workday)"


@pytest.mark.parametrize("command,date,expected", [
    ("next", "2023-09-28", "2023-10-07"),
    ("next", "2023-10-07", "2023-10-08"),
    ("next", "2023-01-20", "2023-01-28"),
    ("previous", "2023-10-07", "2023-09-28"),
    ("previous", "2023-01-28", "2023-01-20"),
    ("previous", "2023-06-26", "2023-06-25"),
])
def test_next_previous(ok, command, date, expected):
    assert ok("calendar", command, date) == expected


@pytest.mark.parametrize("date,convention,expected", [
    ("2023-10-01", None, "2023-10-07"),  # following by default
    ("2023-10-01", "following", "2023-10-07"),
    ("2023-10-01", "preceding", "2023-09-28"),
    # Following would leave September, so back to the 28th.
    ("2023-09-30", "modified-following", "2023-09-28"),
    # Preceding would leave October, so forward to the 7th.
    ("2023-10-01", "modified-preceding", "2023-10-07"),
    ("2023-10-07", "preceding", "2023-10-07"),  # a working day stays
    ("2023-10-14", "modified-following", "2023-10-16"),
])
def test_roll(ok, date, convention, expected):
    args = ["calendar", "roll", date]
    if convention:
        args += ["--convention", convention]
    assert ok(*args) == expected


@pytest.mark.parametrize("date,kind,n,expected", [
    ("2023-01-25", "dekad", 1, "2023-01-28"),   # 春节 make-up Saturday
    ("2023-01-25", "dekad", -1, "2023-01-31"),
    ("2023-01-15", "旬", -1, "2023-01-20"),
    ("2023-10-01", "dekad", 4, "2023-10-10"),   # 07, 08, 09, 10
    ("2023-10-05", "dekad", -2, "2023-10-09"),
    ("2023-10-01", "month", 1, "2023-10-07"),
    ("2023-10-01", "月", -1, "2023-10-31"),
    ("2023-02-14", "quarter", -1, "2023-03-31"),
    ("2023-02-14", "year", 1, "2023-01-03"),    # 01-02 is 元旦 off
    ("2023-09-30", "week", 1, "2023-09-25"),
    ("2023-10-04", "week", 1, "2023-10-07"),    # Mon–Fri are all off
    ("2023-10-16", "half-month", -1, "2023-10-31"),
])
def test_nth(ok, date, kind, n, expected):
    assert ok("calendar", "nth", date, kind, str(n)) == expected


def test_nth_json(ok):
    answer = json.loads(ok("calendar", "nth", "2023-01-25", "dekad", "-1",
                           "--json"))
    assert answer["result"] == "2023-01-31"
    assert answer["n"] == -1
    assert answer["period"] == {"kind": "dekad", "label": "2023年1月下旬",
                                "start": "2023-01-21", "end": "2023-01-31"}
    assert answer["provisional"] is False


PERIODS = [
    # date, kind (English / Chinese), expected "label start end"
    ("2023-03-15", "dekad", "旬", "2023年3月中旬 2023-03-11 2023-03-20"),
    ("2023-03-01", "dekad", "旬", "2023年3月上旬 2023-03-01 2023-03-10"),
    ("2023-03-31", "dekad", "旬", "2023年3月下旬 2023-03-21 2023-03-31"),
    ("2023-02-25", "dekad", "旬", "2023年2月下旬 2023-02-21 2023-02-28"),
    ("2024-02-21", "dekad", "旬", "2024年2月下旬 2024-02-21 2024-02-29"),
    ("2023-03-15", "week", "周", "2023年第11周 2023-03-13 2023-03-19"),
    ("2020-12-31", "week", "周", "2020年第53周 2020-12-28 2021-01-03"),
    ("2021-01-01", "week", "周", "2020年第53周 2020-12-28 2021-01-03"),
    ("2021-01-04", "week", "周", "2021年第1周 2021-01-04 2021-01-10"),
    ("2023-01-01", "week", "周", "2022年第52周 2022-12-26 2023-01-01"),
    ("2023-03-15", "half-month", "半月", "2023年3月上半月 2023-03-01 2023-03-15"),
    ("2023-02-16", "half-month", "半月", "2023年2月下半月 2023-02-16 2023-02-28"),
    ("2023-03-15", "month", "月", "2023年3月 2023-03-01 2023-03-31"),
    ("2024-02-10", "month", "月", "2024年2月 2024-02-01 2024-02-29"),
    ("2023-03-15", "quarter", "季", "2023年第一季度 2023-01-01 2023-03-31"),
    ("2023-05-15", "quarter", "季", "2023年第二季度 2023-04-01 2023-06-30"),
    ("2023-11-05", "quarter", "季", "2023年第四季度 2023-10-01 2023-12-31"),
    ("2023-06-30", "half-year", "半年", "2023年上半年 2023-01-01 2023-06-30"),
    ("2023-07-01", "half-year", "半年", "2023年下半年 2023-07-01 2023-12-31"),
    ("2023-03-15", "year", "年", "2023年 2023-01-01 2023-12-31"),
]


@pytest.mark.parametrize("date,kind,chinese_kind,expected", PERIODS)
def test_period(ok, date, kind, chinese_kind, expected):
    assert ok("calendar", "period", date, kind) == expected
    assert ok("calendar", "period", date, chinese_kind) == expected


def test_period_json(ok):
    answer = json.loads(ok("calendar", "period", "2020-12-31", "week",
                           "--json"))
    assert answer == {"kind": "week", "label": "2020年第53周",
                      "start": "2020-12-28", "end": "2021-01-03",
                      "date": "2020-12-31"}


def test_days_csv_quotes_names(ok, tmp_path):
    # A local adjustment whose name holds a comma and a quote.
    overlay = tmp_path / "quoted.txt"
    overlay.write_text('calendar 测试\noff 2023-10-16 值班,调整"甲"\n',
                       encoding="utf-8")
    out = ok("calendar", "days", "--from", "2023-10-16", "--to",
             "2023-10-16", "--overlay", str(overlay))
    assert out.splitlines() == ["date,working,name",
                                '2023-10-16,0,"值班,调整""甲"""']


def test_days_table_aligns_cjk_columns(ok):
    import unicodedata

    def width(text):
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1
                   for c in text)

    def cell_starts(line):
        # Display columns where cells begin: after two or more spaces.
        starts, column, blanks = [0], 0, 0
        for char in line:
            if char == " ":
                blanks += 1
            else:
                if blanks >= 2:
                    starts.append(column)
                blanks = 0
            column += width(char)
        return starts

    table = ok("calendar", "days", "--from", "2023-09-27", "--to",
               "2023-10-09", "--table").splitlines()
    header = table[0].split()
    assert header == ["date", "weekday", "working", "kind", "name", "notice"]
    header_starts = cell_starts(table[0])
    assert len(header_starts) == 6
    assert set(table[1]) == {"-", " "}
    rows = table[2:]
    assert len(rows) == 13
    for line in rows:
        assert line == line.rstrip()
        starts = cell_starts(line)
        assert starts == header_starts[:len(starts)], line
    holiday = next(line for line in rows if line.startswith("2023-10-01"))
    assert len(cell_starts(holiday)) == 6  # name and notice both present
    assert "中秋节、国庆节" in holiday and "Sunday" in holiday


def test_negative_numbers_are_positional(ok):
    assert ok("calendar", "add", "2023-10-07", "-1") == "2023-09-28"
    assert ok("calendar", "nth", "2023-10-07", "dekad", "-1") == "2023-10-10"
