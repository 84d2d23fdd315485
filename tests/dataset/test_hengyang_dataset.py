"""Checks of the example dataset examples/hengyang-2023/plan.json.

- the document validates against docs/plan.schema.json and is canonical
  (2-space indentation, UTF-8 unescaped, keys in the schema's order, defaults
  omitted);
- the cross-record rules of docs/plan-format.md hold (ids, references, the
  task tree, as_written, tenures, group parents);
- parts 0-3 agree with the hand labels in ../shared/gold (tasks, titles,
  assignments, clauses, deadlines, targets, groups, cadences);
- parts 4-7 are anchored in the source text in ../shared/seed (titles,
  annotations, target texts, as_written names occur in it).

DUTYGRAPH_GOLD_DIR and DUTYGRAPH_SEED_DIR point at the gold labels and the
seed document (default: ../shared/gold and ../shared/seed beside the
repository); tests needing them are skipped with a reason when absent.
"""
import collections
import json
import os
import pathlib
import re

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
PLAN_PATH = REPO / "examples" / "hengyang-2023" / "plan.json"
SCHEMA_PATH = REPO / "docs" / "plan.schema.json"
NOTES_PATH = REPO / "docs" / "hengyang-2023.md"
GOLD_DIR = pathlib.Path(os.environ.get("DUTYGRAPH_GOLD_DIR", REPO.parent / "shared" / "gold"))
SEED_DIR = pathlib.Path(os.environ.get("DUTYGRAPH_SEED_DIR", REPO.parent / "shared" / "seed"))
GOLD_FILE = GOLD_DIR / "seed-parts-0-3.json"
SEED_FILE = SEED_DIR / "000_f66dfdd534aceaf8.txt"

TARGET_KEYS = ("unit", "unit_set", "post", "group")
ROLES = ("lead", "support", "responsible", "participate")
# Nodes whose clause annotation is not a verbatim string of the seed (an OCR
# conflict resolved by reconstruction; the node's notes say so).
RECONSTRUCTED_ANNOTATIONS = {"4/二/（三）/3"}


