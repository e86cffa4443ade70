"""What staff want, from the first words they type: check an address, check a
contact, log an incident or a terminated call, help, cancel, start again.

Staff can also skip the command and just say what happened ('Mr Dale
shouted and swore at me at reception'): anything that describes a
behaviour from the catalogue is taken as an incident to log.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from register.matching import read_contact_question
from register.understanding.behaviours import read_behaviours
from register.vocabulary import Labelled


class Intent(Labelled):
    HELP = "help"
    CANCEL = "cancel"
    START_AGAIN = "start_again"
    CHECK = "check"
    CONTACT_CHECK = "contact_check"
    LOG_INCIDENT = "log_incident"
    TERMINATED_CALL = "terminated_call"
    FORM = "form"
    GREETING = "greeting"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Understood:
    """An intent, and the words after the command ('check 12 Mill Lane' -> '12 Mill Lane')."""

    intent: Intent
    rest: str = ""


_POSTCODE = re.compile(r"^\s*[A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2}\s*$")
# (intent, pattern); the first that matches wins. Patterns see the text with
# trailing punctuation removed; group "rest" is what follows the command.
_RULES: tuple[tuple[Intent, re.Pattern[str]], ...] = tuple(
    (intent, re.compile(pattern, re.IGNORECASE))
    for intent, pattern in (
        (Intent.HELP, r"^(?:help|\?|menu|commands|what can you do|options|how does this work)$"),
        (Intent.CANCEL, r"^(?:cancel|stop|quit|exit|abort|never ?mind|forget it|cancel that)$"),
        (Intent.START_AGAIN, r"^(?:start (?:again|over|afresh)|restart|begin again|reset|redo)$"),
        (Intent.FORM, r"^(?:(?:the |a |use the |show (?:me )?the )?form|fill in (?:a|the) form)$"),
        (Intent.GREETING, r"^(?:hi|hello|hey|hiya|good (?:morning|afternoon|evening)|morning)$"),
        (
            Intent.CONTACT_CHECK,
            r"^(?:contact(?: check)?|check contact(?: for)?)\b[:\s]*(?P<rest>.*)$",
        ),
        (
            Intent.TERMINATED_CALL,
            r"^(?:log (?:a |an )?)?(?:terminated|ended) (?:a )?call\b[:\s,]*(?P<rest>.*)$"
            r"|(?P<said>.*\b(?:(?:ended|terminated|cut short|stopped) (?:the |a |his |her |their )?"
            r"(?:phone )?call|hung up|put the phone down)\b.*)$",
        ),
        (
            Intent.LOG_INCIDENT,
            r"^(?:(?:log|report|record)\s+(?:an?\s+)?)?(?:incident|abuse)\b[:\s,-]*(?P<rest>.*)$"
            r"|^(?:log|report|record)\s+(?:that\s+)?(?P<what>.+)$",
        ),
        (
            Intent.CHECK,
            r"^(?:please\s+)?(?:check|look\s*up|lookup|search(?:\s+for)?|find)\b[:\s]*"
            r"(?P<rest>.*)$",
        ),
    )
)  # fmt: skip


def read_intent(text: str) -> Understood:
    """The intent of what was typed; UNKNOWN when nothing fits."""
    words = " ".join(text.split()).strip()
    bare = words.rstrip(".!? ")
    if read_contact_question(words) is not None:
        return Understood(Intent.CONTACT_CHECK, words)
    for intent, pattern in _RULES:
        found = pattern.match(bare)
        if found is not None:
            rest = next((g for g in found.groups() if g), "")
            return Understood(intent, rest.strip(" ,:-"))
    if _POSTCODE.match(bare):
        return Understood(Intent.CHECK, bare)
    if read_behaviours(words):
        return Understood(Intent.LOG_INCIDENT, words)
    return Understood(Intent.UNKNOWN, words)
