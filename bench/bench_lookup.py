"""How fast a pre-visit look-up answers on a large fictional register.

Generates 200,000 properties and 50,000 people (fixed seed; invented street
names and towns; postcodes with a UK shape in the unused "Z" areas), loads
them with the store's bulk insert into a temporary SQLite file and a
temporary PostgreSQL database (127.0.0.1:5432, user postgres, dropped
afterwards), then runs about 2,000 look-ups of mixed kinds and prints the
p50 and p99 of the match itself (finding, scoring and deciding) and of the
whole audited look-up. It prints figures; it never asserts on them.

    .venv/bin/python -m bench.bench_lookup [--properties 200000] [--people 50000]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import psycopg
from psycopg import sql

from register.candidates import resolve
from register.lookup import look_up
from register.matching import read_query
from register.ports import Record
from register.restrictions import Officer, Restriction, RestrictionType, Status
from register.risks import PremiseRisk
from register.staff import Role, StaffMember
from register.subjects import Person, Property
from register.vocabulary import HazardType, Precaution, Severity
from store.db import sqlite_url
from store.lookup_queries import SqlLookupStore
from store.repository import SqlRegisterStore

SEED = 20251123
POSTGRES_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres"
# fmt: off
SYLLABLES = (
    "ash", "brook", "bur", "cal", "dun", "elm", "fen", "gar", "hal", "kel", "lang", "mar",
    "nor", "ock", "pen", "quar", "ros", "sel", "thorn", "wick", "wen", "yar", "bel", "cor",
    "dal", "fair", "hart", "ley", "mill", "oak", "ridge", "stan", "tal", "ver", "wood",
    "bram", "cliff",
)
TYPES = (
    "Road", "Lane", "Street", "Close", "Avenue", "Gardens", "Crescent", "Way", "Drive",
    "Court", "Place", "Terrace",
)
FIRST_NAMES = (
    "Gary", "Dana", "Lee", "Priya", "Sam", "Tom", "Wendy", "Alex", "Chris", "Jo", "Pat",
    "Kim", "Ruth", "Owen", "Ian", "Jan", "Mo", "Nina", "Raj", "Ella", "Finn", "Gail",
    "Hugh", "Iris", "Jack", "Kate", "Liam", "Maya", "Neil", "Olga", "Paul", "Rosa", "Sean",
    "Tara", "Umar", "Vera",
)
# fmt: on
AREAS = ("ZA", "ZB", "ZC", "ZD", "ZF", "ZG", "ZH", "ZJ")
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
OFFICER = Officer("Jo Bench", "Housing Services Manager")
STAFF = StaffMember("bench-staff", "Bench Officer", "Housing Officer", Role.FRONTLINE)


@dataclass(frozen=True)
class Register:
    properties: list[Property]
    people: list[Person]
    extras: list[Record]  # restrictions and risks on a few of them


def generate(n_properties: int, n_people: int, rng: random.Random) -> Register:
    """A register shaped like a large council's: streets of ~40 houses, some flats."""
    properties: list[Property] = []
    towns = [_word(rng, 2).title() for _ in range(25)]
    while len(properties) < n_properties:
        street = f"{_word(rng, 2).title()} {rng.choice(TYPES)}"
        town = rng.choice(towns)
        outward = f"{rng.choice(AREAS)}{rng.randint(1, 40)}"
        properties.extend(_street(street, town, outward, rng))
    properties = properties[:n_properties]
    surnames = [_word(rng, 2).title() for _ in range(8000)]
    people = [_person(rng, surnames, rng.choice(properties)) for _ in range(n_people)]
    return Register(properties, people, _extras(rng, properties, people))


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables))


def _street(street: str, town: str, outward: str, rng: random.Random) -> Iterator[Property]:
    inward = ""
    for number in range(1, rng.randint(10, 70)):
        if number % 15 == 1:
            inward = f"{rng.randint(1, 9)}{rng.choice(INWARD_LETTERS)}{rng.choice(INWARD_LETTERS)}"
        postcode = f"{outward} {inward}"
        if rng.random() < 0.05:
            for flat in range(1, rng.randint(2, 6)):
                yield Property(f"Flat {flat}, {number} {street}, {town}", postcode)
        else:
            yield Property(f"{number} {street}, {town}", postcode)


def _person(rng: random.Random, surnames: list[str], home: Property) -> Person:
    name = f"{rng.choice(FIRST_NAMES)} {rng.choice(surnames)}"
    aliases = (f"{name[0]}. {name.split()[1]}",) if rng.random() < 0.2 else ()
    return Person(name, aliases=aliases, property_id=home.id if rng.random() < 0.8 else None)


