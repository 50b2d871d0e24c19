"""Audits of podium's own behaviour that users run on their own texts (``podium audit``).

``neutrality``: every document is analysed again as its name-swapped twin (a table of interchangeable
names, ``pairs``, applied both ways at once by ``swap``); ``compare`` and ``profile_diff`` find what moved,
``report`` renders it. The audit reads and analyses; it never changes an analyser.
"""
