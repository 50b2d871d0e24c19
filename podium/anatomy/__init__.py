"""Claim anatomy: the parts of a claim (quantities, times, attributions, hedges, citations, claim type).

Grammars and normalisers over sentence text, one short module each; ``shared`` runs them once per document
and caches the results. The analysers in ``podium.analysers`` turn the results into span layers, and
``podium.claims`` links them to the claim they belong to. Nothing here loads a model.
"""
