"""Demo content of the directory: the service taxonomy, the directory page and
real lifelong career guidance centres across Europe (Cités des métiers, one-stop
shops, public guidance services and Euroguidance centres), read from
`data/centres.json` (the page and services from `data/directory.yaml`), with approximate (city-level) coordinates, in English
and French. Contact details are kept to what is public and stable: a website only
where its domain is certain; check each centre's own website for opening hours."""

from django.utils.text import slugify

from demo.loader import read_data, string_pairs
from directory.models import CentrePage, DirectoryPage, Service

ORDER = 40

_DATA = read_data("directory.yaml")
SERVICES = _DATA["services"]
DIRECTORY = _DATA["directory"]


def centres():
    """The demo centres: shared data (ids, type, place, coordinates, services,
    languages) with the texts of each language under "en" and "fr"."""
    return read_data("centres.json")


def recount_children(page):
    """Guard against a stale `numchild` on a translated parent (see
    portal.signal_handlers.keep_numchild_true), which would make add_child
    reuse an existing path."""
    from wagtail.models import Page

    count = Page.objects.filter(
        path__startswith=page.path, depth=page.depth + 1
    ).count()
    Page.objects.filter(pk=page.pk).exclude(numchild=count).update(numchild=count)
    page.numchild = count


def load_services(demo):
    en = demo.locale("en")
    services = {}
    for order, (slug, name, french) in enumerate(SERVICES, start=1):
        service = Service.objects.filter(locale=en, slug=slug).first()
        if service is None:
            service = Service.objects.create(
                locale=en, slug=slug, name=name, sort_order=order * 10
            )
            demo.created += 1
        demo.translate(service, "fr", {name: french})
        services[slug] = service
    return services


def load(demo):
    services = load_services(demo)
    en_home, fr_home = demo.home("en"), demo.home("fr")
    if en_home is None:
        return
    data = DIRECTORY["en"]
    directory = demo.page(
        en_home,
        DirectoryPage,
        data["slug"],
        **{k: v for k, v in data.items() if k != "slug"},
    )
    recount_children(directory)
    if fr_home is not None:
        recount_children(fr_home)
        demo.translate(directory, "fr", string_pairs(DIRECTORY["en"], DIRECTORY["fr"]))

    fr_directory = None
    translated = set()
    if fr_home is not None:
        fr_directory = directory.get_translation_or_none(demo.locale("fr"))
        translated = set(
            CentrePage.objects.filter(locale=demo.locale("fr")).values_list(
                "translation_key", flat=True
            )
        )
    existing = {
        page.external_id: page
        for page in CentrePage.objects.child_of(directory).exclude(external_id="")
    }
    for centre in centres():
        en = centre["en"]
        page = existing.get(centre["external_id"])
        if page is None:
            fields = {
                key: value
                for key, value in centre.items()
                if key not in ("en", "fr", "services")
            }
            page = CentrePage(
                slug=slugify(centre["external_id"]),
                search_description=en["publics"],
                **fields,
                **en,
            )
            page.services.set([services[slug] for slug in centre["services"]])
            directory.add_child(instance=page)
            page.save_revision().publish()
            demo.created += 1
        if fr_home is not None and page.translation_key not in translated:
            if fr_directory is not None:
                recount_children(fr_directory)
            demo.translate(page, "fr", string_pairs(en, centre["fr"]))
