"""The simulator's house rules: one verb table, no import cycles, no reading of another module's
private attributes, and no public name that means two things."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import inboundxml
import webhooks
import webhooks.rest
import webhooks.testing
from inboundxml.spec import ELEMENTS
from webhooks.testing.simulator._table import MESSAGING, VOICE, not_in_sms

ROOT = Path(webhooks.__file__).resolve().parent
CHECKED = [ROOT / "testing", ROOT / "testing" / "simulator", ROOT / "phone"]
"""The packages held to the rules here (each package checks its own)."""


def test_the_voice_table_runs_every_child_of_response() -> None:
    assert set(VOICE.handlers) == set(ELEMENTS["Response"].children)


def test_every_element_of_the_spec_is_the_root_a_verb_or_a_noun_of_a_verb() -> None:
    nouns = {child for verb in VOICE.handlers for child in ELEMENTS[verb].children}
    assert len(ELEMENTS) == 23
    assert set(ELEMENTS) == {"Response"} | set(VOICE.handlers) | nouns


def test_an_sms_reply_runs_only_messages_and_redirects() -> None:
    assert set(MESSAGING.handlers) == set(VOICE.handlers)
    running = {tag for tag, handler in MESSAGING.handlers.items() if handler is not not_in_sms}
    assert running == {"Sms", "Mms", "Redirect"}


def _modules() -> Iterator[tuple[str, Path]]:
    for package in CHECKED:
        for path in sorted(package.glob("*.py")):
            parts = path.relative_to(ROOT.parent).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            yield name, path


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The modules of ``known`` that ``name`` imports, ``TYPE_CHECKING`` blocks included."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level > 1:
                base = base[: len(base) - node.level + 1]
            if node.level:
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            if node.module:
                found.add(target)
            found |= {f"{target}.{alias.name}" for alias in node.names}
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
    return (found & known) - {name}


def test_no_import_cycles_not_even_under_type_checking() -> None:
    modules = dict(_modules())
    graph = {name: _imports(name, path, set(modules)) for name, path in modules.items()}
    cycles: list[list[str]] = []

    def visit(name: str, trail: list[str]) -> None:
        for target in sorted(graph[name]):
            if target in trail:
                cycles.append([*trail[trail.index(target) :], target])
            elif target not in done:
                visit(target, [*trail, target])
        done.add(name)

    done: set[str] = set()
    for name in sorted(graph):
        if name not in done:
            visit(name, [name])
    assert cycles == []


def _private_names_defined(tree: ast.AST) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            names.add(node.attr)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return {n for n in names if n.startswith("_") and not n.startswith("__")}


@pytest.mark.parametrize(("name", "path"), list(_modules()), ids=lambda v: str(v))
def test_no_module_reads_another_modules_private_attributes(name: str, path: Path) -> None:
    tree = ast.parse(path.read_text())
    own = _private_names_defined(tree)
    foreign = sorted(
        f"line {node.lineno}: {ast.unparse(node)}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and node.attr.startswith("_")
        and not node.attr.startswith("__")
        and node.attr not in own
        and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"))
    )
    imported = sorted(
        f"line {node.lineno}: {alias.name} from {node.module}"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
        if alias.name.startswith("_") and node.module is not None
    )
    assert foreign + imported == []


def test_the_testing_names_mean_one_thing_across_the_library() -> None:
    ours = {n: getattr(webhooks.testing, n) for n in webhooks.testing.__all__}
    for package in (webhooks, webhooks.rest, inboundxml):
        for name in package.__all__:
            if name in ours:
                assert getattr(package, name) is ours[name], f"{package.__name__}.{name}"
