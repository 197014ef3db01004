"""A read-only JSON API (django-ninja) for publications, people, series and taxonomies."""

from peninsula.syndication.api.routes import api

__all__ = ["api"]
