"""Demo news of the home app, drawn from the seeds: the news index (en, fr, it,
pt, hr), the topics (en, fr) and five articles in English and French, whose
texts are in data/news.yaml."""

from demo.loader import read_data, stream, string_pairs
from home.models import NewsIndexPage, NewsPage, Partner, Topic

_DATA = read_data("news.yaml")
INDEX = _DATA["index"]
TOPICS = _DATA["topics"]
ARTICLES = _DATA["articles"]


def _topic(demo, slug, name_en, name_fr):
    topic = Topic.objects.filter(locale=demo.locale("en"), slug=slug).first()
    if topic is None:
        topic = Topic.objects.create(locale=demo.locale("en"), slug=slug, name=name_en)
        demo.created += 1
    demo.translate(topic, "fr", {name_en: name_fr})
    return topic


def _article(demo, index, data, topics):
    existing = index.get_children().filter(slug=data["slug"]).specific().first()
    if existing is not None:
        return existing
    en = data["en"]
    article = NewsPage(
        slug=data["slug"],
        title=en["title"],
        date=data["date"],
        intro=en["intro"],
        # A generated, decorative illustration: no alternative text, as it
        # shows nothing the title does not say.
        lead_image=demo.illustration(en["title"]),
        body=stream(*en["body"]),
        partner=Partner.objects.filter(
            locale=demo.locale("en"), short_name=data["partner"]
        ).first(),
    )
    article.topics = [topics[slug] for slug in data["topics"]]
    article.tags.add(*data["tags"])
    index.add_child(instance=article)
    article.save_revision().publish()
    demo.created += 1
    demo.log(f"  created NewsPage {article.url_path}")
    return article


def load(demo, en_home):
    index = demo.page(
        en_home,
        NewsIndexPage,
        INDEX["en"]["slug"],
        title=INDEX["en"]["title"],
        intro=INDEX["en"]["intro"],
    )
    topics = {slug: _topic(demo, slug, en, fr) for slug, en, fr in TOPICS}
    # The index first, so the articles' translations have a French parent.
    for code in ["fr", "it", "pt", "hr"]:
        demo.translate(index, code, string_pairs(INDEX["en"], INDEX[code]))
    for data in ARTICLES:
        article = _article(demo, index, data, topics)
        pairs = string_pairs(data["en"], data["fr"])
        pairs[data["slug"]] = data["fr_slug"]
        demo.translate(article, "fr", pairs)
