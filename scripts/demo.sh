#!/usr/bin/env bash
# The main job on the bundled example plan: validate it, ask who is
# accountable for a task and what a unit leads, lint it; then the calendar
# facts behind the reference plan, 衡办〔2023〕7号 (衡阳市打好
# “发展六仗”总体实施方案, 2023): which years have an official holiday schedule,
# the 2023 holidays and make-up working days, the working days of each
# quarter, and when the plan's 旬简报 (dekad briefing) falls due in the first
# quarter if each one is due on the last working day of its 旬.
#
# Usage: scripts/demo.sh [PATH_TO_DUTYGRAPH]
#   Without an argument it builds build/tools/cli/dutygraph first.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [[ $# -ge 1 ]]; then
  cli="$1"
else
  # Build (or bring up to date) the command in the default build directory.
  cli="${repo_root}/build/tools/cli/dutygraph"
  log="$(mktemp)"
  trap 'rm -f "${log}"' EXIT
  if ! { cmake -S "${repo_root}" -B "${repo_root}/build" &&
         cmake --build "${repo_root}/build" --target dutygraph_cli \
               -j "$(nproc 2>/dev/null || echo 2)"; } >"${log}" 2>&1; then
    cat "${log}" >&2
    echo "demo.sh: building the dutygraph command failed" >&2
    exit 1
  fi
fi
if [[ ! -x "${cli}" ]]; then
  echo "demo.sh: no dutygraph executable at '${cli}'" >&2
  exit 2
fi

year=2023
calendar() { "${cli}" calendar "$@"; }
weekday() { LC_ALL=C date -d "$1" +%a; }
day_before() { LC_ALL=C date -d "$1 -1 day" +%F; }
day_after() { LC_ALL=C date -d "$1 +1 day" +%F; }

plan="${repo_root}/examples/hengyang-2023/plan.json"
indent() { sed 's/^./  &/'; }  # blank lines stay blank

echo "dutygraph demo: 衡办〔2023〕7号 (衡阳市打好“发展六仗”总体实施方案, ${year})"
echo
echo "The plan (examples/hengyang-2023/plan.json):"
"${cli}" plan validate "${plan}" | indent
echo
echo "Who is accountable for 4/二/（一）/1 on 2023-06-01:"
"${cli}" who "4/二/（一）/1" --plan "${plan}" --on 2023-06-01 | indent
echo
echo "What 市财政局 leads:"
"${cli}" tasks --plan "${plan}" --unit 市财政局 --role lead --on 2023-06-01 | indent
echo
echo "Lint findings by code (all caused by the document; docs/hengyang-2023.md):"
"${cli}" lint --plan "${plan}" | awk '{print $1, $2}' | sort | uniq -c | indent
echo

mapfile -t years < <(calendar years)
echo "Official holiday schedules available: ${years[0]}–${years[-1]}" \
     "(${#years[@]} years with a State Council notice)"
echo

notice="$(calendar info "${year}-01-01" | sed -n 's/.*; notice: \([^ ]*\).*/\1/p')"
echo "${year} holidays and make-up working days (${notice}):"
# The CSV has one row per consecutive day, so rows with consecutive line
# numbers, the same name and the same working flag form one stretch.
calendar days --from "${year}-01-01" --to "${year}-12-31" |
  awk -F, 'NR > 1 && $3 != "" {
             if (NR == last + 1 && $2 == working && $3 == name) { end = $1; n++ }
             else { if (n) print start, end, working, n, name
                    start = $1; end = $1; working = $2; name = $3; n = 1 }
             last = NR }
           END { if (n) print start, end, working, n, name }' |
  while read -r start end working count name; do
    if [[ "${working}" == 1 ]]; then what="make-up working day"; else what="off"; fi
    span="${start} $(weekday "${start}")"
    if (( count > 1 )); then
      span+=" .. ${end} $(weekday "${end}")"
      what+=" (${count} days)"
    fi
    printf '  %-32s %-31s %s\n' "${span}" "${what}" "${name}"
  done
echo

echo "Working days per quarter of ${year}:"
total=0
for month in 01 04 07 10; do
  read -r label start end < <(calendar period "${year}-${month}-01" quarter)
  count="$(calendar between "$(day_before "${start}")" "${end}")"
  total=$(( total + count ))
  printf '  %s..%s  %3d working days  %s\n' "${start}" "${end}" "${count}" "${label}"
done
printf '  %-22s  %3d working days  %s年全年\n' "whole year" "${total}" "${year}"
echo

echo "旬简报 due dates, first quarter of ${year}, due on the last working day of each 旬:"
day="${year}-01-01"
while [[ "${day}" < "${year}-04-01" ]]; do
  read -r label start end < <(calendar period "${day}" dekad)
  due="$(calendar nth "${day}" dekad -1)"
  printf '  %s..%s  due %s %s  %s\n' "${start}" "${end}" "${due}" \
         "$(weekday "${due}")" "${label}"
  day="$(day_after "${end}")"
done
