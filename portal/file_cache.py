"""Django's file cache, without compression.

Django's FileBasedCache zlib-compresses every value. The cache a single
machine shares between its app servers holds mostly whole pages (the page
cache): decompressing one took about a third of an anonymous page-cache hit
(86 of 267 µs measured in-process). Pages are small (25-60 KB), so the cache
trades disk (at most MAX_ENTRIES of them) for that time.

Entries have their own suffix: files an earlier, compressing version wrote
are never read as uncompressed ones (Django's `clear()` leaves them; they are
a cache, and can be deleted at any time). Like Django's, it unpickles what
only the app writes, in a directory only its user can read (mode 0700)."""

import pickle

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.core.files import locks


class FileCache(FileBasedCache):
    cache_suffix = ".pcache"
    # Django lists the whole directory on every set to decide whether to cull:
    # 16 ms at 20,000 entries, twice per page stored. Looking at every
    # CULL_EVERY-th set of each cache object keeps the directory within
    # MAX_ENTRIES plus the sets made in between.
    CULL_EVERY = 100
    _sets = 0

    def _cull(self):
        if self._sets % self.CULL_EVERY == 0:
            super()._cull()
        self._sets += 1

    def get(self, key, default=None, version=None):
        try:
            with open(self._key_to_file(key, version), "rb") as file:
                if not self._is_expired(file):
                    return pickle.load(file)  # noqa: S301
        except FileNotFoundError:
            pass
        return default

    def _write_content(self, file, timeout, value):
        expiry = self.get_backend_timeout(timeout)
        file.write(pickle.dumps(expiry, self.pickle_protocol))
        pickle.dump(value, file, self.pickle_protocol)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            with open(self._key_to_file(key, version), "r+b") as file:
                locks.lock(file, locks.LOCK_EX)
                try:
                    if self._is_expired(file):
                        return False
                    value = pickle.load(file)  # noqa: S301
                    file.seek(0)
                    self._write_content(file, timeout, value)
                    file.truncate()
                    return True
                finally:
                    locks.unlock(file)
        except FileNotFoundError:
            return False
