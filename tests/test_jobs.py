"""Editors see the task worker's failed jobs with their reason, and run them
again once the cause is gone (Reports > Background jobs)."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client, override_settings
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from search import tasks as search_tasks
from search.models import DocumentText
from tests.test_document_text import QUEUED, docx_bytes, run_queued_tasks, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_user("jobs-editor", "e@example.org", "pw")
    user.groups.set(Group.objects.filter(name="Editors"))
    client.force_login(user)
    return client


@override_settings(TASKS=QUEUED)
def test_a_failed_job_shows_its_reason_and_runs_again(editor_client, monkeypatch):
    original = search_tasks.extract_now

    def broken(document_id):
        raise OSError("the media disk is not mounted")

    monkeypatch.setattr(search_tasks, "extract_now", broken)
    document = upload(
        editor_client, "plan.docx", docx_bytes("Jobs quokka plan."), "Jobs plan"
    )
    run_queued_tasks()
    assert DBTaskResult.objects.filter(status="FAILED").count() == 1

    # The menu leads there, and the job says what it was about and why it failed.
    admin_home = editor_client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("portal_jobs:index") in admin_home
    page = editor_client.get(reverse("portal_jobs:index"))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Read a document&#x27;s text for the search: Jobs plan" in html
    assert "OSError: the media disk is not mounted" in html
    assert "1 failed" in html

    # The cause is fixed; the editor runs it again and the worker does it.
    monkeypatch.setattr(search_tasks, "extract_now", original)
    failed = DBTaskResult.objects.get(status="FAILED")
    response = editor_client.post(reverse("portal_jobs:retry", args=[failed.pk]))
    assert response.status_code == 302
    after = editor_client.get(response["Location"]).content.decode()
    assert "is queued again" in after
    assert "Waiting for the worker" in after and "No job has failed." in after
    assert run_queued_tasks() == 1
    assert DocumentText.objects.get(document=document).status == DocumentText.EXTRACTED
    assert not DBTaskResult.objects.filter(status="FAILED").exists()
    assert "Done" in editor_client.get(reverse("portal_jobs:index")).content.decode()


def test_only_admin_users_see_jobs_and_retrying_needs_a_post(editor_client):
    anonymous = Client()
    url = reverse("portal_jobs:index")
    assert anonymous.get(url).status_code == 302  # to the login
    failed = DBTaskResult.objects.create(
        status="FAILED",
        args_kwargs={"args": [], "kwargs": {}},
        task_path="directory.tasks.purge_expired_suggestions_task",
        backend_name="background",
        run_after="2026-01-01T00:00:00Z",
        exception_class_path="builtins.RuntimeError",
        traceback="Traceback...\nRuntimeError: boom\n",
    )
    retry = reverse("portal_jobs:retry", args=[failed.pk])
    assert anonymous.post(retry).status_code == 302
    assert DBTaskResult.objects.filter(pk=failed.pk).exists()
    assert editor_client.get(retry).status_code == 405
    html = editor_client.get(url).content.decode()
    assert "Delete expired centre suggestions" in html and "RuntimeError: boom" in html
    # Where tasks run at once (no worker), running it again does it now.
    response = editor_client.post(retry)
    assert response.status_code == 302
    assert not DBTaskResult.objects.filter(pk=failed.pk).exists()
