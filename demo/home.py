"""Demo content of the home app: home page, About, Partners, statements, the
partner organisations and the navigation; English source, French through
wagtail-localize, and the home page and About in Italian, Portuguese, Croatian."""

import datetime

from demo.loader import ensure_page_root, stream, string_pairs
from home.models import HomePage, Partner, StandardPage
from portal.models import PortalSettings, SiteNavigation

from . import news as demo_news

ORDER = 10

HOME = {
    "en": {
        "title": "Keep In Pact",
        "hero_title": "Multi-stakeholder partnership management in lifelong career guidance",
        "hero_text": (
            "Keep In Pact is an Erasmus+ strategic partnership of six organisations from "
            "France, Belgium, Italy, Portugal and Croatia that develops the competences of "
            "the professionals who manage partnerships in lifelong career guidance services."
        ),
        "intro": (
            "<p>From September 2019 to March 2022 the project built a competence framework "
            "for multi-partnership cooperation management, a training programme of seven "
            "modules, seven case studies, a Guide for cooperation and a European community "
            "of practitioners.</p>"
        ),
    },
    "fr": {
        "title": "Keep In Pact",
        "hero_title": "Gérer les partenariats multi-acteurs dans l’orientation tout au long de la vie",
        "hero_text": (
            "Keep In Pact est un partenariat stratégique Erasmus+ de six organisations de "
            "France, de Belgique, d’Italie, du Portugal et de Croatie qui développe les "
            "compétences des professionnels chargés des partenariats dans les services "
            "d’orientation tout au long de la vie."
        ),
        "intro": (
            "<p>De septembre 2019 à mars 2022, le projet a construit un référentiel de "
            "compétences pour la gestion de la coopération multi-partenariale, un programme "
            "de formation en sept modules, sept études de cas, un Guide pour la coopération "
            "et une communauté européenne de praticiens.</p>"
        ),
    },
    "it": {
        "title": "Keep In Pact",
        "hero_title": "Gestire partenariati multi-attore nell’orientamento permanente",
        "hero_text": (
            "Keep In Pact è un partenariato strategico Erasmus+ di sei organizzazioni di "
            "Francia, Belgio, Italia, Portogallo e Croazia che sviluppa le competenze dei "
            "professionisti che gestiscono i partenariati nei servizi di orientamento "
            "permanente."
        ),
        "intro": (
            "<p>Da settembre 2019 a marzo 2022 il progetto ha realizzato un quadro di "
            "competenze per la gestione della cooperazione multi-partenariale, un programma "
            "di formazione in sette moduli, sette casi di studio, una Guida alla cooperazione "
            "e una comunità europea di professionisti.</p>"
        ),
    },
    "pt": {
        "title": "Keep In Pact",
        "hero_title": "Gestão de parcerias multiatores na orientação ao longo da vida",
        "hero_text": (
            "O Keep In Pact é uma parceria estratégica Erasmus+ de seis organizações de "
            "França, Bélgica, Itália, Portugal e Croácia que desenvolve as competências dos "
            "profissionais que gerem parcerias nos serviços de orientação ao longo da vida."
        ),
        "intro": (
            "<p>De setembro de 2019 a março de 2022, o projeto criou um referencial de "
            "competências para a gestão da cooperação multiparceiros, um programa de formação "
            "em sete módulos, sete estudos de caso, um Guia para a cooperação e uma comunidade "
            "europeia de profissionais.</p>"
        ),
    },
    "hr": {
        "title": "Keep In Pact",
        "hero_title": "Upravljanje partnerstvima više dionika u cjeloživotnom profesionalnom usmjeravanju",
        "hero_text": (
            "Keep In Pact strateško je partnerstvo programa Erasmus+ šest organizacija iz "
            "Francuske, Belgije, Italije, Portugala i Hrvatske koje razvija kompetencije "
            "stručnjaka koji upravljaju partnerstvima u službama cjeloživotnog "
            "profesionalnog usmjeravanja."
        ),
        "intro": (
            "<p>Od rujna 2019. do ožujka 2022. projekt je izradio okvir kompetencija za "
            "upravljanje suradnjom više partnera, program osposobljavanja od sedam modula, "
            "sedam studija slučaja, Vodič za suradnju i europsku zajednicu praktičara.</p>"
        ),
    },
}

