from django.conf import settings
from wagtail.models import Site


def platform_name(request):
    """The name of the Wagtail site the request is for, shown in the header and in every
    <title>. (Not `site_name`: Django's auth views set that to django.contrib.sites' name.)"""
    site = Site.find_for_request(request)
    return {
        "platform_name": (site and site.site_name) or settings.WAGTAIL_SITE_NAME,
    }
