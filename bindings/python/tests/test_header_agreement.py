"""Checks dutygraph/_capi.py against the C header it mirrors.

Parses capi/include/dutygraph/dg.h (path from DUTYGRAPH_C_HEADER, else found
relative to this file) with regular expressions over its regular layout:
`DG_API <ret> name(<params>) DG_NOEXCEPT;` prototypes, anonymous
`enum { NAME = value, ... }` blocks, `typedef int32_t name;` scalar typedefs,
`typedef struct name { ... } name;` structs and `#define DG_... <int>`
version macros. Every function must be in _capi.PROTOTYPES with
ctypes-compatible return and argument types, and nothing else may be there;
every constant and struct field must agree.
"""

import ctypes
import os
import pathlib
import re

import pytest

from dutygraph import _capi


def _header_path():
    explicit = os.environ.get("DUTYGRAPH_C_HEADER")
    if explicit:
        return pathlib.Path(explicit)
    here = pathlib.Path(__file__).resolve()
    # bindings/python/tests/ -> repository root.
    return here.parents[3] / "capi" / "include" / "dutygraph" / "dg.h"


def _strip_comments(text):
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    return re.sub(r"//[^\n]*", " ", text)


@pytest.fixture(scope="module")
def header():
    path = _header_path()
    if not path.is_file():
        pytest.fail(f"dg.h not found at {path}; set DUTYGRAPH_C_HEADER")
    return _strip_comments(path.read_text(encoding="utf-8"))


# --- Parsing ---------------------------------------------------------------

_PROTOTYPE = re.compile(
    r"DG_API\s+(?P<ret>[\w\s\*]*?)\s*\b(?P<name>dg_\w+)\s*"
    r"\((?P<params>[^)]*)\)\s*DG_NOEXCEPT\s*;")


def _split_declaration(declaration):
    """'const dg_calendar *cal' -> ('dg_calendar', 1, True).

    A const between the stars ('const char *const *ids') qualifies a
    pointer, which changes nothing in the ABI: it is dropped.
    """
    declaration = " ".join(declaration.split())
    declaration = re.sub(r"\*\s*const\b\s*", "*", declaration)
    match = re.fullmatch(r"(const\s+)?(\w+)\s*(\**)\s*(\w+)?", declaration)
    assert match, f"cannot parse C declaration {declaration!r}"
    const, base, stars, _ = match.groups()
    return base, len(stars), bool(const)


def _prototypes(header):
    found = {}
    for match in _PROTOTYPE.finditer(header):
        ret = _split_declaration(match["ret"])
        params = match["params"].strip()
        args = ([] if params in ("", "void") else
                [_split_declaration(p) for p in params.split(",")])
        assert match["name"] not in found, f"{match['name']} declared twice"
        found[match["name"]] = (ret, args)
    return found


def _scalar_typedefs(header):
    return dict(
        (name, base) for base, name in
        re.findall(r"typedef\s+(\w+)\s+(\w+)\s*;", header))


def _enum_constants(header):
    constants = {}
    for body in re.findall(r"enum\s*\{([^}]*)\}", header):
        for name, value in re.findall(r"(\w+)\s*=\s*(-?\d+)", body):
            constants[name] = int(value)
    return constants


def _structs(header):
    structs = {}
    for name, body, alias in re.findall(
            r"typedef\s+struct\s+(\w+)\s*\{([^}]*)\}\s*(\w+)\s*;", header):
        assert name == alias
        structs[name] = [_split_declaration(field)
                         for field in body.split(";") if field.strip()]
        for field in structs[name]:
            assert field, f"unnamed field in {name}"
    return structs


def _field_names(header, struct):
    body = re.search(r"typedef\s+struct\s+%s\s*\{([^}]*)\}" % struct,
                     header).group(1)
    return [re.search(r"(\w+)\s*$", field).group(1)
            for field in body.split(";") if field.strip()]


# --- C type -> the ctypes types that are ABI-compatible with it -------------

_C_SCALARS = {
    "void": None,
    "char": ctypes.c_char,
    "int": ctypes.c_int,
    "int32_t": ctypes.c_int32,
    "uint32_t": ctypes.c_uint32,
    "int64_t": ctypes.c_int64,
    "uint64_t": ctypes.c_uint64,
    "size_t": ctypes.c_size_t,
}


