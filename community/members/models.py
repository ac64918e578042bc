"""Members: a MemberProfile for every account that signed up (with its approval state), the
languages members speak, and the member area's landing page »Netzwerk«."""

from django.conf import settings
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from home.models import FederalState, Organisation
from home.models.pages import SitePage
from library.browse import search_ids
from library.models import Topic


class MemberStatus(models.TextChoices):
    PENDING = "pending", _("pending")
    APPROVED = "approved", _("approved")
    SUSPENDED = "suspended", _("suspended")
    REJECTED = "rejected", _("rejected")


class ContactVisibility(models.TextChoices):
    MEMBERS = "members", _("approved members")
    NOBODY = "nobody", _("nobody")


class SpokenLanguage(models.Model):
    """A language members name in their profile; the list is created by a migration."""

    code = models.CharField(_("code"), max_length=12, unique=True)
    name = models.CharField(_("name"), max_length=60)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")

    def __str__(self):
        return self.name


class MemberProfileQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def approved(self):
        return self.filter(status=MemberStatus.APPROVED, user__is_active=True)

    def pending(self):
        return self.filter(status=MemberStatus.PENDING)

    def matching(self, text):
        """Profiles the site's search finds for `text`: in the name, role, city, bio, offer,
        request, organisation or topics, in German (stems, spellings, synonyms)."""
        return self.filter(pk__in=search_ids(MemberProfile.objects.all(), text))


class MemberProfile(index.Indexed, models.Model):
    """What a member tells the network about themselves. Profile text is plain text (escaped
    on output). The approval state drives the membership of the group Mitglieder, which is
    what grants access (see community/members/moderation.py)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        on_delete=models.CASCADE,
        related_name="member_profile",
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=MemberStatus.choices,
        default=MemberStatus.PENDING,
        db_index=True,
    )
    status_changed_at = models.DateTimeField(_("status changed"), null=True, blank=True)
    display_name = models.CharField(_("display name"), max_length=120)
    photo = models.ImageField(_("photo"), upload_to="members/", blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="member_profiles",
    )
    proposed_organisation = models.CharField(
        _("new organisation (to be confirmed)"),
        max_length=160,
        blank=True,
        help_text=_("Named at sign-up; a moderator confirms it when approving the account."),
    )
    role = models.CharField(_("role"), max_length=120, blank=True)
    state = models.CharField(
        _("federal state"), max_length=2, choices=FederalState.choices, blank=True
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    topics = models.ManyToManyField(
        Topic, verbose_name=_("topics of expertise"), blank=True, related_name="+"
    )
    languages = models.ManyToManyField(
        SpokenLanguage, verbose_name=_("languages spoken"), blank=True, related_name="+"
    )
    bio = models.TextField(_("about me"), max_length=2000, blank=True)
    offers = models.TextField(_("I offer"), max_length=1000, blank=True)
    seeks = models.TextField(_("I am looking for"), max_length=1000, blank=True)
    contact_email = models.EmailField(_("contact e-mail address"), blank=True)
    contact_phone = models.CharField(_("contact phone number"), max_length=40, blank=True)
    contact_visibility = models.CharField(
        _("who sees my contact details"),
        max_length=10,
        choices=ContactVisibility.choices,
        default=ContactVisibility.MEMBERS,
    )
    privacy_consent_at = models.DateTimeField(_("privacy notice accepted"), null=True)
    privacy_notice_version = models.CharField(_("privacy notice version"), max_length=20)
    created_at = models.DateTimeField(_("signed up"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    objects = MemberProfileQuerySet.as_manager()
    search_fields = [
        index.SearchField("display_name", boost=2),
        index.AutocompleteField("display_name"),
        index.SearchField("role"),
        index.SearchField("city"),
        index.SearchField("bio"),
        index.SearchField("offers"),
        index.SearchField("seeks"),
        index.RelatedFields("organisation", [index.SearchField("name")]),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.FilterField("status"),
        index.FilterField("id"),
    ]

    class Meta:
        ordering = ["display_name"]
        verbose_name = _("member")
        verbose_name_plural = _("members")

    def __str__(self):
        return self.display_name

    def save(self, *args, **kwargs):
        """Stores the profile and keeps the photo files tidy, whoever saves (the profile
        form, moderation, the shell): the file of a photo that is replaced or removed is
        deleted once the change is committed. The stored photo is read with the profile's
        row locked, so two saves at the same time (a second tab, a double click) each
        delete the one they replace; a save from a profile read before someone else
        changed the photo keeps that new photo. A new file whose save fails is deleted
        again."""
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "photo" not in update_fields:
            super().save(*args, **kwargs)
            return
        new_upload = bool(self.photo) and not self.photo._committed
        try:
            with transaction.atomic():
                stored = None if self._state.adding else self.stored_photo()
                loaded = getattr(self, "_loaded_photo", None)
                unchanged = not new_upload and self.photo.name == loaded
                if stored is not None and loaded is not None and unchanged:
                    self.photo = stored  # not changed here: keep what is stored now
                super().save(*args, **kwargs)
                if stored and stored != self.photo.name:
                    delete_photo_file(self.photo.storage, stored)
        except BaseException:
            if new_upload and self.photo._committed:
                self.photo.storage.delete(self.photo.name)
            raise
        self._loaded_photo = self.photo.name or ""

    @property
    def is_approved(self):
        return self.status == MemberStatus.APPROVED

    @property
    def organisation_name(self):
        if self.organisation_id:
            return self.organisation.name
        return self.proposed_organisation

    @property
    def shows_contact(self):
        return self.contact_visibility == ContactVisibility.MEMBERS and bool(
            self.contact_email or self.contact_phone
        )

    @classmethod
    def from_db(cls, db, field_names, values):
        """Remembers the photo read, so that save() knows whether it was changed since."""
        profile = super().from_db(db, field_names, values)
        if "photo" in field_names:
            profile._loaded_photo = values[field_names.index("photo")] or ""
        return profile

    def stored_photo(self):
        """The name of the photo file the database holds now (the row stays locked until
        the transaction ends); None when the profile is not stored (any more)."""
        rows = MemberProfile.objects.select_for_update().filter(pk=self.pk)
        return rows.values_list("photo", flat=True).first()


def delete_photo_file(storage, name):
    """Deletes a photo's file once the transaction is committed (at once outside of one):
    after a rollback the profile still shows it."""
    transaction.on_commit(lambda: storage.delete(name), robust=True)


@receiver(post_delete, sender=MemberProfile, dispatch_uid="community.member_photo_file")
def delete_photo_with_profile(sender, instance, **kwargs):
    """A profile deleted in any way (with its account: by the member, in the admin) takes
    its photo file along."""
    if instance.photo:
        delete_photo_file(instance.photo.storage, instance.photo.name)


class NetworkPage(SitePage):
    """»Netzwerk«: the member area's landing page. Editors write what the network offers;
    the page adds what the visitor can do next (sign up, log in, or go to »Mein Bereich«).
    The member views live below its address (community/urls.py)."""

    content_panels = SitePage.content_panels
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("network landing page")
        verbose_name_plural = _("network landing pages")

    def get_context(self, request, *args, **kwargs):
        from community.access import member_state

        context = super().get_context(request, *args, **kwargs)
        context["member_state"] = member_state(request.user)
        return context
