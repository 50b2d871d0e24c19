"""Actors and events: canonical actors from a gazetteer (kept as data), who-does-what-to-whom events
coded with PLOVER types from dependency parses of the few sentences that need it, and the actor network.

The analysers that use these modules are ``podium.analysers.actors`` and ``podium.analysers.events``.
"""
