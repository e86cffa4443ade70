"""The `action` names cards put in Action.Submit data, kept in one place.

Teams sends a pressed button's `data` back merged with the card's inputs;
the bot routes on `values["action"]`. Naming every action here means the
cards and the bot cannot drift apart on a spelling.
"""

from __future__ import annotations

from enum import StrEnum


class CardAction(StrEnum):
    """What a button asks the bot to do."""

    PICK = "pick"  # one match from a pick list; data carries "id"
    PICK_NONE = "pick_none"  # none of the matches is the one
    CHECK = "check"  # a pre-visit check; data carries "query" (from the help card's input)
    CONTACT_CHECK = "contact_check"  # how may we contact someone; "query" as above
    LOG_INCIDENT = "log_incident"  # open the incident form
    LOG_TERMINATED_CALL = "log_terminated_call"  # start logging a call that was ended
    INCIDENT_FORM = "incident_form"  # the incident form, filled in
    INCIDENT_CONFIRM = "incident_confirm"  # the summary is right: log it; data carries "id"
    INCIDENT_CHANGE = "incident_change"  # back to the form, prefilled; data carries "id"
    CANCEL = "cancel"  # drop what is in progress
    ACKNOWLEDGE = "acknowledge"  # a manager has seen a record; data carries "record", "id"
    OPEN_RECORD = "open_record"  # a manager wants the full record; "record", "id"
    PROPOSE_RESTRICTION = "propose_restriction"  # a manager starts a restriction; "record", "id"
    PROPOSAL_FORM = "proposal_form"  # the proposal form, filled in; "person_id", "record", "id"
    APPROVE_RESTRICTION = "approve_restriction"  # the approver says yes; data carries "id"
    REFUSE_RESTRICTION = "refuse_restriction"  # the approver says no, with "reasons"; "id"
    MARK_NEW_ISSUE = "mark_new_issue"  # a filed email raises something new; "id" (claim), "note"
    HELP = "help"
