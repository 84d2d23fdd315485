"""The README's five-minute tour of the Hengyang plan (衡办〔2023〕7号), in
Python (the dutygraph package, ctypes over libdutygraph_c).

    PYTHONPATH=bindings/python DUTYGRAPH_LIBRARY=build/capi/libdutygraph_c.so \\
        python3 examples/hengyang_tour.py examples/hengyang-2023/plan.json

Its output is checked against hengyang_tour_py.expected by CTest.
"""

import datetime
import sys

import dutygraph

D = datetime.date
path = sys.argv[1] if len(sys.argv) > 1 else "examples/hengyang-2023/plan.json"

with dutygraph.Plan.load(path) as plan, dutygraph.Calendar() as cal:
    # 1. Who is accountable for 严禁新增隐性债务 on 2023-06-01.
    who = plan.accountability("4/二/（一）/1", D(2023, 6, 1))
    print("4/二/（一）/1, as of 2023-06-01:")
    for u in who.units:
        print(f"  {u.role:<12} {u.unit.name}")
    for holder in who.chief_dispatchers:
        print(f"  chief dispatcher: {holder.person.name}")

    # 2. The official calendar: National Day 2023 and its make-up days.
    print("1 working day after 2023-09-28:",
          cal.add_working_days(D(2023, 9, 28), 1))
    print("2023-10-01 is", cal.day(D(2023, 10, 1)).name)

    # 3. 市发改委's rhythms around National Day.
    schedule = plan.schedule(cal, D(2023, 9, 28), D(2023, 10, 12),
                             unit="市发改委")
    print("市发改委's cadences due 2023-09-28..2023-10-12:")
    for o in schedule.occurrences:
        print(f"  {o.due}  {o.period.label}  {o.cadence.name}")

    # 4. The tasks of 市财政局 it leads.
    print("市财政局 leads:", ", ".join(
        t.task.path for t in plan.tasks_of_unit(
            "市财政局", D(2023, 6, 1), roles=["lead"])))

    # 5. Pictures: DOT for Graphviz and a Gantt chart as SVG.
    dot = plan.graph_dot(task="4/二/（一）/1", on=D(2023, 6, 1))
    svg = plan.gantt_svg(cal, D(2023, 3, 3), D(2023, 12, 31), unit="市发改委")
    print("graph:", dot.count(" -> "), "edges (with the legend's 4);",
          "gantt:", svg.count('<g class="task"'), "task rows,",
          svg.count('<g class="cadence"'), "cadence rows")