ABOUT = {
    "en": {
        "title": "About the project",
        "slug": "about",
        "intro": (
            "Keep In Pact (September 2019 to March 2022) promoted upskilling in lifelong "
            "career guidance services and an innovative ecosystem approach to the management "
            "of professionals working together in partnership."
        ),
        "body": [
            ("heading", "Why the project"),
            (
                "paragraph",
                (
                    "<p>Regional, national and European policies have stressed the crucial need "
                    "to increase cooperation and synergy in order to deliver better services in "
                    "lifelong guidance. The Cités des métiers International Network therefore "
                    "launched a strategic partnership on multi-partnership management in Cités des "
                    "métiers and other lifelong career guidance centres.</p>"
                    "<p>Lifelong career guidance centres are onsite or online spaces that provide "
                    "information and counselling to citizens about their career life. They involve "
                    "stakeholders from education, training, employment, entrepreneurship and social "
                    "care.</p>"
                ),
            ),
            ("heading", "Objectives"),
            (
                "paragraph",
                (
                    "<ul><li>To promote upskilling in the field of lifelong career guidance services.</li>"
                    "<li>To develop an innovative ecosystem approach to the management of "
                    "professionals working together in partnership.</li></ul>"
                ),
            ),
            ("heading", "Four intellectual outputs"),
            (
                "paragraph",
                (
                    "<ul><li>IO1: analysis of stakeholder cooperation in lifelong learning guidance.</li>"
                    "<li>IO2: toolkit for mutual learning and training activities.</li>"
                    "<li>IO3: non-formal validation of skills.</li>"
                    "<li>IO4: building up a European community of practitioners.</li></ul>"
                    "<p>The project also ran two training and learning activities and two "
                    "dissemination events.</p>"
                ),
            ),
            ("heading", "The predecessor project COCADE"),
            (
                "paragraph",
                (
                    "<p>Keep In Pact continues the Erasmus+ project COCADE, “Developing career "
                    "counselling services in integrated spaces” (September 2017 to February 2019), "
                    "during which good practices of lifelong guidance services were shared. COCADE "
                    "trained more than 90 practitioners and designed a training plan, a repository "
                    "of skills and a non-formal validation process.</p>"
                ),
            ),
        ],
    },
    "fr": {
        "title": "À propos du projet",
        "slug": "a-propos",
        "intro": (
            "Keep In Pact (septembre 2019 à mars 2022) a promu la montée en compétences dans "
            "les services d’orientation tout au long de la vie et une approche écosystémique "
            "innovante de la gestion des professionnels qui travaillent en partenariat."
        ),
        "body": [
            ("heading", "Pourquoi ce projet"),
            (
                "paragraph",
                (
                    "<p>Les politiques régionales, nationales et européennes ont souligné le besoin "
                    "crucial de renforcer la coopération et les synergies pour offrir de meilleurs "
                    "services d’orientation tout au long de la vie. Le Réseau international des "
                    "Cités des métiers a donc lancé un partenariat stratégique sur la gestion "
                    "multi-partenariale dans les Cités des métiers et d’autres centres "
                    "d’orientation.</p>"
                    "<p>Les centres d’orientation tout au long de la vie sont des espaces physiques "
                    "ou en ligne qui informent et conseillent les citoyens sur leur vie "
                    "professionnelle. Ils réunissent des acteurs de l’éducation, de la formation, de "
                    "l’emploi, de l’entrepreneuriat et de l’action sociale.</p>"
                ),
            ),
            ("heading", "Objectifs"),
            (
                "paragraph",
                (
                    "<ul><li>Promouvoir la montée en compétences dans les services d’orientation "
                    "tout au long de la vie.</li>"
                    "<li>Développer une approche écosystémique innovante de la gestion des "
                    "professionnels qui travaillent en partenariat.</li></ul>"
                ),
            ),
            ("heading", "Quatre productions intellectuelles"),
            (
                "paragraph",
                (
                    "<ul><li>IO1 : analyse de la coopération entre acteurs de l’orientation tout au "
                    "long de la vie.</li>"
                    "<li>IO2 : boîte à outils pour l’apprentissage mutuel et la formation.</li>"
                    "<li>IO3 : validation non formelle des compétences.</li>"
                    "<li>IO4 : construction d’une communauté européenne de praticiens.</li></ul>"
                    "<p>Le projet a aussi organisé deux activités de formation et deux événements "
                    "de diffusion.</p>"
                ),
            ),
            ("heading", "Le projet précédent, COCADE"),
            (
                "paragraph",
                (
                    "<p>Keep In Pact prolonge le projet Erasmus+ COCADE, « Développer les services "
                    "de conseil en orientation dans les espaces intégrés » (septembre 2017 à février "
                    "2019), qui a permis d’échanger de bonnes pratiques. COCADE a formé plus de 90 "
                    "praticiens et conçu un plan de formation, un référentiel de compétences et un "
                    "processus de validation non formelle.</p>"
                ),
            ),
        ],
    },
    "it": {
        "title": "Il progetto",
        "slug": "il-progetto",
        "intro": (
            "Keep In Pact (settembre 2019 – marzo 2022) ha promosso l’aggiornamento delle "
            "competenze nei servizi di orientamento permanente e un approccio ecosistemico "
            "innovativo alla gestione dei professionisti che lavorano in partenariato."
        ),
        "body": [
            ("heading", "Perché il progetto"),
            (
                "paragraph",
                (
                    "<p>Le politiche regionali, nazionali ed europee hanno sottolineato la necessità "
                    "di rafforzare cooperazione e sinergie per offrire servizi di orientamento "
                    "permanente migliori. La rete internazionale delle Cités des métiers ha quindi "
                    "avviato un partenariato strategico sulla gestione multi-partenariale.</p>"
                    "<p>I centri di orientamento permanente sono spazi fisici o online che informano "
                    "e consigliano i cittadini sul loro percorso professionale, con attori "
                    "dell’istruzione, della formazione, del lavoro, dell’imprenditorialità e del "
                    "sociale.</p>"
                ),
            ),
            ("heading", "Obiettivi"),
            (
                "paragraph",
                (
                    "<ul><li>Promuovere l’aggiornamento delle competenze nei servizi di orientamento "
                    "permanente.</li>"
                    "<li>Sviluppare un approccio ecosistemico innovativo alla gestione dei "
                    "professionisti che lavorano in partenariato.</li></ul>"
                ),
            ),
            ("heading", "Quattro prodotti intellettuali"),
            (
                "paragraph",
                (
                    "<ul><li>IO1: analisi della cooperazione tra gli attori dell’orientamento.</li>"
                    "<li>IO2: kit di strumenti per l’apprendimento reciproco e la formazione.</li>"
                    "<li>IO3: validazione non formale delle competenze.</li>"
                    "<li>IO4: costruzione di una comunità europea di professionisti.</li></ul>"
                    "<p>Il progetto ha inoltre svolto due attività di formazione e due eventi di "
                    "diffusione.</p>"
                ),
            ),
            ("heading", "Il progetto precedente COCADE"),
            (
                "paragraph",
                (
                    "<p>Keep In Pact prosegue il progetto Erasmus+ COCADE, “Sviluppare servizi di "
                    "consulenza orientativa in spazi integrati” (settembre 2017 – febbraio 2019), "
                    "che ha formato oltre 90 professionisti.</p>"
                ),
            ),
        ],
    },
    "pt": {
        "title": "Sobre o projeto",
        "slug": "sobre",
        "intro": (
            "O Keep In Pact (setembro de 2019 a março de 2022) promoveu a qualificação nos "
            "serviços de orientação ao longo da vida e uma abordagem ecossistémica inovadora "
            "à gestão de profissionais que trabalham em parceria."
        ),
        "body": [
            ("heading", "Porquê este projeto"),
            (
                "paragraph",
                (
                    "<p>As políticas regionais, nacionais e europeias sublinharam a necessidade de "
                    "reforçar a cooperação e as sinergias para prestar melhores serviços de "
                    "orientação ao longo da vida. A Rede Internacional das Cités des métiers lançou "
                    "por isso uma parceria estratégica sobre a gestão multiparceiros.</p>"
                    "<p>Os centros de orientação ao longo da vida são espaços presenciais ou online "
                    "que informam e aconselham os cidadãos sobre a sua vida profissional, reunindo "
                    "atores da educação, formação, emprego, empreendedorismo e ação social.</p>"
                ),
            ),
            ("heading", "Objetivos"),
            (
                "paragraph",
                (
                    "<ul><li>Promover a qualificação nos serviços de orientação ao longo da vida.</li>"
                    "<li>Desenvolver uma abordagem ecossistémica inovadora à gestão de profissionais "
                    "que trabalham em parceria.</li></ul>"
                ),
            ),
            ("heading", "Quatro produtos intelectuais"),
            (
                "paragraph",
                (
                    "<ul><li>IO1: análise da cooperação entre atores da orientação.</li>"
                    "<li>IO2: conjunto de ferramentas para aprendizagem mútua e formação.</li>"
                    "<li>IO3: validação não formal de competências.</li>"
                    "<li>IO4: construção de uma comunidade europeia de profissionais.</li></ul>"
                    "<p>O projeto realizou ainda duas atividades de formação e dois eventos de "
                    "disseminação.</p>"
                ),
            ),
            ("heading", "O projeto anterior COCADE"),
            (
                "paragraph",
                (
                    "<p>O Keep In Pact dá continuidade ao projeto Erasmus+ COCADE, “Desenvolver "
                    "serviços de aconselhamento de carreira em espaços integrados” (setembro de 2017 "
                    "a fevereiro de 2019), que formou mais de 90 profissionais.</p>"
                ),
            ),
        ],
    },
    "hr": {
        "title": "O projektu",
        "slug": "o-projektu",
        "intro": (
            "Keep In Pact (rujan 2019. – ožujak 2022.) promicao je usavršavanje u službama "
            "cjeloživotnog profesionalnog usmjeravanja i inovativan ekosustavni pristup "
            "upravljanju stručnjacima koji rade u partnerstvu."
        ),
        "body": [
            ("heading", "Zašto ovaj projekt"),
            (
                "paragraph",
                (
                    "<p>Regionalne, nacionalne i europske politike naglašavaju potrebu za jačom "
                    "suradnjom i sinergijom kako bi usluge cjeloživotnog usmjeravanja bile bolje. "
                    "Međunarodna mreža Cités des métiers stoga je pokrenula strateško partnerstvo o "
                    "upravljanju suradnjom više partnera.</p>"
                    "<p>Centri cjeloživotnog profesionalnog usmjeravanja fizički su ili mrežni "
                    "prostori koji građanima pružaju informacije i savjete o profesionalnom životu, "
                    "uz dionike iz obrazovanja, osposobljavanja, zapošljavanja, poduzetništva i "
                    "socijalne skrbi.</p>"
                ),
            ),
            ("heading", "Ciljevi"),
            (
                "paragraph",
                (
                    "<ul><li>Promicati usavršavanje u službama cjeloživotnog profesionalnog "
                    "usmjeravanja.</li>"
                    "<li>Razviti inovativan ekosustavni pristup upravljanju stručnjacima koji rade u "
                    "partnerstvu.</li></ul>"
                ),
            ),
            ("heading", "Četiri intelektualna rezultata"),
            (
                "paragraph",
                (
                    "<ul><li>IO1: analiza suradnje dionika u cjeloživotnom usmjeravanju.</li>"
                    "<li>IO2: alati za uzajamno učenje i osposobljavanje.</li>"
                    "<li>IO3: neformalno vrednovanje vještina.</li>"
                    "<li>IO4: izgradnja europske zajednice praktičara.</li></ul>"
                    "<p>Projekt je proveo i dvije aktivnosti osposobljavanja te dva diseminacijska "
                    "događaja.</p>"
                ),
            ),
            ("heading", "Prethodni projekt COCADE"),
            (
                "paragraph",
                (
                    "<p>Keep In Pact nastavak je projekta Erasmus+ COCADE, „Razvoj usluga "
                    "savjetovanja o karijeri u integriranim prostorima” (rujan 2017. – veljača "
                    "2019.), u kojem je osposobljeno više od 90 praktičara.</p>"
                ),
            ),
        ],
    },
}

