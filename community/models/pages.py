from django.utils.translation import gettext_lazy as _

from home.models.pages import SitePage


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
