"""The routing policy, as one table read from top to bottom.

In the GNU Mailman style, policy lives here and nowhere else: the first
routing rule that fires decides the action and the category; flag rules
never decide where a message goes, they only mark it (abusive language is
reported to the manager whether the message is filed or escalated). If no
routing rule fires, the default applies, and the default is to escalate:
when unsure, a person reads it.
"""

from __future__ import annotations

from dataclasses import dataclass

from mailbox.triage.model import Action, Category
from mailbox.triage.rules.base import Rule
from mailbox.triage.rules.complaint_escalation import ComplaintEscalation
from mailbox.triage.rules.discrimination import Discrimination
from mailbox.triage.rules.disparagement import Disparagement
from mailbox.triage.rules.freedom_of_information import FreedomOfInformation
from mailbox.triage.rules.handling_complaint import HandlingComplaint
from mailbox.triage.rules.harassment import Harassment
from mailbox.triage.rules.insult import Insult
from mailbox.triage.rules.new_matter import NewMatter
from mailbox.triage.rules.nothing_new import NothingNew
from mailbox.triage.rules.ombudsman import OmbudsmanReferral
from mailbox.triage.rules.points_to_quoted import PointsToQuoted
from mailbox.triage.rules.profanity import Profanity
from mailbox.triage.rules.records_request import RecordsRequest
from mailbox.triage.rules.restriction_appeal import RestrictionAppeal
from mailbox.triage.rules.safeguarding import SafeguardingConcern
from mailbox.triage.rules.self_harm import SelfHarm
from mailbox.triage.rules.subject_access import SubjectAccess
from mailbox.triage.rules.threat import Threat
from mailbox.triage.rules.tribunal_appeal import TribunalAppeal
from mailbox.triage.rules.welfare import Welfare


@dataclass(frozen=True)
class Route:
    """If `rule` fires, take `action` and record `category`."""

    rule: Rule
    action: Action
    category: Category


ROUTES: tuple[Route, ...] = (
    Route(SelfHarm(), "escalate", "safeguarding"),
    Route(SafeguardingConcern(), "escalate", "safeguarding"),
    Route(Welfare(), "escalate", "safeguarding"),
    Route(SubjectAccess(), "escalate", "statutory"),
    Route(FreedomOfInformation(), "escalate", "statutory"),
    Route(RecordsRequest(), "escalate", "statutory"),
    Route(RestrictionAppeal(), "escalate", "statutory"),
    Route(ComplaintEscalation(), "escalate", "statutory"),
    Route(OmbudsmanReferral(), "escalate", "statutory"),
    Route(TribunalAppeal(), "escalate", "statutory"),
    Route(NewMatter(), "escalate", "new_issue"),
    Route(HandlingComplaint(), "escalate", "new_issue"),
    Route(PointsToQuoted(), "escalate", "unsure"),
    Route(NothingNew(), "file", "repeat"),
)

FLAGS: tuple[Rule, ...] = (Threat(), Harassment(), Discrimination(), Disparagement(), Insult(),
                           Profanity())

DEFAULT_ACTION: Action = "escalate"
DEFAULT_CATEGORY: Category = "unsure"