def _pointer(ctype, depth):
    for _ in range(depth):
        ctype = ctypes.POINTER(ctype)
    return ctype


def _compatible_ctypes(declaration, typedefs):
    """The set of ctypes types acceptable for a parsed C declaration."""
    base, depth, _ = declaration
    while base in typedefs and base not in _C_SCALARS:
        base = typedefs[base]
    if base == "char" and depth >= 1:
        # char * is either c_char_p (NUL-terminated, converted to bytes) or
        # POINTER(c_char) (kept as a pointer, e.g. to free it later).
        return {_pointer(ctypes.c_char_p, depth - 1),
                _pointer(ctypes.POINTER(ctypes.c_char), depth - 1)}
    if base == "void" and depth >= 1:
        return {_pointer(ctypes.c_void_p, depth - 1)}
    if base in _C_SCALARS:
        scalar = _C_SCALARS[base]
        return {scalar if depth == 0 else _pointer(scalar, depth)}
    struct = getattr(_capi, base, None)
    assert isinstance(struct, type) and issubclass(struct, ctypes.Structure), (
        f"_capi.py has no ctypes.Structure for C type {base}")
    assert depth >= 1, f"{base} passed by value: not allowed in dg.h"
    return {_pointer(struct, depth)}


def _describe(ctype):
    return "void" if ctype is None else getattr(ctype, "__name__", repr(ctype))


# --- Tests -----------------------------------------------------------------


def test_header_parses(header):
    # Guards the regexes: a layout change in dg.h must not make this test
    # vacuous.
    assert len(_prototypes(header)) >= 26
    assert len(_enum_constants(header)) >= 24
    assert header.count("DG_API") - header.count("#define DG_API") == len(
        _prototypes(header))


def test_every_header_function_is_in_the_table(header):
    missing = sorted(set(_prototypes(header)) - set(_capi.PROTOTYPES))
    assert not missing, (
        f"functions in dg.h but not in _capi.PROTOTYPES: {missing}")


def test_no_extra_functions_in_the_table(header):
    extra = sorted(set(_capi.PROTOTYPES) - set(_prototypes(header)))
    assert not extra, f"functions in _capi.PROTOTYPES but not in dg.h: {extra}"


def test_prototype_types_match(header):
    typedefs = _scalar_typedefs(header)
    problems = []
    for name, (ret, args) in _prototypes(header).items():
        if name not in _capi.PROTOTYPES:
            continue
        restype, argtypes = _capi.PROTOTYPES[name]
        if restype not in _compatible_ctypes(ret, typedefs):
            problems.append(f"{name}: returns {_describe(restype)}, header "
                            f"says {ret}")
        if len(argtypes) != len(args):
            problems.append(f"{name}: {len(argtypes)} arguments in the table, "
                            f"{len(args)} in dg.h")
            continue
        for index, (declared, ctype) in enumerate(zip(args, argtypes)):
            if ctype not in _compatible_ctypes(declared, typedefs):
                problems.append(f"{name}: argument {index} is "
                                f"{_describe(ctype)}, header says {declared}")
    assert not problems, "\n".join(problems)


def test_table_is_applied_to_the_loaded_library(header):
    for name, (restype, argtypes) in _capi.PROTOTYPES.items():
        function = getattr(_capi.lib, name)
        assert function.restype is restype, name
        assert list(function.argtypes) == list(argtypes), name


def test_enum_constants_match(header):
    constants = _enum_constants(header)
    problems = [f"{name}: dg.h {value}, _capi {getattr(_capi, name, None)}"
                for name, value in constants.items()
                if getattr(_capi, name, None) != value]
    assert not problems, "\n".join(problems)
    # And no constant in _capi.py that the header lacks.
    mirrored = {name for name in vars(_capi)
                if re.fullmatch(r"DG_[A-Z_]+", name)
                and isinstance(getattr(_capi, name), int)}
    defines = set(re.findall(r"#define\s+(DG_\w+)", header))
    extra = sorted(mirrored - set(constants) - defines)
    assert not extra, f"constants in _capi.py but not in dg.h: {extra}"


