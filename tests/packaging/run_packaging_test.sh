#!/usr/bin/env bash
# Installs the built tree into a temporary prefix and consumes it the ways an
# adopter would. One step per CTest test (tests/packaging/CMakeLists.txt):
#   install      cmake --install BUILD_DIR --prefix PREFIX; check the layout
#   cxx-cmake    find_package(dutygraph CONFIG REQUIRED) + dutygraph::dutygraph
#   c-cmake      find_package(dutygraph) + dutygraph::dutygraph_c
#   c-pkgconfig  cc $(pkg-config --cflags --libs dutygraph), PKG_CONFIG_PATH only
#   python       import dutygraph from PREFIX without DUTYGRAPH_LIBRARY
# Settings come from the environment (set by CTest): DG_BUILD_DIR, DG_PREFIX,
# DG_WORK_DIR, DG_SOURCE_DIR (this folder), DG_LIBDIR,
# DG_VERSION, DG_SOVERSION, DG_C_COMPILER, DG_CXX_COMPILER, DG_PYTHON3,
# DG_CMAKE, DG_PKG_CONFIG.
set -euo pipefail

step="${1:?usage: run_packaging_test.sh install|cxx-cmake|c-cmake|c-pkgconfig|python}"
plan="$DG_SOURCE_DIR/tiny_plan.json"
work="$DG_WORK_DIR/$step"

fail() {
  echo "packaging $step: $*" >&2
  exit 1
}

