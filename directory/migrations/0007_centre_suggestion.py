"""Suggestions become records of their own (CentreSuggestion) instead of page
revisions with a log of who sent them (SuggestionLog).

Each old log is kept as a record already applied: the values it brought went
into a page revision when it was sent (the page's history still has them), so
there is nothing left to apply, and the record only keeps the sender's contact
data until the retention period ends. A log whose page is gone is dropped:
nothing ties it to a directory any more."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

STEPLEN = 4  # treebeard's path step (wagtail.models.Page.steplen)


def logs_to_suggestions(apps, schema_editor):
    SuggestionLog = apps.get_model("directory", "SuggestionLog")
    CentreSuggestion = apps.get_model("directory", "CentreSuggestion")
    CentrePage = apps.get_model("directory", "CentrePage")
    DirectoryPage = apps.get_model("directory", "DirectoryPage")
    for log in SuggestionLog.objects.exclude(page=None).order_by("pk").iterator():
        centre = CentrePage.objects.filter(pk=log.page_id).first()
        if centre is None:
            continue
        directory = DirectoryPage.objects.filter(path=centre.path[:-STEPLEN]).first()
        if directory is None:
            continue
        suggestion = CentreSuggestion.objects.create(
            directory=directory,
            centre=centre,
            is_update=log.is_update,
            contact_name=log.contact_name,
            contact_email=log.contact_email,
            message=log.message,
            status="applied",
        )
        # auto_now_add stamped the record now; it keeps the date it was sent.
        CentreSuggestion.objects.filter(pk=suggestion.pk).update(
            created_at=log.created_at
        )


def suggestions_to_logs(apps, schema_editor):
    SuggestionLog = apps.get_model("directory", "SuggestionLog")
    CentreSuggestion = apps.get_model("directory", "CentreSuggestion")
    for suggestion in CentreSuggestion.objects.order_by("pk").iterator():
        log = SuggestionLog.objects.create(
            page_id=suggestion.centre_id,
            is_update=suggestion.is_update,
            contact_name=suggestion.contact_name,
            contact_email=suggestion.contact_email,
            message=suggestion.message,
        )
        SuggestionLog.objects.filter(pk=log.pk).update(
            created_at=suggestion.created_at
        )


class Migration(migrations.Migration):

    dependencies = [
        ('directory', '0006_moderated_snippets'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='CentreSuggestion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, db_index=True, help_text='When.', verbose_name='sent at')),
                ('is_update', models.BooleanField(default=False, help_text='An update of an existing centre.', verbose_name='update')),
                ('data', models.JSONField(blank=True, default=dict, help_text="The centre's fields as the visitor sent them.", verbose_name='suggested values')),
                ('contact_name', models.CharField(blank=True, help_text='Who sent it.', max_length=200, verbose_name='contact name')),
                ('contact_email', models.EmailField(blank=True, help_text='How to reach them about it.', max_length=254, verbose_name='contact e-mail')),
                ('message', models.TextField(blank=True, help_text='What they told moderators.', verbose_name='message')),
                ('status', models.CharField(choices=[('pending', 'pending'), ('applied', 'applied'), ('rejected', 'rejected')], default='pending', help_text='Whether a moderator has applied or rejected it.', max_length=10, verbose_name='status')),
                ('reviewed_at', models.DateTimeField(blank=True, help_text='When they did.', null=True, verbose_name='reviewed at')),
                ('centre', models.ForeignKey(blank=True, help_text='The centre to update or, for a new centre, the draft page made for it.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='directory.centrepage', verbose_name='centre')),
                ('directory', models.ForeignKey(help_text='The directory whose form it came from.', on_delete=django.db.models.deletion.CASCADE, related_name='+', to='directory.directorypage', verbose_name='directory')),
                ('reviewed_by', models.ForeignKey(blank=True, help_text='The moderator who applied or rejected it.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='reviewed by')),
            ],
            options={
                'verbose_name': 'centre suggestion',
                'verbose_name_plural': 'centre suggestions',
                'ordering': ['-created_at', '-pk'],
            },
        ),
        migrations.RunPython(logs_to_suggestions, suggestions_to_logs),
        migrations.DeleteModel(
            name='SuggestionLog',
        ),
    ]