PARTNERS_PAGE = {
    "en": {
        "title": "Partners",
        "slug": "partners",
        "intro": (
            "Six organisations from five EU countries (France, Belgium, Italy, Portugal and "
            "Croatia) carried out Keep In Pact, coordinated by the Cités des métiers "
            "International Network."
        ),
    },
    "fr": {
        "title": "Partenaires",
        "slug": "partenaires",
        "intro": (
            "Six organisations de cinq pays de l’UE (France, Belgique, Italie, Portugal et "
            "Croatie) ont mené Keep In Pact, coordonné par le Réseau international des Cités "
            "des métiers."
        ),
    },
}

STATEMENTS = {
    "en": [
        {
            "title": "Accessibility statement",
            "slug": "accessibility",
            "intro": (
                "The Keep In Pact consortium is committed to making this website accessible, "
                "in accordance with Directive (EU) 2016/2102."
            ),
            "body": [
                ("heading", "Compliance status"),
                (
                    "paragraph",
                    (
                        "<p>This website aims to be fully compliant with the Web Content "
                        "Accessibility Guidelines (WCAG) 2.2, level AA, and with the European "
                        "standard EN 301 549.</p>"
                    ),
                ),
                ("heading", "Non-accessible content"),
                (
                    "paragraph",
                    (
                        "<p>Some presentations and reports published as PDF or PowerPoint files by "
                        "the partners may not be fully accessible. Each is summarised on its page; "
                        "ask us for an accessible version.</p>"
                    ),
                ),
                ("heading", "Feedback and contact information"),
                (
                    "paragraph",
                    (
                        "<p>If you find a barrier on this website, write to the coordinator at the "
                        "contact address in the footer. We answer within 15 working days.</p>"
                    ),
                ),
                ("heading", "Enforcement procedure"),
                (
                    "paragraph",
                    (
                        "<p>If our answer does not satisfy you, you may contact the enforcement "
                        "body of your Member State.</p>"
                    ),
                ),
            ],
        },
        {
            "title": "Privacy",
            "slug": "privacy",
            "intro": "This website sets no cookies and uses no trackers on its public pages.",
            "body": [
                ("heading", "What we collect"),
                (
                    "paragraph",
                    (
                        "<p>We count downloads of our publications per file and language without "
                        "storing any personal data. When you suggest a centre for the directory, we "
                        "keep what you send us only to review it.</p>"
                    ),
                ),
                ("heading", "Videos and maps"),
                (
                    "paragraph",
                    (
                        "<p>Videos load from their host only after you click to play them. Map "
                        "tiles come from the tile service named under the map.</p>"
                    ),
                ),
            ],
        },
        {
            "title": "Legal notice",
            "slug": "legal-notice",
            "intro": "Publisher of this website: the Cités des métiers International Network.",
            "body": [
                (
                    "paragraph",
                    (
                        "<p>The content of this website is published under the Creative Commons "
                        "Attribution-ShareAlike 4.0 licence unless stated otherwise.</p>"
                    ),
                ),
            ],
        },
    ],
    "fr": [
        {
            "title": "Déclaration d’accessibilité",
            "slug": "accessibilite",
            "intro": (
                "Le consortium Keep In Pact s’engage à rendre ce site accessible, conformément "
                "à la directive (UE) 2016/2102."
            ),
            "body": [
                ("heading", "État de conformité"),
                (
                    "paragraph",
                    (
                        "<p>Ce site vise la pleine conformité aux règles pour l’accessibilité des "
                        "contenus web (WCAG) 2.2, niveau AA, et à la norme européenne EN 301 549.</p>"
                    ),
                ),
                ("heading", "Contenus non accessibles"),
                (
                    "paragraph",
                    (
                        "<p>Certaines présentations et certains rapports publiés en PDF ou "
                        "PowerPoint par les partenaires peuvent ne pas être entièrement accessibles. "
                        "Chacun est résumé sur sa page ; demandez-nous une version accessible.</p>"
                    ),
                ),
                ("heading", "Retour d’information et contact"),
                (
                    "paragraph",
                    (
                        "<p>Si vous rencontrez un obstacle sur ce site, écrivez au coordinateur à "
                        "l’adresse indiquée en pied de page. Nous répondons sous 15 jours ouvrés.</p>"
                    ),
                ),
                ("heading", "Voies de recours"),
                (
                    "paragraph",
                    (
                        "<p>Si notre réponse ne vous satisfait pas, vous pouvez saisir l’organisme "
                        "de contrôle de votre État membre.</p>"
                    ),
                ),
            ],
        },
        {
            "title": "Confidentialité",
            "slug": "confidentialite",
            "intro": "Ce site ne dépose aucun cookie et n’utilise aucun traceur sur ses pages publiques.",
            "body": [
                ("heading", "Ce que nous collectons"),
                (
                    "paragraph",
                    (
                        "<p>Nous comptons les téléchargements de nos publications par fichier et par "
                        "langue sans conserver de donnée personnelle. Lorsque vous proposez un "
                        "centre pour l’annuaire, nous gardons votre envoi uniquement pour "
                        "l’examiner.</p>"
                    ),
                ),
                ("heading", "Vidéos et cartes"),
                (
                    "paragraph",
                    (
                        "<p>Les vidéos ne se chargent depuis leur hébergeur qu’après votre clic. Les "
                        "tuiles de carte proviennent du service indiqué sous la carte.</p>"
                    ),
                ),
            ],
        },
        {
            "title": "Mentions légales",
            "slug": "mentions-legales",
            "intro": "Éditeur de ce site : le Réseau international des Cités des métiers.",
            "body": [
                (
                    "paragraph",
                    (
                        "<p>Le contenu de ce site est publié sous licence Creative Commons "
                        "Attribution – Partage dans les mêmes conditions 4.0, sauf mention "
                        "contraire.</p>"
                    ),
                ),
            ],
        },
    ],
}

