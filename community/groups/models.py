"""Working groups (Arbeitsgruppen): a few carriers, the BBE team and perhaps a representative
of the ministry work on one question for a while. Who may know of a group, read it or
moderate it is decided in community/groups/access.py alone."""

from django import forms
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_comments_xtd.models import XtdComment
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from home.models.pages import german_slug


class Visibility(models.TextChoices):
    PUBLIC = "public", _("public")
    CLOSED = "closed", _("closed")
    SECRET = "secret", _("secret")


class Joining(models.TextChoices):
    OPEN = "open", _("open")
    REQUEST = "request", _("on request")
    INVITATION = "invitation", _("by invitation only")


class WorkingGroup(ClusterableModel):
    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(
        _("web address"),
        max_length=120,
        unique=True,
        blank=True,
        help_text=_("Made from the name when empty."),
    )
    purpose = models.TextField(
        _("purpose"),
        max_length=600,
        help_text=_("What the group works on, in two or three sentences."),
    )
    topics = ParentalManyToManyField(
        "library.Topic", verbose_name=_("topics"), blank=True, related_name="working_groups"
    )
    ends_on = models.DateField(_("planned end"), null=True, blank=True)
    visibility = models.CharField(
        _("visibility"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.CLOSED,
        help_text=_(
            "Public: everyone sees the group and its purpose, members of the network its "
            "content. Closed: members of the network see the group, only its members its "
            "content. Secret: only its members know the group."
        ),
    )
    joining = models.CharField(
        _("joining"),
        max_length=10,
        choices=Joining.choices,
        default=Joining.REQUEST,
        help_text=_(
            "Open: every member of the network may join. On request: the group's moderators "
            "accept or decline. By invitation only: the moderators invite people."
        ),
    )
    archived_at = models.DateTimeField(
        _("archived"),
        null=True,
        blank=True,
        help_text=_("A finished group is read-only; its members still find its content."),
    )
    created_at = models.DateTimeField(_("created on"), auto_now_add=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("purpose"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("visibility", widget=forms.RadioSelect),
        FieldPanel("joining", widget=forms.RadioSelect),
        FieldRowPanel([FieldPanel("ends_on"), FieldPanel("archived_at")]),
        MultiFieldPanel(
            [InlinePanel("memberships", label=_("member"))], heading=_("Members and roles")
        ),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")

    def __str__(self):
        return self.name

    def full_clean(self, *args, **kwargs):
        self.slug = german_slug(self.slug or self.name)
        super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        self.slug = german_slug(self.slug or self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("community:group", args=[self.slug])

    @property
    def is_archived(self):
        return self.archived_at is not None


class GroupMembership(models.Model):
    class Role(models.TextChoices):
        MEMBER = "member", _("member")
        MODERATOR = "moderator", _("group moderator")

    class State(models.TextChoices):
        ACTIVE = "active", _("member")
        REQUESTED = "requested", _("asked to join")
        INVITED = "invited", _("invited")

    group = ParentalKey(WorkingGroup, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="group_memberships",
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.ACTIVE)
    message = models.TextField(_("message"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    panels = [FieldRowPanel([FieldPanel("user"), FieldPanel("role"), FieldPanel("state")])]

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["group", "user"], name="one_membership_per_group")
        ]
        verbose_name = _("group membership")
        verbose_name_plural = _("group memberships")

    def __str__(self):
        return f"{self.user} – {self.group}"


class GroupThread(models.Model):
    """A discussion in a working group: a title and an opening text; its replies are
    comments (django-comments-xtd, community/comments/), read and written by those the
    group's rules let in (community/groups/access.py)."""

    group = models.ForeignKey(
        WorkingGroup,
        verbose_name=_("working group"),
        on_delete=models.CASCADE,
        related_name="threads",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="group_threads",
    )
    title = models.CharField(_("topic"), max_length=200)
    text = models.TextField(_("text"), max_length=5000)
    created_at = models.DateTimeField(_("started"), default=timezone.now)
    last_activity_at = models.DateTimeField(_("last activity"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-last_activity_at", "-pk"]
        verbose_name = _("discussion")
        verbose_name_plural = _("discussions")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("community:group_thread", args=[self.group.slug, self.pk])


def delete_replies(sender, instance, **kwargs):
    """A discussion's replies go with it, however it is deleted (also with its group):
    comments without their discussion would be nobody's to read or moderate."""
    XtdComment.objects.filter(
        content_type=ContentType.objects.get_for_model(GroupThread), object_pk=str(instance.pk)
    ).delete()


class GroupMeeting(models.Model):
    """A meeting a group's moderators plan: when, where (a place, an online link or both)
    and what about; members add it to their calendars as an .ics file."""

    group = models.ForeignKey(
        WorkingGroup,
        verbose_name=_("working group"),
        on_delete=models.CASCADE,
        related_name="meetings",
    )
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("begins"))
    ends_at = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    description = models.TextField(_("what it is about"), max_length=2000, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return f"{self.group.get_absolute_url()}#treffen-{self.pk}"


class GroupMaterial(models.Model):
    """A material of the knowledge database that a group works with, with a note why."""

    group = models.ForeignKey(
        WorkingGroup,
        verbose_name=_("working group"),
        on_delete=models.CASCADE,
        related_name="materials",
    )
    material = models.ForeignKey(
        "library.MaterialPage",
        verbose_name=_("material"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(_("added"), default=timezone.now)

    class Meta:
        ordering = ["-added_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["group", "material"], name="one_link_per_material")
        ]
        verbose_name = _("linked material")
        verbose_name_plural = _("linked materials")

    def __str__(self):
        return f"{self.group} – {self.material}"


def memberships_of(user):
    """The user's memberships in any state with their groups, the groups still at work
    first; `waiting` counts each group's open requests to join."""
    waiting = models.Count(
        "group__memberships",
        filter=models.Q(group__memberships__state=GroupMembership.State.REQUESTED),
    )
    found = GroupMembership.objects.filter(user=user).select_related("group")
    return found.annotate(waiting=waiting).order_by("group__archived_at", "group__name")


@register_setting(icon="group")
class GroupSettings(BaseSiteSetting):
    """Whether members found working groups themselves, or only the BBE team does."""

    members_create_groups = models.BooleanField(
        _("members may create working groups"),
        default=False,
        help_text=_(
            "When ticked, every approved member may found a working group and moderates it. "
            "Otherwise only the BBE team creates groups, in »Working groups«."
        ),
    )

    class Meta:
        verbose_name = _("working groups")
