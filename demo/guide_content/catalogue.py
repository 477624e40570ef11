"""Themes, competences, training modules, case studies, resources and outputs
of the demo. The seeds name modules A and C, the seven-competence framework,
the seven case studies and the four outputs; the entries they do not name are
written from the project's themes (community of practice, COCADE's training
plan and skills repository) and flagged `is_sample`, a flag editors see in the
admin only, so they know which entries to check against the published texts."""

THEMES = [
    ("networking", "Networking between partners", "Mise en réseau des partenaires"),
    ("one-stop-shop", "One-stop shops", "Guichets uniques"),
    (
        "training",
        "Training of partnership officers",
        "Formation des chargés de partenariats",
    ),
    ("peer-learning", "Peer learning", "Apprentissage entre pairs"),
    ("digital-tools", "Digital tools", "Outils numériques"),
    (
        "valorisation",
        "Showing the value of partnerships",
        "Valorisation des partenariats",
    ),
]

# slug, en name, fr name, en summary, fr summary, sample?
COMPETENCES = [
    (
        "developing-partnerships",
        "Developing and formalising new partnerships",
        "Développer et formaliser de nouveaux partenariats",
        "Identifies potential partners, builds a shared project with them and "
        "formalises the partnership in an agreement.",
        "Identifie des partenaires potentiels, construit avec eux un projet commun et "
        "formalise le partenariat dans une convention.",
        False,
    ),
    (
        "analysing-the-ecosystem",
        "Analysing the guidance ecosystem and its needs",
        "Analyser l’écosystème de l’orientation et ses besoins",
        "Maps the lifelong guidance stakeholders of the territory (education, "
        "training, employment, entrepreneurship, social care) and the needs of the "
        "public they receive.",
        "Cartographie les acteurs de l’orientation du territoire (éducation, "
        "formation, emploi, entrepreneuriat, action sociale) et les besoins du "
        "public qu’ils accueillent.",
        True,
    ),
    (
        "leading-the-partnership",
        "Coordinating, managing and leading the partnership",
        "Coordonner, gérer et animer le partenariat",
        "Plans and runs the partnership's activities, leads its meetings and keeps "
        "every partner involved.",
        "Planifie et conduit les activités du partenariat, anime ses réunions et "
        "maintient l’implication de chaque partenaire.",
        False,
    ),
    (
        "stimulating-links",
        "Stimulating links between partners",
        "Stimuler les liens entre partenaires",
        "Helps partners who work with the same structures get to know each other "
        "and keep up with each other's activities, for instance through a gamified "
        "speed networking session.",
        "Aide des partenaires qui travaillent avec les mêmes structures à se "
        "connaître et à suivre leurs activités, par exemple lors d’une session de "
        "speed networking ludique.",
        True,
    ),
    (
        "valorising-the-partnership",
        "Showing the value of the partnership",
        "Valoriser le partenariat",
        "Makes the partnership's results visible to partners, funders and the "
        "public, and shows each partner what it gains from taking part.",
        "Fait connaître les résultats du partenariat aux partenaires, aux "
        "financeurs et au public, et montre à chaque partenaire ce qu’il y gagne.",
        True,
    ),
    (
        "managing-shared-data",
        "Managing shared data within the GDPR",
        "Gérer les données partagées dans le respect du RGPD",
        "Agrees with the partners what information about the public they share, "
        "why and for how long, in line with the GDPR.",
        "Convient avec les partenaires des informations sur le public qu’ils "
        "partagent, pourquoi et pour combien de temps, dans le respect du RGPD.",
        True,
    ),
    (
        "evaluating-the-partnership",
        "Evaluating the partnership and its results",
        "Évaluer le partenariat et ses résultats",
        "Sets indicators with the partners, measures the results of their shared "
        "actions and adjusts the partnership's action plan.",
        "Définit des indicateurs avec les partenaires, mesure les résultats de "
        "leurs actions communes et ajuste le plan d’action du partenariat.",
        True,
    ),
]