PARTNERS = [
    {
        "name": "Cités des métiers International Network",
        "short_name": "RICDM",
        "country": "FR",
        "role": Partner.ROLE_COORDINATOR,
        "website": "https://www.reseaucitedesmetiers.com/",
        "description": (
            "The network of the Cités des métiers, lifelong career guidance centres open to "
            "everyone; coordinator of Keep In Pact and facilitator of its community of "
            "practitioners."
        ),
        "fr": {
            "name": "Réseau international des Cités des métiers",
            "description": (
                "Le réseau des Cités des métiers, centres d’orientation tout au long de la vie "
                "ouverts à tous ; coordinateur de Keep In Pact et animateur de sa communauté "
                "de praticiens."
            ),
        },
    },
    {
        "name": "Lifelong Learning Platform",
        "short_name": "LLLP",
        "country": "BE",
        "role": Partner.ROLE_PARTNER,
        "website": "https://lllplatform.eu/",
        "description": (
            "The European civil society platform for lifelong learning, based in Brussels; "
            "co-moderator of the final multiplier event."
        ),
        "fr": {
            "name": "Plateforme pour l’éducation et la formation tout au long de la vie",
            "description": (
                "La plateforme européenne de la société civile pour l’éducation et la "
                "formation tout au long de la vie, basée à Bruxelles ; co-animatrice de "
                "l’événement final."
            ),
        },
    },
    {
        "name": "Universcience / Cité des métiers de Paris",
        "short_name": "Universcience",
        "country": "FR",
        "role": Partner.ROLE_PARTNER,
        "website": "https://www.cite-sciences.fr/",
        "description": (
            "The Cité des sciences et de l’industrie and its Cité des métiers, the first one, "
            "opened in 1993 at Paris la Villette; host of the pilot training."
        ),
        "fr": {
            "name": "Universcience / Cité des métiers de Paris",
            "description": (
                "La Cité des sciences et de l’industrie et sa Cité des métiers, la première, "
                "ouverte en 1993 à Paris la Villette ; hôte de la formation pilote."
            ),
        },
    },
    {
        "name": "Cité des métiers of Porto",
        "short_name": "CDM Porto",
        "country": "PT",
        "role": Partner.ROLE_PARTNER,
        "website": "https://www.porto.pt/",
        "description": (
            "The Cité des métiers run by the municipality of Porto, known in the network for "
            "its gamified speed networking between partners."
        ),
        "fr": {
            "name": "Cité des métiers de Porto",
            "description": (
                "La Cité des métiers gérée par la municipalité de Porto, connue dans le réseau "
                "pour son speed networking ludique entre partenaires."
            ),
        },
    },
    {
        "name": "Learning Digital",
        "short_name": "Learning Digital",
        "country": "IT",
        "role": Partner.ROLE_PARTNER,
        "website": "https://www.learningdigital.it/",
        "description": (
            "An Italian e-learning company that built the project's Moodle training platform."
        ),
        "fr": {
            "name": "Learning Digital",
            "description": (
                "Une entreprise italienne d’e-learning qui a réalisé la plateforme de formation "
                "Moodle du projet."
            ),
        },
    },
    {
        "name": "Agency for Science and Higher Education",
        "short_name": "AZVO",
        "country": "HR",
        "role": Partner.ROLE_PARTNER,
        "website": "https://www.azvo.hr/",
        "description": (
            "The Croatian public agency for science and higher education, involved in lifelong "
            "career guidance policy."
        ),
        "fr": {
            "name": "Agence pour la science et l’enseignement supérieur",
            "description": (
                "L’agence publique croate pour la science et l’enseignement supérieur, engagée "
                "dans les politiques d’orientation tout au long de la vie."
            ),
        },
    },
]

