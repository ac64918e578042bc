from django import template

from community.models import Notification

register = template.Library()


@register.simple_tag
def unread_notification_count(user):
    """How many notifications `user` has not read yet: one query per request (kept on the
    user), none for visitors."""
    if not user.is_authenticated:
        return 0
    if not hasattr(user, "_unread_notifications"):
        unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
        user._unread_notifications = unread.count()
    return user._unread_notifications
