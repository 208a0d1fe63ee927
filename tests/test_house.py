"""The house rules, for every package of the project: no import cycles (not even under
``TYPE_CHECKING``), no module reading another module's private attributes, and no public name
that means two things."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import inboundxml
import webhooks
import webhooks.rest
import webhooks.testing

TOP = [Path(webhooks.__file__).resolve().parent, Path(inboundxml.__file__).resolve().parent]
PACKAGES = sorted(init.parent for top in TOP for init in top.rglob("__init__.py"))
"""Every package of the project, subpackages included."""

PUBLIC_UNDERSCORED = {
    # lxml's element class is named ``_Element`` (its API reference and type stubs use that name
    # and there is no public alias), so annotating with it does not reach into lxml's internals.
    "etree._Element",
}
"""Attributes of other projects whose names start with an underscore but are their public API."""


def _modules() -> Iterator[tuple[str, Path]]:
    for package in PACKAGES:
        for path in sorted(package.glob("*.py")):
            parts = path.relative_to(_root_of(package)).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            yield name, path


def _root_of(package: Path) -> Path:
    """The folder that holds the top-level package of ``package``."""
    return next(top.parent for top in TOP if package == top or top in package.parents)


MODULES = dict(_modules())


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


def test_every_package_of_the_project_is_checked() -> None:
    names = {name for name, path in MODULES.items() if path.name == "__init__.py"}
    assert {"inboundxml", "webhooks", "webhooks.rest", "webhooks.rest.sip"} <= names
    assert {"webhooks.testing.simulator", "webhooks.testing.fake_platform"} <= names
    assert {"webhooks.phone"} <= names


def test_no_import_cycles_not_even_under_type_checking() -> None:
    graph = {name: _imports(name, path, set(MODULES)) for name, path in MODULES.items()}
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


@pytest.mark.parametrize(("name", "path"), list(MODULES.items()), ids=list(MODULES))
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
        and ast.unparse(node) not in PUBLIC_UNDERSCORED
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
