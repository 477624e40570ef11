"""Demo news of the home app, drawn from the seeds: the news index (en, fr, it,
pt, hr), the topics (en, fr) and five articles in English and French."""

import datetime

from demo.loader import stream, string_pairs
from home.models import NewsIndexPage, NewsPage, Partner, Topic

INDEX = {
    "en": {
        "title": "News",
        "slug": "news",
        "intro": "What the Keep In Pact partnership did, met about and published.",
    },
    "fr": {
        "title": "Actualités",
        "slug": "actualites",
        "intro": "Ce que le partenariat Keep In Pact a fait, discuté et publié.",
    },
    "it": {
        "title": "Notizie",
        "slug": "notizie",
        "intro": "Che cosa il partenariato Keep In Pact ha fatto, discusso e pubblicato.",
    },
    "pt": {
        "title": "Notícias",
        "slug": "noticias",
        "intro": "O que a parceria Keep In Pact fez, discutiu e publicou.",
    },
    "hr": {
        "title": "Novosti",
        "slug": "novosti",
        "intro": "Što je partnerstvo Keep In Pact radilo, raspravljalo i objavilo.",
    },
}

TOPICS = [
    ("project-life", "Project life", "Vie du projet"),
    ("training", "Training", "Formation"),
    ("community", "Community of practitioners", "Communauté de praticiens"),
    ("events", "Events", "Événements"),
]

