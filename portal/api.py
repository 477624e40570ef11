"""The read-only API v2: pages (filterable by ?locale=fr), images and documents.

Wagtail's endpoints, with each parameter checked before it reaches the
database: a value that the database or Wagtail's parsers would choke on
answers 400 with a JSON message, never 500. Like Wagtail's own API messages,
these are in English: they are read by developers, not shown to visitors.
"""

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import connection, models
from django.http import Http404
from taggit.managers import TaggableManager
from wagtail.api.v2 import filters
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from .params import DB_INT_MAX, int_param

# Wagtail parses ?fields=a(b(c(...))) recursively: a few hundred levels exhaust
# Python's stack. No model here nests relations more than a few levels deep.
MAX_FIELDS_DEPTH = 10
SEARCH_OPERATORS = ("and", "or")


def integer_or_400(request, name, *, minimum, maximum=DB_INT_MAX, default=None):
    """The integer parameter `name`, `default` when absent, else 400."""
    if name not in request.GET:
        return default
    number = int_param(request.GET[name], minimum=minimum, maximum=maximum)
    if number is None:
        raise BadRequestError(f"{name} must be an integer from {minimum} to {maximum}")
    return number


def fields_depth(value):
    depth = deepest = 0
    for char in value:
        if char == "(":
            depth += 1
            deepest = max(deepest, depth)
        elif char == ")":
            depth -= 1
    return deepest


def check_field_value(model, name, value):
    """400 unless `value` is one the field `name` of `model` can be compared
    with: a date for a date, an integer within the column's range for an
    integer or a foreign key (Django guards only plain integer columns)."""
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return
    if isinstance(field, TaggableManager) or not field.concrete:
        return
    target = field.target_field if field.is_relation else field
    if isinstance(target, models.BooleanField):
        return  # Wagtail reads true/false/1/0 itself
    if isinstance(target, models.IntegerField):
        low, high = connection.ops.integer_field_range(target.get_internal_type())
        low = -DB_INT_MAX - 1 if low is None else low
        high = DB_INT_MAX if high is None else high
        if int_param(value, minimum=low, maximum=high) is None:
            raise BadRequestError(
                f"field filter error. {name} must be an integer from {low} to {high}"
            )
        return
    try:
        target.to_python(value)
    except ValidationError as error:
        raise BadRequestError(
            f"field filter error. '{value[:100]}' is not a valid value for {name} "
            f"({' '.join(error.messages)})"
        ) from error


class FieldsFilter(filters.FieldsFilter):
    def filter_queryset(self, request, queryset, view):
        names = set(view.get_available_fields(queryset.model, db_fields_only=True))
        for name, value in request.GET.items():
            if name in names and name != "locale":  # ?locale= has its own filter
                check_field_value(queryset.model, name, value)
        return super().filter_queryset(request, queryset, view)


class SearchFilter(filters.SearchFilter):
    def filter_queryset(self, request, queryset, view):
        operator = request.GET.get("search_operator")
        if operator and operator.lower() not in SEARCH_OPERATORS:
            raise BadRequestError("search_operator must be 'and' or 'or'")
        return super().filter_queryset(request, queryset, view)


def checked(backends):
    replacements = {
        filters.FieldsFilter: FieldsFilter,
        filters.SearchFilter: SearchFilter,
    }
    return [replacements.get(backend, backend) for backend in backends]


class Pagination(WagtailPagination):
    """?offset= and ?limit= as Wagtail reads them, except that a number the
    database refuses (past 64 bits) answers 400, and an offset past the last
    item answers an empty page without asking the database."""

    def paginate_queryset(self, queryset, request, view=None):
        limit_max = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20)
        offset = integer_or_400(request, "offset", minimum=0, default=0)
        limit = integer_or_400(
            request,
            "limit",
            minimum=0,
            maximum=limit_max or DB_INT_MAX,
            default=min(20, limit_max or 20),
        )
        self.view = view
        self.total_count = queryset.count()
        if offset >= self.total_count:
            return []
        return queryset[offset : offset + limit]


class CheckedParametersMixin:
    pagination_class = Pagination

    def handle_exception(self, exc):
        if isinstance(exc, Http404) and not str(exc):
            exc = Http404("not found")  # e.g. an unknown ?format=
        return super().handle_exception(exc)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        for name, values in request.GET.lists():
            # PostgreSQL refuses NUL in text, whichever column it is compared with.
            if any("\x00" in value for value in values):
                raise BadRequestError(f"{name}: null characters are not allowed")
        if fields_depth(request.GET.get("fields", "")) > MAX_FIELDS_DEPTH:
            raise BadRequestError(
                f"fields error: nested more than {MAX_FIELDS_DEPTH} levels deep"
            )
        if self.action == "find_view":
            integer_or_400(request, "id", minimum=1)


class PortalPagesAPIViewSet(CheckedParametersMixin, PagesAPIViewSet):
    filter_backends = checked(PagesAPIViewSet.filter_backends)


class PortalImagesAPIViewSet(CheckedParametersMixin, ImagesAPIViewSet):
    filter_backends = checked(ImagesAPIViewSet.filter_backends)


class PortalDocumentsAPIViewSet(CheckedParametersMixin, DocumentsAPIViewSet):
    filter_backends = checked(DocumentsAPIViewSet.filter_backends)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
api_router.register_endpoint("images", PortalImagesAPIViewSet)
api_router.register_endpoint("documents", PortalDocumentsAPIViewSet)
