"""Optional error reports to Sentry (or a service that speaks its protocol, e.g. GlitchTip):
switched on by SENTRY_DSN in production, off without it.

No personal data leaves the site: no user, IP address or cookies (send_default_pii=False), no
request bodies, and no query strings, which may hold search words or e-mail addresses.
"""


def without_query_string(event, hint):
    request = event.get("request") or {}
    request.pop("query_string", None)
    return event


def init_error_reporting(dsn):
    """Start the Sentry SDK when a DSN is given; True when it was started."""
    if not dsn:
        return False
    import sentry_sdk  # only needed when error reporting is switched on

    sentry_sdk.init(
        dsn=dsn,
        send_default_pii=False,
        max_request_body_size="never",
        before_send=without_query_string,
    )
    return True