def _extras(rng: random.Random, properties: list[Property], people: list[Person]) -> list[Record]:
    extras: list[Record] = []
    for person in rng.sample(people, len(people) // 10):
        extras.append(
            Restriction(
                RestrictionType.HOME_VISITS_IN_PAIRS,
                person.id,
                "stage 1",
                "Benchmark reasons.",
                OFFICER,
                date(2025, 1, 6),
                status=Status.ACTIVE,
            )
        )
    for place in rng.sample(properties, len(properties) // 20):
        extras.append(
            PremiseRisk(
                HazardType.DANGEROUS_ANIMAL,
                Severity.HIGH,
                (Precaution.ANIMAL_SECURED_BEFORE_ENTRY,),
                "Jo Bench, Housing",
                date(2025, 1, 6),
                property_id=place.id,
            )
        )
    return extras


# ---- queries ------------------------------------------------------------------


def queries(register: Register, count: int, rng: random.Random) -> list[tuple[str, str, str]]:
    """(kind, text typed, id of the record meant), in a fixed mix of kinds."""
    makers: list[tuple[str, Callable[[], tuple[str, str]]]] = [
        ("address + postcode", lambda: _address(rng.choice(register.properties), True, rng)),
        ("address", lambda: _address(rng.choice(register.properties), False, rng)),
        ("typo'd street", lambda: _typo_address(rng.choice(register.properties), rng)),
        ("postcode only", lambda: _postcode(rng.choice(register.properties))),
        ("name", lambda: _name(rng.choice(register.people), rng, typo=False)),
        ("typo'd name", lambda: _name(rng.choice(register.people), rng, typo=True)),
    ]
    out = []
    for n in range(count):
        kind, make = makers[n % len(makers)]
        text, meant = make()
        out.append((kind, text, meant))
    return out


def _address(prop: Property, with_postcode: bool, rng: random.Random) -> tuple[str, str]:
    line = prop.address.split(",")[:-1] if rng.random() < 0.7 else [prop.address]
    text = ", ".join(line)
    text = text.lower() if rng.random() < 0.5 else text
    return (f"{text} {prop.postcode.replace(' ', '')}" if with_postcode else text), prop.id


def _typo_address(prop: Property, rng: random.Random) -> tuple[str, str]:
    """Two letters of the street's name swapped: 'Ashbrook Road' -> 'Ashbrook Raod'-style."""
    parts = prop.address.split(", ")
    words = parts[-2].split()
    name = words[-2]
    at = rng.randint(1, len(name) - 2)
    words[-2] = name[:at] + name[at + 1] + name[at] + name[at + 2 :]
    return ", ".join([*parts[:-2], " ".join(words)]), prop.id


def _postcode(prop: Property) -> tuple[str, str]:
    return prop.postcode.lower(), prop.id


def _name(person: Person, rng: random.Random, *, typo: bool) -> tuple[str, str]:
    name = person.name
    if typo:
        at = rng.randint(len(name.split()[0]) + 2, len(name) - 2)
        name = name[:at] + name[at + 1] + name[at] + name[at + 2 :]
    return name, person.id


# ---- databases ----------------------------------------------------------------


def temporary_postgres() -> tuple[str, Callable[[], None]]:
    name = f"forewarn_bench_{os.getpid()}"
    with psycopg.connect(POSTGRES_SERVER, autocommit=True) as connection:
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))

    def drop() -> None:
        with psycopg.connect(POSTGRES_SERVER, autocommit=True) as connection:
            statement = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
            connection.execute(statement.format(sql.Identifier(name)))

    return POSTGRES_SERVER.rsplit("/", 1)[0] + f"/{name}", drop


def run(label: str, url: str, register: Register, workload: list[tuple[str, str, str]]) -> None:
    store = SqlRegisterStore.open(url)
    try:
        started = time.perf_counter()
        store.bulk_add([*register.properties, *register.people, *register.extras, STAFF])
        loaded = time.perf_counter() - started
        lookups = SqlLookupStore(store)
        started = time.perf_counter()
        look_up(lookups, STAFF.id, "1 Warm Up Lane")  # loads the in-memory spellings once
        warmed = time.perf_counter() - started
        _report(label, loaded, warmed, *_measure(lookups, workload))
    finally:
        store.close()


def _measure(
    lookups: SqlLookupStore, workload: list[tuple[str, str, str]]
) -> tuple[dict[str, list[float]], list[float], dict[str, int]]:
    matches: dict[str, list[float]] = {}
    whole: list[float] = []
    outcomes: dict[str, int] = {}
    for kind, text, meant in workload:
        with lookups.transaction() as session:
            started = time.perf_counter()
            match, shown = resolve(session, read_query(text))
            matches.setdefault(kind, []).append(time.perf_counter() - started)
        found = "clear match" if match and match.record.id == meant else "missed"
        if found == "missed" and any(s.record.id == meant for s in shown):
            found = "among the candidates"
        outcomes[found] = outcomes.get(found, 0) + 1
        started = time.perf_counter()
        look_up(lookups, STAFF.id, text)
        whole.append(time.perf_counter() - started)
    return matches, whole, outcomes


def _report(
    label: str,
    loaded: float,
    warmed: float,
    matches: dict[str, list[float]],
    whole: list[float],
    outcomes: dict[str, int],
) -> None:
    every = [t for times in matches.values() for t in times]
    print(f"\n{label}: loaded in {loaded:.1f} s; first look-up (loads spellings) {warmed:.2f} s")
    print(f"  {'match, all kinds':<28}{_percentiles(every)}")
    for kind, times in matches.items():
        print(f"  {'match, ' + kind:<28}{_percentiles(times)}")
    print(f"  {'whole audited look-up':<28}{_percentiles(whole)}")
    print(f"  record meant: {outcomes}")


def _percentiles(times: list[float]) -> str:
    cuts = statistics.quantiles([t * 1000 for t in times], n=100)
    return f"p50 {cuts[49]:6.2f} ms   p99 {cuts[98]:6.2f} ms   (n={len(times)})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--properties", type=int, default=200_000)
    parser.add_argument("--people", type=int, default=50_000)
    parser.add_argument("--lookups", type=int, default=2_000)
    args = parser.parse_args()
    rng = random.Random(SEED)
    started = time.perf_counter()
    register = generate(args.properties, args.people, rng)
    workload = queries(register, args.lookups, rng)
    print(f"generated {len(register.properties):,} properties, {len(register.people):,} people")
    took = time.perf_counter() - started
    print(f"and {len(register.extras):,} restrictions and risks in {took:.1f} s")
    with tempfile.TemporaryDirectory() as directory:
        run("SQLite", sqlite_url(Path(directory)), register, workload)
    url, drop = temporary_postgres()
    try:
        run("PostgreSQL", url, register, workload)
    finally:
        drop()


if __name__ == "__main__":
    main()
