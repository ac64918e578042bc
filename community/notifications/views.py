"""A member's notifications: the list on the site (newest first, unread marked), marking
them read, the choice per kind how to hear of them by e-mail, and the one-click
unsubscribe link of the e-mails (signed, so it works without logging in)."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from community.access import is_member
from community.models import Frequency, NotificationKind, NotificationSetting
from community.notifications.emails import read_unsubscribe_token
from community.notifications.forms import NotificationSettingsForm
from community.notifications.notify import still_visible
from community.templatetags.notification_tags import unread_notification_count
from home.pagination import page_of

PER_PAGE = 20


@never_cache
@login_required
def notification_list(request):
    """The user's own notifications; those about something they may no longer see (hidden,
    unpublished, deleted) are listed without title and link."""
    page = page_of(request.user.notifications.all(), request.GET.get("page", 1), PER_PAGE)
    items = list(page.object_list)
    visible = still_visible(items, is_member(request.user))
    for notification in items:
        notification.is_available = notification.pk in visible
    return render(
        request,
        "community/notifications/list.html",
        {
            "page_obj": page,
            "notifications": items,
            "unread": unread_notification_count(request.user),
        },
    )


@require_POST
@login_required
def mark_read(request):
    request.user.notifications.filter(read_at__isnull=True).update(read_at=timezone.now())
    messages.success(request, _("All notifications are marked as read."))
    return redirect("community:notifications")


@never_cache
@login_required
def notification_settings(request):
    form = NotificationSettingsForm(
        request.user, request.POST if request.method == "POST" else None
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your notification settings have been saved."))
        return redirect("community:notification_settings")
    return render(request, "community/notifications/settings.html", {"form": form})


@csrf_exempt  # the signed token protects it; mail programmes post without a CSRF token
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET asks to confirm, POST ends the e-mails of the token's kinds (also the one-click
    POST of mail programmes, RFC 8058)."""
    try:
        user_pk, kinds = read_unsubscribe_token(token)
    except signing.BadSignature as error:
        raise Http404 from error
    user = get_object_or_404(get_user_model(), pk=user_pk)
    done = request.method == "POST"
    if done:
        for kind in kinds:
            NotificationSetting.objects.update_or_create(
                user=user, kind=kind, defaults={"frequency": Frequency.NEVER}
            )
    return render(
        request,
        "community/notifications/unsubscribe.html",
        {"kinds": [capfirst(NotificationKind(kind).label) for kind in kinds], "done": done},
    )
