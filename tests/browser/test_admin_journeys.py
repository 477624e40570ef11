"""The admin as editors, moderators and translators use it, in real Chromium
with Wagtail's autosave on: drafts are saved as people type, reopen, preview
in the side panel (framed by the admin, no CSP violation), go to moderation
and are approved; translators translate and submit from the translation
editor; snippet changes wait for a moderator."""

import re

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

PASSWORD = "keepinpact-demo"  # noqa: S105 - the demo accounts' development password


@pytest.fixture
def demo_users(demo_server, django_db_blocker, settings):
    from demo.users import load as load_users

    settings.DEBUG = True  # the demo accounts are only made in development
    with django_db_blocker.unblock():
        from demo.loader import Demo

        load_users(Demo())
    settings.DEBUG = False
    return demo_server


@pytest.fixture
def person(browser):
    """A new browser session per role, with its console and failed requests."""
    contexts = []

    def open_as(server, username):
        context = browser.new_context(viewport={"width": 1366, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.problems = []
        page.on(
            "console",
            lambda m: (
                page.problems.append(m.text)
                if "Content Security Policy" in m.text or m.type == "error"
                else None
            ),
        )
        page.on(
            "response",
            lambda r: (
                page.problems.append(f"{r.status} {r.url}") if r.status >= 500 else None
            ),
        )
        page.goto(f"{server.url}/admin/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(re.compile(r".*/admin/$"))
        real_goto = page.goto

        def goto(url, **kwargs):
            # An edit form notices changes (and autosaves them) only once it has
            # taken its initial snapshot, a moment after the page loaded.
            response = real_goto(url, **kwargs)
            page.wait_for_load_state("networkidle")
            page.wait_for_function(
                """() => {
                    const form = document.querySelector('[data-edit-form]');
                    if (!form) return true;
                    const unsaved = window.wagtail?.app
                        ?.getControllerForElementAndIdentifier(form, 'w-unsaved');
                    return Boolean(unsaved && unsaved.initialFormData);
                }""",
                timeout=30000,
            )
            return response

        page.goto = goto
        return page

    yield open_as
    for context in contexts:
        context.close()


def _autosaved(page, path, change):
    """Make a change and wait for the autosave it triggers (a POST to the edit
    view about half a second later), which must succeed. When no autosave comes
    (in the headless test server it sometimes does not start), do what an
    editor does who sees no "Saved": click "Save draft". Either way the draft
    is checked afterwards by reopening the page."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        with page.expect_response(
            lambda r: r.url.endswith(path) and r.request.method == "POST",
            timeout=20000,
        ) as response:
            change()
    except PlaywrightTimeout:
        page.locator("footer").get_by_role("button", name="Save draft").click()
        page.wait_for_load_state("networkidle")
        assert "updated" in page.locator(".messages").inner_text()
        return
    assert response.value.status == 200
    assert response.value.json()["success"] is True


def _type(page, selector, value):
    """Replace a field's text as a person types it (the last keystroke is a
    real key press: the editor watches key presses for changes)."""
    page.fill(selector, value[:-1])
    page.locator(selector).press_sequentially(value[-1])


def _preview_heading(page):
    page.locator("[data-side-panel-toggle='preview']").click()
    frame = page.frame_locator("#w-preview-iframe")
    return frame.locator("h1").first.inner_text(timeout=20000)


def _ids(django_db_blocker):
    from events.models import EventPage
    from guide.models import CaseStudyPage
    from home.models import NewsPage, Topic

    with django_db_blocker.unblock():
        return {
            "news": NewsPage.objects.filter(locale__language_code="en").first(),
            "case": CaseStudyPage.objects.filter(locale__language_code="en").first(),
            "event": EventPage.objects.filter(
                locale__language_code="en", presentations__isnull=False
            ).first(),
            "topic": Topic.objects.filter(locale__language_code="en").first(),
        }


def test_editor_drafts_previews_and_submits_and_the_moderator_approves(
    demo_users, person, django_db_blocker
):
    server = demo_users
    pages = _ids(django_db_blocker)
    news, case, event = pages["news"], pages["case"], pages["event"]
    editor = person(server, "editor")

    # A news article with topics: autosaved, reopened, previewed, submitted.
    edit_path = f"/admin/pages/{news.pk}/edit/"
    editor.goto(server.url + edit_path)
    topic = editor.locator("input[name=topics]:not(:checked)").first
    topic_value = topic.get_attribute("value")

    def edit_article():
        # Both changes within the autosave's half-second wait: one autosave.
        topic.check()
        _type(editor, "#id_title", "Kick-off, as drafted by the editor")

    _autosaved(editor, edit_path, edit_article)
    editor.reload()
    assert editor.input_value("#id_title") == "Kick-off, as drafted by the editor"
    assert editor.locator(f"input[name=topics][value='{topic_value}']").is_checked()
    assert _preview_heading(editor) == "Kick-off, as drafted by the editor"
    # The preview lists the topic just ticked (the draft's, held in memory).
    from home.models import Topic

    with django_db_blocker.unblock():
        topic_name = Topic.objects.get(pk=topic_value).name
    facts = editor.frame_locator("#w-preview-iframe").locator(".key-facts")
    assert topic_name in facts.inner_text()
    editor.locator("footer").get_by_role("button", name="More actions").click()
    editor.locator("footer").get_by_role("button", name=re.compile("Submit to")).click()
    assert "submitted for moderation" in editor.locator(".messages").inner_text()

    # A case study with themes, and an event with presentations.
    for page, field, value in (
        (case, "#id_title", "A case study, drafted"),
        (event, "#id_title", "The final event, drafted"),
    ):
        path = f"/admin/pages/{page.pk}/edit/"
        editor.goto(server.url + path)

        def edit(page=page, field=field, value=value):
            if page is case:
                editor.locator("input[name=themes]:not(:checked)").first.check()
            _type(editor, field, value)

        _autosaved(editor, path, edit)
        editor.reload()
        assert editor.input_value(field) == value
        assert _preview_heading(editor) == value
    assert (
        "Presentations"
        in editor.frame_locator("#w-preview-iframe").locator("body").inner_text()
    )
    assert editor.problems == []

    # The live site still shows the published article.
    editor.goto(f"{server.url}{news.url}")
    assert editor.locator("h1").inner_text() == news.title

    # The moderator reviews the draft and approves it.
    moderator = person(server, "moderator")
    moderator.goto(f"{server.url}/admin/pages/{news.pk}/view_draft/")
    assert moderator.locator("h1").inner_text() == "Kick-off, as drafted by the editor"
    moderator.goto(server.url + edit_path)
    moderator.locator("footer").get_by_role("button", name="More actions").click()
    moderator.locator("footer").get_by_role(
        "button", name="Approve and Publish"
    ).click()
    moderator.wait_for_load_state()
    moderator.goto(f"{server.url}{news.url}")
    assert moderator.locator("h1").inner_text() == "Kick-off, as drafted by the editor"


def test_a_snippet_change_waits_for_a_moderator(demo_users, person, django_db_blocker):
    server = demo_users
    topic = _ids(django_db_blocker)["topic"]
    editor = person(server, "editor")
    editor.goto(f"{server.url}/admin/snippets/home/topic/edit/{topic.pk}/")
    assert editor.problems == []
    editor.fill("#id_name", "Renamed topic")
    editor.locator("footer").get_by_role("button", name="Save draft").click()
    editor.wait_for_load_state()
    editor.goto(f"{server.url}/en/news/")
    assert "Renamed topic" not in editor.locator("main").inner_text()

    moderator = person(server, "moderator")
    moderator.goto(f"{server.url}/admin/snippets/home/topic/edit/{topic.pk}/")
    assert moderator.input_value("#id_name") == "Renamed topic"
    moderator.locator("footer").get_by_role("button", name="More actions").click()
    moderator.locator("footer").get_by_role("button", name="Publish").click()
    moderator.wait_for_load_state()
    moderator.goto(f"{server.url}/en/news/")
    assert "Renamed topic" in moderator.locator("main").inner_text()


def test_translator_translates_and_submits_from_the_editor(
    demo_users, person, django_db_blocker
):
    from home.models import StandardPage

    server = demo_users
    with django_db_blocker.unblock():
        french = StandardPage.objects.get(
            locale__language_code="fr", url_path__endswith="/a-propos/"
        )
    translator = person(server, "translator-fr")
    translator.goto(f"{server.url}/admin/pages/{french.pk}/edit/")
    status = translator.locator(".portal-translation-status")
    assert "strings translated" in status.inner_text()
    # No button that ends on a refusal.
    for label in ("Delete", "Convert to alias page", "Publish in Français"):
        assert translator.get_by_role("button", name=label).count() == 0
        assert translator.get_by_role("link", name=label).count() == 0

    # Translate the title again, then submit.
    translator.get_by_role("button", name="Edit").first.click()
    segment = translator.locator("li:has(textarea)").first
    segment.locator("textarea").fill("À propos de Keep In Pact")
    with translator.expect_response(lambda r: r.request.method == "PUT"):
        segment.get_by_role("button", name="Save").click()
    status.get_by_role("button", name="Submit for moderation").click()
    translator.wait_for_load_state()
    assert "submitted for moderation" in translator.locator(".messages").inner_text()
    assert (
        "Awaiting moderation"
        in translator.locator(".portal-translation-status").inner_text()
    )
    translator.goto(f"{server.url}/fr/a-propos/")
    assert translator.locator("h1").inner_text() == french.title

    moderator = person(server, "moderator")
    moderator.goto(f"{server.url}/admin/pages/{french.pk}/edit/")
    review = moderator.locator(".portal-translation-status")
    assert "Awaiting moderation" in review.inner_text()
    review.get_by_role("button", name="Approve and publish").click()
    moderator.wait_for_load_state()
    moderator.goto(f"{server.url}/fr/a-propos/")
    assert moderator.locator("h1").inner_text() == "À propos de Keep In Pact"
    assert translator.problems == [] and moderator.problems == []


def test_a_visitors_suggestion_is_compared_and_applied_by_a_moderator(
    demo_users, person, browser, django_db_blocker
):
    """A visitor suggests a change from the centre's page; the moderator finds
    it in the admin, compares it with the published centre and applies it as a
    draft of their own; the public page is unchanged until published."""
    server = demo_users
    with django_db_blocker.unblock():
        from directory.models import CentrePage

        centre = CentrePage.objects.live().filter(locale__language_code="en").first()
        centre_url, old_city = centre.url, centre.city
    context = browser.new_context(viewport={"width": 375, "height": 800})
    visitor = context.new_page()
    visitor.goto(f"{server.url}{centre_url}")
    visitor.get_by_role("link", name="Suggest an update").click()
    visitor.wait_for_load_state()
    assert "180 days" in visitor.locator("main").inner_text()
    visitor.fill("#id_city", "Villeneuve-sur-Test")
    visitor.fill("#id_contact_name", "Sam Stranger")
    visitor.fill("#id_contact_email", "sam@example.net")
    visitor.get_by_role("button", name="Send the suggestion").click()
    visitor.wait_for_load_state()
    assert "waiting for a moderator" in visitor.locator("main").inner_text()
    context.close()

    moderator = person(server, "moderator")
    moderator.get_by_role("link", name="Centre suggestions").click()
    moderator.wait_for_load_state()
    row = moderator.locator("table tbody tr").first
    assert "Sam Stranger" in row.inner_text()
    row.locator("a").first.click()
    moderator.wait_for_load_state()
    changed = moderator.locator("tr", has_text="Villeneuve-sur-Test")
    assert old_city in changed.inner_text() and "Changed" in changed.inner_text()
    moderator.get_by_role("button", name="Apply").click()
    moderator.wait_for_load_state()
    assert "/admin/pages/" in moderator.url and "/edit/" in moderator.url
    assert moderator.problems == []
    moderator.goto(f"{server.url}{centre_url}")
    assert "Villeneuve-sur-Test" not in moderator.locator("main").inner_text()


def test_an_editor_finds_a_failed_job_under_reports_and_runs_it_again(
    demo_users, person, django_db_blocker
):
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    with django_db_blocker.unblock():
        DBTaskResult.objects.create(
            status="FAILED",
            args_kwargs={"args": [], "kwargs": {}},
            task_path="directory.tasks.purge_expired_suggestions_task",
            backend_name="background",
            run_after=timezone.now(),
            finished_at=timezone.now(),
            exception_class_path="builtins.OSError",
            traceback="Traceback (most recent call last):\n  ...\n"
            "OSError: the database disk is full\n",
        )
    editor = person(demo_users, "editor")
    editor.get_by_role("button", name="Reports").filter(visible=True).first.click()
    editor.get_by_role("link", name="Background jobs").filter(
        visible=True
    ).first.click()
    editor.wait_for_load_state()
    failed = editor.get_by_role("table", name="Failed jobs, newest first")
    assert "Delete expired centre suggestions" in failed.inner_text()
    assert "OSError: the database disk is full" in failed.inner_text()
    editor.get_by_role(
        "button", name=re.compile(r"^Run again\W+Delete expired centre suggestions$")
    ).click()
    editor.wait_for_load_state()
    main = editor.locator("main").inner_text()
    assert "“Delete expired centre suggestions” is queued again." in main
    assert "No job has failed." in main
    assert not editor.problems, editor.problems


def test_a_moderator_unpublishes_an_article_in_every_language(
    demo_users, person, page, django_db_blocker
):
    from wagtail.models import Page

    from home.models import NewsPage

    with django_db_blocker.unblock():
        english = next(
            article
            for article in NewsPage.objects.live().filter(locale__language_code="en")
            if Page.objects.translation_of(article).live().exists()
        )
        translations = list(Page.objects.translation_of(english).live())
        urls = [english.url] + [translation.url for translation in translations]
    server = demo_users.url
    moderator = person(demo_users, "moderator")
    moderator.goto(f"{server}/admin/pages/{english.pk}/edit/")
    moderator.get_by_role("button", name="Actions").first.click()
    moderator.get_by_role("link", name="Unpublish").click()
    moderator.wait_for_load_state()
    text = " ".join(moderator.locator("main").inner_text().split())
    expected = (
        "This will also unpublish one translation of the page."
        if len(translations) == 1
        else f"This will also unpublish all {len(translations)} translations"
    )
    assert expected in text
    moderator.get_by_role("button", name="Yes, unpublish it").click()
    moderator.wait_for_load_state()
    assert "unpublished" in moderator.locator(".messages").inner_text()
    for url in urls:
        assert page.goto(server + url).status == 404, url
    french_index = urls[1].rsplit("/", 2)[0] + "/"
    page.goto(server + french_index)
    assert page.locator(f"a[href='{urls[1]}']").count() == 0
    assert not moderator.problems


def test_a_moderator_s_footer_change_reaches_every_page_of_its_language(
    demo_users, person, page, django_db_blocker
):
    from portal.models import SiteNavigation

    with django_db_blocker.unblock():
        english = SiteNavigation.objects.get(locale__language_code="en", live=True)
    server = demo_users.url
    statement = page.locator(".site-footer__funding-statement")
    # The menus and footer are rendered once and kept: warm them first.
    for url in ("/en/about/", "/en/news/", "/fr/a-propos/"):
        page.goto(server + url)
    french_before = statement.inner_text()

    moderator = person(demo_users, "moderator")
    moderator.goto(f"{server}/admin/snippets/portal/sitenavigation/edit/{english.pk}/")
    moderator.fill("#id_funding_statement", "Co-funded by Erasmus+ (revised wording)")
    moderator.locator("footer").get_by_role("button", name="More actions").click()
    moderator.locator("footer").get_by_role("button", name="Publish").click()
    moderator.wait_for_load_state()
    assert "published" in moderator.locator(".messages").inner_text()

    for url in ("/en/about/", "/en/news/"):
        page.goto(server + url)
        assert statement.inner_text() == "Co-funded by Erasmus+ (revised wording)"
        current = page.locator("header nav a[aria-current='page']")
        assert [
            current.nth(i).get_attribute("href") for i in range(current.count())
        ] == [url]
    page.goto(server + "/fr/a-propos/")
    assert statement.inner_text() == french_before
    assert not moderator.problems
