"""Exceptions of the toolkit.

The whole library shares one root, :class:`CPaaSError`. The markup errors live here; the
webhook, REST and simulation errors (in :mod:`webhooks`) derive from the same root::

    CPaaSError
    ├── InboundXMLError (also ValueError)    invalid markup: .code, .path, .problems
    ├── webhooks.WebhookError                 bad request / configuration of the app
    ├── webhooks.rest.RestError               everything the REST client raises
    │   ├── ApiError                          the platform answered with an error
    │   └── TransportError                    connection / timeout (wraps httpx)
    └── webhooks.testing.SimulationError      the simulator cannot go on
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["CPaaSError", "InboundXMLError", "Problem"]


class CPaaSError(Exception):
    """Root of every exception the toolkit raises.

    Attributes:
        code: The platform's error code for this failure, or ``None`` when it has none.
    """

    code: int | None = None


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem found in an InboundXML document.

    Attributes:
        code: The platform's error code (for example 13314 for a bad ``Gather@numDigits``;
            12200 where the platform has no dedicated code).
        path: Where it is, e.g. ``Response/Gather[0]@numDigits``.
        message: What was given and what is allowed.
        line: The line in the parsed document, or ``None`` for documents built in Python.
        severity: ``"error"`` when the platform refuses the document for it (12100 not
            well-formed, 12101 XML version, 11102 encoding, 12102 root) and ``"warning"`` when
            it reports the problem and goes on (12200 and the codes of the verbs). The lenient
            reading, ``parse(source, strict=False)``, raises on errors only. The severity of
            every rule is listed in ``docs/reference.md``.
    """

    code: int
    path: str
    message: str
    line: int | None = None
    severity: Literal["error", "warning"] = "error"

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line is not None else ""
        path = f" {self.path}:" if self.path else ""
        return f"{where}{self.code}{path} {self.message}"


class InboundXMLError(CPaaSError, ValueError):
    """Invalid InboundXML, found while building, rendering or parsing a document.

    Attributes:
        code: The platform's error code of the first problem.
        path: Where the first problem is (``Response/Gather[0]@numDigits``).
        line: Its line in the parsed document, if parsed.
        problems: Every problem found (a parsed document reports all of them at once).
    """

    def __init__(self, problems: list[Problem] | Problem) -> None:
        if isinstance(problems, Problem):
            problems = [problems]
        if not problems:
            raise TypeError("InboundXMLError needs at least one problem")
        self.problems: tuple[Problem, ...] = tuple(problems)
        first = self.problems[0]
        self.code: int = first.code
        self.path: str = first.path
        self.line: int | None = first.line
        text = str(first)
        if len(self.problems) > 1:
            text += f" (and {len(self.problems) - 1} more problem(s))"
        super().__init__(text)

    @property
    def message(self) -> str:
        """The message of the first problem, without code and path."""
        return self.problems[0].message