def test_version_macros_match(header):
    macros = {name: int(value) for name, value in re.findall(
        r"#define\s+(DG_(?:VERSION_(?:MAJOR|MINOR|PATCH)|SOVERSION))\s+(\d+)",
        header)}
    assert set(macros) == {"DG_VERSION_MAJOR", "DG_VERSION_MINOR",
                           "DG_VERSION_PATCH", "DG_SOVERSION"}
    for name, value in macros.items():
        assert getattr(_capi, name) == value, name
    assert _capi.DG_VERSION_NUMBER == (macros["DG_VERSION_MAJOR"] * 10000 +
                                       macros["DG_VERSION_MINOR"] * 100 +
                                       macros["DG_VERSION_PATCH"])


def test_loaded_library_has_the_bindings_major_version():
    assert _capi.LOADED_VERSION_NUMBER // 10000 == _capi.DG_VERSION_MAJOR
    assert _capi.lib.dg_version_number() == _capi.LOADED_VERSION_NUMBER


def test_structs_match(header):
    typedefs = _scalar_typedefs(header)
    structs = _structs(header)
    assert set(structs) == {"dg_calendar_options", "dg_day_info",
                            "dg_accountable_unit", "dg_post_holder",
                            "dg_unit_task", "dg_person_task",
                            "dg_schedule_options", "dg_graph_options",
                            "dg_gantt_options", "dg_store_options",
                            "dg_load_options", "dg_import_options",
                            "dg_calendar_derive_options",
                            "dg_tracking_limits"}, (
        "a struct was added to dg.h: mirror it in _capi.py and here")
    for name, fields in structs.items():
        mirror = getattr(_capi, name)
        names = _field_names(header, name)
        assert [f[0] for f in mirror._fields_] == names, name
        for field_name, declared, (_, ctype) in zip(names, fields,
                                                    mirror._fields_):
            assert ctype in _compatible_ctypes(declared, typedefs), (
                f"{name}.{field_name}: {_describe(ctype)}, header says "
                f"{declared}")


def test_store_options_init_matches(header):
    # DG_STORE_OPTIONS_INIT: struct_size, then the defaults that
    # _capi.store_options_init() reproduces, field by field.
    body = re.search(
        r"#define\s+DG_STORE_OPTIONS_INIT\s*\\?\s*\{([^}]*)\}",
        header).group(1)
    parts = [part.strip() for part in body.replace("\\", " ").split(",")]
    assert parts[0] == "sizeof(dg_store_options)"
    made = _capi.store_options_init()
    assert made.struct_size == ctypes.sizeof(_capi.dg_store_options)
    names = [name for name, _ in _capi.dg_store_options._fields_]
    assert len(parts) == len(names)
    for name, part in zip(names[1:], parts[1:]):
        assert getattr(made, name) == int(part), name


def test_init_macros_match(header):
    # DG_CALENDAR_OPTIONS_INIT and DG_DAY_INFO_INIT: struct_size first, then
    # the defaults the bindings' helpers reproduce.
    options = re.search(
        r"#define\s+DG_CALENDAR_OPTIONS_INIT\s*\\?\s*\{([^}]*)\}",
        header).group(1)
    assert [part.strip() for part in options.split(",")] == [
        "sizeof(dg_calendar_options)", "DG_CALENDAR_STRICT"]
    made = _capi.calendar_options_init()
    assert made.struct_size == ctypes.sizeof(_capi.dg_calendar_options)
    assert made.mode == _capi.DG_CALENDAR_STRICT
    info = re.search(r"#define\s+DG_DAY_INFO_INIT\s*\\?\s*\{([^}]*)\}",
                     header).group(1)
    parts = [part.strip() for part in info.split(",")]
    assert parts[0] == "sizeof(dg_day_info)"
    assert len(parts) == len(_capi.dg_day_info._fields_)
    assert _capi.day_info_init().struct_size == ctypes.sizeof(
        _capi.dg_day_info)


def test_pyproject_version_matches_the_header(header):
    pyproject = pathlib.Path(__file__).resolve().parents[1] / "pyproject.toml"
    version = re.search(r'^version\s*=\s*"([^"]+)"', pyproject.read_text(
        encoding="utf-8"), flags=re.M).group(1)
    string = re.search(r'#define\s+DG_VERSION_STRING\s+"([^"]+)"',
                       header).group(1)
    assert version == string


