"""Behaviour code can be written against bot.commands without pulling in botbuilder.

botbuilder-python is archived; the move to the Microsoft 365 Agents SDK
should only touch the connector side of bot/, never the conversations.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_command_types_do_not_import_botbuilder() -> None:
    probe = (
        "import sys, bot.commands; "
        "leaked = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('botbuilder', 'botframework', 'aiohttp')); "
        "print(leaked); sys.exit(1 if leaked else 0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
