"""The words the policies use, as closed vocabularies.

Each enum's values are the stable keys kept in the store, CSV files and
presets; `label` gives the words staff see. The catalogue is the union of
what the five councils' policies name (see README, "Policies").
"""

from __future__ import annotations

from enum import StrEnum


class Labelled(StrEnum):
    """A StrEnum whose members read well in a sentence."""

    @property
    def label(self) -> str:
        return _LABELS.get(self.value, self.value.replace("_", " "))


class Channel(Labelled):
    PHONE = "phone"
    EMAIL = "email"
    LETTER = "letter"
    FACE_TO_FACE = "face_to_face"
    SOCIAL_MEDIA = "social_media"
    ONLINE_FORM = "online_form"
    HOME_VISIT = "home_visit"


class Behaviour(Labelled):
    """Behaviours named across the policies, for incident logging."""

    THREATS = "threats"
    VERBAL_ABUSE = "verbal_abuse"
    OFFENSIVE_LANGUAGE = "offensive_language"
    DISCRIMINATORY_LANGUAGE = "discriminatory_language"
    SHOUTING = "shouting"
    PHYSICAL_INTIMIDATION = "physical_intimidation"
    VIOLENCE = "violence"
    DAMAGE_TO_PROPERTY = "damage_to_property"
    HARASSMENT = "harassment"
    FIXATION_ON_STAFF = "fixation_on_staff"
    COVERT_RECORDING = "covert_recording"
    FALSIFIED_DOCUMENTS = "falsified_documents"
    EXCESSIVE_CONTACT = "excessive_contact"
    DEMANDING_IMMEDIATE_RESPONSE = "demanding_immediate_response"
    INSISTING_ON_SPECIFIC_OFFICER = "insisting_on_specific_officer"
    SCATTER_GUN_CONTACT = "scatter_gun_contact"
    CHANGING_BASIS_OF_COMPLAINT = "changing_basis_of_complaint"
    REFUSING_TO_ACCEPT_DECISION = "refusing_to_accept_decision"
    GROUNDLESS_COMPLAINTS_ABOUT_STAFF = "groundless_complaints_about_staff"
    SELF_HARM_THREATS = "self_harm_threats"
    INTIMIDATING_COMMUNICATION = "intimidating_communication"
    SOCIAL_MEDIA_ABUSE = "social_media_abuse"

    @property
    def is_safety_related(self) -> bool:
        """Behaviours after which the bot asks about police, injuries and witnesses."""
        return self in _SAFETY_BEHAVIOURS


_SAFETY_BEHAVIOURS = frozenset(
    {
        Behaviour.THREATS,
        Behaviour.PHYSICAL_INTIMIDATION,
        Behaviour.VIOLENCE,
        Behaviour.DAMAGE_TO_PROPERTY,
        Behaviour.HARASSMENT,
    }
)


class HazardType(Labelled):
    """Premise risks, from the West Oxfordshire policy's list."""

    DANGEROUS_ANIMAL = "dangerous_animal"
    VIOLENT_HOUSEHOLD_MEMBER = "violent_household_member"
    VIOLENT_NEIGHBOUR = "violent_neighbour"
    SEXUAL_OFFENDER = "sexual_offender"
    HAZARDOUS_SUBSTANCES_OR_SQUALOR = "hazardous_substances_or_squalor"
    UNSAFE_STRUCTURE = "unsafe_structure"
    WEAPONS = "weapons"
    MENTAL_HEALTH = "mental_health"
    SUBSTANCE_ABUSE = "substance_abuse"
    ENVIRONMENTAL_HAZARD = "environmental_hazard"
    VIOLENCE_TO_STAFF = "violence_to_staff"


class Precaution(Labelled):
    """What staff must do when they attend; shown to frontline staff before a visit."""

    VISIT_IN_PAIRS = "visit_in_pairs"
    DO_NOT_ENTER = "do_not_enter"
    POLICE_ESCORT = "police_escort"
    NO_LONE_VISITS_AFTER_DARK = "no_lone_visits_after_dark"
    NO_HOME_VISITS = "no_home_visits"
    ANIMAL_SECURED_BEFORE_ENTRY = "animal_secured_before_entry"
    PROTECTIVE_EQUIPMENT = "protective_equipment"
    RISK_ASSESSMENT_BEFORE_VISIT = "risk_assessment_before_visit"
    CALL_AHEAD = "call_ahead"
    MEET_AT_COUNCIL_PREMISES = "meet_at_council_premises"


class Severity(Labelled):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"

    @property
    def rank(self) -> int:
        return {"low": 1, "medium": 2, "high": 3}[self.value]


_LABELS: dict[str, str] = {
    "phone": "telephone",
    "face_to_face": "face to face",
    "online_form": "online form",
    "home_visit": "home visit",
    "dangerous_animal": "dangerous animal (e.g. dog)",
    "hazardous_substances_or_squalor": "hazardous substances or severe squalor",
    "visit_in_pairs": "visit in pairs",
    "do_not_enter": "do not enter the property",
    "police_escort": "police escort required",
    "no_lone_visits_after_dark": "no lone visits after dark",
    "no_home_visits": "no home visits",
    "animal_secured_before_entry": "ask for the animal to be secured before entry",
    "risk_assessment_before_visit": "risk assessment before any visit",
    "meet_at_council_premises": "meet only at council premises",
    "self_harm_threats": "threats of self-harm to force action",
    "groundless_complaints_about_staff": "groundless complaints about staff",
}