# Learning outcomes per module code (A to G follow the competences' order).
# Modules A and C were tested in the Paris pilot training (action plan, SWOT
# analysis, Trello, ice-breakers and group exercises).
MODULE_OUTCOMES = {
    "A": {
        "en": (
            "<ul><li>Identify potential partners and what each can bring to the "
            "public of a guidance centre.</li><li>Build a shared project with them "
            "and formalise it in a partnership agreement.</li><li>Use the action plan "
            "tool to set who does what, and when.</li></ul>"
        ),
        "fr": (
            "<ul><li>Identifier des partenaires potentiels et ce que chacun peut "
            "apporter au public d’un centre d’orientation.</li><li>Construire avec eux "
            "un projet commun et le formaliser dans une convention de "
            "partenariat.</li><li>Utiliser l’outil de plan d’action pour fixer qui "
            "fait quoi, et quand.</li></ul>"
        ),
    },
    "B": {
        "en": (
            "<ul><li>Map the guidance stakeholders of a territory: education, "
            "training, employment, entrepreneurship and social care.</li><li>Describe "
            "the needs of the public a centre receives.</li><li>Assess a partnership "
            "project with a SWOT analysis.</li></ul>"
        ),
        "fr": (
            "<ul><li>Cartographier les acteurs de l’orientation d’un territoire : "
            "éducation, formation, emploi, entrepreneuriat et action sociale.</li>"
            "<li>Décrire les besoins du public qu’accueille un centre.</li><li>Évaluer "
            "un projet de partenariat avec une analyse SWOT.</li></ul>"
        ),
    },
    "C": {
        "en": (
            "<ul><li>Plan the partnership's activities and follow them with a project "
            "management tool such as Trello.</li><li>Lead partnership meetings with "
            "ice-breakers and group exercises.</li><li>Keep every partner involved "
            "between meetings.</li></ul>"
        ),
        "fr": (
            "<ul><li>Planifier les activités du partenariat et les suivre avec un "
            "outil de gestion de projet comme Trello.</li><li>Animer les réunions du "
            "partenariat avec des brise-glace et des exercices en groupe.</li>"
            "<li>Maintenir l’implication de chaque partenaire entre les "
            "réunions.</li></ul>"
        ),
    },
    "D": {
        "en": (
            "<ul><li>Create occasions for partners to learn about each other's "
            "activities.</li><li>Run a gamified speed networking session between "
            "partners.</li><li>Follow up the contacts and joint projects it "
            "starts.</li></ul>"
        ),
        "fr": (
            "<ul><li>Créer des occasions pour que les partenaires découvrent les "
            "activités des uns et des autres.</li><li>Animer une session de speed "
            "networking ludique entre partenaires.</li><li>Assurer le suivi des "
            "contacts et des projets communs qui en naissent.</li></ul>"
        ),
    },
    "E": {
        "en": (
            "<ul><li>Present the partnership's results to partners, funders and the "
            "public.</li><li>Show each partner what it gains from the "
            "partnership.</li></ul>"
        ),
        "fr": (
            "<ul><li>Présenter les résultats du partenariat aux partenaires, aux "
            "financeurs et au public.</li><li>Montrer à chaque partenaire ce que le "
            "partenariat lui apporte.</li></ul>"
        ),
    },
    "F": {
        "en": (
            "<ul><li>Agree with the partners what data about the public is shared, "
            "why and for how long.</li><li>Apply the principles of the GDPR to shared "
            "files and registration forms.</li></ul>"
        ),
        "fr": (
            "<ul><li>Convenir avec les partenaires des données sur le public qui sont "
            "partagées, pourquoi et pour combien de temps.</li><li>Appliquer les "
            "principes du RGPD aux fichiers partagés et aux formulaires "
            "d’inscription.</li></ul>"
        ),
    },
    "G": {
        "en": (
            "<ul><li>Define indicators with the partners.</li><li>Gather feedback "
            "from partners and from the public.</li><li>Adjust the partnership's "
            "action plan in the light of the results.</li></ul>"
        ),
        "fr": (
            "<ul><li>Définir des indicateurs avec les partenaires.</li><li>Recueillir "
            "les retours des partenaires et du public.</li><li>Ajuster le plan "
            "d’action du partenariat à la lumière des résultats.</li></ul>"
        ),
    },
}
# The seeds give no address for the project's e-learning platform: the demo's
# modules carry no course link and the framework page no platform link, so
# visitors are never sent to an address that does not exist. Editors add the
# real course addresses in the admin.

