"""Syndication and discovery: feeds, podcasts, calendars, sitemaps, page metadata, the API."""
