"""Recognising the people and properties an import names, already held or not.

A council's spreadsheet repeats a person on every row of theirs, and a
second import of the same file must not double the register. A person is
the same person when an email address and the name (or an alias) match, or
the name and postcode do: households share an email address, so an address
alone would merge two people. A property is the same when the UPRN matches, or the address and
postcode do. Entries already held (same type, subject, start date and
service) are not added again.

Existing records are never changed by an import: it adds, and says what it
left alone, because overwriting a case file from a spreadsheet would lose
what staff recorded since.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field, replace

from register.addresses import address_keys, name_key
from register.csv_columns import AppliesTo
from register.import_rows import ParsedRow
from register.ports import RegisterSession
from register.restrictions import Restriction
from register.risks import PremiseRisk
from register.subjects import Person, Property

Key = tuple[str, str]
Progress = Callable[[str, int, int], None]


def address_key(prop: Property) -> str:
    """House, street and postcode as register.addresses reads them, so '14 Mill Ln'
    and '14 Mill Lane, Little Burford' are one property; the plain words when the
    address has no house or street to go by."""
    keys = address_keys(prop.address, prop.postcode)
    if keys.house_key and keys.street_key:
        return f"{keys.house_key}|{keys.street_key}|{keys.postcode_key}"
    return " ".join(re.findall(r"[a-z0-9]+", prop.address.casefold())) + f"|{prop.postcode}"


def property_keys(prop: Property) -> list[Key]:
    keys = [("uprn", prop.uprn)] if prop.uprn else []
    return [*keys, ("address", address_key(prop))]


def person_keys(person: Person, postcode: str) -> list[Key]:
    keys = [("email", email) for email in person.emails]
    return [*keys, ("name", f"{name_key(person.name)}|{postcode}")]


def entry_key(entry: Restriction | PremiseRisk) -> Hashable:
    if isinstance(entry, Restriction):
        subject = (entry.person_id, entry.property_id)
        return ("restriction", entry.kind, *subject, entry.start, entry.service or "")
    return ("risk", entry.hazard, entry.person_id, entry.property_id, entry.recorded_on)


@dataclass(frozen=True, slots=True)
class Held:
    """What the register holds when an import starts, read once for every pass over the file."""

    people: tuple[Person, ...] = ()
    properties: tuple[Property, ...] = ()
    restrictions: tuple[Restriction, ...] = ()
    risks: tuple[PremiseRisk, ...] = ()

    @classmethod
    def read(cls, session: RegisterSession) -> Held:
        return cls(
            tuple(session.all_people()),
            tuple(session.all_properties()),
            tuple(session.all_restrictions()),
            tuple(session.all_risks()),
        )

    def matcher(self) -> Matcher:
        """A fresh matcher: each pass places the file's rows from the same starting point."""
        return Matcher(self.people, self.properties, [*self.restrictions, *self.risks])


@dataclass(slots=True)
class NewRecords:
    """What an import will add, and what it found already held."""

    properties: list[Property] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    restrictions: list[Restriction] = field(default_factory=list)
    risks: list[PremiseRisk] = field(default_factory=list)
    people_matched: int = 0
    properties_matched: int = 0
    already_held: int = 0
    warnings: list[str] = field(default_factory=list)


