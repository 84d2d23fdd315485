#!/usr/bin/env python3
"""Regenerates the README's pictures from the Hengyang plan, or checks them.

    docs/img/make_pictures.py [--cli build/tools/cli/dutygraph] [--check]

The pictures (committed beside this script):
  hengyang-graph.dot  `dutygraph graph` around task 4/二/（一）/1 (严禁新增
                      隐性债务) as of 2023-06-01: dutygraph's own output,
                      deterministic
  hengyang-graph.svg  that DOT rendered by Graphviz's `dot -Tsvg`; its first
                      comment records the SHA-256 of the DOT it came from
                      (Graphviz's layout bytes vary between versions, so
                      the check compares the source, not the drawing)
  hengyang-gantt.svg  `dutygraph gantt` of the whole plan from its issue
                      date to the end of 2023: deterministic

--check (run by ctest as docs.readme_pictures) fails, saying which file and
how to fix it, if the DOT or the Gantt SVG differs from what the current
build prints, or if the graph SVG was not rendered from the current DOT.
Without --check it rewrites all three (rendering needs Graphviz).
"""

import argparse
import hashlib
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[1]
PLAN = ROOT / "examples" / "hengyang-2023" / "plan.json"

GRAPH_ARGS = ["graph", "--plan", str(PLAN), "--task", "4/二/（一）/1",
              "--on", "2023-06-01"]
GANTT_ARGS = ["gantt", "--plan", str(PLAN), "--from", "2023-03-03",
              "--to", "2023-12-31"]
MARK = "<!-- dutygraph: rendered from hengyang-graph.dot sha256 {} -->\n"


def run(cli, args):
    return subprocess.run([cli, *args], check=True, capture_output=True).stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cli", default=str(ROOT / "build" / "tools" /
                                             "cli" / "dutygraph"))
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()

    dot = run(args.cli, GRAPH_ARGS)
    gantt = run(args.cli, GANTT_ARGS)
    digest = hashlib.sha256(dot).hexdigest()
    files = {"hengyang-graph.dot": dot, "hengyang-gantt.svg": gantt}
    fix = "run docs/img/make_pictures.py (with Graphviz) and commit docs/img"

    if args.check:
        stale = [name for name, data in files.items()
                 if not (HERE / name).is_file() or
                 (HERE / name).read_bytes() != data]
        svg = HERE / "hengyang-graph.svg"
        if not svg.is_file() or MARK.format(digest).encode() not in \
                svg.read_bytes()[:4096]:
            stale.append(svg.name)
        if stale:
            print(f"docs/img is out of date: {', '.join(stale)}; {fix}",
                  file=sys.stderr)
            return 1
        print("docs/img pictures are current")
        return 0

    rendered = subprocess.run(["dot", "-Tsvg"], input=dot, check=True,
                              capture_output=True).stdout
    head, _, rest = rendered.partition(b"?>\n")
    if not rest:  # no XML declaration: put the mark first
        head, rest = b"", rendered
    else:
        head += b"?>\n"
    files["hengyang-graph.svg"] = head + MARK.format(digest).encode() + rest
    for name, data in files.items():
        (HERE / name).write_bytes(data)
        print(f"wrote docs/img/{name} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
