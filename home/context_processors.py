from django.conf import settings
from wagtail.models import Site


def site_name(request):
    """The name of the site the request is for, shown in the header and in every <title>."""
    site = Site.find_for_request(request)
    return {"site_name": (site and site.site_name) or settings.WAGTAIL_SITE_NAME}
