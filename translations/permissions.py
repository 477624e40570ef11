"""Who may translate what. wagtail-localize itself only checks the global
"submit translation" permission; these checks add the page-level rules:

- a translation is made into a language where the user may add pages (the
  translated parent page, or the tree root for language home pages);
- the source must be something the user could see: live, not under a
  restriction that excludes them, not below an unpublished page, unless the
  user may edit the source anyway (editors, moderators);
- only users who may publish every translation may "publish immediately"."""

from django.utils.functional import cached_property
from wagtail.models import (
    DraftStateMixin,
    GroupPagePermission,
    Locale,
    Page,
    PageViewRestriction,
)
from wagtail.snippets.permissions import get_permission_name


class TranslationPermissions:
    def __init__(self, user):
        self.user = user

    @cached_property
    def _add_permissions(self):
        return list(
            GroupPagePermission.objects.filter(
                group__user=self.user, permission__codename="add_page"
            ).values_list("page__depth", "page__locale_id")
        )

    @cached_property
    def all_languages(self):
        """Superusers and users who may add pages anywhere (editors,
        moderators) translate into every language."""
        if not self.user.is_active:
            return False
        return self.user.is_superuser or any(
            depth == 1 for depth, _locale in self._add_permissions
        )

    @cached_property
    def locale_ids(self):
        """The locales this user may translate into."""
        if not self.user.is_active:
            return set()
        if self.all_languages:
            return set(Locale.objects.values_list("pk", flat=True))
        return {locale_id for _depth, locale_id in self._add_permissions}

    def locales(self):
        return Locale.objects.filter(pk__in=self.locale_ids)

    # Visibility of a source ---------------------------------------------------
    def can_see_page(self, page):
        if page.permissions_for_user(self.user).can_edit():
            return True
        if not page.live:
            return False
        ancestor_paths = [
            page.path[:i] for i in range(Page.steplen * 2, len(page.path), Page.steplen)
        ]
        if Page.objects.filter(path__in=ancestor_paths, live=False).exists():
            return False
        for restriction in PageViewRestriction.objects.filter(
            page__path__in=[*ancestor_paths, page.path]
        ).prefetch_related("groups"):
            if restriction.restriction_type == PageViewRestriction.LOGIN:
                continue
            if restriction.restriction_type == PageViewRestriction.GROUPS and (
                set(restriction.groups.all()) & set(self.user.groups.all())
            ):
                continue
            return False
        return True

    def can_see_snippet(self, instance):
        if isinstance(instance, DraftStateMixin) and not instance.live:
            return self.all_languages
        return True

    def can_see(self, instance):
        if isinstance(instance, Page):
            return self.can_see_page(instance)
        return self.can_see_snippet(instance)

    # Creating translations -----------------------------------------------------
    def refusal_for_page(self, page, locale):
        """None when the user may translate `page` into `locale`, else the reason."""
        if locale.pk == page.locale_id:
            return "That is the page's own language."
        if locale.pk not in self.locale_ids:
            return "You may not translate into this language."
        if not self.can_see_page(page):
            return "You may only translate published pages you can see."
        parent = page.get_parent()
        if parent.depth == 1:
            target_parent = parent
        else:
            target_parent = parent.get_translation_or_none(locale)
            if target_parent is None:
                return "Translate the parent page first."
        if not target_parent.permissions_for_user(self.user).can_add_subpage():
            return "You may not add pages in this language."
        return None

    def refusal_for_snippet(self, instance, locale):
        if locale.pk == instance.locale_id:
            return "That is the item's own language."
        if locale.pk not in self.locale_ids:
            return "You may not translate into this language."
        if not self.can_see_snippet(instance):
            return "You may only translate published items."
        return None

    def refusal(self, instance, locale):
        if isinstance(instance, Page):
            return self.refusal_for_page(instance, locale)
        return self.refusal_for_snippet(instance, locale)

    def can_translate(self, instance, locale):
        return self.refusal(instance, locale) is None

    # Publishing ------------------------------------------------------------------
    def can_publish(self, instance):
        if isinstance(instance, Page):
            return instance.permissions_for_user(self.user).can_publish()
        if isinstance(instance, DraftStateMixin):
            return self.user.has_perm(get_permission_name("publish", type(instance)))
        return self.user.has_perm(get_permission_name("change", type(instance)))

    def can_edit_target_locale(self, locale_id):
        return locale_id in self.locale_ids

    # The translated object ---------------------------------------------------------
    def can_edit(self, instance):
        if not self.can_edit_target_locale(instance.locale_id):
            return False
        if isinstance(instance, Page):
            return instance.permissions_for_user(self.user).can_edit()
        return self.user.has_perm(get_permission_name("change", type(instance)))

    def can_delete(self, instance):
        if isinstance(instance, Page):
            return instance.permissions_for_user(self.user).can_delete()
        return self.user.has_perm(get_permission_name("delete", type(instance)))
