"""Health endpoint for load balancers: 200 when the database answers, else 503.
Never cached, no cookie, no language prefix, exempt from the HTTPS redirect."""

from django.db import connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@never_cache
@require_safe
def health(request):
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:  # noqa: BLE001 - any failure means unhealthy
        return JsonResponse(
            {"status": "error", "database": type(error).__name__}, status=503
        )
    return JsonResponse({"status": "ok", "database": "ok"})
