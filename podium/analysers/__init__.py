"""Built-in analysers. Each registers under the ``podium.analysers`` entry-point group in pyproject.toml."""
