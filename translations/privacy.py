"""Translation cannot change privacy.

Whenever wagtail-localize writes a translated page, and for every language when
someone runs "Sync translated pages", it copies the source page's view
restriction onto the translation (`TranslationSource.sync_view_restrictions`):
it adds, changes or removes the translation's restriction without asking
whether the user may set privacy there, and removes one with a bulk delete that
leaves no log entry. A French translator's sync would so make public an Italian
page that an administrator had protected with a password.

Here that synchronisation only touches a page on which the acting user may set
privacy (Wagtail's `set_privacy`: `can_set_view_restrictions`); any other page
keeps its restriction as it is. Each change goes through Wagtail's own save and
delete, which log it under the user's name.

The acting user is the `user` wagtail-localize is given when it writes a
translation, or, where it is given none (the sync view), the one the portal's
views name with `acting_user()`. With neither (the demo loader, a shell, a
command) no person is acting: the restriction is synchronised as before.

A new translation is a copy of its source made by Wagtail, which copies the
source's own restriction itself (wagtail.actions.copy_page); that is not a sync
and is left alone."""

import contextlib
import contextvars
import functools

from wagtail.models import Page, PageViewRestriction

_acting_user = contextvars.ContextVar("portal_translation_user", default=None)


@contextlib.contextmanager
def acting_user(user):
    """Name the user on whose behalf wagtail-localize runs inside the block."""
    token = _acting_user.set(user)
    try:
        yield
    finally:
        _acting_user.reset(token)


def may_set_privacy(user, page):
    if user is None:
        return True
    return page.permissions_for_user(user).can_set_view_restrictions()


def _state(restriction):
    if restriction is None:
        return None
    groups = frozenset(restriction.groups.values_list("pk", flat=True))
    return (restriction.restriction_type, restriction.password, groups)


def sync_view_restrictions(source_page, translation_page, user=None):
    """Give `translation_page` the restriction of `source_page` (or none), as
    wagtail-localize does, if `user` may set privacy on it. Returns whether
    the translation's restriction now matches the source's."""
    wanted = source_page.view_restrictions.order_by("pk").first()
    existing = list(translation_page.view_restrictions.order_by("pk"))
    current = existing[0] if existing else None
    if _state(wanted) == _state(current) and len(existing) <= 1:
        return True
    if not may_set_privacy(user, translation_page):
        return False
    if wanted is None:
        for restriction in existing:
            restriction.delete(user=user)
        return True
    for extra in existing[1:]:
        extra.delete(user=user)
    restriction = current or PageViewRestriction(page=translation_page)
    restriction.restriction_type = wanted.restriction_type
    restriction.password = wanted.password
    restriction.save(user=user)
    restriction.groups.set(wanted.groups.all())
    return True


def guard_wagtail_localize():
    """Route wagtail-localize's synchronisation of view restrictions through
    `sync_view_restrictions` above, on behalf of the acting user."""
    from wagtail_localize.models import NoViewRestrictionsError, TranslationSource

    if getattr(TranslationSource.sync_view_restrictions, "portal_guarded", False):
        return

    def sync(self, original, translation_page):
        if not isinstance(original, Page) or not isinstance(translation_page, Page):
            raise NoViewRestrictionsError
        sync_view_restrictions(original, translation_page, _acting_user.get())

    sync.portal_guarded = True
    TranslationSource.sync_view_restrictions = sync

    write = TranslationSource.create_or_update_translation

    @functools.wraps(write)
    def create_or_update_translation(self, locale, user=None, *args, **kwargs):
        if user is None:  # keep the user a view may have named
            return write(self, locale, user, *args, **kwargs)
        with acting_user(user):
            return write(self, locale, user, *args, **kwargs)

    TranslationSource.create_or_update_translation = create_or_update_translation
