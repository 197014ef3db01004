"""Wagtail's publishing signals, handed to peninsula.publishing.actions."""
