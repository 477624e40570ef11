"""Clear answers when the database cannot take a write (locked by a long
transaction, read-only during maintenance or a failover, unreachable).

Such a moment is not a bug of the site: the visitor or editor gets 503 with
`Retry-After` and a "try again" message, and forms come back with what was
typed (the login, the page editor, the centre suggestion). Anything else that
fails this way ends on the 503 page rather than the 500 page (portal.views)."""

import logging

from django.contrib import messages
from django.db import (
    DatabaseError,
    InternalError,
    OperationalError,
    connection,
    transaction,
)
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views import account
from wagtail.admin.views.pages.edit import EditView

logger = logging.getLogger(__name__)

RETRY_AFTER = 30  # seconds

MESSAGE = _(
    "The site cannot save anything at the moment (maintenance or heavy load). "
    "Nothing was saved: please try again in a minute."
)


SQLITE_UNAVAILABLE = ("locked", "readonly", "disk i/o", "unable to open", "full")


def database_unavailable(error):
    """Whether a database error means "cannot write now" rather than a bug
    (which stays a 500, and is logged as such)."""
    text = str(error).lower()
    if isinstance(error, OperationalError):
        if connection.vendor == "sqlite":
            # SQLite says "no such table" with the same class: a bug, not a
            # moment of unavailability.
            unavailable = any(word in text for word in SQLITE_UNAVAILABLE)
        else:
            # PostgreSQL: lock timeouts, lost or refused connections, shutdown.
            unavailable = True
    else:
        unavailable = isinstance(error, InternalError) and (
            "read-only" in text or "readonly" in text
        )
    if unavailable:
        logger.warning("The database refused a write: %s", error)
    return unavailable


def unavailable(response):
    response.status_code = 503
    response["Retry-After"] = str(RETRY_AFTER)
    return response


class LoginView(account.LoginView):
    """Wagtail's admin login; a database that refuses the write of the session
    or of the failed-attempt log gives the form back with the username."""

    def post(self, request, *args, **kwargs):
        try:
            with transaction.atomic():
                return super().post(request, *args, **kwargs)
        except DatabaseError as error:
            if not database_unavailable(error):
                raise
        if hasattr(request, "session"):
            request.session.modified = False  # nothing of it could be stored
        form = self.get_form_class()(request=request, data=request.POST)
        form.cleaned_data = {}
        form.add_error(None, MESSAGE)
        return unavailable(self.render_to_response(self.get_context_data(form=form)))


class PageEditView(EditView):
    """Wagtail's page editor; a save, submit or publish the database refuses
    renders the editor again with everything typed (and autosave gets a JSON
    answer it shows), instead of a 500 that loses the editor's work."""

    def form_valid(self, form):
        try:
            with transaction.atomic():
                return super().form_valid(form)
        except DatabaseError as error:
            if not database_unavailable(error):
                raise
        if self.expects_json_response:
            return unavailable(self.json_error_response("unavailable", str(MESSAGE)))
        self.database_refused_writes = True
        messages.error(self.request, MESSAGE)
        self.has_unsaved_changes = True
        return unavailable(self.render_to_response(self.get_context_data()))

    def get_editing_sessions(self):
        # The "who else is editing" module records a session: not now.
        if getattr(self, "database_refused_writes", False):
            return None
        return super().get_editing_sessions()
