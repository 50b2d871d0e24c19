"""Check-worthiness: a calibrated probability, per sentence, that a fact-checker would check it.

``model.CheckworthyModel`` loads the committed artifact and scores sentences in document order;
``features`` builds the name-neutral representation; ``data`` reads the public training sets and groups
near-duplicate debates; ``trees`` evaluates the boosted-tree part with numpy; ``metrics`` holds the
CheckThat! ranking metrics and the calibration error.
The podium analyser and CLI that use the model live elsewhere.
"""