# The directory holding the installed Python package (DG_INSTALL_PYTHONDIR,
# lib/python3/dist-packages by default): the one dutygraph/_capi.py under the
# freshly made prefix.
python_dir() {
  local found
  mapfile -t found < <(find "$DG_PREFIX" -path '*/dutygraph/_capi.py')
  [[ ${#found[@]} -eq 1 ]] ||
    fail "expected one installed dutygraph/_capi.py under $DG_PREFIX, found ${#found[@]}"
  dirname "$(dirname "${found[0]}")"
}

# Runs a consumer and compares its stdout with expected_output.txt.
check_output() {
  local actual expected
  actual="$("$@")" || fail "'$*' exited with status $?"
  expected="dutygraph $DG_VERSION"$'\n'"$(cat "$DG_SOURCE_DIR/expected_output.txt")"
  if [[ "$actual" != "$expected" ]]; then
    diff <(echo "$expected") <(echo "$actual") >&2 || true
    fail "output of '$*' differs from the expected output (diff above)"
  fi
  echo "$actual"
}

# Configures and builds a consumer project against the install only.
build_cmake_consumer() {
  local project="$1" language="$2" compiler="$3"
  rm -rf "$work"
  "$DG_CMAKE" -S "$DG_SOURCE_DIR/$project" -B "$work" \
    -DCMAKE_BUILD_TYPE=Release \
    "-DCMAKE_${language}_COMPILER=$compiler" \
    "-DCMAKE_PREFIX_PATH=$DG_PREFIX" \
    -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF || fail "configuring $project failed"
  local found
  found="$(sed -n 's/^dutygraph_DIR:PATH=//p' "$work/CMakeCache.txt")"
  [[ "$found" == "$DG_PREFIX/$DG_LIBDIR/cmake/dutygraph" ]] ||
    fail "find_package found '$found', not the install in $DG_PREFIX"
  "$DG_CMAKE" --build "$work" -j2 || fail "building $project failed"
}

case "$step" in
  install)
    rm -rf "$DG_PREFIX"
    "$DG_CMAKE" --install "$DG_BUILD_DIR" --prefix "$DG_PREFIX" ||
      fail "cmake --install failed (is the tree built?)"
    lib="$DG_PREFIX/$DG_LIBDIR"
    for file in include/dutygraph/dg.h include/dutygraph/dutygraph.h \
        include/dutygraph/calendar.h include/dutygraph/export.h \
        "$DG_LIBDIR/libdutygraph.a" "$DG_LIBDIR/libdutygraph_c.so.$DG_VERSION" \
        "$DG_LIBDIR/cmake/dutygraph/dutygraphConfig.cmake" \
        "$DG_LIBDIR/cmake/dutygraph/dutygraphConfigVersion.cmake" \
        "$DG_LIBDIR/cmake/dutygraph/dutygraphTargets.cmake" \
        "$DG_LIBDIR/pkgconfig/dutygraph.pc" bin/dutygraph; do
      [[ -f "$DG_PREFIX/$file" ]] || fail "missing $DG_PREFIX/$file"
    done
    # The SONAME chain: .so -> .so.SOVERSION -> .so.VERSION.
    [[ "$(readlink "$lib/libdutygraph_c.so")" == "libdutygraph_c.so.$DG_SOVERSION" ]] ||
      fail "$lib/libdutygraph_c.so is not a link to libdutygraph_c.so.$DG_SOVERSION"
    [[ "$(readlink "$lib/libdutygraph_c.so.$DG_SOVERSION")" == "libdutygraph_c.so.$DG_VERSION" ]] ||
      fail "$lib/libdutygraph_c.so.$DG_SOVERSION is not a link to libdutygraph_c.so.$DG_VERSION"
    soname="$(objdump -p "$lib/libdutygraph_c.so.$DG_VERSION" | awk '$1 == "SONAME" {print $2}')"
    [[ "$soname" == "libdutygraph_c.so.$DG_SOVERSION" ]] ||
      fail "SONAME is '$soname', expected libdutygraph_c.so.$DG_SOVERSION"
    # The Python package's link to the library resolves inside the prefix.
    beside="$(python_dir)/dutygraph/libdutygraph_c.so.$DG_SOVERSION"
    [[ -L "$beside" && "$(realpath "$beside")" == "$(realpath "$lib/libdutygraph_c.so.$DG_VERSION")" ]] ||
      fail "$beside does not link to the installed library"
    [[ "$("$DG_PREFIX/bin/dutygraph" --version)" == "$DG_VERSION" ]] ||
      fail "installed CLI does not print version $DG_VERSION"
    [[ "$("$DG_PREFIX/bin/dutygraph" calendar add 2023-09-28 1)" == "2023-10-07" ]] ||
      fail "installed CLI: calendar add 2023-09-28 1 is not 2023-10-07"
    echo "installed into $DG_PREFIX"
    ;;
  cxx-cmake)
    build_cmake_consumer cxx_consumer CXX "$DG_CXX_COMPILER"
    check_output "$work/cxx_consumer" "$plan"
    ;;
  c-cmake)
    build_cmake_consumer c_consumer C "$DG_C_COMPILER"
    check_output "$work/c_consumer" "$plan"
    ;;
  c-pkgconfig)
    rm -rf "$work" && mkdir -p "$work"
    # Only the install's .pc directory: nothing from the build tree.
    flags="$(PKG_CONFIG_PATH="$DG_PREFIX/$DG_LIBDIR/pkgconfig" \
             "$DG_PKG_CONFIG" --cflags --libs dutygraph)" ||
      fail "pkg-config does not know dutygraph"
    [[ "$(PKG_CONFIG_PATH="$DG_PREFIX/$DG_LIBDIR/pkgconfig" \
          "$DG_PKG_CONFIG" --modversion dutygraph)" == "$DG_VERSION" ]] ||
      fail "pkg-config --modversion dutygraph is not $DG_VERSION"
    # shellcheck disable=SC2086  # the flags are words
    "$DG_C_COMPILER" -std=c99 -Wall -Wextra -pedantic -Werror \
      -o "$work/c_consumer" "$DG_SOURCE_DIR/c_consumer/main.c" $flags ||
      fail "cc $DG_SOURCE_DIR/c_consumer/main.c $flags failed"
    # A plain cc link records no run path; point the loader at the install.
    check_output env "LD_LIBRARY_PATH=$DG_PREFIX/$DG_LIBDIR" \
      "$work/c_consumer" "$plan"
    ;;
  python)
    package_root="$(python_dir)"
    check_output env -u DUTYGRAPH_LIBRARY PYTHONDONTWRITEBYTECODE=1 \
      "PYTHONPATH=$package_root" \
      "$DG_PYTHON3" "$DG_SOURCE_DIR/python_consumer.py" "$DG_PREFIX" "$plan"
    ;;
  *)
    fail "unknown step"
    ;;
esac
