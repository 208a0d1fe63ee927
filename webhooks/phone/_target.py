"""The app under test, imported from ``MODULE:ATTRIBUTE`` and re-imported when its code changes.

Before each new call the phone asks :meth:`Target.current` for the app. When a source file of
the app's own code (the module and the project modules it imported, not installed packages) has
a newer modification time than when it was last loaded, those modules are reloaded, the
changed dependencies first and the app's module last, so the next call runs the new code.
"""

from __future__ import annotations

import importlib
import os
import sys
import sysconfig
import threading
import traceback
from pathlib import Path
from types import ModuleType
from typing import Any

from webhooks._cli import app_target

__all__ = ["Target", "TargetError"]


class TargetError(Exception):
    """The app cannot be imported or reloaded (a syntax error, a missing attribute...).

    Attributes:
        details: The traceback of the failure, for the page.
    """

    def __init__(self, message: str, details: str | None = None) -> None:
        super().__init__(message)
        self.details = details


def _installed_roots() -> tuple[str, ...]:
    roots = {sysconfig.get_paths()[name] for name in ("stdlib", "platstdlib", "purelib", "platlib")}
    return tuple(str(Path(r).resolve()) + os.sep for r in roots)


class Target:
    """An app given as an object (never reloaded) or as ``MODULE:ATTRIBUTE`` (reloaded).

    Args:
        app: The ASGI app itself, or its import string such as ``examples.ivr:app`` (a bare
            ``MODULE`` means ``MODULE:app``).

    Raises:
        TargetError: If the import string is malformed or the first import fails.
    """

    def __init__(self, app: Any) -> None:
        self._lock = threading.Lock()
        self._generation = 0
        self._mtimes: dict[str, float] = {}
        self._error: TargetError | None = None
        if isinstance(app, str):
            module_name, _, attribute = app_target(app).partition(":")
            if not module_name or not attribute:
                raise TargetError(f"expected MODULE or MODULE:ATTRIBUTE, got {app!r}")
            self.spec: str | None = app
            self._module_name = module_name
            self._attribute = attribute
            if "" not in sys.path and os.getcwd() not in sys.path:
                sys.path.insert(0, "")
            self._app: Any = self._import()
        else:
            self.spec = None
            self._module_name = self._attribute = ""
            self._app = app

    @property
    def name(self) -> str:
        """How to show the app: its import string, or its type's name."""
        return self.spec or type(self._app).__name__

    @property
    def generation(self) -> int:
        """How many times the app's code was reloaded."""
        return self._generation

    def current(self) -> Any:
        """Return the app, reloading its modules first if a source file changed.

        Raises:
            TargetError: If reloading fails; raised again until the code changes once more.
        """
        if self.spec is None:
            return self._app
        with self._lock:
            changed = [name for name, mtime in self._mtimes.items() if _mtime(name) != mtime]
            if changed:
                try:
                    self._app = self._import(changed)
                except TargetError as exc:
                    self._error = exc
                    raise
                self._error = None
                self._generation += 1
            if self._error is not None:
                raise self._error
            return self._app

    def _import(self, changed: list[str] | None = None) -> Any:
        importlib.invalidate_caches()
        try:
            if changed:
                ordered = [*sorted(set(changed) - {self._module_name}), self._module_name]
                for name in ordered:
                    module = sys.modules.get(name)
                    if module is not None:
                        importlib.reload(module)
                module = sys.modules[self._module_name]
            else:
                module = importlib.import_module(self._module_name)
        except Exception as exc:
            # Remember the broken files' times: the next edit triggers the next try.
            self._record()
            raise TargetError(
                f"cannot load {self._module_name!r}: {type(exc).__name__}: {exc}",
                traceback.format_exc(),
            ) from None
        self._record()
        try:
            return getattr(module, self._attribute)
        except AttributeError:
            raise TargetError(
                f"module {self._module_name!r} has no attribute {self._attribute!r}"
            ) from None

    def _record(self) -> None:
        """Remember the modification time of every module of the user's own code."""
        top = self._module_name.partition(".")[0]
        names = [n for n in _project_modules() if n == top or n.startswith(top + ".")]
        self._mtimes = {name: mtime for name in names if (mtime := _mtime(name))}
        self._mtimes.setdefault(self._module_name, _mtime(self._module_name) or 0.0)


def _project_modules() -> list[str]:
    installed = _installed_roots()
    names = []
    for name, module in list(sys.modules.items()):
        if not isinstance(module, ModuleType):
            continue
        file = getattr(module, "__file__", None)
        if not file or not file.endswith(".py"):
            continue
        resolved = str(Path(file).resolve())
        if not resolved.startswith(installed):
            names.append(name)
    return names


def _mtime(name: str) -> float | None:
    module = sys.modules.get(name)
    file = getattr(module, "__file__", None)
    if not file:
        return None
    try:
        return os.stat(file).st_mtime_ns / 1e9
    except OSError:
        return None
