"""The member area's admin: each sub-package registers its own in its wagtail_hooks.py
(Wagtail looks for this module of the app only)."""

from community.comments import wagtail_hooks as comments_hooks
from community.groups import wagtail_hooks as groups_hooks
from community.members import wagtail_hooks as members_hooks
from community.privacy import wagtail_hooks as privacy_hooks
from community.questions import wagtail_hooks as questions_hooks

__all__ = ["comments_hooks", "groups_hooks", "members_hooks", "privacy_hooks", "questions_hooks"]
