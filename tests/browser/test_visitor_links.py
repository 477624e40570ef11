"""A visitor following links only: from the case studies to a centre involved,
and from the events to an event's presentations, on a phone in French and a
wide screen in English."""

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

WALKS = [  # language, viewport width, menu labels, the case study, the event
    ("fr", 375, ("Études de cas", "Événements"), "Bruxelles", "diffusion final"),
    ("en", 1366, ("Case studies", "Events"), "Brussels", "Final multiplier"),
]


def open_section(page, server, language, width, label):
    page.goto(f"{server.url}/{language}/")
    if width < 600:
        page.locator("summary.site-menu__toggle").click()
    page.locator("nav.site-nav a", has_text=label).click()
    page.wait_for_load_state()


@pytest.mark.parametrize("language,width,labels,case,event", WALKS)
def test_case_study_to_centre_and_event_to_presentation(
    browser, demo_server, language, width, labels, case, event
):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    failures = []
    page.on(
        "response",
        lambda r: failures.append(f"{r.status} {r.url}") if r.status >= 400 else None,
    )
    try:
        open_section(page, demo_server, language, width, labels[0])
        page.locator("main .card a", has_text=case).first.click()
        page.wait_for_load_state()
        assert f"/{language}/" in page.url
        centre = page.locator(".key-facts a[href*='/centres/']").first
        name = centre.inner_text()
        assert name == "Cité des métiers de Bruxelles"
        centre.click()
        page.wait_for_url(f"**/{language}/centres/cdm-bruxelles/")
        assert page.locator("h1").inner_text() == name

        open_section(page, demo_server, language, width, labels[1])
        page.locator("main a", has_text=event).first.click()
        page.wait_for_load_state()
        speakers = page.locator("main").inner_text()
        assert "Marion Seidenbinder" in speakers and "Catherine Kinet" in speakers
        downloads = page.locator("main a[href*='/documents/']")
        assert downloads.count() == 6
        href = downloads.first.get_attribute("href")
        if href.startswith("/"):
            href = demo_server.url + href
        response = page.request.get(href)
        assert response.status == 200
        assert response.headers["content-type"] == "application/pdf"
        assert page.evaluate("document.documentElement.scrollWidth - innerWidth") <= 0
        assert failures == []
    finally:
        context.close()