ARTICLES = [
    {
        "slug": "kick-off-meeting-paris",
        "fr_slug": "reunion-de-lancement-paris",
        "date": datetime.date(2019, 9, 24),
        "partner": "RICDM",
        "topics": ["project-life", "events"],
        "tags": ["paris", "kick-off", "erasmus-plus"],
        "en": {
            "title": "Keep In Pact kicks off in Paris",
            "intro": (
                "Six partners from five EU countries met in Paris on 23 and 24 September "
                "2019 to launch Keep In Pact."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>The Keep In Pact project involves six partners from five EU "
                    "countries: France, Belgium, Italy, Portugal and Croatia. It kicked off "
                    "in Paris on 23 and 24 September 2019.</p>"
                    "<p>The project aims to promote upskilling in lifelong career guidance "
                    "services and to develop an innovative ecosystem approach to the "
                    "management of professionals working together in partnership.</p>",
                ),
                ("heading", "Four intellectual outputs"),
                (
                    "paragraph",
                    "<p>The partners agreed on the work plan: an analysis of stakeholder "
                    "cooperation, a toolkit for mutual learning and training, a non-formal "
                    "validation of skills and a European community of practitioners.</p>",
                ),
            ],
        },
        "fr": {
            "title": "Lancement de Keep In Pact à Paris",
            "intro": (
                "Six partenaires de cinq pays de l’Union européenne se sont réunis à Paris "
                "les 23 et 24 septembre 2019 pour lancer Keep In Pact."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Le projet Keep In Pact réunit six partenaires de cinq pays de "
                    "l’Union européenne : France, Belgique, Italie, Portugal et Croatie. Il "
                    "a été lancé à Paris les 23 et 24 septembre 2019.</p>"
                    "<p>Le projet vise à promouvoir la montée en compétences dans les "
                    "services d’orientation tout au long de la vie et à développer une "
                    "approche écosystémique innovante de la gestion des professionnels qui "
                    "travaillent en partenariat.</p>",
                ),
                ("heading", "Quatre productions intellectuelles"),
                (
                    "paragraph",
                    "<p>Les partenaires ont arrêté le plan de travail : une analyse de la "
                    "coopération entre acteurs, une boîte à outils pour l’apprentissage "
                    "mutuel et la formation, une validation non formelle des compétences et "
                    "une communauté européenne de praticiens.</p>",
                ),
            ],
        },
    },
    {
        "slug": "cocade-predecessor-project",
        "fr_slug": "cocade-projet-precurseur",
        "date": datetime.date(2019, 10, 1),
        "partner": "RICDM",
        "topics": ["project-life", "training"],
        "tags": ["cocade", "erasmus-plus"],
        "en": {
            "title": "Building on COCADE, the predecessor project",
            "intro": (
                "Keep In Pact continues COCADE, “Developing career counselling services "
                "in integrated spaces” (September 2017 to February 2019)."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>To meet the upskilling needs of career guidance counsellors working "
                    "in the Cités des métiers, the Cités des métiers International Network "
                    "launched the Erasmus+ project COCADE, during which good practices "
                    "within lifelong guidance services were shared.</p>"
                    "<p>COCADE organised four training sessions and six transnational "
                    "meetings. More than 90 practitioners took part in its training, and "
                    "their satisfaction rate was above 80%.</p>",
                ),
                ("heading", "What Keep In Pact takes further"),
                (
                    "paragraph",
                    "<p>COCADE formalised a training plan, a repository of skills, a "
                    "vademecum of good practices of partnership management and a non-formal "
                    "validation process. Keep In Pact builds on them for the professionals "
                    "who manage multi-stakeholder partnerships.</p>",
                ),
            ],
        },
        "fr": {
            "title": "Dans la continuité de COCADE, le projet précédent",
            "intro": (
                "Keep In Pact prolonge COCADE, « Développer les services de conseil en "
                "orientation dans les espaces intégrés » (septembre 2017 à février 2019)."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Pour répondre aux besoins de montée en compétences des conseillers "
                    "en orientation des Cités des métiers, le Réseau international des "
                    "Cités des métiers a lancé le projet Erasmus+ COCADE, qui a permis de "
                    "partager de bonnes pratiques des services d’orientation tout au long "
                    "de la vie.</p>"
                    "<p>COCADE a organisé quatre sessions de formation et six réunions "
                    "transnationales. Plus de 90 praticiens ont suivi ses formations, avec "
                    "un taux de satisfaction supérieur à 80 %.</p>",
                ),
                ("heading", "Ce que Keep In Pact prolonge"),
                (
                    "paragraph",
                    "<p>COCADE a formalisé un plan de formation, un référentiel de "
                    "compétences, un vadémécum de bonnes pratiques de gestion des "
                    "partenariats et un processus de validation non formelle. Keep In Pact "
                    "s’appuie sur eux pour les professionnels qui gèrent des partenariats "
                    "multi-acteurs.</p>",
                ),
            ],
        },
    },
    {
        "slug": "community-of-practitioners-launched",
        "fr_slug": "lancement-communaute-de-praticiens",
        "date": datetime.date(2020, 10, 15),
        "partner": "RICDM",
        "topics": ["community"],
        "tags": ["community-of-practice", "peer-learning"],
        "en": {
            "title": "A community of practitioners for partnership managers",
            "intro": (
                "Launched in October 2020, a group of practitioners from the Cités des "
                "métiers International Network meets every two months to learn from "
                "each other."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>One of the main objectives of Keep In Pact is to give practitioners "
                    "a community that supports the development of their knowledge, ideas "
                    "and skills. Peer learning is a core value of the network, which "
                    "facilitates the group.</p>"
                    "<p>The group meets every two months to share news, barriers and "
                    "challenges, opportunities and successes. Members who have experience "
                    "of a theme lead the next meeting, with attention to how it can be "
                    "transferred to another local context.</p>",
                ),
                ("heading", "Topics discussed"),
                (
                    "paragraph",
                    "<p>The valorisation of a partnership, the GDPR and the links between "
                    "partners in multiple partnerships. The Cité des métiers of Porto "
                    "presented how gamified speed networking helps partners know each "
                    "other.</p>",
                ),
            ],
        },
        "fr": {
            "title": "Une communauté de praticiens pour les chargés de partenariat",
            "intro": (
                "Lancé en octobre 2020, un groupe de praticiens du Réseau international "
                "des Cités des métiers se réunit tous les deux mois pour apprendre les "
                "uns des autres."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>L’un des principaux objectifs de Keep In Pact est d’offrir aux "
                    "praticiens une communauté qui soutient le développement de leurs "
                    "connaissances, de leurs idées et de leurs compétences. L’apprentissage "
                    "entre pairs est une valeur centrale du réseau, qui anime le "
                    "groupe.</p>"
                    "<p>Le groupe se réunit tous les deux mois pour partager actualités, "
                    "obstacles et difficultés, opportunités et réussites. Les membres qui "
                    "ont l’expérience d’un thème animent la réunion suivante, en veillant à "
                    "ce qu’elle puisse être transposée dans un autre contexte local.</p>",
                ),
                ("heading", "Les thèmes abordés"),
                (
                    "paragraph",
                    "<p>La valorisation d’un partenariat, le RGPD et les liens entre "
                    "partenaires dans les partenariats multiples. La Cité des métiers de "
                    "Porto a présenté comment le speed networking ludique aide les "
                    "partenaires à mieux se connaître.</p>",
                ),
            ],
        },
    },
    {
        "slug": "pilot-training-cite-des-metiers-paris",
        "fr_slug": "formation-pilote-cite-des-metiers-paris",
        "date": datetime.date(2021, 12, 6),
        "partner": "Universcience",
        "topics": ["training"],
        "tags": ["paris", "pilot-training"],
        "en": {
            "title": "Pilot training at the Cité des métiers in Paris",
            "intro": (
                "On Monday 6 December, ten partnership officers from three Cités des "
                "métiers tested two modules of the Keep In Pact training in Paris."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Universcience organised a pilot training to give partnership "
                    "officers new tools. It tested module A, “Developing and formalising new "
                    "partnerships”, and module C, “Coordinating, managing and leading the "
                    "partnership”, with their facilitation techniques.</p>"
                    "<p>Two partnership officers of the Cité des métiers de Paris led the "
                    "day, attended in person, with social distancing, by ten beneficiaries "
                    "from three Cités des métiers of the Paris region.</p>",
                ),
                ("heading", "What participants valued"),
                (
                    "paragraph",
                    "<p>The tools, digital or traditional, such as the action plan and a "
                    "SWOT analysis of a potential project, and the time spent exchanging "
                    "with peers. The day also revealed technical problems of the e-learning "
                    "platform and gave feedback on the modules.</p>",
                ),
            ],
        },
        "fr": {
            "title": "Formation pilote à la Cité des métiers de Paris",
            "intro": (
                "Le lundi 6 décembre, dix chargés de partenariat de trois Cités des "
                "métiers ont testé à Paris deux modules de la formation Keep In Pact."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Universcience a organisé une formation pilote pour donner de "
                    "nouveaux outils aux chargés de partenariat. Elle a testé le module A, "
                    "« Développer et formaliser de nouveaux partenariats », et le module C, "
                    "« Coordonner, gérer et animer le partenariat », avec leurs techniques "
                    "d’animation.</p>"
                    "<p>Deux chargés de partenariat de la Cité des métiers de Paris ont "
                    "animé la journée, en présentiel et avec distanciation, devant dix "
                    "bénéficiaires de trois Cités des métiers d’Île-de-France.</p>",
                ),
                ("heading", "Ce que les participants ont apprécié"),
                (
                    "paragraph",
                    "<p>Les outils, numériques ou traditionnels, comme le plan d’action et "
                    "l’analyse SWOT d’un projet potentiel, et le temps d’échange entre "
                    "pairs. La journée a aussi révélé des problèmes techniques de la "
                    "plateforme d’apprentissage en ligne et apporté des retours sur les "
                    "modules.</p>",
                ),
            ],
        },
    },
    {
        "slug": "final-multiplier-event-report",
        "fr_slug": "compte-rendu-evenement-de-diffusion-final",
        "date": datetime.date(2022, 3, 28),
        "partner": "LLLP",
        "topics": ["events", "project-life"],
        "tags": ["multiplier-event", "online"],
        "en": {
            "title": "Report of the final multiplier event",
            "intro": (
                "The final conference of Keep In Pact took place online on the afternoon "
                "of 28 March 2022, with stakeholders and partner organisations."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Marion Seidenbinder of the Cités des métiers International Network, "
                    "lead coordinator, and Pauline Boivin of the Lifelong Learning Platform "
                    "moderated the event. Each of the six partner organisations presented "
                    "its part of the project.</p>"
                    "<p>Catherine Kinet, Director of the Cité des métiers of Brussels, "
                    "introduced the Cité des métiers concept: a guidance centre that "
                    "welcomes the public without appointment.</p>",
                ),
                ("heading", "What the project produced"),
                (
                    "paragraph",
                    "<p>A competence framework for multi-partnership cooperation "
                    "management, seven case studies and their summary report, a training "
                    "programme of seven modules on an e-learning platform, five virtual "
                    "tours of guidance centres and the Guide for cooperation.</p>",
                ),
            ],
        },
        "fr": {
            "title": "Compte rendu de l’événement de diffusion final",
            "intro": (
                "La conférence finale de Keep In Pact s’est tenue en ligne l’après-midi "
                "du 28 mars 2022, avec des acteurs et les organisations partenaires."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Marion Seidenbinder, du Réseau international des Cités des métiers, "
                    "coordinatrice du projet, et Pauline Boivin, de la Lifelong Learning "
                    "Platform, ont animé l’événement. Chacune des six organisations "
                    "partenaires a présenté sa part du projet.</p>"
                    "<p>Catherine Kinet, directrice de la Cité des métiers de Bruxelles, a "
                    "présenté le concept de Cité des métiers : un centre d’orientation qui "
                    "accueille le public sans rendez-vous.</p>",
                ),
                ("heading", "Ce que le projet a produit"),
                (
                    "paragraph",
                    "<p>Un référentiel de compétences pour la gestion de la coopération "
                    "multi-partenariale, sept études de cas et leur rapport de synthèse, un "
                    "programme de formation en sept modules sur une plateforme "
                    "d’apprentissage en ligne, cinq visites virtuelles de centres "
                    "d’orientation et le Guide pour la coopération.</p>",
                ),
            ],
        },
    },
]


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
