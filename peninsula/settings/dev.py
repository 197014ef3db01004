"""Development: Django's debug pages and template reloading."""

from .base import *  # noqa: F403

DEBUG = True