CONTACT = {
    "en": {
        "title": "Contact",
        "slug": "contact",
        "intro": (
            "Questions about the project, its guide, its training programme or the "
            "directory of centres: write to the consortium."
        ),
        "body": [
            (
                "paragraph",
                (
                    "<p>E-mail: contact@keepinpact.eu</p>"
                    "<p>The Cités des métiers International Network coordinates the "
                    "partnership and forwards your message to the partner concerned. We "
                    "answer in English, French, Italian, Portuguese or Croatian.</p>"
                ),
            ),
        ],
    },
    "fr": {
        "title": "Contact",
        "slug": "contact",
        "intro": (
            "Une question sur le projet, son guide, son programme de formation ou "
            "l’annuaire des centres : écrivez au consortium."
        ),
        "body": [
            (
                "paragraph",
                (
                    "<p>Courriel : contact@keepinpact.eu</p>"
                    "<p>Le Réseau international des Cités des métiers coordonne le "
                    "partenariat et transmet votre message au partenaire concerné. Nous "
                    "répondons en anglais, en français, en italien, en portugais ou en "
                    "croate.</p>"
                ),
            ),
        ],
    },
}

# The menus: the header links every section in this order, the footer repeats
# them beside the project's and the legal pages. The funding notice is the one of
# the Erasmus+ Programme 2014-2020 (the project was a 2019 strategic partnership),
# in its official wording in each language.
NAVIGATION = {
    "en": {
        "name": "Main navigation",
        "funding_statement": "Co-funded by the Erasmus+ Programme of the European Union",
        "disclaimer": (
            "This project has been funded with support from the European Commission. "
            "This publication reflects the views only of the author, and the Commission "
            "cannot be held responsible for any use which may be made of the information "
            "contained therein."
        ),
        "news": "News",
        "events": "Events",
        "guide": "Guide for cooperation",
        "case_studies": "Case studies",
        "competences": "Competences and training",
        "outputs": "Outputs and resources",
        "directory": "Centre directory",
        "about_partners": "About and partners",
        "contact": "Contact",
        "about": "About the project",
        "partners": "Partners",
        "accessibility": "Accessibility",
        "privacy": "Privacy",
        "legal": "Legal notice",
    },
    "fr": {
        "name": "Navigation principale",
        "funding_statement": "Cofinancé par le programme Erasmus+ de l’Union européenne",
        "disclaimer": (
            "Le soutien de la Commission européenne à la production de cette publication "
            "ne constitue pas une approbation du contenu, qui reflète uniquement les "
            "opinions des auteurs, et la Commission ne peut pas être tenue responsable de "
            "l’usage qui pourrait être fait des informations qu’elle contient."
        ),
        "news": "Actualités",
        "events": "Événements",
        "guide": "Guide pour la coopération",
        "case_studies": "Études de cas",
        "competences": "Compétences et formation",
        "outputs": "Réalisations et ressources",
        "directory": "Annuaire des centres",
        "about_partners": "À propos et partenaires",
        "contact": "Contact",
        "about": "À propos du projet",
        "partners": "Partenaires",
        "accessibility": "Accessibilité",
        "privacy": "Confidentialité",
        "legal": "Mentions légales",
    },
    "it": {
        "name": "Navigazione principale",
        "funding_statement": "Cofinanziato dal programma Erasmus+ dell’Unione europea",
        "disclaimer": (
            "Il sostegno della Commissione europea alla produzione di questa pubblicazione "
            "non costituisce un’approvazione del contenuto, che riflette esclusivamente il "
            "punto di vista degli autori, e la Commissione non può essere ritenuta "
            "responsabile per l’uso che può essere fatto delle informazioni ivi contenute."
        ),
        "news": "Notizie",
        "events": "Eventi",
        "guide": "Guida alla cooperazione",
        "case_studies": "Casi di studio",
        "competences": "Competenze e formazione",
        "outputs": "Risultati e risorse",
        "directory": "Elenco dei centri",
        "about_partners": "Il progetto e i partner",
        "contact": "Contatti",
        "about": "Il progetto",
        "partners": "Partner",
        "accessibility": "Accessibilità",
        "privacy": "Privacy",
        "legal": "Note legali",
    },
    "pt": {
        "name": "Navegação principal",
        "funding_statement": "Cofinanciado pelo programa Erasmus+ da União Europeia",
        "disclaimer": (
            "O apoio da Comissão Europeia à produção desta publicação não constitui um "
            "aval do seu conteúdo, que reflete unicamente o ponto de vista dos autores, e "
            "a Comissão não pode ser considerada responsável por eventuais utilizações que "
            "possam ser feitas com as informações nela contidas."
        ),
        "news": "Notícias",
        "events": "Eventos",
        "guide": "Guia para a cooperação",
        "case_studies": "Estudos de caso",
        "competences": "Competências e formação",
        "outputs": "Resultados e recursos",
        "directory": "Diretório de centros",
        "about_partners": "Sobre e parceiros",
        "contact": "Contacto",
        "about": "Sobre o projeto",
        "partners": "Parceiros",
        "accessibility": "Acessibilidade",
        "privacy": "Privacidade",
        "legal": "Aviso legal",
    },
    "hr": {
        "name": "Glavna navigacija",
        "funding_statement": "Sufinancirano sredstvima programa Erasmus+ Europske unije",
        "disclaimer": (
            "Potpora Europske komisije za izradu ove publikacije ne predstavlja "
            "odobravanje sadržaja, koji odražava isključivo stajališta autora, i Komisija "
            "se ne može smatrati odgovornom prilikom bilo kakve uporabe informacija "
            "sadržanih u njoj."
        ),
        "news": "Novosti",
        "events": "Događanja",
        "guide": "Vodič za suradnju",
        "case_studies": "Studije slučaja",
        "competences": "Kompetencije i osposobljavanje",
        "outputs": "Rezultati i resursi",
        "directory": "Imenik centara",
        "about_partners": "O projektu i partnerima",
        "contact": "Kontakt",
        "about": "O projektu",
        "partners": "Partneri",
        "accessibility": "Pristupačnost",
        "privacy": "Privatnost",
        "legal": "Pravne napomene",
    },
}