def squash(text):
    """Removes all whitespace (OCR breaks lines and spaces numbers freely)."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def raw():
    return PLAN_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def plan(raw):
    return json.loads(raw, object_pairs_hook=collections.OrderedDict)


@pytest.fixture(scope="module")
def schema():
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"), object_pairs_hook=collections.OrderedDict)


@pytest.fixture(scope="module")
def gold():
    if not GOLD_FILE.is_file():
        pytest.skip(f"gold labels not found at {GOLD_FILE} (set DUTYGRAPH_GOLD_DIR)")
    return json.loads(GOLD_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed_lines():
    if not SEED_FILE.is_file():
        pytest.skip(f"seed document not found at {SEED_FILE} (set DUTYGRAPH_SEED_DIR)")
    return SEED_FILE.read_text(encoding="utf-8").split("\n")


@pytest.fixture(scope="module")
def seed(seed_lines):
    return squash("\n".join(seed_lines))


@pytest.fixture(scope="module")
def idx(plan):
    """Records by id, per kind."""
    out = {}
    for kind in ("units", "unit_sets", "posts", "people", "groups", "tasks", "cadences", "escalation"):
        out[kind] = {r["id"]: r for r in plan.get(kind, [])}
    return out


def tasks_of_part(plan, part):
    return [t for t in plan["tasks"] if t["path"].split("/")[0] == str(part)]


def target_names(plan, idx, key, tid):
    rec = idx[{"unit": "units", "unit_set": "unit_sets", "post": "posts", "group": "groups"}[key]][tid]
    if key == "post":
        return {rec["title"]}
    names = {rec["name"]} | set(rec.get("aliases", []))
    if key == "unit" and rec.get("full_name"):
        names.add(rec["full_name"])
    return names


def assignment_target(a):
    (key,) = [k for k in TARGET_KEYS if k in a]
    return key, a[key]


# --- schema and canonical form -------------------------------------------------

def test_schema_is_valid_draft_2020_12(schema):
    jsonschema = pytest.importorskip("jsonschema", reason="python3-jsonschema is not installed")
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"

    def walk(node, where):
        if isinstance(node, dict):
            if node.get("type") == "object":
                assert node.get("additionalProperties") is False, f"{where}: additionalProperties must be false"
            for k, v in node.items():
                walk(v, f"{where}/{k}")
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, f"{where}/{i}")
    walk(schema, "#")


def test_plan_validates_against_schema(plan, schema):
    jsonschema = pytest.importorskip("jsonschema", reason="python3-jsonschema is not installed")
    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(plan), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(
        "/" + "/".join(map(str, e.absolute_path)) + ": " + e.message[:300] for e in errors[:20])


@pytest.mark.parametrize("broken,pointer", [
    ({"units": [{"id": "a", "name": "甲", "nmae": "x"}]}, "unknown key"),
    ({"units": [{"id": "市发改委", "name": "甲"}]}, "bad id"),
    ({"tasks": [{"id": "t", "assignments": [{"role": "lead", "unit": "a", "group": "g"}]}]}, "two targets"),
    ({"tasks": [{"id": "t", "assignments": [{"role": "lead"}]}]}, "no target"),
    ({"tasks": [{"id": "t", "assignments": [{"role": "owner", "unit": "a"}]}]}, "bad role"),
    ({"tasks": [{"id": "t", "targets": [{"text": "x", "comparator": "between", "value": 1}]}]}, "between without max"),
    ({"tasks": [{"id": "t", "targets": [{"text": "x", "comparator": ">=", "value": 1, "value_max": 2}]}]}, "max without between"),
    ({"tasks": [{"id": "t", "deadlines": [{"kind": "by", "text": "年底前"}]}]}, "by without date"),
    ({"tasks": [{"id": "t", "deadlines": [{"kind": "by", "date": "2023-13-01"}]}]}, "bad date"),
    ({"cadences": [{"id": "c", "name": "旬简报", "kind": "briefing", "period": "旬",
                    "due": {"rule": "last_working_day"}, "owner": {"role": "unit", "unit": "a"}}]}, "chinese period"),
    ({"cadences": [{"id": "c", "name": "旬简报", "kind": "briefing", "period": "dekad",
                    "due": {"rule": "nth_working_day"}, "owner": {"role": "unit", "unit": "a"}}]}, "rule without n"),
    ({"escalation": [{"id": "p", "rules": [{"id": "r", "trigger": {"kind": "carry_over"}, "action": "listed_supervision"}]}]},
     "carry_over without card"),
    ({"unit_sets": [{"id": "s", "name": "甲", "members": ["a"], "group": "g"}]}, "members and group"),
    ({"format": "dutygraph/plan@2"}, "format"),
])
def test_schema_rejects(schema, broken, pointer):
    jsonschema = pytest.importorskip("jsonschema", reason="python3-jsonschema is not installed")
    doc = {"format": "dutygraph/plan@1", "plan": {"id": "p", "title": "t", "year": 2023}}
    doc.update(broken)
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(doc)), f"schema accepted: {pointer}"


def test_schema_accepts_nulls_for_optional_keys(schema):
    jsonschema = pytest.importorskip("jsonschema", reason="python3-jsonschema is not installed")
    doc = {"format": "dutygraph/plan@1", "plan": {"id": "p", "title": "t", "year": 2023},
           "unit_sets": [{"id": "s", "name": "甲", "group": None}],
           "tenures": [{"post": "x", "person": "y", "from": "2023-03-03", "to": None}]}
    assert not list(jsonschema.Draft202012Validator(schema).iter_errors(doc))


def test_pretty_printed_utf8(raw, plan):
    assert raw == json.dumps(plan, ensure_ascii=False, indent=2) + "\n"
    assert "\\u" not in raw


def test_keys_in_canonical_order_and_defaults_omitted(plan, schema):
    """Keys follow the order of the schema's `properties` (the documented
    order) and no key holds its default (false, "", [], null, unit kind
    other, task kind task, group kind task_force, version 1)."""
    defs = schema["$defs"]

    def props(node):
        return list(node["properties"].keys())

    def sub(node, key):
        s = node["properties"][key]
        if "anyOf" in s:
            s = s["anyOf"][0]
        return s

    def resolve(s):
        while "$ref" in s:
            s = defs[s["$ref"].split("/")[-1]]
        return s

    problems = []

    def check(value, node, where):
        node = resolve(node)
        if isinstance(value, dict) and node.get("type") == "object":
            order = props(node)
            keys = list(value.keys())
            if keys != sorted(keys, key=order.index):
                problems.append(f"{where}: keys {keys} not in order {order}")
            for k, v in value.items():
                if v is False or v is None or (isinstance(v, (str, list)) and not v):
                    problems.append(f"{where}/{k}: default value {v!r} written")
                check(v, sub(node, k), f"{where}/{k}")
        elif isinstance(value, list) and node.get("type") == "array":
            for i, v in enumerate(value):
                check(v, node["items"], f"{where}/{i}")
    check(plan, schema, "")
    for i, u in enumerate(plan.get("units", [])):
        if u.get("kind") == "other":
            problems.append(f"/units/{i}/kind: default 'other' written")
    for i, t in enumerate(plan.get("tasks", [])):
        if t.get("kind") == "task":
            problems.append(f"/tasks/{i}/kind: default 'task' written")
    for i, g in enumerate(plan.get("groups", [])):
        if g.get("kind") == "task_force":
            problems.append(f"/groups/{i}/kind: default 'task_force' written")
    for i, p in enumerate(plan.get("escalation", [])):
        if p.get("version") == 1:
            problems.append(f"/escalation/{i}/version: default 1 written")
    assert not problems, "\n".join(problems[:30])


# --- cross-record rules --------------------------------------------------------

def test_ids_unique_per_kind(plan):
    for kind in ("units", "unit_sets", "posts", "people", "groups", "tasks", "cadences", "escalation"):
        ids = [r["id"] for r in plan.get(kind, [])]
        dupes = [i for i, n in collections.Counter(ids).items() if n > 1]
        assert not dupes, f"{kind}: duplicate ids {dupes}"
    for p in plan.get("escalation", []):
        rule_ids = [r["id"] for r in p["rules"]]
        assert len(rule_ids) == len(set(rule_ids)), p["id"]


def test_unit_names_and_aliases_do_not_collide(plan):
    owner = {}
    for u in plan["units"]:
        for name in [u["name"]] + u.get("aliases", []) + ([u["full_name"]] if u.get("full_name") else []):
            assert owner.setdefault(name, u["id"]) == u["id"], f"{name!r}: {owner[name]} and {u['id']}"


def test_references_resolve(plan, idx):
    units, sets, posts, people, groups, tasks = (idx[k] for k in ("units", "unit_sets", "posts", "people", "groups", "tasks"))
    bad = []

    def need(table, ref, where):
        if ref not in table:
            bad.append(f"{where}: unknown {ref!r}")
    for u in plan["units"]:
        for key, table in (("parent", units), ("head_post", posts), ("supervising_post", posts)):
            if key in u:
                need(table, u[key], f"units/{u['id']}/{key}")
    for s in plan["unit_sets"]:
        for m in s.get("members", []):
            need(units, m, f"unit_sets/{s['id']}/members")
        if "group" in s:
            need(groups, s["group"], f"unit_sets/{s['id']}/group")
    for p in plan["posts"]:
        if "unit" in p:
            need(units, p["unit"], f"posts/{p['id']}/unit")
        if "superior" in p:
            need(posts, p["superior"], f"posts/{p['id']}/superior")
    for t in plan["tenures"]:
        need(posts, t["post"], "tenures/post")
        need(people, t["person"], "tenures/person")
    for g in plan["groups"]:
        w = f"groups/{g['id']}"
        if "parent" in g:
            need(groups, g["parent"], w + "/parent")
        for key in ("conveners", "deputy_conveners", "guiding_posts"):
            for p in g.get(key, []):
                need(posts, p, f"{w}/{key}")
        for m in g.get("members", []):
            need(units, m, w + "/members")
        if "office_host" in g:
            need(units, g["office_host"], w + "/office_host")
        if "office_director" in g:
            need(posts, g["office_director"], w + "/office_director")
        for s in g.get("supervises", []):
            need(tasks, s, w + "/supervises")
    table_of = {"unit": units, "unit_set": sets, "post": posts, "group": groups}
    for t in plan["tasks"]:
        for i, a in enumerate(t.get("assignments", [])):
            key, tid = assignment_target(a)
            need(table_of[key], tid, f"tasks/{t['id']}/assignments/{i}")
    for d in plan.get("dependencies", []):
        need(tasks, d["from"], "dependencies/from")
        need(tasks, d["to"], "dependencies/to")
    for c in plan["cadences"]:
        o = c["owner"]
        for g in o.get("groups", []):
            need(groups, g, f"cadences/{c['id']}/owner")
        for tk in o.get("tasks", []):
            need(tasks, tk, f"cadences/{c['id']}/owner")
        if "unit" in o:
            need(units, o["unit"], f"cadences/{c['id']}/owner")
        if "unit_set" in o:
            need(sets, o["unit_set"], f"cadences/{c['id']}/owner")
        for r in c.get("recipients", []):
            (key,) = r.keys()
            need(table_of[key], r[key], f"cadences/{c['id']}/recipients")
    for p in plan["escalation"]:
        for a in p.get("applies_to", []):
            need(tasks, a, f"escalation/{p['id']}/applies_to")
    assert not bad, "\n".join(bad)


def test_task_tree(plan, idx):
    seen = set()
    for t in plan["tasks"]:
        kind = t.get("kind", "task")
        if kind == "part":
            assert "parent" not in t, t["id"]
            assert "/" not in t["path"], t["id"]
        else:
            assert t.get("parent") in seen, f"{t['id']}: parent {t.get('parent')} missing or later"
            parent = idx["tasks"][t["parent"]]
            assert t["path"].rsplit("/", 1)[0] == parent["path"], t["id"]
            assert t["number"] == t["path"].rsplit("/", 1)[1], t["id"]
        # ids follow the paths: p<part>.<n>... with （一）/一/1 numbered 1
        parts = t["path"].split("/")
        assert t["id"].split(".")[0] == "p" + parts[0]
        assert len(t["id"].split(".")) == len(parts), t["id"]
        seen.add(t["id"])
    lines = [t["line"] for t in plan["tasks"]]
    assert lines == sorted(lines), "tasks are not in document order"


def test_assignments_name_their_target(plan, idx):
    for t in plan["tasks"]:
        clauses = t.get("clauses", [])
        for i, a in enumerate(t.get("assignments", [])):
            key, tid = assignment_target(a)
            assert a["as_written"] in target_names(plan, idx, key, tid), (t["path"], a)
            assert 0 <= a["clause"] < len(clauses), (t["path"], i)
        for ci, c in enumerate(clauses):
            assert any(a["clause"] == ci for a in t.get("assignments", [])), f"{t['path']}: clause {ci} unassigned"


def test_tenures_and_people(plan, idx):
    by_post = collections.defaultdict(list)
    for te in plan["tenures"]:
        by_post[te["post"]].append(te)
        assert te["from"] == "2023-03-03", te
        assert "to" not in te, te
    assert all(len(v) == 1 for v in by_post.values()), "one holder per post"
    held = {te["person"] for te in plan["tenures"]}
    assert held == set(idx["people"]), "every person holds a post"
    # every 专班 post is filled, except the never-named guiding posts
    for g in plan["groups"]:
        for key in ("conveners", "deputy_conveners", "office_director"):
            posts = g.get(key, [])
            posts = [posts] if isinstance(posts, str) else posts
            for p in posts:
                assert p in by_post, f"{g['id']}/{key}: {p} vacant"
        for p in g.get("guiding_posts", []):
            assert p not in by_post and p.startswith("guide."), p


def test_group_hierarchy(plan, idx):
    groups = idx["groups"]
    (dispatch,) = [g for g in plan["groups"] if g.get("kind") == "dispatch"]
    assert dispatch["conveners"] == ["exec_vice_mayor"]
    for g in plan["groups"]:
        chain, cur = [], g
        while "parent" in cur:
            assert cur["id"] not in chain, f"cycle through {cur['id']}"
            chain.append(cur["id"])
            cur = groups[cur["parent"]]
        if g.get("kind", "task_force") == "task_force":
            assert cur["id"] == dispatch["id"], f"{g['id']} is not under the dispatch group"
    campaign = [g for g in plan["groups"] if g.get("parent") == dispatch["id"]]
    assert len(campaign) == 6
    risk = [g for g in plan["groups"] if g.get("parent") == "g_risk"]
    assert len(risk) == 6
    supervised = {s for g in campaign for s in g["supervises"]}
    assert {"p1", "p2", "p3", "p4", "p5", "p6"} <= supervised
    assert {s for g in risk for s in g["supervises"]} == {t["id"] for t in tasks_of_part(plan, 4)
                                                          if t["path"].startswith("4/二/") and t["path"].count("/") == 2}


def test_counties(idx):
    counties = idx["unit_sets"]["counties"]
    assert counties["name"] == "各县市区"
    assert len(counties["members"]) == 12
    kinds = collections.Counter(idx["units"][m]["kind"] for m in counties["members"])
    assert kinds == {"district_government": 5, "county_government": 7}


# --- parts 0-3 against the gold --------------------------------------------------

def gold_tasks(gold):
    return {t["key"]: t for p in gold["parts"] for t in p["tasks"]}


def labelled_nodes(plan):
    """The nodes the gold labels: parts 0-3, not parts themselves, and not the
    title-only section headings kept as tree structure (they have no text)."""
    return {t["path"]: t for t in plan["tasks"]
            if t["path"].split("/")[0] in "0123" and t.get("kind", "task") != "part" and t.get("text")}


def assignment_triples(plan, parts):
    return {(t["path"], a["role"], a["as_written"]) for t in plan["tasks"]
            if t["path"].split("/")[0] in parts for a in t.get("assignments", [])}


def gold_triples(gold):
    return {(t["key"], role, name) for t in gold_tasks(gold).values()
            for a in t["annotations"] for role in ROLES for name in a[role]}


def test_parts_0_3_same_tasks_and_titles(plan, gold):
    ours, theirs = labelled_nodes(plan), gold_tasks(gold)
    assert set(ours) == set(theirs), (sorted(set(ours) - set(theirs)), sorted(set(theirs) - set(ours)))
    for key, g in theirs.items():
        assert ours[key]["title"] == g["heading"], key
        assert ours[key]["line"] == g["line"], key
    structural = [t for t in plan["tasks"] if t["path"].split("/")[0] in "0123"
                  and t.get("kind", "task") != "part" and not t.get("text")]
    assert all(t.get("kind") == "section" and not t.get("assignments") for t in structural)


def test_parts_0_3_assignments_equal_gold(plan, gold, capsys):
    ours, theirs = assignment_triples(plan, "0123"), gold_triples(gold)
    tp = len(ours & theirs)
    precision = tp / len(ours) if ours else 0.0
    recall = tp / len(theirs) if theirs else 0.0
    f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
    with capsys.disabled():
        print(f"\nassignments vs gold (parts 0-3): ours {len(ours)}, gold {len(theirs)}, "
              f"precision {precision:.3f}, recall {recall:.3f}, F1 {f1:.3f}")
    assert ours == theirs, {"extra": sorted(ours - theirs)[:20], "missing": sorted(theirs - ours)[:20]}


def test_parts_0_3_clauses_equal_gold(plan, gold):
    ours = labelled_nodes(plan)
    for key, g in gold_tasks(gold).items():
        t = ours[key]
        clauses = t.get("clauses", [])
        assert [c["annotation"] for c in clauses] == [a["text"] for a in g["annotations"]], key
        assert [c.get("open_list", False) for c in clauses] == [a["open_list"] for a in g["annotations"]], key
        for ci, a in enumerate(g["annotations"]):
            for role in ROLES:
                got = [x["as_written"] for x in t.get("assignments", []) if x["clause"] == ci and x["role"] == role]
                assert got == a[role], (key, ci, role)


def test_parts_0_3_deadlines_and_targets_equal_gold(plan, gold):
    ours = labelled_nodes(plan)
    for key, g in gold_tasks(gold).items():
        t = ours[key]
        got = [(d["kind"], d["date"], d["text"]) for d in t.get("deadlines", [])]
        assert got == [(d["kind"], d["date"], d["text"]) for d in g["deadlines"]], key
        fields = ("text", "indicator", "comparator", "value", "unit")
        got = [tuple(x.get(f) for f in fields) for x in t.get("targets", [])]
        assert got == [tuple(x.get(f) for f in fields) for x in g["targets"]], key


def test_parts_1_3_groups_equal_gold(plan, gold, idx):
    by_name = {}
    for g in plan["groups"]:
        for n in [g["name"]] + g.get("aliases", []):
            by_name[n] = g
    unit_of = {}
    for u in plan["units"]:
        for n in [u["name"]] + u.get("aliases", []):
            unit_of[n] = u["id"]
    for part in gold["parts"]:
        for gg in part["groups"]:
            g = by_name[gg["name"]]
            assert g["members"] == [unit_of[m] for m in gg["members"]], gg["name"]
            assert g["office_host"] == unit_of[gg["office_host"]], gg["name"]
            assert len(g["conveners"]) == len(gg["convener"])
            assert len(g["deputy_conveners"]) == len(gg["deputy_conveners"])
            assert g["members_open"] is True  # every gold member list ends with 等


def test_part_0_cadences_equal_gold(plan, gold):
    (part0,) = [p for p in gold["parts"] if p["part"] == 0]
    for c in part0["cadences"]:
        for item in c["items"]:
            matches = [x for x in plan["cadences"] if x["period"] == item["period"]
                       and x["source"].startswith(c["source_key"]) and item["name"] in x["name"]]
            assert len(matches) == 1, item
            assert matches[0]["owner"]["role"] == "group_lead"
            assert {"unit": "city_gov"} in matches[0]["recipients"]


# --- parts 4-7 against the seed ---------------------------------------------------

def test_parts_4_7_titles_occur_in_seed(plan, seed, seed_lines):
    for part in (4, 5, 6, 7):
        for t in tasks_of_part(plan, part):
            assert squash(t["title"]) in seed, t["path"]
            line = squash(seed_lines[t["line"] - 1])
            assert squash(t["title"]) in line, f"{t['path']}: title not on line {t['line']}"
            if t.get("text"):
                assert t["text"][:6] in squash("".join(seed_lines[t["line"] - 1:t["line"] + 3])) or \
                    squash(t["text"])[:6] in seed, t["path"]


def test_parts_4_6_task_numbering_complete(plan, seed_lines):
    """Every numbered item of annexes 4-6 is a node: the numbers under each
    section run 1..n without a gap."""
    for part in (4, 5, 6):
        children = collections.defaultdict(list)
        for t in tasks_of_part(plan, part):
            if t.get("kind", "task") == "task":
                children[t["parent"]].append(int(t["number"]))
        assert children, part
        for parent, numbers in children.items():
            assert numbers == list(range(1, len(numbers) + 1)), (parent, numbers)
    expected = {4: 50, 5: 27, 6: 15}
    for part, n in expected.items():
        assert sum(1 for t in tasks_of_part(plan, part) if t.get("kind", "task") == "task") == n, part


def test_annotations_and_targets_occur_in_seed(plan, seed):
    for t in plan["tasks"]:
        for c in t.get("clauses", []):
            if t["path"] in RECONSTRUCTED_ANNOTATIONS:
                assert "reconstructed" in t["notes"], t["path"]
                continue
            assert squash(c["annotation"]) in seed, (t["path"], c["annotation"])
            # the clause is a stretch of the node's text (or, for a heading
            # that carries the annotation, the heading itself)
            assert squash(c["text"]) in squash(t.get("text", "")) or c["text"] == t["title"], t["path"]
        for g in t.get("targets", []):
            assert squash(g["text"]) in seed, (t["path"], g["text"])
        for d in t.get("deadlines", []):
            assert squash(d["text"]) in seed, (t["path"], d["text"])


def test_as_written_occurs_in_seed(plan, seed):
    missing = sorted({a["as_written"] for t in plan["tasks"] for a in t.get("assignments", [])
                      if squash(a["as_written"]) not in seed})
    assert not missing, missing


def test_unit_and_group_names_occur_in_seed(plan, seed):
    # the county-level divisions are all listed whether the plan prints them or not
    counties = set(next(s for s in plan["unit_sets"] if s["id"] == "counties")["members"])
    names = [u["name"] for u in plan["units"] if u["id"] not in counties]
    names += [a for u in plan["units"] for a in u.get("aliases", [])]
    names += [g["name"] for g in plan["groups"]] + [a for g in plan["groups"] for a in g.get("aliases", [])]
    names += [s["name"] for s in plan["unit_sets"]] + [p["name"] for p in plan["people"]]
    missing = [n for n in names if squash(n) not in seed]
    assert not missing, missing


def test_annex_7_people_hold_the_posts_it_names(plan, idx, seed_lines):
    annex7 = squash("".join(seed_lines[760:]))
    for te in plan["tenures"]:
        person = idx["people"][te["person"]]["name"]
        title = idx["posts"][te["post"]]["title"]
        # annex 7 prints "<post title><name>": the last part of the title
        # precedes the name (市政府副秘书长郭建中, 市发改委主任林喜洋 ...)
        tail = title.split("、")[-1]
        assert squash(tail + person) in annex7 or squash(title + "、") in annex7, (title, person)


def test_parts_4_6_assignment_counts(plan, capsys):
    counts = collections.Counter()
    for t in plan["tasks"]:
        for a in t.get("assignments", []):
            counts[(t["path"].split("/")[0], a["role"])] += 1
    with capsys.disabled():
        for part in "0123456":
            row = ", ".join(f"{r} {counts[(part, r)]}" for r in ROLES)
            print(f"part {part}: {row}")
    # every numbered task of annexes 4 and 6 names who does it
    for part in (4, 6):
        for t in tasks_of_part(plan, part):
            if t.get("kind", "task") == "task":
                assert t.get("assignments"), t["path"]


def test_notes_document_matches_counts(plan):
    """docs/hengyang-2023.md states the dataset's counts; keep them in step."""
    if not NOTES_PATH.is_file():
        pytest.skip("docs/hengyang-2023.md not found")
    text = NOTES_PATH.read_text(encoding="utf-8")
    counts = {
        "units": len(plan["units"]), "unit sets": len(plan["unit_sets"]), "posts": len(plan["posts"]),
        "people": len(plan["people"]), "tenures": len(plan["tenures"]), "groups": len(plan["groups"]),
        "task-tree nodes": len(plan["tasks"]), "cadences": len(plan["cadences"]),
        "escalation policies": len(plan["escalation"]),
        "assignments": sum(len(t.get("assignments", [])) for t in plan["tasks"]),
        "targets": sum(len(t.get("targets", [])) for t in plan["tasks"]),
        "deadlines": sum(len(t.get("deadlines", [])) for t in plan["tasks"]),
    }
    for what, n in counts.items():
        assert f"| {what} | {n} |" in text, f"docs/hengyang-2023.md: expected the row '| {what} | {n} |'"
