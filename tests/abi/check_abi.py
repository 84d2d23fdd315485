#!/usr/bin/env python3
"""The ABI gate of dutygraph's C API (docs/abi.md).

Reads capi/include/dutygraph/dg.h, reduces it to one normalised line per
binary-relevant declaration and compares that with the committed reference
tests/abi/dg_abi.txt:

  function dg_calendar_roll: dg_status(dg_date*,int*,const dg_calendar*,...)
  typedef dg_status = int32_t
  enum DG_OK = 0
  struct dg_day_info: size_t;dg_date;int32_t;...
  macro DG_SOVERSION = 0

Parameter and field *names* are dropped (renaming one breaks no binary);
types, their order, enum values and SOVERSION are kept.

Verdicts:
  * a declaration missing from dg.h, or changed, FAILS — unless its key
    ("function dg_x", "struct dg_y", ...) is in tests/abi/allowed_breaks.txt
    with a reason (an intended break, released with a DG_SOVERSION bump);
  * a struct whose reference fields are a prefix of today's fields grew by
    appending, which the struct_size convention allows: reported, passes;
  * a new declaration is reported as an addition and passes; regenerate the
    reference to record it:
        python3 tests/abi/check_abi.py --update

With --thread-safety it checks instead that every DG_API function's doc
comment states "Thread safety:" (any thread / immutable / exclusive).
"""

import argparse
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DEFAULT_HEADER = os.path.join(ROOT, "capi", "include", "dutygraph", "dg.h")
DEFAULT_REFERENCE = os.path.join(HERE, "dg_abi.txt")
DEFAULT_ALLOW = os.path.join(HERE, "allowed_breaks.txt")

_COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*", re.S)
_IDENT = re.compile(r"[A-Za-z_][A-Za-z_0-9]*")


def strip_comments(text):
    return _COMMENT.sub(" ", text)


def tokens(text):
    return re.findall(r"[A-Za-z_][A-Za-z_0-9]*|\*|[^\sA-Za-z_0-9*]", text)


def type_of(declarator):
    """'const char *text' -> 'const char*'; 'void' -> 'void'."""
    toks = tokens(declarator)
    if len(toks) > 1 and _IDENT.fullmatch(toks[-1]):
        toks = toks[:-1]  # the name
    out = ""
    for t in toks:
        if t == "*":
            out += "*"
        else:
            out += (" " if out and out[-1] != "*" else "") + t
    return out.replace("* ", "*").strip()


def split_top(text, sep=","):
    parts, depth, cur = [], 0, ""
    for ch in text:
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        if ch == sep and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    if cur.strip():
        parts.append(cur)
    return parts


def normalise(header_text):
    """dg.h -> {key: normalised value}."""
    entries = {}
    m = re.search(r"^#define DG_SOVERSION\s+(\d+)", header_text, re.M)
    if not m:
        raise SystemExit("dg.h defines no DG_SOVERSION")
    entries["macro DG_SOVERSION"] = m.group(1)

    text = strip_comments(header_text)
    text = "\n".join(l for l in text.split("\n")
                     if not l.lstrip().startswith("#"))

    for m in re.finditer(r"\bDG_API\b(.*?);", text, re.S):
        decl = " ".join(m.group(1).replace("DG_NOEXCEPT", " ").split())
        fm = re.fullmatch(r"(.*?)\b(dg_[a-z0-9_]+)\s*\((.*)\)\s*", decl)
        if not fm:
            raise SystemExit("cannot read the declaration: DG_API " + decl)
        ret, name, params = fm.groups()
        ret = type_of(ret + " x")
        ptypes = [type_of(p) for p in split_top(params)]
        entries["function " + name] = "%s(%s)" % (ret, ",".join(ptypes))

    for m in re.finditer(r"\btypedef\s+([A-Za-z_0-9 \t*]+?)\s*\b(dg_[a-z0-9_]+)\s*;",
                         text):
        entries["typedef " + m.group(2)] = type_of(m.group(1) + " x")

    for m in re.finditer(r"\btypedef\s+struct\s+(dg_[a-z0-9_]+)\s*\{(.*?)\}\s*\1\s*;",
                         text, re.S):
        fields = [type_of(f) for f in m.group(2).split(";") if f.strip()]
        entries["struct " + m.group(1)] = ";".join(fields)

    for m in re.finditer(r"\benum\s*\{(.*?)\}\s*;", text, re.S):
        for item in split_top(m.group(1)):
            item = " ".join(item.split())
            if not item:
                continue
            em = re.fullmatch(r"(DG_[A-Z0-9_]+)\s*=\s*(.+)", item)
            if not em:
                raise SystemExit("enum constant without an explicit value: "
                                 + item + " (stable values must be written)")
            entries["enum " + em.group(1)] = em.group(2).replace(" ", "")

    if sum(1 for k in entries if k.startswith("function ")) < 10:
        raise SystemExit("found fewer than 10 DG_API functions: the parser is "
                         "out of date")
    return entries


