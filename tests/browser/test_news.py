"""News in real Chromium: filters are plain links that combine without
JavaScript, and the language switcher keeps the visitor on the article."""

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_news_filters_combine_and_the_switcher_keeps_the_article(page, demo_server):
    page.goto(f"{demo_server.url}/fr/actualites/")
    assert page.locator(".news-card").count() == 5
    page.locator("#filter-topic + ul a", has_text="Formation").click()
    page.locator("#filter-year + ul a", has_text="2021").click()
    assert "topic=training" in page.url
    assert "year=2021" in page.url
    cards = page.locator(".news-card h3 a")
    assert cards.all_inner_texts() == [
        "Formation pilote à la Cité des métiers de Paris"
    ]
    cards.first.click()
    assert page.locator("h1").inner_text() == (
        "Formation pilote à la Cité des métiers de Paris"
    )
    page.locator("nav.language-switcher a[hreflang=en]").click()
    page.wait_for_url("**/en/news/pilot-training-cite-des-metiers-paris/")
    assert page.locator("h1").inner_text() == (
        "Pilot training at the Cité des métiers in Paris"
    )
