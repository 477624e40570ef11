"""Demo users, one per role (development only: nothing is created unless
DEBUG is on). All share the password below, documented in the README.

    editor, moderator, translator-fr, translator-it, translator-pt, translator-hr
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from translations.roles import (
    EDITORS,
    MODERATORS,
    translation_languages,
    translator_group_name,
)

ORDER = 90  # after every app's content
PASSWORD = "keepinpact-demo"  # noqa: S105 - development only, documented in the README


def demo_users():
    users = [("editor", EDITORS), ("moderator", MODERATORS)]
    users += [
        (f"translator-{code}", translator_group_name(code))
        for code in translation_languages()
    ]
    return users


def load(demo):
    if not settings.DEBUG:
        demo.log("  demo users skipped (development only: DEBUG is off)")
        return
    User = get_user_model()
    for username, group_name in demo_users():
        user, created = User.objects.get_or_create(
            username=username,
            # A full name: Wagtail's account settings require one before
            # anything else on that page (the admin language) can be saved.
            defaults={
                "email": f"{username}@example.org",
                "first_name": "Demo",
                "last_name": username.replace("-", " ").capitalize(),
            },
        )
        if created:
            user.set_password(PASSWORD)
            user.save()
            user.groups.add(Group.objects.get(name=group_name))
            demo.created += 1
            demo.log(f"  created demo user {username} ({group_name})")
