from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

USERNAME = "admin"
PASSWORD = "keepinpact-admin"  # noqa: S105 - development only, documented in the README


class Command(BaseCommand):
    help = "Create the development admin account (admin / keepinpact-admin). Refuses with DEBUG off."

    def add_arguments(self, parser):
        parser.add_argument(
            "--host",
            default="127.0.0.1",
            help="The host name the development server listens on (make run's RUN_HOST).",
        )
        parser.add_argument(
            "--port",
            type=int,
            default=8000,
            help="The port the development server listens on (make run's PORT).",
        )

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
        if not (user.first_name and user.last_name):
            # Wagtail's account settings require a full name before anything
            # else on that page (the admin language) can be saved.
            user.first_name, user.last_name = "Site", "Administrator"
            user.save(update_fields=["first_name", "last_name"])
        # The site is named and addressed as it is served, so that canonical,
        # feed, calendar and sitemap links of the development server work.
        host, port = options["host"], options["port"]
        site = Site.objects.filter(is_default_site=True).first()
        if site is not None:
            site.hostname = host
            site.port = port
            site.site_name = site.site_name or settings.WAGTAIL_SITE_NAME
            site.save()
        self.stdout.write(
            f"Admin: http://{host}:{port}/admin/  "
            f"user {USERNAME!r}  password {PASSWORD!r}"
        )