@pytest.mark.parametrize("struct, macro, init", [
    ("dg_schedule_options", "DG_SCHEDULE_OPTIONS_INIT",
     "schedule_options_init"),
    ("dg_graph_options", "DG_GRAPH_OPTIONS_INIT", "graph_options_init"),
    ("dg_gantt_options", "DG_GANTT_OPTIONS_INIT", "gantt_options_init"),
])
def test_options_init_matches(header, struct, macro, init):
    # DG_*_OPTIONS_INIT: struct_size, then the defaults that the _capi
    # helper reproduces, field by field.
    body = re.search(r"#define\s+%s\s*\\?\s*\{([^}]*)\}" % macro,
                     header).group(1)
    parts = [part.strip() for part in body.replace("\\", " ").split(",")]
    assert parts[0] == f"sizeof({struct})"
    mirror = getattr(_capi, struct)
    made = getattr(_capi, init)()
    assert made.struct_size == ctypes.sizeof(mirror)
    names = [name for name, _ in mirror._fields_]
    assert len(parts) == len(names)
    constants = _enum_constants(header)
    for name, part in zip(names[1:], parts[1:]):
        value = getattr(made, name)
        if part == "NULL":
            assert not value, name
        else:
            number = part.rstrip("u")
            assert value == constants.get(part, None if not number.isdigit()
                                          else int(number)), name


@pytest.mark.parametrize("struct, macro", [
    ("dg_accountable_unit", "DG_ACCOUNTABLE_UNIT_INIT"),
    ("dg_post_holder", "DG_POST_HOLDER_INIT"),
    ("dg_unit_task", "DG_UNIT_TASK_INIT"),
    ("dg_person_task", "DG_PERSON_TASK_INIT"),
])
def test_result_struct_init_macros_match(header, struct, macro):
    # struct_size first, then every field zero or NULL: what
    # _capi.struct_init() makes.
    body = re.search(r"#define\s+%s\s*\\?\s*\{([^}]*)\}" % macro,
                     header).group(1)
    parts = [part.strip() for part in body.replace("\\", " ").split(",")]
    mirror = getattr(_capi, struct)
    assert parts[0] == f"sizeof({struct})"
    assert len(parts) == len(mirror._fields_), macro
    assert set(parts[1:]) <= {"0", "NULL"}, macro
    made = _capi.struct_init(mirror)
    assert made.struct_size == ctypes.sizeof(mirror)
    assert bytes(made)[ctypes.sizeof(ctypes.c_size_t):] == bytes(
        ctypes.sizeof(mirror) - ctypes.sizeof(ctypes.c_size_t))


@pytest.mark.parametrize("struct, macro, init", [
    ("dg_load_options", "DG_LOAD_OPTIONS_INIT", "load_options_init"),
    ("dg_calendar_derive_options", "DG_CALENDAR_DERIVE_OPTIONS_INIT",
     "calendar_derive_options_init"),
    ("dg_tracking_limits", "DG_TRACKING_LIMITS_INIT", "tracking_limits_init"),
])
def test_limit_options_init_matches(header, struct, macro, init):
    # The _INIT macro: struct_size, then the default limits that the
    # _capi function reproduces.
    body = re.search(r"#define\s+%s\s*\\?\s*\{([^}]*)\}" % macro,
                     header).group(1)
    parts = [part.strip() for part in body.replace("\\", " ").split(",")]
    assert parts[0] == f"sizeof({struct})"
    made = getattr(_capi, init)()
    assert made.struct_size == ctypes.sizeof(getattr(_capi, struct))
    names = [name for name, _ in getattr(_capi, struct)._fields_]
    assert len(parts) == len(names)
    for name, part in zip(names[1:], parts[1:]):
        number = re.fullmatch(r"(?:UINT64_C\()?(\d+)\)?", part).group(1)
        assert getattr(made, name) == int(number), name


def test_import_options_init_matches(header):
    # DG_IMPORT_OPTIONS_INIT: struct_size, then zero/NULL defaults that
    # _capi.import_options_init() reproduces.
    body = re.search(
        r"#define\s+DG_IMPORT_OPTIONS_INIT\s*\\?\s*\{([^}]*)\}",
        header).group(1)
    parts = [part.strip() for part in body.replace("\\", " ").split(",")]
    assert parts == ["sizeof(dg_import_options)", "0", "NULL", "NULL", "0"]
    made = _capi.import_options_init()
    assert made.struct_size == ctypes.sizeof(_capi.dg_import_options)
    assert made.year == 0 and not made.plan_id and not made.known_units_json
    assert made.known_units_json_len == 0
