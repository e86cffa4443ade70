"""UK addresses as people type them, reduced to keys the register can match on.

Staff type addresses on a phone outside a door: "12 mill ln ox11ay",
"Flat 3, 12 Mill Lane", "3/12 Mill Lane", "St Mary's Rd". The same parser
reads the register's stored addresses and the staff's queries, so both
sides reduce to the same keys: a compact postcode, a street with its
abbreviations written out, and a house (number or name, plus any flat).

"St" is the one abbreviation with two meanings. It is "Saint" when it
starts a street or place name ("St Mary's Road", "Mill Lane, St Albans")
and "Street" when it ends one ("High St"), which is how the Royal Mail's
own addresses use it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from register.subjects import normalise_postcode

# Street types in full, and the abbreviations people and old systems use.
# fmt: off
STREET_TYPES = frozenset({
    "street", "road", "avenue", "lane", "close", "crescent", "gardens", "court", "place",
    "square", "terrace", "drive", "grove", "park", "way", "walk", "mews", "hill", "green",
    "row", "parade", "rise", "view", "vale", "gate", "yard", "wharf", "quay", "boulevard",
    "embankment", "approach", "circus", "common", "croft", "dene", "end", "fields",
    "heights", "meadow", "meadows", "passage", "path", "promenade", "ride", "wynd", "chase",
    "glade", "hollow", "lawn", "lawns", "leys", "nook", "orchard", "paddock", "reach",
    "drove", "causeway", "broadway", "cottages", "estate", "precinct", "buildings", "mount"
})
ABBREVIATIONS = {
    "rd": "road", "ave": "avenue", "av": "avenue", "avn": "avenue", "ln": "lane",
    "cl": "close", "clo": "close", "cres": "crescent", "cresc": "crescent",
    "cr": "crescent", "gdns": "gardens", "gdn": "gardens", "gds": "gardens", "ct": "court",
    "crt": "court", "pl": "place", "sq": "square", "terr": "terrace", "ter": "terrace",
    "tce": "terrace", "dr": "drive", "drv": "drive", "gr": "grove", "gro": "grove",
    "grv": "grove", "pk": "park", "wy": "way", "wlk": "walk", "mws": "mews", "hl": "hill",
    "grn": "green", "pde": "parade", "blvd": "boulevard", "cotts": "cottages",
    "est": "estate", "cswy": "causeway", "app": "approach", "vw": "view", "yd": "yard",
    "hts": "heights", "prom": "promenade", "embk": "embankment", "bldgs": "buildings",
    "gt": "great", "lt": "little", "lwr": "lower", "upr": "upper", "upp": "upper",
    "nth": "north", "sth": "south", "mt": "mount", "ind": "industrial", "hse": "house",
    "fm": "farm", "cott": "cottage"
}
# fmt: on
UNIT_WORDS = frozenset({"flat", "apartment", "apt", "unit", "room", "suite", "maisonette"})
_FLOORS = frozenset({"ground", "first", "second", "third", "top", "basement", "lower", "upper"})
# Words that make a comma-separated part a house name rather than a street.
# fmt: off
HOUSE_WORDS = frozenset({
    "cottage", "house", "farm", "farmhouse", "lodge", "barn", "hall", "villa", "manor",
    "bungalow", "rectory", "vicarage", "grange", "chapel", "school", "annexe"
})
# fmt: on
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "mx", "prof", "sir", "dame", "rev", "lady"})

_NUMBER = re.compile(r"\d+[a-z]?(?:-\d+[a-z]?)?")
_UNIT_ID = re.compile(r"\d+[a-z]?|[a-z]\d{0,2}")
_FULL_POSTCODE = re.compile(r"[a-z]{1,2}\d[a-z\d]?\d[a-z]{2}")
_DISTRICT = re.compile(r"[a-z]{1,2}\d[a-z\d]?")
_TOKEN = re.compile(r"\d+[a-z]?/\d+[a-z]?|\d+[a-z]?-\d+[a-z]?|[a-z0-9]+")


@dataclass(frozen=True, slots=True)
class AddressKeys:
    postcode_key: str  # postcode without spaces, upper case; "" when none
    street_key: str  # street name, lower case, abbreviations expanded ("saint marys road")
    house_key: str  # "12", "12a", "12 flat 3", "rose cottage", "rose cottage flat 2"; or ""


@dataclass(frozen=True, slots=True)
class ParsedAddress:
    """An address (or a query) taken apart; every field is normalised, "" when absent."""

    postcode: str = ""  # "OX1 1AY"
    district: str = ""  # a partial postcode typed without its inward code, compact: "OX1", "OX11"
    number: str = ""  # "12", "12a", "12-14"
    unit: str = ""  # the flat: "3", "b", "ground floor"
    house_name: str = ""  # "rose cottage"
    street: str = ""  # "mill lane"
    locality: str = ""  # "oxford"
    words: tuple[str, ...] = ()  # house name, street and locality words in order

    @property
    def postcode_key(self) -> str:
        return self.postcode.replace(" ", "")

    @property
    def building(self) -> str:
        """The number if there is one, else the house name: what a visitor looks for."""
        return self.number or self.house_name

    @property
    def house_key(self) -> str:
        parts = [self.building, f"flat {self.unit}" if self.unit else ""]
        return " ".join(part for part in parts if part)

    @property
    def keys(self) -> AddressKeys:
        return AddressKeys(self.postcode_key, self.street, self.house_key)


def address_keys(address: str, postcode: str | None) -> AddressKeys:
    """The keys a property is stored under; a query parsed the same way meets them."""
    parsed = parse_address(address)
    normal = normalise_postcode(postcode or "") or parsed.postcode
    return AddressKeys(normal.replace(" ", ""), parsed.street, parsed.house_key)


def name_key(name: str) -> str:
    """'Mr Gary  O'Rowe-Smith' -> 'gary orowe smith' (titles, accents and punctuation dropped)."""
    return " ".join(word for word in _plain(name).split() if word not in _TITLES)


