"""gunicorn settings: `gunicorn -c config/gunicorn.py` (deploy/systemd/bbe-gunicorn.service).

GUNICORN_BIND (default 127.0.0.1:8000) is where Varnish finds the app; WEB_CONCURRENCY sets
the number of worker processes (default: two per CPU core plus one). Gunicorn reads this file
itself, before Django starts, so these two variables are read here and not in settings.
"""

import multiprocessing
import os
import signal

from gunicorn import systemd

wsgi_app = "config.wsgi:application"
bind = os.environ.get("GUNICORN_BIND") or "127.0.0.1:8000"
workers = int(os.environ.get("WEB_CONCURRENCY") or multiprocessing.cpu_count() * 2 + 1)

# The app is loaded once in the master and the workers are forked from it: they share its
# memory (benchmarks/README.md, »Memory«). The master therefore holds the code it loaded, so
# new code comes with a new master, not with HUP: `kill -USR2 <master>` (what `systemctl
# reload bbe-gunicorn` sends) starts a new master beside the old one on the same socket, and
# `when_ready` below retires the old one once the new one has loaded the app.
preload_app = True

# A request that takes longer has its worker restarted; uploads of 20 MB and the text
# extraction of a large file stay well below it.
timeout = 60
graceful_timeout = 30
keepalive = 5
# Workers are replaced now and then, so a slow leak can never grow without bound. Not too
# often: a new worker takes a second or two to load Django, and pages served from the cache
# make a worker answer a thousand requests in a few seconds.
max_requests = 50000
max_requests_jitter = 5000

# No access log of gunicorn's own: Django writes one line per request
# (config/request_log.py) without query strings, tokens or client addresses.
accesslog = None
errorlog = "-"
# Varnish and nginx run on this host: their X-Forwarded-* headers are trusted (the default).
forwarded_allow_ips = "127.0.0.1,::1"
# No control socket in $HOME (gunicornc): systemd starts, reloads and stops the server.
control_socket_disable = True


def when_ready(server):
    """A master started by USR2 takes over from the one that started it.

    It has loaded the app by now (an import error would have ended it here, and the old
    master would go on serving). It tells systemd that it is the service's main process now
    (NotifyAccess=all in deploy/systemd/bbe-gunicorn.service) and stops the old master
    gracefully: its workers finish the requests at hand and accept no more, while this
    master's workers accept on the same socket.
    """
    old_master = server.master_pid
    if old_master:
        systemd.sd_notify(f"MAINPID={os.getpid()}", server.log)
        server.log.info("Code reloaded: stopping the old master %s", old_master)
        os.kill(old_master, signal.SIGTERM)
