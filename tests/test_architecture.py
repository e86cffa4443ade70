"""The shape of the code, checked: import direction, SDK boundaries, lint and types.

STYLE.md: `bot`, `mailbox`, `store` and `cards` depend on `register`, never
the reverse; botbuilder lives only in bot/, exchangelib only in the EWS
backend; ruff is clean everywhere and mypy strict on the core. Nothing here
may reach outside the repository (a council's clone has no ../shared).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("register", "bot", "cards", "mailbox", "store")
SDKS = ("botbuilder", "exchangelib", "sqlmodel", "sqlalchemy", "aiohttp", "apscheduler", "alembic")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def _python_files(*folders: str) -> list[Path]:
    return [p for folder in folders for p in (ROOT / folder).rglob("*.py")]


def test_core_imports_no_adapter_and_no_sdk() -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted(_imports(path) & {*PACKAGES[1:], *SDKS})
        for path in _python_files("register")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_cards_are_pure() -> None:
    offenders = [
        str(p.relative_to(ROOT)) for p in _python_files("cards") if _imports(p) & {*SDKS, "bot"}
    ]
    assert offenders == []


def test_botbuilder_only_in_bot() -> None:
    offenders = [
        str(p.relative_to(ROOT))
        for p in [
            *_python_files("register", "cards", "mailbox", "store"),
            ROOT / "app.py",
            ROOT / "settings.py",
        ]
        if "botbuilder" in _imports(p) or "botframework" in _imports(p)
    ]
    assert offenders == []


def test_exchangelib_only_in_ews_backend() -> None:
    offenders = [
        str(p.relative_to(ROOT))
        for p in [*_python_files(*PACKAGES), ROOT / "app.py"]
        if "exchangelib" in _imports(p) and "ews" not in p.name
    ]
    assert offenders == []


def test_nothing_reads_the_shared_folder() -> None:
    hits = [
        str(p.relative_to(ROOT))
        for p in [*_python_files(*PACKAGES, "tests", "bench"), ROOT / "app.py"]
        if p != Path(__file__).resolve() and "../shared" in p.read_text(encoding="utf-8")
    ]
    assert hits == []


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


@pytest.mark.slow
def test_ruff_is_clean() -> None:
    result = _run(sys.executable, "-m", "ruff", "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_mypy_strict_on_core() -> None:
    result = _run(sys.executable, "-m", "mypy")
    assert result.returncode == 0, result.stdout + result.stderr
