"""Demo content of the guide app: the Guide for cooperation and its chapters,
case studies, the competence framework and training modules, project outputs
and their resources; English source, French through wagtail-localize, and the
guide page and its first chapter in Italian, Portuguese and Croatian. The
texts are in data/{guide,competences,case_studies,resources}.yaml."""

from django.utils.text import slugify

from demo.loader import read_data, string_pairs
from guide.models import (
    CaseStudyCentre,
    CaseStudyIndexPage,
    CaseStudyPage,
    Competence,
    CompetenceFrameworkPage,
    GuideChapterPage,
    GuidePage,
    ProjectOutputsPage,
    Resource,
    ResourceFile,
    Theme,
    TrainingModule,
)

ORDER = 50  # after home (10) and the directory (40), whose centres case studies cite
EXTRA_LANGUAGES = ["it", "pt", "hr"]
MODULE_CODES = "ABCDEFG"

_GUIDE = read_data("guide.yaml")
GUIDE = _GUIDE["guide"]
CHAPTERS = _GUIDE["chapters"]
CHAPTER_1 = CHAPTERS[0]
SECTION_4_1 = _GUIDE["section_4_1"]
_COMPETENCES = read_data("competences.yaml")
COMPETENCES = _COMPETENCES["competences"]
MODULE_OUTCOMES = _COMPETENCES["module_outcomes"]
FRAMEWORK = _COMPETENCES["framework"]
_CASE_STUDIES = read_data("case_studies.yaml")
THEMES = _CASE_STUDIES["themes"]
CASE_INDEX = _CASE_STUDIES["case_index"]
CASE_STUDIES = _CASE_STUDIES["case_studies"]
_RESOURCES = read_data("resources.yaml")
RESOURCES = _RESOURCES["resources"]
OUTPUTS_PAGE = _RESOURCES["outputs_page"]


def body(items):
    """StreamField data from ("h2"|"h3", text) and ("p", html) pairs."""
    data = []
    for kind, value in items:
        if kind in ("h2", "h3"):
            data.append({"type": "heading", "value": {"text": value, "level": kind}})
        else:
            data.append({"type": "paragraph", "value": value})
    return data


def snippet(demo, model, lookup, **fields):
    """The English snippet matching `lookup`, created if absent."""
    en = demo.locale("en")
    existing = model.objects.filter(locale=en, **lookup).first()
    if existing is not None:
        return existing, False
    instance = model(locale=en, **lookup, **fields)
    instance.save()
    demo.created += 1
    return instance, True


def load_themes(demo):
    themes = {}
    for slug, en_name, fr_name in THEMES:
        theme, _created = snippet(demo, Theme, {"slug": slug}, name=en_name)
        demo.translate(theme, "fr", {en_name: fr_name})
        themes[slug] = theme
    return themes


def load_competences(demo):
    competences = {}
    for number, (slug, en_name, fr_name, en_summary, fr_summary, sample) in enumerate(
        COMPETENCES, start=1
    ):
        competence, _created = snippet(
            demo,
            Competence,
            {"slug": slug},
            number=number,
            name=en_name,
            summary=en_summary,
            is_sample=sample,
        )
        demo.translate(competence, "fr", {en_name: fr_name, en_summary: fr_summary})
        competences[slug] = competence
    return competences


def load_modules(demo, competences):
    en = demo.locale("en")
    for code, (slug, en_name, fr_name, *_rest, sample) in zip(
        MODULE_CODES, COMPETENCES, strict=True
    ):
        module = TrainingModule.objects.filter(locale=en, code=code).first()
        outcomes_en = MODULE_OUTCOMES[code]["en"]
        outcomes_fr = MODULE_OUTCOMES[code]["fr"]
        if module is None:
            # No course link: the demo knows no real course address (see the
            # catalogue), and a module without one shows no button.
            module = TrainingModule(
                locale=en,
                code=code,
                title=en_name,
                competence=competences[slug],
                learning_outcomes=outcomes_en,
                duration_hours=6 if sample else 8,
                is_sample=sample,
            )
            module.save()
            demo.created += 1
        demo.translate(
            module,
            "fr",
            {
                en_name: fr_name,
                **string_pairs(outcomes_en, outcomes_fr),
            },
        )


def load_resources(demo):
    resources = {}
    for key, data in RESOURCES.items():
        en_data = data["en"]
        resource, created = snippet(
            demo,
            Resource,
            {"title": en_data["title"]},
            description=en_data["description"],
            year=data["year"],
        )
        if created or not resource.files.exists():
            for order, language in enumerate(data["languages"]):
                text = data.get(language, en_data)
                if key == "guide-edition":
                    lines = []
                    for chapter in CHAPTERS:
                        chapter_text = chapter.get(language, chapter["en"])
                        lines += [chapter_text["title"], chapter_text["summary"], ""]
                else:
                    lines = [
                        text["description"],
                        "A short copy generated for the demonstration site.",
                    ]
                # A file in its own language is titled in it; a copy of the
                # English text says which language it was filed under.
                title = (
                    data[language]["title"]
                    if language in data
                    else f"{en_data['title']} ({language})"
                )
                document = demo.document(
                    title,
                    lines,
                    f"{slugify(key)}-{language}.pdf",
                    language=language,
                )
                ResourceFile.objects.create(
                    resource=resource,
                    language=language,
                    document=document,
                    sort_order=order,
                )
        demo.translate(resource, "fr", string_pairs(en_data, data["fr"]))
        resources[key] = resource
    return resources


def load_guide(demo, en_home, resources):
    guide = demo.page(
        en_home,
        GuidePage,
        "guide",
        **GUIDE["en"],
        edition=resources["guide-edition"],
    )
    chapter_pages = []
    for chapter in CHAPTERS:
        data = chapter["en"]
        chapter_pages.append(
            demo.page(
                guide,
                GuideChapterPage,
                data["slug"],
                title=data["title"],
                summary=data["summary"],
                body=body(data["body"]),
            )
        )
    data = SECTION_4_1["en"]
    section = demo.page(
        chapter_pages[3],
        GuideChapterPage,
        data["slug"],
        title=data["title"],
        summary=data["summary"],
        body=body(data["body"]),
    )
    demo.translate(guide, "fr", string_pairs(GUIDE["en"], GUIDE["fr"]))
    for page, chapter in zip(chapter_pages, CHAPTERS, strict=True):
        demo.translate(page, "fr", string_pairs(chapter["en"], chapter["fr"]))
    demo.translate(section, "fr", string_pairs(SECTION_4_1["en"], SECTION_4_1["fr"]))
    for code in EXTRA_LANGUAGES:
        if demo.home(code) is None:
            continue
        demo.translate(guide, code, string_pairs(GUIDE["en"], GUIDE[code]))
        demo.translate(
            chapter_pages[0], code, string_pairs(CHAPTER_1["en"], CHAPTER_1[code])
        )
    return guide


def load_case_studies(demo, en_home, themes, competences, resources):
    from directory.models import CentrePage
    from home.models import Partner

    en = demo.locale("en")
    index = demo.page(
        en_home,
        CaseStudyIndexPage,
        "case-studies",
        **CASE_INDEX["en"],
        summary_report=resources["summary-report"],
    )
    pairs = string_pairs(CASE_INDEX["en"], CASE_INDEX["fr"])
    pairs["case-studies"] = "etudes-de-cas"
    demo.translate(index, "fr", pairs)
    partners = {p.short_name: p for p in Partner.objects.filter(locale=en)}
    centres = {
        c.external_id: c for c in CentrePage.objects.filter(locale=en).only("id")
    }
    for case in CASE_STUDIES:
        data = case["en"]
        page = demo.page(
            index,
            CaseStudyPage,
            case["slug"],
            title=data["title"],
            summary=data["summary"],
            key_lessons=data["key_lessons"],
            body=[{"type": "paragraph", "value": data["body"]}],
            country=case["country"],
            is_sample=True,
            partners=[partners[name] for name in case["partners"] if name in partners],
            themes=[themes[slug] for slug in case["themes"]],
            competences=[competences[slug] for slug in case["competences"]],
            centres=[
                CaseStudyCentre(centre=centres[external_id])
                for external_id in case["centres"]
                if external_id in centres
            ],
        )
        pairs = string_pairs(case["en"], case["fr"])
        pairs[case["slug"]] = case["fr_slug"]
        demo.translate(page, "fr", pairs)
    return index


def load_framework(demo, en_home):
    page = demo.page(
        en_home,
        CompetenceFrameworkPage,
        "competences",
        **FRAMEWORK["en"],
    )
    demo.translate(page, "fr", string_pairs(FRAMEWORK["en"], FRAMEWORK["fr"]))
    return page


def load_outputs(demo, en_home, resources):
    en_data = OUTPUTS_PAGE["en"]
    outputs = [
        {
            "type": "output",
            "value": {
                "code": code,
                "title": title,
                "summary": summary,
                "resources": [resources[key].pk for key in keys],
            },
        }
        for code, title, summary, keys in en_data["outputs"]
    ]
    page = demo.page(
        en_home,
        ProjectOutputsPage,
        "outputs",
        title=en_data["title"],
        intro=en_data["intro"],
        outputs=outputs,
    )
    fr_data = OUTPUTS_PAGE["fr"]
    strings = {en_data["title"]: fr_data["title"], en_data["intro"]: fr_data["intro"]}
    for en_output, fr_output in zip(
        en_data["outputs"], fr_data["outputs"], strict=True
    ):
        string_pairs(list(en_output[:3]), list(fr_output[:3]), strings)
    strings["outputs"] = "realisations"
    demo.translate(page, "fr", strings)
    return page


def load(demo):
    from demo.directory import recount_children

    en_home = demo.home("en")
    if en_home is None:
        return
    recount_children(en_home)
    fr_home = demo.home("fr")
    if fr_home is not None:
        recount_children(fr_home)
    themes = load_themes(demo)
    competences = load_competences(demo)
    load_modules(demo, competences)
    resources = load_resources(demo)
    load_guide(demo, en_home, resources)
    load_case_studies(demo, en_home, themes, competences, resources)
    load_framework(demo, en_home)
    load_outputs(demo, en_home, resources)
