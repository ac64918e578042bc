"""Embeds for editors: YouTube and Vimeo only, YouTube through its privacy-enhanced host
(no cookies until the visitor plays the video)."""

from wagtail.embeds.finders.oembed import OEmbedFinder

YOUTUBE_EMBED = "https://www.youtube.com/embed/"
YOUTUBE_NOCOOKIE_EMBED = "https://www.youtube-nocookie.com/embed/"


def youtube_nocookie(html):
    return html.replace(YOUTUBE_EMBED, YOUTUBE_NOCOOKIE_EMBED)


class PrivacyEnhancedOEmbedFinder(OEmbedFinder):
    def find_embed(self, url, max_width=None, max_height=None):
        embed = super().find_embed(url, max_width, max_height)
        embed["html"] = youtube_nocookie(embed.get("html") or "")
        return embed
