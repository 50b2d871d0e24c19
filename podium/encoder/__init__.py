"""One shallow MiniLM encoder whose hidden states every learnt head reads (issue 18, first phase).

A document's sentences are name-masked by the one rule (``podium.masking`` through
``podium.techniques.masking``), cut into word pieces once (``pieces``) and encoded once by the embedding
layer and the first ``k`` transformer layers of all-MiniLM-L6-v2 (``network``; base weights from the pinned
package, only the fine-tuned layers and heads are ours). ``checkworthy`` is the check-worthiness head over
the pooled sentence states and their neighbours. ``training`` fine-tunes the encoder with a head and
``crossval`` compares it, in the current model's debate folds, with the shipped model and plain
baselines (``frozen``: frozen mean-pooled MiniLM sentence vectors). Training-time modules need
scikit-learn; none of them downloads anything.
"""
