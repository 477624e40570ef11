"""A publish that fails half-way leaves the live page as it was
(portal.publishing), and Wagtail still needs that correction."""

from unittest import mock

import pytest
from django.db import DatabaseError
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.actions.publish_revision import PublishRevisionAction

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def _draft(home):
    page = StandardPageFactory(parent=home, title="As published")
    page.title = "Edited"
    return page, page.save_revision()


def _failing_after_save():
    # The signal and log entries come after the page row is saved.
    return mock.patch.object(
        PublishPageRevisionAction,
        "_after_publish",
        side_effect=DatabaseError("the log entry could not be written"),
    )


def test_a_publish_failing_half_way_leaves_the_live_page_unchanged(home):
    page, revision = _draft(home)
    with _failing_after_save(), pytest.raises(DatabaseError):
        revision.publish()
    page.refresh_from_db()
    assert page.title == "As published"
    assert page.get_latest_revision().content["title"] == "Edited"


def test_wagtail_alone_still_publishes_in_several_writes(home):
    # Fails once Wagtail publishes in one transaction itself: then
    # portal.publishing can go.
    page, revision = _draft(home)
    wagtails_own = PublishRevisionAction.execute.__wrapped__
    action = PublishPageRevisionAction(revision)
    with _failing_after_save(), pytest.raises(DatabaseError):
        wagtails_own(action, skip_permission_checks=True)
    page.refresh_from_db()
    assert page.title == "Edited"
