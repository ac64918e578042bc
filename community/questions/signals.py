"""Signals of the member area that other parts listen to (e.g. the notifications)."""

from django.dispatch import Signal

# Sent with `question` and `comment` when the asker or a moderator accepts an answer.
answer_accepted = Signal()
