"""Finding and ranking the records a query could mean, and the pick-list staff choose from.

The finder answers with indexed queries; everything it returns is scored
here the same way, so an address found by its postcode and one found by a
misspelt street compete on equal terms.
"""

from __future__ import annotations

from register.briefs import NOT_A_GUARANTEE, Candidate, NoMatch, PickList, Purpose
from register.lookup_ports import LookupSession
from register.matching import (
    Query,
    Scored,
    decide,
    fuzzy_spellings,
    score_person,
    score_property,
    street_spellings,
)
from register.subjects import Person, Property

LIST_LENGTH = 5


def resolve(
    session: LookupSession, query: Query, *, people_only: bool = False
) -> tuple[Scored | None, list[Scored]]:
    """The one clear match, if any, and every candidate worth showing."""
    scored = _people(session, query)
    if not people_only:
        scored += _properties(session, query)
    return decide(scored)


def _people(session: LookupSession, query: Query) -> list[Scored]:
    if query.email:
        people = [p for p in [session.person_by_email(query.email)] if p is not None]
        return [Scored("person", p, p.name, 100, True) for p in people]
    if not query.name:
        return []
    scored = (score_person(query.name, person) for person in session.people_like(query.name))
    return [s for s in scored if s is not None]


def _properties(session: LookupSession, query: Query) -> list[Scored]:
    address = query.address
    found: dict[str, Property] = {}
    if address.postcode:
        found.update((p.id, p) for p in session.properties_at_postcode(address.postcode))
    if address.words:
        streets = session.known_streets(street_spellings(address), fuzzy_spellings(address))
        if streets:
            on_streets = session.properties_on_streets(streets, address.number)
            found.update((p.id, p) for p in on_streets)
    if address.house_name and not address.number:
        found.update((p.id, p) for p in session.properties_called(address.house_name))
    scored = (score_property(address, prop) for prop in found.values())
    return [s for s in scored if s is not None]


def pick_list(
    session: LookupSession, query: Query, purpose: Purpose, shown: list[Scored]
) -> PickList:
    """A handful of candidates to choose from, people labelled with where they live."""
    top = shown[:LIST_LENGTH]
    candidates = tuple(
        Candidate(s.subject_type, s.record.id, _label(session, s), s.score) for s in top
    )
    return PickList(query.text, purpose, candidates, len(shown) - len(top), _prompt(query, shown))


def _label(session: LookupSession, scored: Scored) -> str:
    record = scored.record
    if isinstance(record, Person) and record.property_id:
        home = session.property(record.property_id)
        return f"{record.name}, {home.one_line}" if home else record.name
    return scored.label


def _prompt(query: Query, shown: list[Scored]) -> str:
    if len(shown) > LIST_LENGTH:
        hint = "add the house number or the postcode" if query.address.words else "add more"
        return f"{len(shown)} records match. Choose one below, or {hint} to narrow it down."
    if len(shown) == 1:
        return "Is this the one you mean? Choose it to see the precautions."
    return "Which one do you mean? Choose it to see the precautions."


def no_match(text: str, purpose: Purpose) -> NoMatch:
    what = "address or person" if purpose is Purpose.VISIT else "person"
    return NoMatch(text, f"There is no {what} matching “{text}” on the register. {NOT_A_GUARANTEE}")
