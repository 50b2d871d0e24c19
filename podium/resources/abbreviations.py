"""Abbreviations that end in a period without ending a sentence, and words that clearly start one.

Plain data for ``podium.segment``; lowercase abbreviations with their final period.
"""

ABBREVIATIONS = frozenset(
    """
    mr. mrs. ms. dr. prof. sr. jr. st. mt. ft. gen. col. lt. maj. capt. cmdr. adm. sgt. cpl. pvt.
    gov. sen. rep. rev. hon. pres. amb. sec. supt. insp. fr. br. sra. sr. mme. mlle. messrs.
    no. nos. vol. vols. p. pp. art. arts. para. paras. sec. ch. chap. fig. figs. ed. eds. op. cit.
    vs. v. etc. e.g. i.e. cf. viz. approx. ca. c. al. esp. incl. est. dept. univ. assn. inc. ltd. co.
    corp. bros. jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec. mon. tue. tues. wed. thu.
    thurs. fri. sat. sun. a.m. p.m. u.s. u.k. u.n. e.u. u.s.a. u.a.e. d.c. no. pbuh. saw. as. ibid.
    """.split()
)

SENTENCE_STARTERS = frozenset(
    """
    A An The This That These Those There Here It Its I We You He She They Our My Your His Her Their
    But And So Yet Or Nor For Because If When While Although Though Since After Before As At In On
    Of To From By With Without Today Tomorrow Yesterday Now Then Thus Therefore However Moreover
    Indeed Of Also What Why How Who Whom Whose Which Where Yes No Not Never Let Ladies Dear Thank
    Some Many Most All Every Each One Two Three Last Next First Second Third Finally Meanwhile
    Such Only Even Perhaps Maybe Certainly Undoubtedly Well Please May Can Will Would Should Must
    Do Does Did Is Are Was Were Has Have Had Nobody Nothing None Everyone Everybody Everything Someone
    Few Several Both Neither Either Whoever Whatever Instead Unfortunately Fortunately Sadly Clearly
    """.split()
)

#: Words after which a line break cannot end a sentence ("... attacked by\nKarsten's army").
CONTINUATION_WORDS = frozenset(
    """
    a an the of by to and or nor but in on for with from at as that which who whom whose our their its
    his her my your this these those than into onto upon over under between against about after before
    during without within through across is are was were be been has have had will would shall should
    can could may might must not no
    """.split()
)
