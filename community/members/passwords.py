"""Password rules beyond Django's (AUTH_PASSWORD_VALIDATORS), for members and staff alike.

A security run got »menschen« (from the platform's own name) and »lockme3lockme3« (one
word twice) accepted. Whoever attacks this site tries its own words first, and a word
typed twice is no harder to guess than the word once."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Besides the words of the site's name (WAGTAIL_SITE_NAME).
SITE_WORDS = [
    "bbe",
    "bundesnetzwerk",
    "bürgerschaftliches",
    "buergerschaftliches",
    "engagement",
    "patenschaft",
    "patenschaften",
    "mentoring",
    "lotsen",
    "netzwerk",
    "plattform",
    "fachkongress",
    "staerken",
    "passwort",
]
# Fewer letters than this left once the site's words are taken out: too close to them.
MIN_OWN_LETTERS = 4


def site_words():
    words = re.findall(r"\w{3,}", settings.WAGTAIL_SITE_NAME.lower())
    return sorted({*words, *SITE_WORDS}, key=len, reverse=True)


class SiteWordsValidator:
    """Refuses a password made of the site's own words, give or take digits and
    punctuation: »menschen«, »Menschen2026!«, »menschenstärkenmenschen«."""

    def validate(self, password, user=None):
        letters = password.lower()
        for word in site_words():
            letters = letters.replace(word, "")
        if len(re.sub(r"[\W\d_]", "", letters)) < MIN_OWN_LETTERS:
            raise ValidationError(
                _("This password is too close to the name of this platform."),
                code="password_site_words",
            )

    def get_help_text(self):
        return _("Your password cannot be made of the words of this platform's name.")


class RepetitionValidator:
    """Refuses a password that is one piece typed again and again: »lockme3lockme3«,
    »abcabcabc«, »xxxxxxxx«."""

    def validate(self, password, user=None):
        if re.fullmatch(r"(.+?)\1+", password, flags=re.DOTALL):
            raise ValidationError(
                _("This password repeats itself. Please do not type the same part twice."),
                code="password_repeated",
            )

    def get_help_text(self):
        return _("Your password cannot be the same part typed several times.")