FRAMEWORK = {
    "en": {
        "title": "Competence framework and training programme",
        "intro": (
            "The competence framework for multi-partnership cooperation management in "
            "lifelong career guidance and counselling: seven competences, each linked to "
            "the training module and the case studies that use it."
        ),
        "programme_intro": (
            "A training programme of seven modules hosted on an e-learning platform. "
            "Each module offers learning materials (books, lectures, exercises, animated "
            "slides with voice-overs, interactive tutorials, assessment and "
            "self-evaluation) and job-based activities for a practical learning "
            "experience."
        ),
    },
    "fr": {
        "title": "Référentiel de compétences et programme de formation",
        "intro": (
            "Le référentiel de compétences pour la gestion de la coopération "
            "multi-partenariale dans l’orientation tout au long de la vie : sept "
            "compétences, chacune reliée au module de formation et aux études de cas "
            "qui s’y rapportent."
        ),
        "programme_intro": (
            "Un programme de formation en sept modules hébergé sur une plateforme "
            "d’apprentissage en ligne. Chaque module propose des supports (ouvrages, "
            "cours, exercices, diaporamas animés commentés, tutoriels interactifs, "
            "évaluation et auto-évaluation) et des mises en situation professionnelle "
            "pour un apprentissage pratique."
        ),
    },
}

CASE_INDEX = {
    "en": {
        "title": "Case studies",
        "intro": (
            "The project produced seven case studies of multi-stakeholder partnerships "
            "in lifelong career guidance, also presented in a summary report."
        ),
    },
    "fr": {
        "title": "Études de cas",
        "intro": (
            "Le projet a produit sept études de cas de partenariats multi-acteurs dans "
            "l’orientation tout au long de la vie, également présentées dans un rapport "
            "de synthèse."
        ),
    },
}

