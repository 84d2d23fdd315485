"""How dutygraph finds libdutygraph_c, and how it refuses a wrong one.

Each case imports the package in a fresh interpreter, since the library is
loaded once, at import.
"""

import ctypes.util
import os
import pathlib
import shutil
import subprocess
import sys

import pytest

from dutygraph import _capi

PACKAGE = pathlib.Path(_capi.__file__).resolve().parent
LIBRARY = pathlib.Path(_capi.lib._name).resolve()


def run_python(code, tmp_path, library_env=None, package_root=None):
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1",
               PYTHONPATH=str(package_root or PACKAGE.parent))
    env.pop("DUTYGRAPH_LIBRARY", None)
    if library_env is not None:
        env["DUTYGRAPH_LIBRARY"] = library_env
    return subprocess.run([sys.executable, "-c", code], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)


def copy_package(tmp_path):
    root = tmp_path / "site"
    shutil.copytree(PACKAGE, root / "dutygraph",
                    ignore=shutil.ignore_patterns("__pycache__"))
    return root


def test_library_from_the_environment(tmp_path):
    result = run_python("import dutygraph._capi as c; print(c.lib._name)",
                        tmp_path, library_env=str(LIBRARY))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(LIBRARY)


def test_a_bad_environment_path_is_not_silently_replaced(tmp_path):
    missing = tmp_path / "nowhere" / "libdutygraph_c.so"
    result = run_python("import dutygraph", tmp_path,
                        library_env=str(missing))
    assert result.returncode != 0
    assert "ImportError" in result.stderr
    assert "DUTYGRAPH_LIBRARY" in result.stderr
    assert str(missing) in result.stderr


def test_library_next_to_the_package(tmp_path):
    root = copy_package(tmp_path)
    shutil.copy(LIBRARY, root / "dutygraph" / "libdutygraph_c.so")
    code = ("import dutygraph, dutygraph._capi as c; print(c.lib._name); "
            "print(dutygraph.library_version())")
    result = run_python(code, tmp_path, package_root=root)
    assert result.returncode == 0, result.stderr
    name, version = result.stdout.split()
    assert name == str(root / "dutygraph" / "libdutygraph_c.so")
    assert version == _capi._version_text(_capi.DG_VERSION_NUMBER)


@pytest.mark.skipif(ctypes.util.find_library("dutygraph_c") is not None,
                    reason="a libdutygraph_c is installed system-wide")
def test_no_library_anywhere_lists_what_was_tried(tmp_path):
    root = copy_package(tmp_path)
    result = run_python("import dutygraph", tmp_path, package_root=root)
    assert result.returncode != 0
    assert "ImportError: dutygraph: cannot load the C library" in result.stderr
    assert "DUTYGRAPH_LIBRARY: not set" in result.stderr
    assert str(root / "dutygraph") in result.stderr
    assert "find_library('dutygraph_c')" in result.stderr


def test_another_major_version_is_refused(tmp_path):
    # Bindings claiming major version 1 against the 0.x library.
    root = copy_package(tmp_path)
    capi = root / "dutygraph" / "_capi.py"
    source = capi.read_text(encoding="utf-8")
    assert "\nDG_VERSION_MAJOR = 0\n" in source
    capi.write_text(source.replace("\nDG_VERSION_MAJOR = 0\n",
                                   "\nDG_VERSION_MAJOR = 1\n"),
                    encoding="utf-8")
    result = run_python("import dutygraph", tmp_path,
                        library_env=str(LIBRARY), package_root=root)
    assert result.returncode != 0
    assert "need major version 1" in result.stderr
    assert "is version 0." in result.stderr


def test_an_older_library_missing_functions_is_refused(monkeypatch):
    monkeypatch.setitem(_capi.PROTOTYPES, "dg_from_the_future",
                        (_capi.dg_status, []))
    with pytest.raises(ImportError, match="lacks dg_from_the_future"):
        _capi._apply_prototypes(_capi.lib)
