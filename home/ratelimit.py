"""One mechanism for every rate limit of the site: allauth's. Its counters are sliding
windows in the cache, each changed under a cache lock (`cache.add`), so requests that
arrive at once cannot pass more than the limit allows. The limits live in one setting,
`ACCOUNT_RATE_LIMITS` (config/settings/base.py): allauth's own actions (login, sign-up,
password reset) and the site's (congress registration, the admin's password reset, …)
side by side, each as allauth writes them, e.g. "10/h/ip,3/h/key".

Without the cache (Redis down) nothing can be counted and every limited request is
refused, as allauth does for its own forms."""

from allauth.core import ratelimit


def allowed(request, action, key=None):
    """Count one attempt of `action` (a key of ACCOUNT_RATE_LIMITS) for the client's IP
    address and, where the limit has a `/key` part, for `key` (e.g. the e-mail address
    typed, compared without case). False once a limit is reached: refuse the request.
    GET requests are not counted."""
    return ratelimit.consume(request, action=action, key=key.strip().lower() if key else None)


def too_many_requests(request):
    """The German page that says so, with status 429 (config.outages.too_many_requests)."""
    return ratelimit.respond_429(request)
