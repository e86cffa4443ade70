"""How a contact happened (phone, face to face, home visit, email, letter,
social media, online form), from the words staff use.

The channel mentioned first wins: 'he rang reception' is a phone call and
'at reception he said he'd phone' happened face to face.
"""

from __future__ import annotations

import re

from register.vocabulary import Channel

# fmt: off
LEXICON: tuple[tuple[Channel, str], ...] = (
    (Channel.PHONE,
     r"phon\w*|rang|ringing|telephon\w*|(?:a|the|his|her|their|phone|that) call\b|calls? from"
     r"|voicemail|hung up|on the line|called (?:in|back|the office|us|me on|the contact centre)"),
    (Channel.HOME_VISIT,
     r"(?:at|to|outside) (?:his|her|their|the) (?:house|home|flat|property|door|doorstep|address)"
     r"|home visit\w*|on the doorstep|doorstep|(?:when i |on a |during a )visit\w*"
     r"|visit\w* (?:him|her|them|the (?:house|flat|property))"),
    (Channel.FACE_TO_FACE,
     r"reception|front desk|counter|in person|face[- ]to[- ]face|came (?:in|into)"
     r"|walked (?:in|into|up)|(?:at|in) the office|one[- ]stop[- ]shop|customer service centre"
     r"|in the street|in the car park|(?:at|in) the (?:meeting|library|hub|depot|surgery)"),
    (Channel.EMAIL, r"e-?mail\w*|inbox"),
    (Channel.LETTER, r"letters?\b|wrote to (?:us|me|the council)|in the post|handwritten"),
    (Channel.SOCIAL_MEDIA,
     r"facebook|twitter|tweet\w*|instagram|tiktok|snapchat|whatsapp|youtube|nextdoor"
     r"|social media|posted online|on x\b"),
    (Channel.ONLINE_FORM, r"online form|web ?form|contact form|(?:on|through) the website"),
)
# fmt: on
_PATTERNS = tuple((c, re.compile(rf"\b(?:{p})", re.IGNORECASE)) for c, p in LEXICON)


def read_channel(text: str) -> Channel | None:
    """The channel `text` names first, or None when it names none."""
    found = [(m.start(), c) for c, p in _PATTERNS if (m := p.search(text)) is not None]
    return min(found, key=lambda pair: pair[0])[1] if found else None


def named_channel(text: str) -> Channel | None:
    """A one-word answer to 'how did it happen?' ('phone', 'visit', 'in person')."""
    word = text.strip().casefold().rstrip(".!")
    shortcuts = {
        "phone": Channel.PHONE, "call": Channel.PHONE, "telephone": Channel.PHONE,
        "visit": Channel.HOME_VISIT, "home": Channel.HOME_VISIT, "home visit": Channel.HOME_VISIT,
        "face to face": Channel.FACE_TO_FACE, "in person": Channel.FACE_TO_FACE,
        "office": Channel.FACE_TO_FACE, "email": Channel.EMAIL, "e-mail": Channel.EMAIL,
        "letter": Channel.LETTER, "post": Channel.LETTER, "social media": Channel.SOCIAL_MEDIA,
        "online": Channel.ONLINE_FORM, "online form": Channel.ONLINE_FORM,
    }  # fmt: skip
    return shortcuts.get(word) or read_channel(text)
