"""The command line, run as ``python -m inboundxml`` in a subprocess."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from lxml import etree

from inboundxml import parse
from inboundxml._generate import OUTPUTS
from inboundxml.schema import xsd

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "inboundxml", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_validate_reports_file_line_severity_and_code_for_each_problem(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text('<Response>\n<Pause length="0"/>\n<Gather numDigits="x"/>\n</Response>')
    good = tmp_path / "good.xml"
    good.write_text("<Response><Say>Hi</Say></Response>")
    result = run("validate", str(good), str(bad))
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{bad}:2: warning 13910 ")
    assert lines[1].startswith(f"{bad}:3: warning 13314 ")
    assert result.returncode == 0  # warnings alone: the platform reads past them
    strict = run("validate", "--strict", str(good), str(bad))
    assert (strict.returncode, strict.stdout) == (1, result.stdout)


def test_validate_exits_1_on_errors_with_or_without_strict(tmp_path: Path) -> None:
    root = tmp_path / "root.xml"
    root.write_text("<Say>Hi</Say>")
    broken = tmp_path / "broken.xml"
    broken.write_text("<Response>\n<Say>Hi</Response>")
    for args in (("validate",), ("validate", "--strict")):
        result = run(*args, str(root), str(broken))
        assert result.returncode == 1
        lines = result.stdout.splitlines()
        assert lines[0].startswith(f"{root}:1: error 12102 ")
        assert lines[1].startswith(f"{broken}:2: error 12100 ")


def test_validate_prints_warnings_and_errors_distinctly(tmp_path: Path) -> None:
    doc = tmp_path / "doc.xml"
    doc.write_text('<Say voice="robot">Hi</Say>')
    lines = run("validate", str(doc)).stdout.splitlines()
    assert [line.split()[1] for line in lines] == ["error", "warning"]


def test_validate_of_a_missing_file_exits_2(tmp_path: Path) -> None:
    result = run("validate", str(tmp_path / "nope.xml"))
    assert result.returncode == 2
    assert "cannot read" in result.stderr


def test_fmt_prints_the_canonical_form(tmp_path: Path) -> None:
    source = tmp_path / "doc.xml"
    source.write_text(
        '<Response><Say voice="woman" loop="1">Hi</Say><Gather method="post"/></Response>'
    )
    result = run("fmt", str(source))
    assert result.returncode == 0
    doc = parse(source.read_text())
    assert result.stdout == doc.to_xml(pretty=True)
    compact = run("fmt", "--compact", str(source))
    assert compact.stdout == doc.to_xml() + "\n"
    assert 'voice="female"' in compact.stdout


def test_fmt_of_an_invalid_file_fails_with_problems(tmp_path: Path) -> None:
    source = tmp_path / "doc.xml"
    source.write_text('<Response><Pause length="0"/></Response>')
    result = run("fmt", str(source))
    assert result.returncode == 1
    assert result.stdout == ""
    assert "13910" in result.stderr


def _checkout(tmp_path: Path) -> Path:
    """A copy of the package and the project file: a source checkout outside the work tree."""
    shutil.copytree(ROOT / "inboundxml", tmp_path / "inboundxml")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_generate_in_a_checkout_is_idempotent(tmp_path: Path) -> None:
    checkout = _checkout(tmp_path)
    first = run("generate", cwd=checkout)
    assert first.returncode == 0, first.stderr
    second = run("generate", cwd=checkout)
    assert (second.returncode, second.stdout) == (0, "")
    for relative in OUTPUTS:
        assert (checkout / relative).read_text() == (ROOT / relative).read_text()


def test_generate_outside_a_checkout_refuses_and_writes_nothing(tmp_path: Path) -> None:
    # An installed package: the folder holding it is no project.
    shutil.copytree(ROOT / "inboundxml", tmp_path / "inboundxml")
    before = sorted(
        p.relative_to(tmp_path) for p in tmp_path.rglob("*") if "__pycache__" not in p.parts
    )
    result = run("generate", cwd=tmp_path)
    assert result.returncode == 2
    assert "--out DIR" in result.stderr
    assert "not a source checkout" in result.stderr
    after = sorted(
        p.relative_to(tmp_path) for p in tmp_path.rglob("*") if "__pycache__" not in p.parts
    )
    assert after == before


def test_generate_writes_under_out(tmp_path: Path) -> None:
    result = run("generate", "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    for relative in OUTPUTS:
        assert (tmp_path / "out" / relative).read_text() == (ROOT / relative).read_text()


def test_schema_prints_the_packaged_schema() -> None:
    result = run("schema")
    assert result.returncode == 0
    assert result.stdout == xsd()
    etree.XMLSchema(etree.fromstring(result.stdout.encode()))