# slug, country, partners (short names), centre external ids, themes, competences,
# en {title, summary, key_lessons, body}, fr {...}
CASE_STUDIES = [
    {
        "slug": "gamified-speed-networking-porto",
        "fr_slug": "speed-networking-ludique-porto",
        "country": "PT",
        "partners": ["CDM Porto"],
        "centres": ["cdm-porto"],
        "themes": ["networking", "peer-learning"],
        "competences": ["stimulating-links", "leading-the-partnership"],
        "en": {
            "title": "Gamified speed networking between partners in Porto",
            "summary": (
                "The Cité des métiers of Porto used a game to help partners who work "
                "with the same structures get to know each other and their activities."
            ),
            "key_lessons": (
                "<ul><li>Partners of one centre do not always know each other well.</li>"
                "<li>A short game time can start new short- and long-term "
                "partnerships.</li><li>Training the team in facilitation pays off.</li></ul>"
            ),
            "body": (
                "<p>The partners of the Cité des métiers of Porto collaborate with the "
                "same structures but are not always up to date with each other’s "
                "activities. A gamified speed networking session allowed better "
                "inter-knowledge exchanges and led to several partnerships between the "
                "participants. The team had been trained in facilitation by a provider "
                "and shared its process and advice with the community of "
                "practitioners.</p>"
            ),
        },
        "fr": {
            "title": "Un speed networking ludique entre partenaires à Porto",
            "summary": (
                "La Cité des métiers de Porto a utilisé un jeu pour aider des partenaires "
                "qui travaillent avec les mêmes structures à se connaître et à connaître "
                "leurs activités."
            ),
            "key_lessons": (
                "<ul><li>Les partenaires d’un même centre ne se connaissent pas toujours "
                "bien.</li><li>Un court temps de jeu peut lancer de nouveaux partenariats, "
                "de court comme de long terme.</li><li>Former l’équipe à l’animation porte "
                "ses fruits.</li></ul>"
            ),
            "body": (
                "<p>Les partenaires de la Cité des métiers de Porto collaborent avec les "
                "mêmes structures mais ne suivent pas toujours les activités des uns et "
                "des autres. Une session de speed networking ludique a favorisé "
                "l’interconnaissance et a donné lieu à plusieurs partenariats entre les "
                "participants. L’équipe, formée à l’animation par un prestataire, a "
                "partagé sa démarche et ses conseils avec la communauté de "
                "praticiens.</p>"
            ),
        },
    },
    {
        "slug": "one-stop-shop-brussels",
        "fr_slug": "guichet-unique-bruxelles",
        "country": "BE",
        "partners": ["LLLP"],
        "centres": ["cdm-bruxelles"],
        "themes": ["one-stop-shop"],
        "competences": ["leading-the-partnership", "analysing-the-ecosystem"],
        "en": {
            "title": "A one-stop shop open without appointment in Brussels",
            "summary": (
                "Advisers, stewards and experts from several institutions answer every "
                "question of the public together at the Cité des métiers of Brussels."
            ),
            "key_lessons": (
                "<ul><li>Opening without appointment lowers the threshold for young "
                "people.</li><li>Shared digital equipment serves several "
                "partners.</li></ul>"
            ),
            "body": (
                "<p>The Cité des métiers of Brussels receives everyone looking for career "
                "and education advice, especially young people, as well as jobseekers, "
                "entrepreneurs and workers. Its digital equipment lets visitors take "
                "online interviews, search for jobs and join workshops.</p>"
            ),
        },
        "fr": {
            "title": "Un guichet unique ouvert sans rendez-vous à Bruxelles",
            "summary": (
                "Des conseillers, agents d’accueil et experts de plusieurs institutions "
                "répondent ensemble à toutes les questions du public à la Cité des "
                "métiers de Bruxelles."
            ),
            "key_lessons": (
                "<ul><li>L’accueil sans rendez-vous abaisse le seuil d’accès pour les "
                "jeunes.</li><li>Un équipement numérique partagé sert plusieurs "
                "partenaires.</li></ul>"
            ),
            "body": (
                "<p>La Cité des métiers de Bruxelles accueille toute personne en recherche "
                "de conseils sur son orientation ou sa formation, en particulier les "
                "jeunes, ainsi que les demandeurs d’emploi, les entrepreneurs et les "
                "salariés. Son équipement numérique permet aux visiteurs de passer des "
                "entretiens en ligne, de chercher un emploi et de participer à des "
                "ateliers.</p>"
            ),
        },
    },
    {
        "slug": "pilot-training-paris",
        "fr_slug": "formation-pilote-paris",
        "country": "FR",
        "partners": ["Universcience"],
        "centres": ["cdm-paris-villette"],
        "themes": ["training", "digital-tools"],
        "competences": ["developing-partnerships", "leading-the-partnership"],
        "en": {
            "title": "A pilot training for partnership officers in Paris",
            "summary": (
                "Universcience tested modules A and C with ten partnership officers from "
                "three Cités des métiers of the Paris region."
            ),
            "key_lessons": (
                "<ul><li>Ice-breakers and group work make the exchanges lively.</li>"
                "<li>Simple tools such as the SWOT analysis travel well between "
                "centres.</li></ul>"
            ),
            "body": (
                "<p>The pilot training took place in person at the Cité des métiers in "
                "Paris on 6 December, led by two partnership officers. It also revealed "
                "technical problems with the e-learning platform and gathered feedback "
                "on the modules.</p>"
                "<p>Participants worked with digital tools such as Trello for project "
                "management and with more traditional ones: the action plan and the "
                "SWOT analysis. In a group exercise they used the SWOT analysis to "
                "weigh the strengths, weaknesses, opportunities and threats of a "
                "potential project.</p>"
            ),
        },
        "fr": {
            "title": "Une formation pilote pour les chargés de partenariats à Paris",
            "summary": (
                "Universcience a testé les modules A et C avec dix chargés de "
                "partenariats de trois Cités des métiers d’Île-de-France."
            ),
            "key_lessons": (
                "<ul><li>Les brise-glace et le travail en groupe rendent les échanges "
                "vivants.</li><li>Des outils simples comme l’analyse SWOT se transposent "
                "bien d’un centre à l’autre.</li></ul>"
            ),
            "body": (
                "<p>La formation pilote s’est tenue en présentiel à la Cité des métiers de "
                "Paris le 6 décembre, animée par deux chargés de partenariats. Elle a "
                "aussi révélé des problèmes techniques de la plateforme d’apprentissage "
                "en ligne et permis de recueillir des retours sur les modules.</p>"
                "<p>Les participants ont utilisé des outils numériques comme Trello pour "
                "la gestion de projet et des outils plus traditionnels : le plan "
                "d’action et l’analyse SWOT. Lors d’un exercice en groupe, ils ont "
                "analysé avec la SWOT les forces, faiblesses, opportunités et menaces "
                "d’un projet potentiel.</p>"
            ),
        },
    },
    {
        "slug": "community-of-practitioners",
        "fr_slug": "communaute-de-praticiens",
        "country": "FR",
        "partners": ["RICDM"],
        "centres": [],
        "themes": ["peer-learning"],
        "competences": ["stimulating-links", "valorising-the-partnership"],
        "en": {
            "title": "A community of practitioners working as a human bookstore",
            "summary": (
                "Since October 2020 partnership professionals of the network have met "
                "every two months to learn from each other's experience."
            ),
            "key_lessons": (
                "<ul><li>Present a tool with its weaknesses as well as its "
                "strengths.</li><li>Look at how each experience can be adapted to a "
                "local context.</li></ul>"
            ),
            "body": (
                "<p>The Cités des métiers International Network facilitates the group, "
                "peer learning being one of its core values. Topics included the "
                "valorisation of a partnership, GDPR standards and the stimulation of "
                "inter-partner links.</p>"
                "<p>Each meeting works like a human bookstore: one or two members who "
                "have experience of the theme present an activity or a tool, with its "
                "strengths and its points of attention, and the others ask questions "
                "to make the experience their own and adapt it to their local "
                "context.</p>"
            ),
        },
        "fr": {
            "title": "Une communauté de praticiens qui fonctionne en bibliothèque vivante",
            "summary": (
                "Depuis octobre 2020, des professionnels des partenariats du réseau se "
                "réunissent tous les deux mois pour apprendre de l’expérience des uns et "
                "des autres."
            ),
            "key_lessons": (
                "<ul><li>Présenter un outil avec ses faiblesses autant qu’avec ses "
                "forces.</li><li>Examiner comment chaque expérience peut s’adapter à un "
                "contexte local.</li></ul>"
            ),
            "body": (
                "<p>Le Réseau international des Cités des métiers anime le groupe, "
                "l’apprentissage entre pairs étant l’une de ses valeurs centrales. Les "
                "sujets abordés : la valorisation d’un partenariat, les normes du RGPD et "
                "la stimulation des liens entre partenaires.</p>"
                "<p>Chaque réunion fonctionne comme une bibliothèque vivante : un ou deux "
                "membres qui ont l’expérience du thème présentent une activité ou un "
                "outil, avec ses forces et ses points d’attention, et les autres posent "
                "leurs questions pour s’approprier l’expérience et l’adapter à leur "
                "contexte local.</p>"
            ),
        },
    },
    {
        "slug": "e-learning-platform-italy",
        "fr_slug": "plateforme-e-learning-italie",
        "country": "IT",
        "partners": ["Learning Digital"],
        "centres": [],
        "themes": ["digital-tools", "training"],
        "competences": ["evaluating-the-partnership"],
        "en": {
            "title": "Building an e-learning platform with the partners",
            "summary": (
                "Learning Digital created the project's Moodle platform and adjusted it "
                "with the feedback of the pilot trainings."
            ),
            "key_lessons": (
                "<ul><li>Test the platform with real learners before the launch.</li>"
                "<li>Open registration lets anyone explore the courses.</li></ul>"
            ),
            "body": (
                "<p>The platform hosts the seven modules of the training programme with "
                "their learning materials and job-based activities.</p>"
            ),
        },
        "fr": {
            "title": "Construire une plateforme d’apprentissage en ligne avec les partenaires",
            "summary": (
                "Learning Digital a créé la plateforme Moodle du projet et l’a ajustée "
                "grâce aux retours des formations pilotes."
            ),
            "key_lessons": (
                "<ul><li>Tester la plateforme avec de vrais apprenants avant son "
                "lancement.</li><li>L’inscription libre permet à chacun d’explorer les "
                "cours.</li></ul>"
            ),
            "body": (
                "<p>La plateforme héberge les sept modules du programme de formation avec "
                "leurs supports d’apprentissage et leurs mises en situation "
                "professionnelle.</p>"
            ),
        },
    },
    {
        "slug": "lifelong-guidance-centres-croatia",
        "fr_slug": "centres-orientation-croatie",
        "country": "HR",
        "partners": ["AZVO"],
        "centres": [],
        "themes": ["one-stop-shop", "networking"],
        "competences": ["analysing-the-ecosystem", "developing-partnerships"],
        "en": {
            "title": "One-stop shops for lifelong career guidance in Croatia",
            "summary": (
                "Croatia developed one-stop shops for lifelong career guidance that "
                "bring several services under one roof."
            ),
            "key_lessons": (
                "<ul><li>A national network needs shared rules for partners.</li>"
                "<li>Mapping the local stakeholders comes first.</li></ul>"
            ),
            "body": (
                "<p>Like Finland, Croatia developed one-stop shops similar to the Cités "
                "des métiers, where guidance professionals from different institutions "
                "work together.</p>"
            ),
        },
        "fr": {
            "title": "Des guichets uniques d’orientation tout au long de la vie en Croatie",
            "summary": (
                "La Croatie a développé des guichets uniques d’orientation tout au long "
                "de la vie qui réunissent plusieurs services sous un même toit."
            ),
            "key_lessons": (
                "<ul><li>Un réseau national a besoin de règles communes pour les "
                "partenaires.</li><li>Cartographier les acteurs locaux vient en "
                "premier.</li></ul>"
            ),
            "body": (
                "<p>Comme la Finlande, la Croatie a développé des guichets uniques "
                "comparables aux Cités des métiers, où des professionnels de "
                "l’orientation de différentes institutions travaillent ensemble.</p>"
            ),
        },
    },
    {
        "slug": "sharing-data-between-partners",
        "fr_slug": "partage-de-donnees-entre-partenaires",
        "country": "FR",
        "partners": [],
        "centres": ["cdm-la-reunion"],
        "themes": ["valorisation"],
        "competences": ["managing-shared-data", "valorising-the-partnership"],
        "en": {
            "title": "Sharing data between partners within the GDPR",
            "summary": (
                "How partners of a Cité des métiers can share information about the "
                "public they receive while respecting data protection."
            ),
            "key_lessons": (
                "<ul><li>Agree on what is shared, why and for how long.</li>"
                "<li>Show partners the value of the shared results.</li></ul>"
            ),
            "body": (
                "<p>The community of practitioners discussed the respect of GDPR "
                "standards when several partners work with the same public.</p>"
            ),
        },
        "fr": {
            "title": "Partager des données entre partenaires dans le respect du RGPD",
            "summary": (
                "Comment les partenaires d’une Cité des métiers peuvent partager des "
                "informations sur le public qu’ils reçoivent en respectant la protection "
                "des données."
            ),
            "key_lessons": (
                "<ul><li>Convenir de ce qui est partagé, pourquoi et pour combien de "
                "temps.</li><li>Montrer aux partenaires la valeur des résultats "
                "partagés.</li></ul>"
            ),
            "body": (
                "<p>La communauté de praticiens a débattu du respect des normes du RGPD "
                "lorsque plusieurs partenaires travaillent avec le même public.</p>"
            ),
        },
    },
]

