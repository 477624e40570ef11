from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"
PASSWORD = "keepinpact-admin"  # noqa: S105 - development only, documented in the README


class Command(BaseCommand):
    help = "Create the development admin account (admin / keepinpact-admin). Refuses with DEBUG off."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "ensure_dev_admin only runs with DEBUG on (development settings)."
            )
        User = get_user_model()
        user, created = User.objects.get_or_create(
            username=USERNAME, defaults={"email": "admin@example.org"}
        )
        if created:
            user.is_superuser = user.is_staff = True
            user.set_password(PASSWORD)
            user.save()
        self.stdout.write(
            f"Admin: http://127.0.0.1:8000/admin/  user {USERNAME!r}  password {PASSWORD!r}"
        )