def normalise_street(street: str) -> str:
    """A street name as the register keys it: 'St. Mary's Rd' -> 'saint marys road'."""
    return " ".join(expand(_plain(street).split()))


def parse_address(text: str) -> ParsedAddress:
    """Take apart an address or a query: postcode, flat, number or name, street, locality."""
    segments = [_TOKEN.findall(part) for part in re.split(r"[,;\n]+", _plain(text, keep="/,;\n-"))]
    segments = [_split_joined(tokens) for tokens in segments]
    postcode = _take_postcode(segments)
    unit = _take_unit(segments)
    district = "" if postcode else _take_district(segments)
    number, at = _take_number(segments)
    house_name, street, locality = _place_words(segments, at)
    words = tuple(w for w in f"{house_name} {street} {locality}".split())
    return ParsedAddress(
        postcode=postcode,
        district=district,
        number=number,
        unit=unit,
        house_name=house_name,
        street=street,
        locality=locality,
        words=words,
    )


def _plain(text: str, keep: str = "") -> str:
    """Lower case, accents and apostrophes gone, other punctuation turned into spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_only = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    no_apostrophes = re.sub(r"['’‘`]", "", ascii_only).replace("&", " and ")
    return re.sub(rf"[^a-z0-9{re.escape(keep)}]+", " ", no_apostrophes)


def _split_joined(tokens: list[str]) -> list[str]:
    """'flat3' -> 'flat', '3'; 'no12' -> '12'; a number and a lone letter join: '12 a' -> '12a'."""
    out: list[str] = []
    for token in tokens:
        joined = re.fullmatch(r"(flat|apt|unit|no)(\d+[a-z]?)", token)
        if joined:
            out.extend(joined.groups() if joined.group(1) != "no" else joined.groups()[1:])
        elif out and len(token) == 1 and token.isalpha() and out[-1].isdigit():
            out[-1] += token
        else:
            out.append(token)
    return [t for i, t in enumerate(out) if not _is_number_word(out, i)]


def _is_number_word(tokens: list[str], i: int) -> bool:
    """'No. 12' and 'Number 12': the word only announces the number."""
    following = tokens[i + 1] if i + 1 < len(tokens) else ""
    return tokens[i] in ("no", "number") and bool(_NUMBER.fullmatch(following))


def _take_postcode(segments: list[list[str]]) -> str:
    """Remove the last full postcode, found with its space anywhere or missing."""
    found: tuple[int, int, int, str] | None = None
    for s, tokens in enumerate(segments):
        for i in range(len(tokens)):
            for j in range(i + 1, min(i + 3, len(tokens)) + 1):
                joined = "".join(tokens[i:j])
                if _FULL_POSTCODE.fullmatch(joined):
                    found = (s, i, j, joined)
    if found is None:
        return ""
    s, i, j, joined = found
    del segments[s][i:j]
    return normalise_postcode(joined) or ""


def _take_unit(segments: list[list[str]]) -> str:
    """Remove the flat: 'Flat 3', 'Apartment 2b', '3/12' (flat 3 at 12), 'Ground Floor Flat'."""
    for tokens in segments:
        for i, token in enumerate(tokens):
            if "/" in token:
                flat, building = token.split("/", 1)
                tokens[i] = building
                return flat
            if token not in UNIT_WORDS:
                continue
            following = tokens[i + 1] if i + 1 < len(tokens) else ""
            if _UNIT_ID.fullmatch(following) and not _FULL_POSTCODE.fullmatch(following):
                del tokens[i : i + 2]
                return following
            floors = _floor_words_before(tokens, i)
            del tokens[i - len(floors) : i + 1]
            return " ".join(floors)
    return ""


def _floor_words_before(tokens: list[str], i: int) -> list[str]:
    start = i
    if start >= 1 and tokens[start - 1] == "floor":
        start -= 1
    while start >= 1 and tokens[start - 1] in _FLOORS:
        start -= 1
    return tokens[start:i]


def _take_district(segments: list[list[str]]) -> str:
    """A partial postcode at the end ('... OX1', 'OX1 1') or alone: its outward code and sector."""
    tokens = next((t for t in reversed(segments) if t), [])
    if len(tokens) >= 2 and _DISTRICT.fullmatch(tokens[-2]) and re.fullmatch(r"\d", tokens[-1]):
        sector = tokens[-2] + tokens[-1]
        del tokens[-2:]
        return sector.upper()
    if tokens and _DISTRICT.fullmatch(tokens[-1]) and tokens[-1] not in ABBREVIATIONS:
        return tokens.pop().upper()
    return ""


def _take_number(segments: list[list[str]]) -> tuple[str, tuple[int, int]]:
    """Remove the first house number; returns it and where it was (segment, token)."""
    for s, tokens in enumerate(segments):
        for i, token in enumerate(tokens):
            if _NUMBER.fullmatch(token):
                del tokens[i]
                return token, (s, i)
    return "", (-1, -1)


def _place_words(segments: list[list[str]], at: tuple[int, int]) -> tuple[str, str, str]:
    """Split what is left into house name, street and locality."""
    s, i = at
    if s >= 0:
        before = [w for tokens in segments[:s] for w in tokens] + segments[s][:i]
        after = [tokens for tokens in [segments[s][i:], *segments[s + 1 :]] if tokens]
        if after:
            street, locality = _street_and_rest(after)
            return " ".join(expand(before)), street, locality
        # "Mill Lane 12": the number came last, so what went before is the street.
        segments = [before]
    parts = [tokens for tokens in segments if tokens]
    street_at = _street_part(parts)
    house = [w for tokens in parts[:street_at] for w in tokens]
    rest = parts[street_at:]
    if not house and rest:
        house, rest[0] = _split_house_name(rest[0])
    if not house and len(rest) == 1 and _is_house_name(rest[0]):
        house, rest = rest[0], []
    street, locality = _street_and_rest(rest)
    return " ".join(expand(house)), street, locality


def _is_house_name(words: list[str]) -> bool:
    """'Holly House' on its own: ends in a house word and has no street type."""
    full = expand(words)
    return full[-1] in HOUSE_WORDS and not STREET_TYPES & set(full[1:])


def _split_house_name(words: list[str]) -> tuple[list[str], list[str]]:
    """'rose cottage mill lane' typed without a comma -> 'rose cottage', 'mill lane'."""
    full = expand(words)
    for k in range(1, len(full) - 2):
        if full[k] in HOUSE_WORDS and any(w in STREET_TYPES for w in full[k + 2 :]):
            return words[: k + 1], words[k + 1 :]
    return [], words


def _street_part(parts: list[list[str]]) -> int:
    """Which comma-separated part is the street when there is no house number."""
    for n, tokens in enumerate(parts):
        if any(word in STREET_TYPES for word in expand(tokens)[1:]):
            return n
    first = expand(parts[0]) if parts else []
    return 1 if len(parts) > 1 and (HOUSE_WORDS & set(first) or first[:1] == ["the"]) else 0


def _street_and_rest(parts: list[list[str]]) -> tuple[str, str]:
    """The street ends at its last street type ('Mill Lane Oxford' -> 'mill lane', 'oxford')."""
    if not parts:
        return "", ""
    words = expand(parts[0])
    ends = [n for n, word in enumerate(words) if n >= 1 and word in STREET_TYPES]
    cut = ends[-1] + 1 if ends else len(words)
    rest = words[cut:] + [w for tokens in parts[1:] for w in expand(tokens)]
    return " ".join(words[:cut]), " ".join(rest)


def expand(words: list[str]) -> list[str]:
    """Write abbreviations out; 'st' is Saint before a name and Street after one."""
    out: list[str] = []
    for n, word in enumerate(words):
        if word == "st":
            out.append("saint" if _is_saint(out, words, n) else "street")
        else:
            out.append(ABBREVIATIONS.get(word, word))
    return out


def _is_saint(done: list[str], words: list[str], n: int) -> bool:
    has_next = n + 1 < len(words) and not words[n + 1].isdigit()
    starts_name = n == 0 or done[-1] in STREET_TYPES
    return has_next and starts_name and words[n + 1] != "st"
