"""The ABI gate itself: it fails on removals and changes, passes additions,
appended struct fields, renamed parameters and allow-listed breaks. Runs the
real checker on edited copies of the real dg.h."""

import os
import re
import subprocess
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
CHECK = os.path.join(HERE, "check_abi.py")
HEADER = os.path.join(HERE, "..", "..", "capi", "include", "dutygraph", "dg.h")


def run(tmp_path, header_text, allow=""):
    header = tmp_path / "dg.h"
    header.write_text(header_text, encoding="utf-8")
    (tmp_path / "allow.txt").write_text(allow, encoding="utf-8")
    args = [sys.executable, CHECK, "--header", str(header),
            "--reference", os.path.join(HERE, "dg_abi.txt"),
            "--allow", str(tmp_path / "allow.txt")]
    return subprocess.run(args, capture_output=True, text=True)


@pytest.fixture(scope="module")
def header():
    with open(HEADER, encoding="utf-8") as f:
        return f.read()


def edit(text, old, new):
    assert old in text, old
    return text.replace(old, new, 1)


def test_current_header_passes(tmp_path, header):
    r = run(tmp_path, header)
    assert r.returncode == 0, r.stdout


def test_removed_function_fails(tmp_path, header):
    text = re.sub(r"DG_API void dg_plan_free\(dg_plan \*plan\) DG_NOEXCEPT;",
                  "", header)
    assert text != header
    r = run(tmp_path, text)
    assert r.returncode == 1
    assert "removed: function dg_plan_free" in r.stdout


def test_changed_parameter_type_fails(tmp_path, header):
    text = edit(header, "dg_plan_holder_of(int *held_out, uint32_t *person_out",
                "dg_plan_holder_of(int *held_out, uint64_t *person_out")
    r = run(tmp_path, text)
    assert r.returncode == 1
    assert "changed: function dg_plan_holder_of" in r.stdout


def test_added_parameter_fails(tmp_path, header):
    text = edit(header, "const dg_plan *plan) DG_NOEXCEPT;\n\n/**\n * The number of records",
                "const dg_plan *plan, int flags) DG_NOEXCEPT;\n\n/**\n * The number of records")
    r = run(tmp_path, text)
    assert r.returncode == 1
    assert "changed: function dg_plan_to_json" in r.stdout


def test_renamed_parameter_passes(tmp_path, header):
    text = edit(header, "dg_plan_holder_of(int *held_out", "dg_plan_holder_of(int *vacancy_out")
    r = run(tmp_path, text)
    assert r.returncode == 0, r.stdout


def test_renumbered_enum_fails(tmp_path, header):
    text = edit(header, "DG_ROLE_SUPPORT = 1", "DG_ROLE_SUPPORT = 4")
    r = run(tmp_path, text)
    assert r.returncode == 1
    assert "changed: enum DG_ROLE_SUPPORT" in r.stdout


def test_struct_field_inserted_fails_appended_passes(tmp_path, header):
    inserted = edit(header, "dg_calendar_mode mode; /* DG_CALENDAR_STRICT by default */",
                    "int32_t flags; dg_calendar_mode mode;")
    r = run(tmp_path, inserted)
    assert r.returncode == 1
    assert "changed: struct dg_calendar_options" in r.stdout
    appended = edit(header, "dg_calendar_mode mode; /* DG_CALENDAR_STRICT by default */",
                    "dg_calendar_mode mode; int32_t flags;")
    r = run(tmp_path, appended)
    assert r.returncode == 0, r.stdout
    assert "grown by appending (allowed): struct dg_calendar_options" in r.stdout


def test_new_function_is_an_addition(tmp_path, header):
    text = edit(header, "#ifdef __cplusplus\n} /* extern \"C\" */",
                "DG_API dg_status dg_brand_new(int *out) DG_NOEXCEPT;\n"
                "#ifdef __cplusplus\n} /* extern \"C\" */")
    r = run(tmp_path, text)
    assert r.returncode == 0, r.stdout
    assert "added: function dg_brand_new: dg_status(int*)" in r.stdout
    assert "check_abi.py --update" in r.stdout


def test_allow_listed_break_passes(tmp_path, header):
    text = edit(header, "dg_plan_holder_of(int *held_out, uint32_t *person_out",
                "dg_plan_holder_of(int *held_out, uint64_t *person_out")
    r = run(tmp_path, text, "function dg_plan_holder_of: person ids widen (SOVERSION 1)\n")
    assert r.returncode == 0, r.stdout
    assert "allowed break" in r.stdout


def test_soversion_change_is_reported(tmp_path, header):
    text = edit(header, "#define DG_SOVERSION 0", "#define DG_SOVERSION 1")
    r = run(tmp_path, text)
    assert r.returncode == 1
    assert "changed: macro DG_SOVERSION" in r.stdout


def test_thread_safety_tags(tmp_path, header):
    header_path = tmp_path / "dg.h"
    header_path.write_text(header, encoding="utf-8")
    ok = subprocess.run([sys.executable, CHECK, "--thread-safety", "--header",
                         str(header_path)], capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout
    untagged = edit(header, "/** Releases a plan. NULL is a no-op. Results filled from it stay valid.\n *  Thread safety: exclusive. */",
                    "/** Releases a plan. */")
    header_path.write_text(untagged, encoding="utf-8")
    bad = subprocess.run([sys.executable, CHECK, "--thread-safety", "--header",
                          str(header_path)], capture_output=True, text=True)
    assert bad.returncode == 1
    assert "dg_plan_free" in bad.stdout