EXTRA_LANGUAGES = ["it", "pt", "hr"]


def _page_fields(data):
    return {key: value for key, value in data.items() if key not in ("slug", "body")}


def load(demo):
    en_home = ensure_page_root(demo, HomePage, **HOME["en"])

    about = demo.page(
        en_home,
        StandardPage,
        ABOUT["en"]["slug"],
        **_page_fields(ABOUT["en"]),
        body=stream(*ABOUT["en"]["body"]),
    )
    partners_page = demo.page(
        en_home,
        StandardPage,
        PARTNERS_PAGE["en"]["slug"],
        **_page_fields(PARTNERS_PAGE["en"]),
        list_partners=True,
    )
    statements = [
        demo.page(
            en_home,
            StandardPage,
            data["slug"],
            **_page_fields(data),
            body=stream(*data["body"]),
            review_date=datetime.date(2026, 11, 1)
            if data["slug"] == "accessibility"
            else None,
        )
        for data in STATEMENTS["en"]
    ]

    for data in PARTNERS:
        fields = {k: v for k, v in data.items() if k != "fr"}
        partner = Partner.objects.filter(
            locale=demo.locale("en"), short_name=data["short_name"]
        ).first()
        if partner is None:
            partner = Partner.objects.create(locale=demo.locale("en"), **fields)
            demo.created += 1
        if partner.logo_id is None:
            partner.logo = demo.word_mark(data["name"], data["short_name"])
            partner.save()
        demo.translate(
            partner,
            "fr",
            {
                data["name"]: data["fr"]["name"],
                data["description"]: data["fr"]["description"],
            },
        )

    contact = demo.page(
        en_home,
        StandardPage,
        CONTACT["en"]["slug"],
        **_page_fields(CONTACT["en"]),
        body=stream(*CONTACT["en"]["body"]),
    )

    settings = PortalSettings.for_site(demo.site)
    if not settings.contact_email:
        settings.contact_email = "contact@keepinpact.eu"
        settings.save()

    # French: everything. Italian, Portuguese, Croatian: home page, About, and the
    # navigation (once every section exists: finish() below).
    for code in ["fr", *EXTRA_LANGUAGES]:
        demo.translate(en_home, code, string_pairs(HOME["en"], HOME[code]))
        demo.translate(about, code, string_pairs(ABOUT["en"], ABOUT[code]))
    demo.translate(contact, "fr", string_pairs(CONTACT["en"], CONTACT["fr"]))
    demo.translate(
        partners_page, "fr", string_pairs(PARTNERS_PAGE["en"], PARTNERS_PAGE["fr"])
    )
    for page, en_data, fr_data in zip(
        statements, STATEMENTS["en"], STATEMENTS["fr"], strict=True
    ):
        demo.translate(page, "fr", string_pairs(en_data, fr_data))

    # News: the index (en, fr, it, pt, hr), topics and articles (en, fr).
    demo_news.load(demo, en_home)


