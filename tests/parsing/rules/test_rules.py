"""Every rule is a documented function: a docstring saying what it recognises, an example in its marker,
and a table in tests/parsing/rules/test_<stage>.py that calls it."""
import importlib
import inspect
import re
from pathlib import Path

import pytest

STAGES = ["decode", "clean", "lines", "outline", "header", "measures", "units", "targets", "classify"]
HERE = Path(__file__).parent


def _rules():
    for stage in STAGES:
        module = importlib.import_module(f"measures.parsing.{stage}")
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if fn.__module__ == module.__name__ and hasattr(fn, "__rule_stage__"):
                yield stage, name, fn


RULES = list(_rules())


def test_each_stage_has_rules():
    assert {stage for stage, _, _ in RULES} == set(STAGES)
    assert len(RULES) >= 70


@pytest.mark.parametrize("stage, name, fn", RULES, ids=[f"{s}.{n}" for s, n, _ in RULES])
def test_rule_is_documented_and_tested(stage, name, fn):
    assert fn.__rule_stage__ == stage, "a rule is marked with the stage of its module"
    assert fn.__doc__ and len(fn.__doc__.strip()) >= 20, "a docstring says what the rule recognises"
    assert "→" in fn.__rule_example__, "the example shows input → result"
    assert re.search(rf"\b{name}\b", (HERE / f"test_{stage}.py").read_text(encoding="utf-8")), "a table test uses it"


def test_the_marker_only_sets_attributes():
    from measures.parsing.context import rule

    def f():
        """x"""

    assert rule(stage="s", example="a → b")(f) is f and f.__rule_stage__ == "s"


MODULES = STAGES + ["patterns", "lexicon", "text", "context", "core", "knowledge", "theme_model"]


@pytest.mark.parametrize("module", MODULES)
def test_no_module_level_name_is_bound_twice(module):
    """A pattern or word list defined once: a second module-level assignment of the same name silently
    replaces the first for every rule that read it (two PAGE_MARK patterns in header.py once did)."""
    import ast

    source = (Path(importlib.import_module(f"measures.parsing.{module}").__file__)).read_text(encoding="utf-8")
    seen: dict[str, int] = {}
    for node in ast.parse(source).body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        for target in targets:
            for name in [t.id for t in ast.walk(target) if isinstance(t, ast.Name)]:
                assert name not in seen, f"{module}.{name} is bound on line {seen[name]} and again on line {node.lineno}"
                seen[name] = node.lineno


@pytest.mark.parametrize("module", STAGES)
def test_each_rule_marker_marks_one_function(module):
    """Two @rule markers stacked on one function: the outer one's example wins and the function the inner one
    was written for is left unmarked (a rule inserted between a marker and its function once did this)."""
    import ast

    source = (Path(importlib.import_module(f"measures.parsing.{module}").__file__)).read_text(encoding="utf-8")
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef):
            markers = [d for d in node.decorator_list if isinstance(d, ast.Call) and getattr(d.func, "id", "") == "rule"]
            assert len(markers) <= 1, f"{module}.{node.name} carries {len(markers)} @rule markers"
