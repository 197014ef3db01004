"""Which requests are not readers: crawlers, link previews, monitors and scripts, by their
User-Agent. A request with no User-Agent at all is no browser either."""

import re

# Crawlers and previewers name themselves; these words cover the big ones (Googlebot,
# bingbot, YandexBot, Baiduspider, Applebot, GPTBot, ClaudeBot, facebookexternalhit,
# Slackbot, Twitterbot, LinkedInBot, Discordbot, WhatsApp...) and the usual libraries.
_BOT = re.compile(
    r"bot\b|bot/|crawl|spider|slurp|scrape|fetch|preview|facebookexternalhit|"
    r"whatsapp|telegram|embedly|headless|phantomjs|lighthouse|pagespeed|"
    r"monitor|uptime|pingdom|python|curl|wget|httpclient|okhttp|go-http|java/|libwww|axios|"
    r"node-fetch|scrapy|feed|rss",
    re.I,
)


def is_bot(user_agent: str | None) -> bool:
    return not user_agent or bool(_BOT.search(user_agent))
