"""Delete the centre suggestions older than DIRECTORY_SUGGESTION_RETENTION_DAYS,
with their senders' name and e-mail. Run it daily from cron; the site also
purges whenever a suggestion arrives or moderators open the listing."""

from django.core.management.base import BaseCommand

from directory.tasks import purge_expired_suggestions, retention_days


class Command(BaseCommand):
    help = "Delete centre suggestions older than the retention period."

    def handle(self, *args, **options):
        count = purge_expired_suggestions()
        self.stdout.write(
            f"Deleted {count} suggestion(s) older than {retention_days()} days."
        )