def read_reference(path):
    entries = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            key, sep, value = line.partition(": ")
            if not sep:
                raise SystemExit("%s:%d: expected '<kind> <name>: <value>'"
                                 % (path, n))
            entries[key] = value
    return entries


def read_allow(path):
    allowed = {}
    if not os.path.exists(path):
        return allowed
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            key, sep, reason = line.partition(":")
            if not sep or not reason.strip():
                raise SystemExit("%s:%d: expected '<kind> <name>: <reason>'"
                                 % (path, n))
            allowed[key.strip()] = reason.strip()
    return allowed


def write_reference(path, entries):
    with open(path, "w", encoding="utf-8") as f:
        f.write("# The C ABI of dutygraph as last recorded (docs/abi.md).\n"
                "# Generated by: python3 tests/abi/check_abi.py --update\n"
                "# Never edit by hand; a removal or change here is a break.\n")
        for key in sorted(entries):
            f.write("%s: %s\n" % (key, entries[key]))


def compare(reference, current, allowed):
    """-> (errors, notes)"""
    errors, notes = [], []
    for key in sorted(reference):
        old = reference[key]
        if key not in current:
            msg = "removed: %s (was %s)" % (key, old)
        elif current[key] == old:
            continue
        elif (key.startswith("struct ")
              and current[key].startswith(old + ";")):
            notes.append("grown by appending (allowed): %s" % key)
            continue
        else:
            msg = "changed: %s\n    reference: %s\n    dg.h now:  %s" % (
                key, old, current[key])
        if key in allowed:
            notes.append("allowed break: %s (%s)" % (msg, allowed[key]))
        else:
            errors.append(msg)
    for key in sorted(set(current) - set(reference)):
        notes.append("added: %s: %s" % (key, current[key]))
    return errors, notes


def check_thread_safety(header_text):
    """Every DG_API function's preceding comment block (or a section comment
    covering a group of declarations) states 'Thread safety:'."""
    missing = []
    for m in re.finditer(r"\bDG_API\b[^;]*?\b(dg_[a-z0-9_]+)\s*\(", header_text):
        before = header_text[:m.start()]
        # The comment that ends right before this declaration.
        cm = re.search(r"/\*((?:[^*]|\*+[^*/])*)\*+/\s*$", before)
        if not cm or "Thread safety:" not in cm.group(1):
            missing.append(m.group(1))
    return missing


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--header", default=DEFAULT_HEADER)
    ap.add_argument("--reference", default=DEFAULT_REFERENCE)
    ap.add_argument("--allow", default=DEFAULT_ALLOW)
    ap.add_argument("--update", action="store_true",
                    help="rewrite the reference from dg.h")
    ap.add_argument("--thread-safety", action="store_true",
                    help="check the per-function thread-safety tags")
    args = ap.parse_args()

    with open(args.header, encoding="utf-8") as f:
        header_text = f.read()

    if args.thread_safety:
        missing = check_thread_safety(header_text)
        if missing:
            print("dg.h functions whose comment states no 'Thread safety:':\n  "
                  + "\n  ".join(missing))
            return 1
        n = len(re.findall(r"\bDG_API\b", header_text)) - 1  # the #define
        print("every DG_API function states its thread safety (%d)" % n)
        return 0

    current = normalise(header_text)
    if args.update:
        write_reference(args.reference, current)
        print("wrote %s (%d entries)" % (args.reference, len(current)))
        return 0

    errors, notes = compare(read_reference(args.reference), current,
                            read_allow(args.allow))
    for note in notes:
        print(note)
    if any(n.startswith("added") for n in notes):
        print("\nNew declarations are fine; record them in the reference with:"
              "\n    python3 tests/abi/check_abi.py --update")
    if errors:
        print("\nABI BREAK against %s:" % args.reference)
        for e in errors:
            print("  " + e)
        print("\nA released signature never changes: add a _v2 function "
              "instead. If the break is intended, list its key in %s with a "
              "reason and bump DG_SOVERSION (docs/abi.md)." % args.allow)
        return 1
    print("dg.h keeps every declaration of the reference (%d entries)"
          % len(current))
    return 0


if __name__ == "__main__":
    sys.exit(main())
