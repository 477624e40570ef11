"""Tools for `manage.py load_demo`: each content module of this package
(CONTENT_MODULES) defines `ORDER` and `load(demo)`, and may define
`finish(demo)`, run once every module has loaded; this module runs them in order and offers idempotent helpers, including translation
through wagtail-localize (as a translator would)."""

import importlib
import io
import json
from pathlib import Path

import yaml
from django.conf import settings
from django.core.files.images import ImageFile
from django.utils.text import slugify
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from portal.signal_handlers import give_snippets_a_live_revision

DATA = Path(__file__).resolve().parent / "data"


def read_data(name):
    """The demo's texts and structure from `data/<name>` (YAML, or JSON for
    the generated lists of centres and tour rooms), in English and French."""
    with (DATA / name).open(encoding="utf-8") as file:
        if name.endswith(".json"):
            return json.load(file)
        return yaml.safe_load(file)


class Demo:
    def __init__(self, stdout=None):
        self.stdout = stdout or io.StringIO()
        self.created = 0

    def log(self, message):
        self.stdout.write(message)

    # Locales and the site ---------------------------------------------------
    def locale(self, code):
        return Locale.objects.get_or_create(language_code=code)[0]

    @property
    def site(self):
        return Site.objects.select_related("root_page").get(is_default_site=True)

    def home(self, code=None):
        root = self.site.root_page.specific
        if code in (None, settings.LANGUAGE_CODE):
            return root
        return root.get_translation_or_none(self.locale(code))

    # Pages ----------------------------------------------------------------
    def page(self, parent, model, slug, **fields):
        """The child of `parent` with this slug, created and published if absent."""
        existing = parent.get_children().filter(slug=slug).specific().first()
        if existing is not None:
            return existing
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created += 1
        self.log(f"  created {model.__name__} {page.url_path}")
        return page

    def translate(self, instance, code, strings, publish=True):
        """Translate `instance` into language `code` with wagtail-localize, using
        `strings` (source text -> translated text) for the segments it knows.
        Does nothing when the translation exists already."""
        locale = self.locale(code)
        existing = instance.get_translation_or_none(locale)
        if existing is not None:
            return existing
        source, _created = TranslationSource.update_or_create_from_instance(instance)
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=locale
        )
        for segment in source.stringsegment_set.select_related("string", "context"):
            target = strings.get(segment.string.data)
            if target:
                StringTranslation.objects.update_or_create(
                    translation_of=segment.string,
                    locale=locale,
                    context=segment.context,
                    defaults={"data": target, "translation_type": "manual"},
                )
        translation.save_target(publish=publish)
        self.created += 1
        self.log(f"  translated {instance} into {code}")
        return instance.get_translation(locale)

    # Files -----------------------------------------------------------------
    def illustration(self, subject):
        """A generated abstract illustration for `subject` (e.g. an article's
        title): motif and colours follow a stable hash of it. It is decorative,
        so it has no description (the alternative text templates fall back to),
        and its admin title says what it is."""

        from demo.images import choose, illustration_png, illustration_title

        choice = choose(subject)
        title = illustration_title(subject, choice)
        return self._image(
            title, illustration_png(choice), f"illustration-{slugify(subject)}"
        )

    def word_mark(self, name, short_name):
        """A generated word-mark standing in for an organisation's logo in the
        demo, named as such in the admin (its alt text is the organisation's
        name wherever it is shown)."""
        from demo.images import word_mark_png

        return self._image(
            f"{name} word-mark (generated for the demo)",
            word_mark_png(short_name),
            f"word-mark-{slugify(short_name)}",
        )

    def _image(self, title, data, filename):
        from wagtail.images import get_image_model

        Image = get_image_model()
        existing = Image.objects.filter(title=title).first()
        if existing is not None:
            return existing
        image = Image(title=title)
        image.file = ImageFile(io.BytesIO(data), name=f"{filename[:60]}.png")
        image.save()
        self.created += 1
        return image

    def document(self, title, lines, filename, language=None):
        """A real small PDF document with the given lines of text, in
        `language` when given (else the site search reads it from the text)."""
        from wagtail.documents import get_document_model

        from portal.pdf import simple_pdf

        Document = get_document_model()
        existing = Document.objects.filter(title=title).first()
        if existing is not None:
            return existing
        from django.core.files.base import ContentFile

        document = Document(title=title)
        document.file.save(filename, ContentFile(simple_pdf(title, lines)), save=False)
        document.save()
        if language:
            from search.models import DocumentText

            text, _created = DocumentText.objects.get_or_create(
                document=document, defaults={"title": title}
            )
            text.language = language
            text.save(update_fields=["language", "updated_at"])
        return document


