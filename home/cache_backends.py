"""The cache backends of the settings: Django's and django-redis's, which read a few keys
that a render asks for again and again only once per request.

Wagtail reads its site root paths from the cache for every page whose address is computed
without the request (`page.url`, `{% pageurl %}` in a template included with `only`): a dozen
round trips to Redis per render for one small list. Within a request the first answer is
kept (`home.caching.request_memo`); writing or deleting the key on this process forgets it,
and the next request reads it afresh, as Wagtail itself does when it is given the request.
"""

from django.core.cache.backends import filebased, locmem
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django_redis import cache as django_redis

# (key, version) as Wagtail reads them (wagtail.models.sites; a test checks they match):
# this module is imported with the settings, before Wagtail's models can be.
READ_ONCE_PER_REQUEST = {("wagtail_site_root_paths", 2)}
MISSING = object()


def request_memo():
    from home.caching import request_memo

    return request_memo()


class ReadOncePerRequest:
    def get(self, key, default=None, version=None, **kwargs):
        memo = request_memo()
        if memo is None or (key, version) not in READ_ONCE_PER_REQUEST:
            return super().get(key, default, version, **kwargs)
        kept = (id(self), key, version)
        if kept not in memo:
            memo[kept] = super().get(key, MISSING, version, **kwargs)
        return default if memo[kept] is MISSING else memo[kept]

    def forget(self, key, version):
        memo = request_memo()
        if memo is not None:
            memo.pop((id(self), key, version), None)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None, **kwargs):
        self.forget(key, version)
        return super().set(key, value, timeout, version, **kwargs)

    def delete(self, key, version=None, **kwargs):
        self.forget(key, version)
        return super().delete(key, version, **kwargs)

    def clear(self, *args, **kwargs):
        memo = request_memo()
        if memo is not None:
            memo.clear()
        return super().clear(*args, **kwargs)


class RedisCache(ReadOncePerRequest, django_redis.RedisCache):
    pass


class FileBasedCache(ReadOncePerRequest, filebased.FileBasedCache):
    pass


class LocMemCache(ReadOncePerRequest, locmem.LocMemCache):
    pass
