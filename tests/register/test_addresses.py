"""How staff type UK addresses, and the keys the register matches them on."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from register.addresses import AddressKeys, address_keys, name_key, parse_address


@pytest.mark.parametrize(
    ("typed", "number", "unit", "street", "postcode"),
    [
        ("12 Mill Lane OX1 1AY", "12", "", "mill lane", "OX1 1AY"),
        ("12 mill ln ox11ay", "12", "", "mill lane", "OX1 1AY"),
        ("OX1 1AY 12 mill lane", "12", "", "mill lane", "OX1 1AY"),
        ("Flat 3, 12 Mill Lane", "12", "3", "mill lane", ""),
        ("3/12 Mill Lane", "12", "3", "mill lane", ""),
        ("flat3 12 mill lane", "12", "3", "mill lane", ""),
        ("Ground Floor Flat, 12 Mill Lane", "12", "ground floor", "mill lane", ""),
        ("12a Mill Lane", "12a", "", "mill lane", ""),
        ("12 A Mill Lane, Oxford", "12a", "", "mill lane", ""),
        ("No. 12 Mill Lane", "12", "", "mill lane", ""),
        ("Mill Lane 12", "12", "", "mill lane", ""),
        ("12 Mill Lane Oxford", "12", "", "mill lane", ""),
        ("12 St Mary's Rd", "12", "", "saint marys road", ""),
        ("12 St Marys Road", "12", "", "saint marys road", ""),
        ("12 High St", "12", "", "high street", ""),
        ("12 High St. Oxford", "12", "", "high street", ""),
        ("4 Church St, St Ives", "4", "", "church street", ""),
        ("4 Church St St Ives", "4", "", "church street", ""),
        ("5 St Mary St", "5", "", "saint mary street", ""),
        ("9 Acacia Gdns", "9", "", "acacia gardens", ""),
        ("9 Acacia Cres", "9", "", "acacia crescent", ""),
        ("9 Acacia Ct", "9", "", "acacia court", ""),
        ("9 Acacia Pl", "9", "", "acacia place", ""),
        ("9 Acacia Sq", "9", "", "acacia square", ""),
        ("9 Acacia Terr", "9", "", "acacia terrace", ""),
        ("9 Acacia Ave", "9", "", "acacia avenue", ""),
        ("12 Stow-on-the-Wold Rd", "12", "", "stow on the wold road", ""),
    ],
)
def test_typed_addresses(typed: str, number: str, unit: str, street: str, postcode: str) -> None:
    parsed = parse_address(typed)

    assert (parsed.number, parsed.unit, parsed.street, parsed.postcode) == (
        number,
        unit,
        street,
        postcode,
    )


def test_house_names() -> None:
    assert parse_address("Rose Cottage, Mill Lane, Oxford").house_key == "rose cottage"
    assert parse_address("Rose Cottage Mill Lane").street == "mill lane"
    assert parse_address("The Old Rectory, Church Lane").house_name == "the old rectory"
    assert parse_address("Holly House").house_name == "holly house"
    assert parse_address("Mill House, 12 Mill Lane").house_key == "12"


def test_partial_postcodes() -> None:
    assert parse_address("OX1").district == "OX1"
    assert parse_address("ox1 1").district == "OX11"
    assert parse_address("12 Mill Lane OX1").district == "OX1"
    assert parse_address("Flat B2, 12 Mill Lane").district == ""


def test_the_keys_the_store_saves() -> None:
    assert address_keys("Flat 3, 12 Mill Lane, Oxford", "ox1 1ay") == AddressKeys(
        "OX11AY", "mill lane", "12 flat 3"
    )
    assert address_keys("Rose Cottage, Mill Lane", None) == AddressKeys(
        "", "mill lane", "rose cottage"
    )


def test_names() -> None:
    assert name_key("Mr Gary  Rowe") == "gary rowe"
    assert name_key("Mrs Siân O'Brien-Jones") == "sian obrien jones"


# ---- properties ---------------------------------------------------------------

STREET_NAMES = ["mill", "church", "orchard", "acacia", "high", "saint marys", "old forge"]
TYPES = {"road": ["Road", "Rd", "rd."], "lane": ["Lane", "Ln"], "gardens": ["Gardens", "Gdns"]}
TYPES |= {"crescent": ["Crescent", "Cres"], "street": ["Street", "St", "St."]}
CASES = [str.upper, str.lower, str.title, lambda s: s]


@st.composite
def typed_address(draw: st.DrawFn) -> tuple[str, AddressKeys]:
    """One address typed in one of many ways, and the keys every way should give."""
    number = str(draw(st.integers(1, 400))) + draw(st.sampled_from(["", "a", "b"]))
    flat = draw(st.sampled_from(["", "1", "2", "3b"]))
    name = draw(st.sampled_from(STREET_NAMES))
    kind = draw(st.sampled_from(sorted(TYPES)))
    outward, inward = draw(st.sampled_from([("OX1", "1AY"), ("ZZ12", "3AB"), ("B1", "2CD")]))
    typed_name = name.replace("saint ", draw(st.sampled_from(["St ", "St. ", "Saint "])))
    typed_name = typed_name.replace("marys", draw(st.sampled_from(["Mary's", "marys", "MARY'S"])))
    street = f"{typed_name} {draw(st.sampled_from(TYPES[kind]))}"
    house = draw(
        st.sampled_from([f"Flat {flat}, {number}", f"{flat}/{number}", f"flat{flat} {number}"])
    )
    house = house if flat else number
    postcode = draw(
        st.sampled_from([f"{outward} {inward}", f"{outward}{inward}", f" {outward}  {inward}"])
    )
    comma = draw(st.sampled_from([", ", " ", " , "]))
    text = draw(st.sampled_from(CASES))(f"{house}{comma}{street}{comma}{postcode}")
    expected = AddressKeys(
        f"{outward}{inward}", f"{name} {kind}", f"{number} flat {flat}" if flat else number
    )
    return text, expected


@given(typed_address())
def test_every_way_of_typing_an_address_gives_the_same_keys(case: tuple[str, AddressKeys]) -> None:
    text, expected = case
    parsed = parse_address(text)

    assert parsed.keys == expected


@given(typed_address())
def test_keys_are_a_fixed_point(case: tuple[str, AddressKeys]) -> None:
    """Parsing the keys again gives the same keys, so stored and typed forms meet."""
    keys = parse_address(case[0]).keys

    assert address_keys(f"{keys.house_key}, {keys.street_key}", keys.postcode_key) == keys


@given(st.text())
def test_name_key_is_idempotent(name: str) -> None:
    assert name_key(name_key(name)) == name_key(name)


@given(st.text(alphabet=st.characters(codec="ascii")), st.sampled_from(CASES))
def test_name_key_ignores_case_and_spacing(name: str, case: object) -> None:
    assert callable(case)
    assert name_key(case(name)) == name_key(name.lower())
    assert name_key(f"  {name}\t") == name_key(name.replace("  ", " "))


@given(st.text())
def test_anything_typed_parses_to_plain_keys(text: str) -> None:
    keys = parse_address(text).keys

    assert re.fullmatch(r"[a-z0-9 -]*", f"{keys.street_key} {keys.house_key}")
    assert re.fullmatch(r"[A-Z0-9]*", keys.postcode_key)