# The content of each app, each module with a `load(demo)` and, when it
# links across apps, a `finish(demo)`, run in their ORDER.
CONTENT_MODULES = (
    "demo.home",
    "demo.events",
    "demo.directory",
    "demo.tours",
    "demo.guide",
    "demo.users",
)


def demo_modules():
    modules = [importlib.import_module(name) for name in CONTENT_MODULES]
    return sorted(modules, key=lambda m: getattr(m, "ORDER", 50))


def load_all(stdout=None):
    demo = Demo(stdout)
    modules = demo_modules()
    for module in modules:
        demo.log(f"{module.__name__}:")
        module.load(demo)
    # What links across apps (the menus) comes once all their content exists.
    for module in modules:
        if hasattr(module, "finish"):
            module.finish(demo)
    give_snippets_a_live_revision()
    return demo


def ensure_base_tree():
    """Recreate what Wagtail's migrations create (default locale, tree root, a
    default site, root collection) on a database that was flushed, e.g. by a
    transactional test."""
    from wagtail.models import Collection

    if not Collection.objects.filter(depth=1).exists():
        Collection.add_root(name="Root")
    if Page.objects.filter(depth=1).exists():
        return
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    root = Page.add_root(instance=Page(title="Root", slug="root"))
    placeholder = root.add_child(instance=Page(title="Welcome", slug="home"))
    Site.objects.create(
        hostname="localhost",
        site_name=settings.WAGTAIL_SITE_NAME,
        root_page=placeholder,
        is_default_site=True,
    )


def ensure_page_root(demo, model, **fields):
    """Make `model` the root page of the default site (replacing Wagtail's
    placeholder 'Welcome' page on a fresh database)."""
    site = demo.site
    root = site.root_page.specific
    if isinstance(root, model):
        return root
    placeholder = root if root.depth == 2 and type(root) is Page else None
    if placeholder is not None:  # free its slug "home"
        Page.objects.filter(pk=placeholder.pk).update(slug="wagtail-placeholder")
    tree_root = Page.get_first_root_node()
    home = model(slug="home", **fields)
    tree_root.add_child(instance=home)
    home.save_revision().publish()
    site.root_page = home
    site.save()
    if placeholder is not None:
        Page.objects.get(pk=placeholder.pk).delete()
    demo.created += 1
    return home


def stream(*blocks):
    """Build StreamField data from ('heading', text) / ('paragraph', html) pairs."""
    data = []
    for kind, value in blocks:
        if kind == "heading":
            data.append({"type": "heading", "value": {"text": value, "level": "h2"}})
        else:
            data.append({"type": kind, "value": value})
    return data


def string_pairs(source, target, pairs=None):
    """Walk two demo structures of the same shape and map each source string
    (or each paragraph/list item of rich text) to its translation."""
    import re

    pairs = {} if pairs is None else pairs
    if isinstance(source, dict):
        for key, value in source.items():
            if key in target:
                string_pairs(value, target[key], pairs)
    elif isinstance(source, list | tuple):
        for source_item, target_item in zip(source, target, strict=False):
            string_pairs(source_item, target_item, pairs)
    elif isinstance(source, str) and isinstance(target, str):
        pattern = re.compile(r"<(p|li|h2|h3|h4)>(.*?)</\1>", re.S)
        source_parts = [m.group(2) for m in pattern.finditer(source)]
        target_parts = [m.group(2) for m in pattern.finditer(target)]
        if source_parts and len(source_parts) == len(target_parts):
            pairs.update(zip(source_parts, target_parts, strict=True))
        else:
            pairs[source] = target
    return pairs