# key, {en, fr} title/description, languages of its files, year
RESOURCES = {
    "guide-edition": {
        "en": {
            "title": "Guide for cooperation (PDF edition)",
            "description": "The four chapters of the guide in one document to print.",
        },
        "fr": {
            "title": "Guide pour la coopération (édition PDF)",
            "description": "Les quatre chapitres du guide en un document à imprimer.",
        },
        "languages": ["en", "fr"],
        "year": 2022,
    },
    "summary-report": {
        "en": {
            "title": "Case studies: summary report",
            "description": (
                "The seven case studies of multi-stakeholder partnerships in lifelong "
                "career guidance in one report, with the lessons they share."
            ),
        },
        "fr": {
            "title": "Études de cas : rapport de synthèse",
            "description": (
                "Les sept études de cas de partenariats multi-acteurs dans "
                "l’orientation tout au long de la vie en un rapport, avec les "
                "enseignements qu’elles partagent."
            ),
        },
        "languages": ["en", "fr"],
        "year": 2021,
    },
    "io1-analysis": {
        "en": {
            "title": "Analysis of stakeholder cooperation in lifelong guidance",
            "description": (
                "How stakeholders cooperate in lifelong career guidance services: the "
                "analysis behind the competence framework and the case studies."
            ),
        },
        "fr": {
            "title": "Analyse de la coopération entre acteurs de l’orientation",
            "description": (
                "Comment les acteurs coopèrent dans les services d’orientation tout au "
                "long de la vie : l’analyse à l’origine du référentiel de compétences "
                "et des études de cas."
            ),
        },
        "languages": ["en"],
        "year": 2020,
    },
    "io2-toolkit": {
        "en": {
            "title": "Toolkit for mutual learning and training activities",
            "description": (
                "The learning materials of the seven training modules: lectures, "
                "exercises, tools such as the action plan and the SWOT analysis, and "
                "job-based activities."
            ),
        },
        "fr": {
            "title": "Boîte à outils pour l’apprentissage mutuel et la formation",
            "description": (
                "Les supports des sept modules de formation : cours, exercices, outils "
                "comme le plan d’action et l’analyse SWOT, et mises en situation "
                "professionnelle."
            ),
        },
        "languages": ["en", "fr", "it"],
        "year": 2021,
    },
    "io3-repository": {
        "en": {
            "title": "Repository of skills for the non-formal validation of partnership management",
            "description": (
                "The skills of the partnership management function and the process "
                "for their non-formal validation, building on the training plan and "
                "the repository of skills of the COCADE project."
            ),
        },
        "fr": {
            "title": "Référentiel pour la validation non formelle de la gestion des partenariats",
            "description": (
                "Les compétences de la fonction de gestion des partenariats et le "
                "processus de leur validation non formelle, dans le prolongement du "
                "plan de formation et du référentiel de compétences du projet COCADE."
            ),
        },
        "languages": ["en", "fr"],
        "year": 2022,
    },
    "io4-community": {
        "en": {
            "title": "European community of practitioners: activity report",
            "description": (
                "What the community of practitioners did from October 2020 to March "
                "2022: its meetings every two months and the themes they covered, "
                "from showing the value of a partnership to the GDPR."
            ),
        },
        "fr": {
            "title": "Communauté européenne de praticiens : rapport d’activité",
            "description": (
                "Ce qu’a fait la communauté de praticiens d’octobre 2020 à mars 2022 : "
                "ses réunions tous les deux mois et les thèmes abordés, de la "
                "valorisation d’un partenariat au RGPD."
            ),
        },
        "languages": ["en"],
        "year": 2022,
    },
}