class Matcher:
    """Indexes of the register's people, properties and entries, grown as rows are read."""

    def __init__(
        self,
        people: Iterable[Person] = (),
        properties: Iterable[Property] = (),
        entries: Iterable[Restriction | PremiseRisk] = (),
    ) -> None:
        self._properties = {prop.id: prop for prop in properties}
        self._people = {person.id: person for person in people}
        self._held = {entry_key(entry) for entry in entries}
        self._new: set[str] = set()
        self._matched: set[str] = set()
        self._ids: dict[Key, list[str]] = {}
        self.warnings: list[str] = []
        for prop in self._properties.values():
            self._index(property_keys(prop), prop.id)
        for person in self._people.values():
            self._index(person_keys(person, self._postcode_of(person)), person.id)

    @classmethod
    def from_session(cls, session: RegisterSession) -> Matcher:
        """Read what the register holds once, rather than one query per row."""
        return Held.read(session).matcher()

    def resolve(self, rows: list[ParsedRow], progress: Progress | None = None) -> NewRecords:
        new = NewRecords()
        for done, row in enumerate(rows, start=1):
            self._resolve_row(row, new)
            if progress:
                progress("importing", done, len(rows))
        new.properties = [p for i, p in self._properties.items() if i in self._new]
        new.people = [p for i, p in self._people.items() if i in self._new]
        new.properties_matched = sum(1 for i in self._matched if i in self._properties)
        new.people_matched = sum(1 for i in self._matched if i in self._people)
        new.warnings = self.warnings
        return new

    def placed(self, row: ParsedRow) -> Restriction | PremiseRisk | None:
        """The row's entry on the person or property it is matched to (new ones are kept)."""
        prop = self._property(row.property) if row.property else None
        person = self._person(row, row.person, prop) if row.person else None
        if row.entry is None:
            return None
        if row.applies_to is AppliesTo.PERSON and person is not None:
            return replace(row.entry, person_id=person.id, property_id=None)
        if prop is not None:
            return replace(row.entry, person_id=None, property_id=prop.id)
        raise AssertionError(f"line {row.line}: entry without a subject")  # parse_row prevents it

    def subject_name(self, entry: Restriction | PremiseRisk) -> str:
        """Who or what an entry placed by this matcher is on, as a message names them."""
        if entry.person_id is not None:
            return self._people[entry.person_id].name
        prop = self._properties[entry.property_id or ""]
        return f"{prop.address}, {prop.postcode}"

    def _resolve_row(self, row: ParsedRow, new: NewRecords) -> None:
        entry = self.placed(row)
        if entry is None:
            return
        key = entry_key(entry)
        if key in self._held:
            new.already_held += 1
            return
        self._held.add(key)
        if isinstance(entry, Restriction):
            new.restrictions.append(entry)
        else:
            new.risks.append(entry)

    def _property(self, draft: Property) -> Property:
        found = self._find(property_keys(draft))
        if found is None:
            self._properties[draft.id] = draft
            self._new.add(draft.id)
            self._index(property_keys(draft), draft.id)
            return draft
        prop = self._properties[found]
        if found not in self._new:
            self._matched.add(found)
        elif draft.uprn and not prop.uprn:
            prop = replace(prop, uprn=draft.uprn)
            self._properties[found] = prop
            self._index(property_keys(prop), found)
        return prop

    def _person(self, row: ParsedRow, draft: Person, prop: Property | None) -> Person:
        found = self._find(person_keys(draft, prop.postcode if prop else ""), draft)
        if found is None:
            person = replace(draft, property_id=prop.id if prop else None)
            self._people[person.id] = person
            self._new.add(person.id)
        elif found in self._new:
            person = _merged(self._people[found], draft, prop)
            self._people[found] = person
        else:
            person = self._people[found]
            self._matched.add(found)
            if _adds_to(person, draft):
                self._note_unchanged(row, person)
            return person
        self._index(person_keys(person, self._postcode_of(person)), person.id)
        return person

    def _note_unchanged(self, row: ParsedRow, person: Person) -> None:
        self.warnings.append(
            f"line {row.line}: {person.name} is already in the register; the extra names, "
            "emails or phones on this row were not added (update the record in Forewarn)"
        )

    def _find(self, keys: list[Key], draft: Person | None = None) -> str | None:
        """The first record a key names; for people, one whose names agree with the draft."""
        for key in keys:
            for found in self._ids.get(key, ()):
                if draft is None or _same_names(self._people[found], draft):
                    return found
        return None

    def _index(self, keys: list[Key], record_id: str) -> None:
        for key in keys:
            ids = self._ids.setdefault(key, [])
            if record_id not in ids:
                ids.append(record_id)

    def _postcode_of(self, person: Person) -> str:
        prop = self._properties.get(person.property_id or "")
        return prop.postcode if prop else ""


def _same_names(person: Person, draft: Person) -> bool:
    theirs = {name_key(name) for name in (person.name, *person.aliases)}
    return bool(theirs & {name_key(name) for name in (draft.name, *draft.aliases)})


def _adds_to(person: Person, draft: Person) -> bool:
    return bool(
        set(draft.emails) - set(person.emails)
        or set(draft.phones) - set(person.phones)
        or set(draft.aliases) - set(person.aliases)
    )


def _merged(person: Person, draft: Person, prop: Property | None) -> Person:
    """A person met again later in the same file: keep every name, email and phone given."""

    def union(first: tuple[str, ...], second: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(first + second))

    aliases = union(person.aliases, draft.aliases)
    if name_key(draft.name) != name_key(person.name):
        aliases = union(aliases, (draft.name,))
    return replace(
        person,
        aliases=aliases,
        emails=union(person.emails, draft.emails),
        phones=union(person.phones, draft.phones),
        property_id=person.property_id or (prop.id if prop else None),
    )
