"""The ceiling of gunicorn on this machine: a WSGI app that answers every request with the
same small page, run by pages.sh under the project's gunicorn settings."""

BODY = b"<!doctype html><title>ok</title><p>ok</p>\n"
HEADERS = [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(BODY)))]


def application(environ, start_response):
    start_response("200 OK", HEADERS)
    return [BODY]
