"""Word lists for fact-check matching (``podium.factchecks.lexical`` and ``features``): plain data.

``STOP_WORDS`` are left out of the BM25 index and of word overlaps: function words and the filler of
speech and of fact-check prose ("says", "claims"). Negations, numbers and number words are *not* stop
words: "did not raise taxes" and "raised taxes by 20%" must stay apart.
"""

_STOP = """
    a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just let me
    more most my myself of off on once only or other our ours ourselves out over own same she should so
    some such than that the their theirs them themselves then there these they this those through to too
    under until up very was we were what when where which while who whom why will with would you your
    yours yourself yourselves s t ll ve re d m us
    say says said saying claim claims claimed claiming stated states stating according
    know think mean really going get got gonna want well yeah okay oh folks
"""
STOP_WORDS = frozenset(_STOP.split())

_NEGATIONS = """
    not no never none nothing nobody neither nor nowhere without cannot cant dont doesnt didnt isnt arent
    wasnt werent wont wouldnt shouldnt couldnt hasnt havent hadnt n't
"""
NEGATIONS = frozenset(_NEGATIONS.split())