def _section(en_home, model):
    """The live English page of this type under the home page, or None (an app
    whose demo did not run)."""
    return model.objects.child_of(en_home).live().first()


def finish(demo):
    """The navigation, created once every app has loaded its sections, so that
    a fresh load links them all (an existing navigation is left as editors made
    it)."""
    from directory.models import DirectoryPage
    from events.models import EventIndexPage
    from guide.models import (
        CaseStudyIndexPage,
        CompetenceFrameworkPage,
        GuidePage,
        ProjectOutputsPage,
    )
    from home.models import NewsIndexPage

    en_home = demo.home("en")
    if en_home is None:
        return
    labels = NAVIGATION["en"]
    navigation = SiteNavigation.objects.filter(locale=demo.locale("en")).first()
    if navigation is None:
        pages = {
            page.slug: page
            for page in en_home.get_children().filter(
                slug__in=[
                    "about",
                    "partners",
                    "contact",
                    "accessibility",
                    "privacy",
                    "legal-notice",
                ]
            )
        }
        sections = [
            ("news", _section(en_home, NewsIndexPage)),
            ("events", _section(en_home, EventIndexPage)),
            ("guide", _section(en_home, GuidePage)),
            ("case_studies", _section(en_home, CaseStudyIndexPage)),
            ("competences", _section(en_home, CompetenceFrameworkPage)),
            ("outputs", _section(en_home, ProjectOutputsPage)),
            ("directory", _section(en_home, DirectoryPage)),
            ("about_partners", pages.get("about")),
            ("contact", pages.get("contact")),
        ]

        def links(*items):
            return [
                {
                    "type": "link",
                    "value": {"label": labels[key], "page": page.pk, "url": ""},
                }
                for key, page in items
                if page is not None
            ]

        navigation = SiteNavigation.objects.create(
            locale=demo.locale("en"),
            name=labels["name"],
            funding_statement=labels["funding_statement"],
            disclaimer=labels["disclaimer"],
            primary_links=links(*sections),
            project_links=links(
                ("about", pages.get("about")),
                ("partners", pages.get("partners")),
                ("contact", pages.get("contact")),
            ),
            footer_links=links(
                ("accessibility", pages.get("accessibility")),
                ("privacy", pages.get("privacy")),
                ("legal", pages.get("legal-notice")),
            ),
        )
        demo.created += 1
    for code in ["fr", *EXTRA_LANGUAGES]:
        demo.translate(
            navigation, code, string_pairs(NAVIGATION["en"], NAVIGATION[code])
        )
