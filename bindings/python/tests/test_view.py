"""Scoped views (Plan.view, PlanView) and the plan publisher from Python.

Hand-worked on tests/data/small_plan.json: 市金融办 (jrb) has a role on
t_warning only, so its view must answer about t_warning and nothing else,
and must treat every other node exactly as a node that does not exist.
"""

import datetime
import json
import os
import threading

import pytest

import dutygraph

ROOT = os.path.join(os.path.dirname(__file__), "..", "..", "..")
SMALL = os.path.join(ROOT, "tests", "data", "small_plan.json")
ON = datetime.date(2023, 6, 1)
HIDDEN_TEXT = ("t_hidden_debt", "严禁新增隐性债务", "t_vague",
               "合力化解存量债务")


@pytest.fixture(scope="module")
def plan():
    with dutygraph.Plan.load(SMALL) as p:
        yield p


@pytest.fixture
def view(plan):
    with plan.view(unit="市金融办", on=ON) as v:
        yield v


def no_leak(value):
    text = repr(value)
    for hidden in HIDDEN_TEXT:
        assert hidden not in text, (hidden, text)


def test_the_view_sees_its_task_only(view):
    assert view.viewer == "unit jrb (市金融办)"
    tasks = view.tasks()
    assert [(t.task.id, t.reasons) for t in tasks] == [("t_warning", ("role",))]
    assert view.groups() == []
    assert view.on == ON


def test_every_query_path_keeps_hidden_nodes_out(view, plan):
    assert view.find_task("4/二/（一）/3") == view.tasks()[0].index
    who = view.accountability("t_warning")
    assert who == plan.accountability("t_warning", ON)
    no_leak(view.tasks_of_unit("市财政局"))
    assert [t.task.id for t in view.tasks_of_unit("市财政局")] == ["t_warning"]
    assert len(plan.tasks_of_unit("市财政局", ON)) > 1
    person = view.tasks_of_person("雷高飞", ON)
    assert person and {t.task.id for t in person} == {"t_warning"}
    no_leak(view.workloads())
    assert {w.unit.id for w in view.workloads()} == {
        "czj", "jrb", "yjfj", "zhuxi", "yanfeng"}
    assert view.raci_csv() == (
        "id,path,title,市财政局,市金融办,衡阳银保监分局,珠晖区,雁峰区\n"
        "t_warning,4/二/（一）/3,健全债务风险预警机制,R,R,R,S,S\n")
    no_leak(view.lints())


@pytest.mark.parametrize("task,missing", [("t_hidden_debt", "t_nowhere"),
                                          ("4/二/（一）/1", "4/二/（一）/9"),
                                          (2, 4000)])
def test_a_hidden_node_is_reported_as_missing(view, task, missing):
    with pytest.raises(dutygraph.NotFoundError) as hidden:
        view.accountability(task)
    assert "did you mean 't_" not in hidden.value.message
    with pytest.raises(dutygraph.NotFoundError) as absent:
        view.accountability(missing)
    assert (hidden.value.message.replace(str(task), "X")
            == absent.value.message.replace(str(missing), "X"))


def test_post_and_successor_views(plan):
    later = plan.view(unit="市银保监分局", on=datetime.date(2023, 12, 1))
    assert later.viewer == "unit jrjg (衡阳金融监管分局)"
    assert [t.task.id for t in later.tasks()] == ["t_warning"]
    director = plan.view(post="czj.director", on=ON)
    assert [g.id for g in director.groups()] == ["g_debt"]
    assert "p4" not in [t.task.id for t in director.tasks()]


def test_bad_arguments(plan, view):
    with pytest.raises(TypeError, match="exactly one"):
        plan.view(unit="czj", post="czj.director", on=ON)
    with pytest.raises(dutygraph.NotFoundError, match="did you mean"):
        plan.view(unit="市金融", on=ON)
    with pytest.raises(TypeError):
        plan.view(unit="czj", on="2023-06-01")
    with pytest.raises(dutygraph.NotFoundError, match="not in this view"):
        view.accountability(2**40)
    view.close()
    with pytest.raises(ValueError, match="closed"):
        view.tasks()


def test_publisher_readers_see_whole_versions(plan):
    text = plan.to_json()
    title = "衡阳市打好防范化解风险阻击仗实施方案（节选）"
    versions = [dutygraph.Plan.from_json(text.replace(title, f"{title}#{k}"))
                for k in range(1, 9)]
    publisher = dutygraph.PlanPublisher(versions[0])
    failures, stop = [], threading.Event()

    def read():
        last = 0
        while not stop.is_set():
            current, version = publisher.current()
            if version < last or f"{title}#{version}\"" not in current.to_json():
                failures.append(version)
                return
            last = version
            current.close()

    readers = [threading.Thread(target=read) for _ in range(3)]
    for r in readers:
        r.start()
    for k, p in enumerate(versions[1:], start=2):
        assert publisher.publish(p) == k
    stop.set()
    for r in readers:
        r.join()
    assert failures == []
    current, version = publisher.current()
    assert version == 8 and f"{title}#8" in current.to_json()
    with pytest.raises(TypeError):
        publisher.publish("not a plan")
    publisher.close()