OUTPUTS_PAGE = {
    "en": {
        "title": "Project outputs",
        "intro": (
            "The project was structured around four intellectual outputs, two training "
            "and learning activities and two dissemination events."
        ),
        "outputs": [
            (
                "IO1",
                "Analysis of stakeholder cooperation in lifelong learning guidance",
                "<p>How stakeholders cooperate in lifelong guidance services today, and "
                "the seven case studies of multi-stakeholder partnerships.</p>",
                ["io1-analysis", "summary-report"],
            ),
            (
                "IO2",
                "Toolkit for mutual learning and training activities",
                "<p>The competence framework and the training programme of seven modules "
                "on the e-learning platform.</p>",
                ["io2-toolkit"],
            ),
            (
                "IO3",
                "Non-formal validation of skills",
                "<p>A repository of skills for the non-formal competences validation "
                "process of the partnership management function.</p>",
                ["io3-repository"],
            ),
            (
                "IO4",
                "Building up a European community of practitioners",
                "<p>An interactive map of lifelong career guidance centres in Europe and a "
                "community of practitioners that meets every two months.</p>",
                ["io4-community", "guide-edition"],
            ),
        ],
    },
    "fr": {
        "title": "Productions du projet",
        "intro": (
            "Le projet s’est organisé autour de quatre productions intellectuelles, deux "
            "activités de formation et d’apprentissage et deux événements de "
            "diffusion."
        ),
        "outputs": [
            (
                "IO1",
                "Analyse de la coopération entre acteurs de l’orientation tout au long de la vie",
                "<p>Comment les acteurs coopèrent aujourd’hui dans les services "
                "d’orientation, et les sept études de cas de partenariats "
                "multi-acteurs.</p>",
            ),
            (
                "IO2",
                "Boîte à outils pour l’apprentissage mutuel et la formation",
                "<p>Le référentiel de compétences et le programme de formation en sept "
                "modules sur la plateforme d’apprentissage en ligne.</p>",
            ),
            (
                "IO3",
                "Validation non formelle des compétences",
                "<p>Un référentiel de compétences pour le processus de validation non "
                "formelle de la fonction de gestion des partenariats.</p>",
            ),
            (
                "IO4",
                "Construire une communauté européenne de praticiens",
                "<p>Une carte interactive des centres d’orientation tout au long de la vie "
                "en Europe et une communauté de praticiens qui se réunit tous les deux "
                "mois.</p>",
            ),
        ],
    },
}
