"""Readers for other platforms' exports, each on the base in `base.py`."""
