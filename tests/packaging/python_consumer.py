"""Uses the installed Python package: the library must be found beside it.

Run with the install's dist-packages on PYTHONPATH and DUTYGRAPH_LIBRARY
unset. Usage: python3 python_consumer.py PREFIX PLAN_JSON
"""

import datetime
import os
import pathlib
import sys


def main():
    prefix = pathlib.Path(sys.argv[1]).resolve()
    plan_path = sys.argv[2]
    if "DUTYGRAPH_LIBRARY" in os.environ:
        sys.exit("python_consumer: DUTYGRAPH_LIBRARY must not be set")

    import dutygraph
    from dutygraph import _capi

    package = pathlib.Path(dutygraph.__file__).resolve().parent
    library = pathlib.Path(_capi.lib._name).resolve()
    # Both the package and the library it loaded come from the install.
    for what, path in (("package", package), ("library", library)):
        if prefix not in path.parents:
            sys.exit(f"python_consumer: {what} {path} is not under {prefix}")

    print(f"dutygraph {dutygraph.library_version()}")
    with dutygraph.Calendar() as calendar:
        sep28 = datetime.date(2023, 9, 28)
        print(f"2023-09-28 + 1 working day = "
              f"{calendar.add_working_days(sep28, 1).isoformat()}")
    with dutygraph.Plan.load(plan_path) as plan:
        print(f"plan packaging-check: {len(plan.records('task'))} tasks, "
              f"task t2 is {plan.find_task('t2').name}")


if __name__ == "__main__":
    main()
