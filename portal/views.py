import sys

from django.db import DatabaseError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.views import defaults
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from .unavailable import database_unavailable


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /*/search/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


# Error pages: JSON under /api/ (API clients parse the body), Django's pages
# (templates/404.html, 500.html...) everywhere else. Like Wagtail's own API
# messages, the JSON ones are in English: developers read them.
def _api(request):
    return request.path_info == "/api" or request.path_info.startswith("/api/")


def bad_request(request, exception):
    if _api(request):
        return JsonResponse({"message": "bad request"}, status=400)
    return defaults.bad_request(request, exception)


def permission_denied(request, exception):
    if _api(request):
        return JsonResponse({"message": "permission denied"}, status=403)
    return defaults.permission_denied(request, exception)


def page_not_found(request, exception):
    if _api(request):
        return JsonResponse({"message": "not found"}, status=404)
    return defaults.page_not_found(request, exception)


def server_error(request):
    # Called while the exception is handled: a database that cannot take a
    # write now is a "try again", not a bug (portal/unavailable.py).
    error = sys.exc_info()[1]
    if error is not None and isinstance(error, DatabaseError):
        from .unavailable import MESSAGE, unavailable

        if database_unavailable(error):
            if _api(request):
                return unavailable(JsonResponse({"message": str(MESSAGE)}))
            return unavailable(
                HttpResponse(
                    loader.render_to_string("503.html", {"message": MESSAGE}),
                )
            )
    if _api(request):
        return JsonResponse({"message": "server error"}, status=500)
    return defaults.server_error(request)
