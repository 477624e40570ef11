"""Documents sent by nginx (DJANGO_SENDFILE_NGINX): Wagtail's serve view
checks privacy, then answers X-Accel-Redirect through django-sendfile2's nginx
backend, and nginx sends the file from its internal location."""


class XAccelRedirectMiddleware:
    """Wagtail's sendfile() gives the response the file's Content-Length, but
    an X-Accel-Redirect response has no body: a client (or a proxy keeping the
    connection) would wait for bytes that never come. The header goes, and
    CommonMiddleware (outside this one) sets the true length, 0."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("X-Accel-Redirect"):
            del response["Content-Length"]
        return response
