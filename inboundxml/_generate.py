"""Files derived from the element table: the typing stub, the schema and the reference.

``python -m inboundxml generate`` rewrites them in the source checkout the package was imported
from (or under ``--out DIR``); tests fail when a committed copy differs. The schema is also
package data (``inboundxml/inboundxml.xsd``), so an installed package has it:
``python -m inboundxml schema`` prints it.
"""

from __future__ import annotations

from pathlib import Path

from ._rules import RULES
from ._values import describe_allowed, lexicon
from .schema import xsd
from .spec import ELEMENTS, PARENTS, Attr, ElementSpec, Kind, TextKind

__all__ = ["OUTPUTS", "SCHEMA_FILE", "reference", "source_root", "stub", "write_all"]

SCHEMA_FILE = "inboundxml.xsd"
"""The name of the packaged schema, beside this module."""


def source_root() -> Path | None:
    """The source checkout the package was imported from, or None for an installed package.

    A checkout is the folder holding the package and the project's ``pyproject.toml``.
    """
    root = Path(__file__).resolve().parent.parent
    if root.name in ("site-packages", "dist-packages"):
        return None
    project = root / "pyproject.toml"
    if not project.is_file() or 'name = "cpaas-toolkit"' not in project.read_text("utf-8"):
        return None
    return root


def _literal(values: list[str] | list[int]) -> str:
    return "Literal[" + ", ".join(repr(v) for v in values) + "]"


def _param_type(attr: Attr) -> str:
    if attr.kind is Kind.URL:
        return "str | Callable[..., Any]"
    if attr.kind is Kind.METHOD:
        return "Method"
    if attr.kind is Kind.BOOL:
        return "bool"
    if attr.kind is Kind.INT:
        return _literal([int(v) for v in attr.values]) if attr.values else "int"
    if attr.kind is Kind.ENUM:
        return _literal(list(lexicon(attr)))
    if attr.kind is Kind.BOOL_OR_INT:
        return "bool | int"
    return "str"


def _value_type(attr: Attr) -> str:
    if attr.kind is Kind.URL:
        return "str"
    if attr.kind is Kind.METHOD:
        return "Literal['GET', 'POST']"
    if attr.kind is Kind.ENUM:
        return _literal(list(attr.values))
    return _param_type(attr)


_STUB_HEAD = '''"""Typed signatures of the verb classes (generated from inboundxml/spec.py)."""

from collections.abc import Callable
from typing import Any, Literal

from ._element import Element

Method = Literal["GET", "POST", "get", "post"]

CLASSES: dict[str, type[Element]]
'''


def _stub_class(spec: ElementSpec) -> list[str]:
    params = ["self"]
    children = " | ".join(spec.children)
    if spec.text is not TextKind.NONE and spec.children:
        params.append(f"*content: str | {children}")
    elif spec.text is not TextKind.NONE:
        params += ["text: str" if spec.text_required else "text: str | None = None", "/"]
        if spec.attrs:
            params.append("*")
    elif spec.children:
        params.append(f"*children: {children}")
    elif spec.attrs:
        params.append("*")
    for attr in spec.attrs:
        kind = _param_type(attr)
        params.append(f"{attr.py}: {kind}" if attr.required else f"{attr.py}: {kind} | None = None")
    lines = ["", "", f"class {spec.tag}(Element):", f'    """{spec.doc}"""', ""]
    lines += ["    def __init__(", *(f"        {p}," for p in params), "    ) -> None: ..."]
    for attr in spec.attrs:
        lines += [
            "    @property",
            f"    def {attr.py}(self) -> {_value_type(attr)} | None:",
            f'        """{attr.doc}"""',
        ]
    return lines


def stub() -> str:
    """The text of ``inboundxml/verbs.pyi``."""
    lines = [_STUB_HEAD.rstrip("\n")]
    for spec in ELEMENTS.values():
        lines += _stub_class(spec)
    return "\n".join(lines) + "\n"


def reference() -> str:
    """The text of ``docs/reference.md``, the element reference."""
    out = [
        "# InboundXML element reference",
        "",
        "Generated from `inboundxml/spec.py` by `python -m inboundxml generate`; do not edit.",
        "Keywords are the Python names; the markup names are in the second column.",
    ]
    out += _rules_section()
    for spec in ELEMENTS.values():
        out += ["", f"## `{spec.tag}`", "", spec.doc, ""]
        parents = ", ".join(PARENTS[spec.tag]) or "(root)"
        out.append(f"- Parents: {parents}")
        if spec.children:
            out.append(f"- Children: {', '.join(spec.children)} (otherwise {spec.child_code})")
        if spec.text is not TextKind.NONE:
            need = "required" if spec.text_required else "optional"
            out.append(f"- Text: {spec.text.value}, {need} (missing or unusable: {spec.text_code})")
        if spec.then:
            out.append(f"- After it: {spec.then}")
        out += ["", "```python", spec.example, "```"]
        if spec.attrs:
            out += [
                "",
                "| keyword | attribute | allowed | default | code (warning) |",
                "| --- | --- | --- | --- | --- |",
            ]
            for a in spec.attrs:
                default = a.default or ("required" if a.required else "")
                out.append(
                    f"| `{a.py}` | `{a.xml}` | {describe_allowed(a)} | {default} | {a.code} |"
                )
    return "\n".join(out) + "\n"


def _rules_section() -> list[str]:
    out = [
        "",
        "## Problems: errors and warnings",
        "",
        "Every problem `check()` reports has a severity. An *error* is a problem for which the",
        "platform refuses the document; a *warning* one it reports (with its code) and reads",
        "past. `parse()` refuses both; `parse(source, strict=False)` refuses errors only and",
        "reads past warnings as the table says. `python -m inboundxml validate` exits 1 on",
        "errors (and on warnings with `--strict`). The code of each attribute, child and text",
        "rule is listed with its element below.",
        "",
        "| rule | requires | code | severity | lenient reading |",
        "| --- | --- | --- | --- | --- |",
    ]
    for rule in RULES.values():
        out.append(
            f"| {rule.name} | {rule.what} | {rule.code} | {rule.severity.value} | {rule.lenient} |"
        )
    return out


OUTPUTS = {
    "inboundxml/verbs.pyi": stub,
    f"inboundxml/{SCHEMA_FILE}": xsd,
    "schema/inboundxml.xsd": xsd,
    "docs/reference.md": reference,
}
"""Each generated file (relative to the project root) and the function writing its text."""


def write_all(root: Path) -> list[Path]:
    """Rewrite every generated file under ``root``; return the paths that changed."""
    changed = []
    for relative, make in OUTPUTS.items():
        path = root / relative
        text = make()
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed
