"""Demo content of the directory: the service taxonomy, the directory page and
real lifelong career guidance centres (Cités des métiers, Croatian CISOK centres,
Finnish Ohjaamo one-stop guidance centres, Geneva's OFPC) with approximate
coordinates, in English and French. Contact details are kept to what is public
and stable; check each centre's own website for opening hours."""

from portal.demo import string_pairs

from .models import CentrePage, DirectoryPage, Service

ORDER = 40

SERVICES = [
    ("information", "Information", "Information"),
    ("guidance", "Guidance and counselling", "Orientation et conseil"),
    ("education", "Education", "Éducation"),
    ("training", "Training", "Formation"),
    ("employment", "Employment", "Emploi"),
    ("entrepreneurship", "Entrepreneurship", "Création d’entreprise"),
    ("social-care", "Social care", "Action sociale"),
    ("validation", "Validation of skills", "Validation des acquis"),
    ("mobility", "Mobility abroad", "Mobilité à l’étranger"),
]

DIRECTORY = {
    "en": {
        "title": "Centre directory",
        "slug": "centres",
        "intro": (
            "<p>Lifelong career guidance centres across Europe: Cités des métiers, "
            "one-stop shops and guidance services open to everyone. Search by name, "
            "city or service, filter the list, or sort it by distance from you.</p>"
        ),
        "teaser": (
            "Find a Cité des métiers or another lifelong career guidance centre near "
            "you, on a list or on a map."
        ),
        "suggest_intro": (
            "<p>Tell us about a lifelong career guidance centre that is missing or out "
            "of date. A moderator of the network checks every suggestion before it is "
            "published.</p>"
        ),
        "search_description": (
            "A directory of lifelong career guidance centres in Europe, searchable by "
            "country, service and language."
        ),
    },
    "fr": {
        "title": "Annuaire des centres",
        "slug": "centres",
        "intro": (
            "<p>Les centres d’orientation tout au long de la vie en Europe : Cités des "
            "métiers, guichets uniques et services d’orientation ouverts à tous. "
            "Cherchez par nom, ville ou service, filtrez la liste ou triez-la selon la "
            "distance.</p>"
        ),
        "teaser": (
            "Trouvez une Cité des métiers ou un autre centre d’orientation tout au long "
            "de la vie près de chez vous, sur une liste ou sur une carte."
        ),
        "suggest_intro": (
            "<p>Signalez-nous un centre d’orientation tout au long de la vie absent ou "
            "dont la fiche n’est plus à jour. Un modérateur du réseau vérifie chaque "
            "proposition avant sa publication.</p>"
        ),
        "search_description": (
            "Un annuaire des centres d’orientation tout au long de la vie en Europe, par "
            "pays, service et langue."
        ),
    },
}

CENTRES = [
    {
        "external_id": "cdm-paris-villette",
        "centre_type": "cite_des_metiers",
        "country": "FR",
        "region": "Île-de-France",
        "city": "Paris",
        "address": "30 avenue Corentin-Cariou",
        "postcode": "75019",
        "latitude": 48.8957,
        "longitude": 2.3878,
        "website": "https://www.cite-sciences.fr/",
        "languages": "fr, en",
        "services": [
            "information",
            "guidance",
            "training",
            "employment",
            "entrepreneurship",
            "validation",
            "mobility",
        ],
        "opening_hours_spec": "Tu-Sa",
        "en": {
            "title": "Cité des métiers de Paris la Villette",
            "description": (
                "<p>The first Cité des métiers, opened in 1993 inside the Cité des "
                "sciences et de l’industrie. Anyone can come in, free and without an "
                "appointment, to talk about choosing a career, finding a job or a "
                "training course, changing careers or starting a business.</p>"
                "<p>Advisers from partner organisations in education, employment and "
                "business creation work side by side in the same open space.</p>"
            ),
            "publics": "Everyone: pupils, students, job seekers, employees, career changers.",
            "opening_hours": "Tuesday to Saturday; see the website for the hours.",
            "accessibility": "Step-free access through the Cité des sciences et de l’industrie.",
        },
        "fr": {
            "title": "Cité des métiers de Paris la Villette",
            "description": (
                "<p>La première Cité des métiers, ouverte en 1993 au sein de la Cité des "
                "sciences et de l’industrie. Chacun peut y venir, gratuitement et sans "
                "rendez-vous, pour parler de choix d’un métier, de recherche d’emploi ou "
                "de formation, de reconversion ou de création d’entreprise.</p>"
                "<p>Des conseillers d’organismes partenaires de l’éducation, de l’emploi "
                "et de la création d’entreprise travaillent côte à côte dans un même "
                "espace ouvert.</p>"
            ),
            "publics": "Tous les publics : collégiens, étudiants, demandeurs d’emploi, salariés, personnes en reconversion.",
            "opening_hours": "Du mardi au samedi ; horaires sur le site.",
            "accessibility": "Accès de plain-pied par la Cité des sciences et de l’industrie.",
        },
    },
    {
        "external_id": "cdm-bruxelles",
        "centre_type": "cite_des_metiers",
        "country": "BE",
        "region": "Brussels-Capital Region",
        "city": "Brussels",
        "address": "Avenue de l’Astronomie 14",
        "postcode": "1210",
        "latitude": 50.8515,
        "longitude": 4.3672,
        "website": "https://www.citedesmetiers.brussels/",
        "languages": "fr, nl, en",
        "services": ["information", "guidance", "training", "employment", "education"],
        "en": {
            "title": "Cité des métiers de Bruxelles",
            "description": (
                "<p>The Brussels Cité des métiers brings together the public services of "
                "employment, training and education of the Brussels-Capital Region in one "
                "place, with free advice in French and Dutch.</p>"
            ),
            "publics": "Young people, job seekers, workers and anyone thinking about their career.",
            "opening_hours": "Weekdays; see the website for the hours.",
            "accessibility": "",
        },
        "fr": {
            "title": "Cité des métiers de Bruxelles",
            "description": (
                "<p>La Cité des métiers de Bruxelles réunit en un lieu les services "
                "publics de l’emploi, de la formation et de l’enseignement de la Région "
                "de Bruxelles-Capitale, avec des conseils gratuits en français et en "
                "néerlandais.</p>"
            ),
            "publics": "Jeunes, demandeurs d’emploi, travailleurs et toute personne qui réfléchit à son parcours.",
            "opening_hours": "En semaine ; horaires sur le site.",
            "accessibility": "",
        },
    },
    {
        "external_id": "cdm-porto",
        "centre_type": "cite_des_metiers",
        "country": "PT",
        "region": "Norte",
        "city": "Porto",
        "latitude": 41.1496,
        "longitude": -8.6109,
        "website": "https://www.porto.pt/",
        "languages": "pt, en",
        "services": ["information", "guidance", "employment", "entrepreneurship"],
        "en": {
            "title": "Cité des métiers of Porto",
            "description": (
                "<p>The Cité des métiers run by the municipality of Porto, a Keep In Pact "
                "partner known in the network for its gamified speed networking between "
                "partner organisations.</p>"
            ),
            "publics": "Residents of Porto looking for work, training or a new career path.",
            "opening_hours": "",
            "accessibility": "",
        },
        "fr": {
            "title": "Cité des métiers de Porto",
            "description": (
                "<p>La Cité des métiers gérée par la municipalité de Porto, partenaire de "
                "Keep In Pact connu dans le réseau pour son speed networking ludique entre "
                "organisations partenaires.</p>"
            ),
            "publics": "Habitants de Porto en recherche d’emploi, de formation ou d’un nouveau parcours.",
            "opening_hours": "",
            "accessibility": "",
        },
    },
    {
        "external_id": "cdm-haute-normandie",
        "centre_type": "cite_des_metiers",
        "country": "FR",
        "region": "Normandie",
        "city": "Rouen",
        "latitude": 49.4432,
        "longitude": 1.0999,
        "languages": "fr",
        "services": ["information", "guidance", "training", "employment", "validation"],
        "en": {
            "title": "Cité des métiers de Haute-Normandie",
            "description": (
                "<p>The Cité des métiers of the former Haute-Normandie region, in Rouen, "
                "offers information and advice on jobs, training and careers to everyone, "
                "with its regional partners.</p>"
            ),
            "publics": "Everyone in the region, whatever their age or situation.",
            "opening_hours": "",
            "accessibility": "",
        },
        "fr": {
            "title": "Cité des métiers de Haute-Normandie",
            "description": (
                "<p>La Cité des métiers de l’ancienne région Haute-Normandie, à Rouen, "
                "informe et conseille chacun sur les métiers, la formation et les "
                "parcours professionnels, avec ses partenaires régionaux.</p>"
            ),
            "publics": "Tous les habitants de la région, quels que soient leur âge et leur situation.",
            "opening_hours": "",
            "accessibility": "",
        },
    },
    {
        "external_id": "cdm-la-reunion",
        "centre_type": "cite_des_metiers",
        "country": "FR",
        "region": "La Réunion",
        "city": "Saint-Pierre",
        "latitude": -21.3393,
        "longitude": 55.4781,
        "languages": "fr",
        "services": ["information", "guidance", "training", "employment", "mobility"],
        "en": {
            "title": "Cité des métiers de La Réunion",
            "description": (
                "<p>The Cité des métiers of the island of La Réunion, in Saint-Pierre, "
                "helps islanders choose a career, find training and prepare for mobility "
                "to mainland France or abroad.</p>"
            ),
            "publics": "Young people and adults of La Réunion.",
            "opening_hours": "",
            "accessibility": "",
        },
        "fr": {
            "title": "Cité des métiers de La Réunion",
            "description": (
                "<p>La Cité des métiers de l’île de La Réunion, à Saint-Pierre, aide les "
                "Réunionnais à choisir un métier, trouver une formation et préparer une "
                "mobilité vers l’Hexagone ou l’étranger.</p>"
            ),
            "publics": "Jeunes et adultes de La Réunion.",
            "opening_hours": "",
            "accessibility": "",
        },
    },
    {
        "external_id": "ofpc-geneve",
        "centre_type": "cite_des_metiers",
        "country": "CH",
        "region": "Canton of Geneva",
        "city": "Geneva",
        "address": "Rue Prévost-Martin 6",
        "postcode": "1205",
        "latitude": 46.1957,
        "longitude": 6.1429,
        "website": "https://www.ge.ch/",
        "languages": "fr, en",
        "services": ["information", "guidance", "training", "validation", "education"],
        "en": {
            "title": "Cité des métiers du Grand Genève (OFPC)",
            "description": (
                "<p>The Office for guidance, vocational training and continuing education "
                "(OFPC) of the Canton of Geneva, which hosts the Cité des métiers du Grand "
                "Genève and advised Keep In Pact as an external expert.</p>"
            ),
            "publics": "Young people, adults and employers of the Geneva area.",
            "opening_hours": "",
            "accessibility": "",
        },
        "fr": {
            "title": "Cité des métiers du Grand Genève (OFPC)",
            "description": (
                "<p>L’Office pour l’orientation, la formation professionnelle et continue "
                "(OFPC) du canton de Genève, qui accueille la Cité des métiers du Grand "
                "Genève et a conseillé Keep In Pact comme expert externe.</p>"
            ),
            "publics": "Jeunes, adultes et employeurs de la région genevoise.",
            "opening_hours": "",
            "accessibility": "",
        },
    },
]

CISOK = [
    ("zagreb", "Zagreb", "City of Zagreb", 45.8131, 15.9775),
    ("split", "Split", "Split-Dalmatia County", 43.5081, 16.4402),
    ("rijeka", "Rijeka", "Primorje-Gorski Kotar County", 45.3271, 14.4422),
    ("osijek", "Osijek", "Osijek-Baranja County", 45.5550, 18.6955),
]
OHJAAMO = [
    ("helsinki", "Helsinki", "Uusimaa", 60.1699, 24.9384),
    ("tampere", "Tampere", "Pirkanmaa", 61.4978, 23.7610),
    ("turku", "Turku", "Southwest Finland", 60.4518, 22.2666),
]

for slug, city, region, lat, lng in CISOK:
    CENTRES.append(
        {
            "external_id": f"cisok-{slug}",
            "centre_type": "guidance_centre",
            "country": "HR",
            "region": region,
            "city": city,
            "latitude": lat,
            "longitude": lng,
            "website": "https://www.hzz.hr/",
            "languages": "hr, en",
            "services": ["information", "guidance", "education", "employment"],
            "en": {
                "title": f"CISOK {city} lifelong career guidance centre",
                "description": (
                    "<p>One of the Croatian Employment Service’s centres for lifelong "
                    "career guidance (CISOK), open to pupils, students, job seekers and "
                    "employees who want information and advice on their career.</p>"
                ),
                "publics": "Pupils, students, job seekers and employees.",
                "opening_hours": "",
                "accessibility": "",
            },
            "fr": {
                "title": f"Centre d’orientation tout au long de la vie CISOK {city}",
                "description": (
                    "<p>L’un des centres d’orientation tout au long de la vie (CISOK) du "
                    "service public croate de l’emploi, ouvert aux élèves, étudiants, "
                    "demandeurs d’emploi et salariés qui veulent s’informer et être "
                    "conseillés sur leur parcours.</p>"
                ),
                "publics": "Élèves, étudiants, demandeurs d’emploi et salariés.",
                "opening_hours": "",
                "accessibility": "",
            },
        }
    )

for slug, city, region, lat, lng in OHJAAMO:
    CENTRES.append(
        {
            "external_id": f"ohjaamo-{slug}",
            "centre_type": "one_stop_shop",
            "country": "FI",
            "region": region,
            "city": city,
            "latitude": lat,
            "longitude": lng,
            "website": "https://ohjaamot.fi/",
            "languages": "fi, sv, en",
            "services": [
                "information",
                "guidance",
                "education",
                "employment",
                "social-care",
            ],
            "en": {
                "title": f"Ohjaamo {city}",
                "description": (
                    "<p>A Finnish Ohjaamo, a one-stop guidance centre for young people "
                    "under 30: advice on work, studies, housing and well-being from "
                    "several public services under one roof, without an appointment.</p>"
                ),
                "publics": "Young people under 30.",
                "opening_hours": "",
                "accessibility": "",
            },
            "fr": {
                "title": f"Ohjaamo {city}",
                "description": (
                    "<p>Un Ohjaamo finlandais, guichet unique d’orientation pour les "
                    "jeunes de moins de 30 ans : conseils sur le travail, les études, le "
                    "logement et le bien-être par plusieurs services publics sous un même "
                    "toit, sans rendez-vous.</p>"
                ),
                "publics": "Jeunes de moins de 30 ans.",
                "opening_hours": "",
                "accessibility": "",
            },
        }
    )


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

    for centre in CENTRES:
        en = centre["en"]
        fields = {
            key: value
            for key, value in centre.items()
            if key not in ("en", "fr", "services")
        }
        existing = (
            CentrePage.objects.child_of(directory)
            .filter(external_id=centre["external_id"])
            .first()
        )
        if existing is None:
            from django.utils.text import slugify

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
            existing = page
        if fr_home is not None:
            fr_directory = directory.get_translation_or_none(demo.locale("fr"))
            if fr_directory is not None:
                recount_children(fr_directory)
            demo.translate(existing, "fr", string_pairs(en, centre["fr"]))
