"""Persuasion techniques at span level (SemEval-2020 Task 11) and the rhetoric profile of a document.

Modules, one job each: ``ptc`` (reading and writing the PTC corpus files), ``masking`` (names become a
placeholder so no decision depends on who is named), ``encoder`` (MiniLM token vectors at a chosen
depth; the shipped model uses MiniLM's embedding layer only, computed by ``embedding`` in numpy),
``features``, ``tagger`` (span identification; its GRU runs in numpy, ``gru``), ``classifier`` (technique
classification), ``detector`` (both, as shipped), ``scoring`` (the task's official-style scorers),
``crossval``, ``corpus``, ``repetition`` and ``profile``.
The analyser lives in ``podium.analysers.techniques``; the PTC command in ``ptc_cli``.
"""

#: The 14 techniques of SemEval-2020 Task 11, in the organisers' order. Never split them on commas.
TECHNIQUES: tuple[str, ...] = (
    "Appeal_to_Authority",
    "Appeal_to_fear-prejudice",
    "Bandwagon,Reductio_ad_hitlerum",
    "Black-and-White_Fallacy",
    "Causal_Oversimplification",
    "Doubt",
    "Exaggeration,Minimisation",
    "Flag-Waving",
    "Loaded_Language",
    "Name_Calling,Labeling",
    "Repetition",
    "Slogans",
    "Thought-terminating_Cliches",
    "Whataboutism,Straw_Men,Red_Herring",
)
