vcl 4.1;

# Varnish in front of gunicorn, behind nginx (deploy/nginx/bbe.conf).
#
# Caches only what the app marks as shared-cacheable: anonymous GET/HEAD of public pages with
# `Cache-Control: public, max-age=0, s-maxage=N` (config/middleware.py). Everything personal
# passes: any Cookie or Authorization header, every method but GET/HEAD, the admin, the
# accounts, the member area, documents, the search and the health check.
#
# The app purges on publishing (home/frontend_cache.py, wagtail.contrib.frontend_cache):
#   PURGE /path  drops that page with every query string (?page=2, filters) for its host,
#   BAN /        drops everything (site settings, menus, snippets, privacy changed).
# Both are accepted only from this host, and never through nginx (which sets X-Real-IP).
#
# Cached pages are kept gzip-compressed. Responses carry X-Cache: HIT (from the cache), MISS
# (fetched and cacheable) or PASS.

backend default {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 5s;
    .first_byte_timeout = 60s;
    .between_bytes_timeout = 30s;
}

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE" || req.method == "BAN") {
        if (client.ip !~ purgers || req.http.X-Real-IP) {
            return (synth(405, "Not allowed"));
        }
        if (req.method == "PURGE") {
            ban("obj.http.X-Cache-Host == " + regsub(req.http.host, ":[0-9]+$", "") +
                " && obj.http.X-Cache-Path == " + regsub(req.url, "\?.*$", ""));
            return (synth(200, "Purged"));
        }
        ban("obj.status != 0");
        return (synth(200, "Banned"));
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.http.Cookie || req.http.Authorization) {
        return (pass);
    }
    if (req.url ~ "^/(admin|konto|netzwerk|documents|suche)(/|\?|$)" || req.url ~ "^/healthz") {
        return (pass);
    }
    # The site speaks German only: one cached copy per page, whatever the browser asks for.
    unset req.http.Accept-Language;
    return (hash);
}

sub vcl_hash {
    # http and https never share an object (behind nginx everything is https).
    hash_data(req.http.X-Forwarded-Proto);
    # Varnish's built-in vcl_hash adds the URL and the Host.
}

sub vcl_backend_response {
    # What PURGE compares with: the host without port, the path without query string.
    set beresp.http.X-Cache-Host = regsub(bereq.http.host, ":[0-9]+$", "");
    set beresp.http.X-Cache-Path = regsub(bereq.url, "\?.*$", "");

    # Opt-in: only what the app explicitly marks as public, and never a response that sets
    # a cookie. The rest is fetched anew for every request (hit-for-miss for two minutes).
    if (beresp.http.Set-Cookie ||
        beresp.http.Cache-Control !~ "(public|s-maxage)" ||
        beresp.http.Cache-Control ~ "(private|no-store|no-cache)") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # While gunicorn restarts, a page a little older than its s-maxage is better than an error.
    set beresp.grace = 1m;
    # Kept compressed: compressed once here instead of by nginx for every browser (nginx
    # passes it on as it is); Varnish unpacks it for the rare client that takes no gzip.
    if (beresp.http.Content-Type ~ "^(text/|application/(json|xml|javascript))" &&
        !beresp.http.Content-Encoding) {
        set beresp.do_gzip = true;
    }
    return (deliver);
}

sub vcl_deliver {
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    unset resp.http.X-Cache-Host;
    unset resp.http.X-Cache-Path;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
}
