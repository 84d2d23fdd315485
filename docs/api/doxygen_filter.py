#!/usr/bin/env python3
"""Doxygen INPUT_FILTER: reads the C++ headers' `//` comments as documentation.

The C++ headers follow the abseil style (`// Name()` blocks of plain `//`
comments, STYLE.md), which Doxygen ignores. Rather than rewrite every
header, this filter shows Doxygen each comment block that sits directly
above a declaration as a `/** @verbatim ... @endverbatim */` block, and the
file's opening comment as its `@file` documentation. Verbatim keeps the
hand-laid tables and examples as written and means no text in them is read
as a Doxygen command. A trailing `// ...` after a member becomes `///<`,
with Doxygen's special characters escaped. Line numbers are preserved, so
warnings point at the real header lines. `/* */` comments (dg.h) pass
through unchanged: dg.h is written for Doxygen already.

Usage (Doxygen runs it): doxygen_filter.py HEADER
"""

import re
import sys

_COMMENT = re.compile(r"^(\s*)//(?!/)\s?(.*)$")
_TRAILING = re.compile(r"^(.*?[;,{])(\s*)//(?!/)\s?(.*)$")
_SPECIAL = re.compile(r"([\\@&$#<>%\"])")


def _verbatim_block(lines, indent, is_file):
    """The comment text lines as one Doxygen block of the same line count."""
    body = [text.replace("*/", "* /") for text in lines]
    # @file goes last: its optional argument is the rest of its line.
    tail = " @file */" if is_file else " */"
    if len(body) == 1:
        return [f"{indent}/** @verbatim {body[0]} @endverbatim{tail}"]
    out = [f"{indent}/** @verbatim {body[0]}"]
    out += [f"{indent}{text}" for text in body[1:-1]]
    out.append(f"{indent}{body[-1]} @endverbatim{tail}")
    return out


def _trailing(line):
    """`int x;  // note` -> `int x;  ///< note` (escaped), else the line."""
    if '"' in line.split("//", 1)[0]:
        return line  # a // inside a string literal: leave it alone
    match = _TRAILING.match(line)
    if not match:
        return line
    code, space, text = match.groups()
    if not text.strip():
        return line
    escaped = _SPECIAL.sub(r"\\\1", text)
    return f"{code}{space}///< {escaped}"


def filter_text(source):
    lines = source.split("\n")
    out = []
    i = 0
    seen_code = False
    while i < len(lines):
        match = _COMMENT.match(lines[i])
        if not match:
            line = lines[i]
            if line.strip():
                seen_code = True
            out.append(_trailing(line))
            i += 1
            continue
        indent = match.group(1)
        block = []
        while i < len(lines):
            m = _COMMENT.match(lines[i])
            if not m or m.group(1) != indent:
                break
            block.append(m.group(2))
            i += 1
        following = lines[i] if i < len(lines) else ""
        is_file = not seen_code
        # A block documents what follows it directly; a block followed by a
        # blank line (a section heading) or a preprocessor line stays a
        # comment, except the file's opening block.
        attached = following.strip() and not following.lstrip().startswith("#")
        if is_file or attached:
            out.extend(_verbatim_block(block, indent, is_file))
        else:
            out.extend(f"{indent}// {text}" for text in block)
        seen_code = True
    return "\n".join(out)


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        sys.stdout.write(filter_text(f.read()))


if __name__ == "__main__":
    main()
