"""English function words, in one place for the technique rules (plain lists, no model).

``CORE``: articles, conjunctions, prepositions, pronouns, auxiliaries and modals; a repeated phrase made only
of these is not a repetition worth reporting (``repetition``). ``FUNCTION_WORDS``: ``CORE`` and the other
closed-class words (quantifiers, adverbs such as "just" or "even", contractions); a span made only of these
is never a technique on its own (``decoding``).
"""

from __future__ import annotations

_CORE = """
    a an and are as at be been but by can could did do does for from had has have he her here his i if
    in is it its may might must my no not of on or our shall she should so than that the their then
    there these they this those to was we were will with would you your
"""
_MORE = """
    about above across after again against all along already also although am among another any aren't
    around because before being below between both can't didn't doesn't doing don't done down during
    each either else even ever every few having he's hers herself him himself how i'm i've into isn't
    it's itself just least less many me mine more most much myself n't neither never nor off one only
    onto other ought ours ourselves out over own same she's since some still such that's theirs them
    themselves there's they're they've though through too toward towards under unless until up upon us
    very wasn't we're we've weren't what whatever when where whereas which while who whoever whom whose
    why within without won't yet you're yours yourself yourselves
"""
CORE = frozenset(_CORE.split())
FUNCTION_WORDS = CORE | frozenset(_MORE.split())
