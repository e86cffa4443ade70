"""Phrases that say what kind of sentence this is.

A sentence with new content words is much more likely to be a new matter
when it reports something that just happened ("yesterday", "this morning",
"there is now a second one") or asks for something ("can I have", "I would
like to apply"). A threat to go to the press or a solicitor is a legitimate
step and raises no matter for the council to consider.
"""

from __future__ import annotations

import re

RECENT_EVENT = re.compile(
    r"\b(yesterday|today|tonight|this (morning|afternoon|evening|week)|last (night|week|weekend"
    r"|(mon|tues|wednes|thurs|fri|satur|sun)day)|on (the )?(mon|tues|wednes|thurs|fri|satur|sun)"
    r"day(?!s)|(mon|tues|wednes|thurs|fri|satur|sun)day (night|morning|evening|afternoon)(?!s)"
    r"|(\w+) (days?|weeks?) ago|(has|have|is|are) now\b|now (there is|there's|there are|has|have)"
    r"|another\b|a (second|third|further|fresh)\b|has (just|now) (been|started|happened)"
    r"|since (then|last)|over the weekend|at the weekend"
    r"|(came|turned up|called) (out|about (the|my|our|her|his|\w+'s)|to (look|see|check"
    r"|measure|inspect|assess|fix))\b"
    r"|(has|have|had|'s|'ve) (just )?(started|begun|taken to)\b|(has|have) started (\w+ing)"
    r"|needed (\d+ |some |a few )?stitches|(taken|rushed|went|go) to (a&e|a and e|hospital)"
    r"|an ambulance|walk-in centre|minor injuries)",
    re.I,
)

REQUEST = re.compile(
    r"\b(can (i|we|you|someone|somebody) (have|get|please|arrange|send|come|apply|book|tell)"
    r"|could (i|we|you|someone|somebody)|please (can|could|would|arrange|provide|send|correct"
    r"|replace|repair|fix|remove|investigate|ask|contact|confirm|treat|register|book|cancel"
    r"|refund|add|change|update|let|advise|look|come)|(i|we)('d| would) like to (apply|request"
    r"|report|book|register|claim|make|order|ask)|(i|we) (wish|want|need) to (apply|report"
    r"|claim|request|register|make|book|order)|i am (asking|applying|reporting|requesting|writing"
    r" to (report|ask|request|apply))|i('m| am) reporting|i need (someone|somebody|a|an)\b"
    r"|what do (i|we) need|how (do|can|would|should) (i|we) (apply|get|claim|report|go about)"
    r"|can i ask (why|whether|if|what|how|when|who)|is it possible|is there (a|an|any)\b"
    r"|(am|are) (i|we) (entitled|eligible|allowed|able)|do (i|we) qualify|could you (tell|let)"
    r"|(please|pls) help|where am i (meant|supposed) to|what (do|should|can|must) (i|we) do"
    r"|what (am i|are we) (meant|supposed) to do|who (do|should|can) (i|we) (contact|speak to"
    r"|ask)|would you (please|kindly)|kindly"
    r"|(please|can you|could you) (note|add|amend|update|change)|i need (help|advice)"
    r"|is there (anything|anyone|anybody|someone|somebody|something|any way|a way)\b"
    r"|(is|are) (he|she|they|we|i|it|people|neighbours) (allowed|permitted) to\b"
    r"|^(can|could|may|do|should|will|am|must) (i|we)\b[^?]*\?|\b(what|which) \w+ do (i|we) need"
    r"|i('d| would) like (a|an|the"
    r"|someone|somebody)\b|i request\b|i want to (claim|apply|report))",
    re.I,
)

ESCALATION_THREAT = re.compile(
    r"\b((going|go|take|taking|took|report|reporting|write|writing|speak|speaking|contact"
    r"|contacting) (this |it |you )?(further |up )?to (the |my |our |a )?(press|papers?|newspapers?"
    r"|media|solicitors?|lawyers?|mp|councillors?|ombudsman|court|tribunal|bbc|tv|telly)"
    r"|legal action|see you in court|my solicitor|the press|my mp\b|taking (this|it) further"
    # Reporting the council to a regulator or a paper, or going to law: the customer's right.
    r"|(report|reporting|reported) (\w+ ){1,4}to (the )?(\w+ )?(commission|regulator|watchdog"
    r"|ombudsman|press|papers?|newspapers?|media|police|mail|times|guardian|telegraph|echo|bbc)"
    r"|(issue|issuing|start|starting|begin|commence|bring|bringing) (legal |court )?proceedings"
    r"|(referring|refer|referred) (this|it|the matter|my complaint) to"
    r"|offered (the|my) story|(?-i:\b(MP|MSP|MLA)\b)"
    # Going public online is the same lawful step as going to the papers.
    r"|(put|putting|posted|posting|post|shared|sharing|share|uploaded|uploading) (\w+ ){0,4}?"
    r"(up )?(on|to|onto) (tiktok|facebook|twitter|instagram|youtube|social media|online"
    r"|the internet|my (page|channel|followers))\b|go(ne|ing)? viral)",
    re.I,
)

