"""WhiteNoise's storage of the collected static files, remembering URLs.

Every page asks for a dozen static URLs (style sheets, scripts, the font,
icons), each found in the manifest and then parsed, joined and unquoted by
Django: about 40 µs apiece. The manifest is read once per process and changes
only with a deployment, which restarts the processes, so a name's URL is kept
for the life of the process."""

from django.conf import settings
from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticStorage(CompressedManifestStaticFilesStorage):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls = {}

    def url(self, name, force=False):
        if force or settings.DEBUG:
            return super().url(name, force)
        try:
            return self._urls[name]
        except KeyError:
            url = self._urls[name] = super().url(name)
            return url
