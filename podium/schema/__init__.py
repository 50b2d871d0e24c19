"""The published JSON Schema of podium's JSON output (data only)."""