# A change in the customer's life that can change what the council owes them.
CIRCUMSTANCE = re.compile(
    r"\b(diagnos\w+|passed away|died|bereave\w*|funeral|lost (my|her|his|our|their) (job|work"
    r"|husband|wife|mum|mother|dad|father|son|daughter|partner|home|tenancy|house)"
    r"|made redundant|redundan\w+|unemployed|(been|was|got) (sacked|dismissed|evicted)"
    r"|pregnan\w+|expecting a baby|baby (is )?due|moved (in|out|house|home|into|to|away)"
    r"|mov(e|ing) (in|out|house|home|into|permanently)|new address|change of address"
    r"|(discharged|admitted) (from |to |into )?(the )?hospital|(had|having|need)"
    r" (an|my|her|his) (operation|surgery|stroke|heart attack|fall)|(had|has had) a fall|\bfell\b"
    r"|(am|is) now (a |her |his |my )?(full-time )?carer|care home|wheelchair|housebound"
    r"|section 21|notice to quit|eviction|separated|divorc\w+|new (baby|partner|job)"
    r"|(has|have|had) got (much |a lot )?worse|deteriorat\w+|no longer (able|manage|cope)"
    r"|not coping|can no longer"
    # Where and with whom the customer now lives: "now I live with my children at ...".
    r"|(now|currently) (i|we) (live|stay|am living|are living|am staying|are staying)"
    r"|(i|we) (now|currently) (live|stay)"
    r"|(i|we)( now)? (am|are|'m|'re) (now )?(living|staying) (with|at)"
    r"|(i|we) (have )?(left|split from|split up with) (my|our) (husband|wife|partner|boyfriend"
    r"|girlfriend))\b",
    re.I,
)

# How long the customer has lived, rented or paid somewhere: biography, not an event, however
# it is tensed ("I have now been a resident of this avenue for thirty-eight years").
TENURE = re.compile(
    r"\b(been|lived|living|rented|renting|paid|paying) (\w+ ){0,6}?(for (over |more than |nearly"
    r" |almost )?(\w+[- ])?\w+ years|since (19|20)\d\d|all my life)\b", re.I)

# Contact with the council itself is correspondence, not an incident to handle.
CONTACT_EVENT = re.compile(
    r"\b(telephoned|phoned|rang|called|emailed|e-mailed|wrote to|spoke to|came in to|visited)"
    r" (you|your|the) ?(office|council|department|team|staff|helpline|number|reception)?\b"
    r"|\b(had|attended|went to) (a|the|my|our) (\w+ )?(meeting|review|appointment) with"
    r" (the|your|a|my) \w+",
    re.I,
)

# Talk of correspondence: a day named here dates a letter or a call, not an incident.
CORRESPONDENCE = re.compile(
    r"\b(letters?|e-?mails?|emailed|repl(y|ied)|response|responded|phoned|rang|called|calls?"
    r"|wrote|written|messages?|voicemail|spoke|spoken|heard (back|from))\b",
    re.I,
)

# The customer turns to another matter: "also", "something else", "while I'm writing".
TURN = re.compile(
    r"^(also|and also|plus|in addition|separately|on (a|another) (separate |different )?(matter"
    r"|note|subject)|another thing|one more thing)\b|\b(something else|a (separate|different)"
    r" (matter|problem|issue)|while i'?m (at it|writing|here)|while i have you)\b",
    re.I,
)

# Something has just broken, failed or appeared: the shape of a repair or incident report.
DEFECT = re.compile(
    r"\b(has|have|had|is|are|'s|'ve) (just |now |completely )?(broken|broke|jammed|stuck|collapsed"
    r"|cracked|burst|flooded|fallen|blocked|overflowing|stopped working|failed|smashed|come off"
    r"|packed (in|up)|conked out|given up"
    r"|been (cancelled|stopped|withdrawn|suspended)"
    r"|come down|caved in|appeared|gone missing|been stolen|been dumped|been damaged|been left)\b"
    # Something provided has been taken away: "section F has lost the therapy", "been cut".
    r"|\b(has|have|had|'s|'ve) (just |now |quietly )?(been )?(lost|dropped|removed|cut|taken out"
    r"|left out|omitted|deleted|taken away|withdrawn|reduced)\b"
    r"(?! (all |my |our |any |the )?(faith|trust|confidence|patience|count|track|hope|sleep"
    r"|interest|touch|the will|weight))"
    r"|\b(not|isn'?t|aren'?t|hasn'?t|haven'?t) (been )?working\b"
    # A structure giving way, in any tense: "the headstone is leaning since the ground sank".
    r"|\b(is|are|'s|'re|was|were) (now |still |badly |really )?(leaning|sinking|subsiding|tilting"
    r"|sagging|rotting|crumbling|bowing|buckling|coming away|pulling away|falling (in|off"
    r"|over))\b|\b(sank|sunk|subsided|gave way|has given way|keeled over|toppled)\b"
    r"|\bstopped (coming|turning up|arriving|running|calling)\b"
    # A fault in work just done: "they fitted the fan but it's on the wrong side and so loud".
    # "Fixed it but it's still leaking" is the old fault, not a new one.
    r"|\b(fitted|installed|put in|put up|replaced|repaired|fixed|mended|laid|built|finished"
    r"|delivered|came and \w+)\b[^.;]{0,60}\bbut (it|they|the \w+|this|that)('s|’s| is| are|'re"
    r"|’re| was| were)? (now )?((on |in |at )?the wrong|wrong|too (loud|noisy|small|big|low|high"
    r"|short|narrow|steep|hot|cold)|so (loud|noisy|small|low|high)|not (working|connected"
    r"|fitted|sealed|finished|level|straight|safe|secure)|crooked|loose|wonky|leaking|leaks"
    r"|rattl\w+|noisy|loud|dangerous|unsafe|broken|cracked|faulty|useless)\b",
    re.I,
)
