"""The Guide for cooperation: its page and four chapters (text drawn from the
project's seeds), in English and French; the guide page and chapter 1 also in
Italian, Portuguese and Croatian."""

GUIDE = {
    "en": {
        "title": "Guide for cooperation",
        "intro": (
            "A guide for partnership officers and managers in lifelong career guidance: "
            "a support in their daily work and a companion for newcomers as they take up "
            "their duties. It gathers strategic and operational recommendations drawn "
            "from the project's training, case studies and debates."
        ),
    },
    "fr": {
        "title": "Guide pour la coopération",
        "intro": (
            "Un guide pour les chargés et responsables de partenariats dans l’orientation "
            "tout au long de la vie : un appui dans leur travail quotidien et un "
            "accompagnement des nouveaux venus lors de leur prise de fonction. Il "
            "rassemble des recommandations stratégiques et opérationnelles tirées des "
            "formations, des études de cas et des débats du projet."
        ),
    },
    "it": {
        "title": "Guida alla cooperazione",
        "intro": (
            "Una guida per i referenti e i responsabili dei partenariati nell’orientamento "
            "permanente: un supporto nel lavoro quotidiano e un accompagnamento per i "
            "nuovi colleghi quando assumono il loro incarico. Raccoglie raccomandazioni "
            "strategiche e operative tratte dalla formazione, dai casi di studio e dai "
            "dibattiti del progetto."
        ),
    },
    "pt": {
        "title": "Guia para a cooperação",
        "intro": (
            "Um guia para os técnicos e gestores de parcerias na orientação ao longo da "
            "vida: um apoio no seu trabalho diário e um acompanhamento dos recém-chegados "
            "quando assumem as suas funções. Reúne recomendações estratégicas e "
            "operacionais retiradas das formações, dos estudos de caso e dos debates do "
            "projeto."
        ),
    },
    "hr": {
        "title": "Vodič za suradnju",
        "intro": (
            "Vodič za službenike i voditelje partnerstava u cjeloživotnom profesionalnom "
            "usmjeravanju: podrška u svakodnevnom radu i pomoć novim kolegama pri "
            "preuzimanju dužnosti. Okuplja strateške i operativne preporuke proizašle iz "
            "osposobljavanja, studija slučaja i rasprava u okviru projekta."
        ),
    },
}

CHAPTER_1 = {
    "en": {
        "slug": "context",
        "title": "Context of multi-stakeholder partnership in lifelong career guidance",
        "summary": (
            "What lifelong career guidance is, why European, national and regional "
            "policies call for more cooperation between the services that provide it, "
            "and where Keep In Pact comes from."
        ),
        "body": [
            ("h2", "Lifelong career guidance"),
            (
                "p",
                "<p>Lifelong career guidance means providing information and advice to "
                "people who wish to build up their career path by themselves at different "
                "times of their lives, helping them be aware of and learn how to use their "
                "skills and abilities to access or change jobs.</p>"
                "<p>Lifelong career guidance centres are onsite or online spaces that "
                "provide information and counselling to citizens about their career life. "
                "They involve stakeholders working in different fields such as education, "
                "training, employment, entrepreneurship and social care.</p>",
            ),
            ("h2", "A policy call for cooperation"),
            (
                "p",
                "<p>In recent years, regional, national and European policies have stressed "
                "the crucial need to increase cooperation and synergy in order to deliver "
                "better services in lifelong guidance.</p>"
                "<p>Public needs are evolving, and the traditional fields alone do not "
                "address the lifelong career guidance approach enough: services have to go "
                "further, together.</p>",
            ),
            ("h2", "From COCADE to Keep In Pact"),
            (
                "p",
                "<p>From 2017 to 2019 the COCADE project developed career counselling "
                "services in integrated spaces. It produced a training plan, a repository "
                "of skills, a vademecum of good practices of partnership management, an "
                "online training module and a non-formal validation process of skills; "
                "more than 90 people took part in its training actions.</p>"
                "<p>Keep In Pact continued this work from September 2019 to March 2022 "
                "with six partners from France, Belgium, Italy, Portugal and Croatia, on "
                "the management of multi-stakeholder partnerships.</p>",
            ),
            ("h3", "Who this guide is for"),
            (
                "p",
                "<p>The guide is written for partnership officers and managers: it aims to "
                "support them in their daily work and to accompany newcomers in the field "
                "as they take up their duties.</p>",
            ),
        ],
    },
    "fr": {
        "slug": "contexte",
        "title": "Le contexte du partenariat multi-acteurs dans l’orientation tout au long de la vie",
        "summary": (
            "Ce qu’est l’orientation tout au long de la vie, pourquoi les politiques "
            "européennes, nationales et régionales appellent à davantage de coopération "
            "entre les services qui la proposent, et d’où vient Keep In Pact."
        ),
        "body": [
            ("h2", "L’orientation tout au long de la vie"),
            (
                "p",
                "<p>L’orientation tout au long de la vie consiste à informer et conseiller "
                "les personnes qui souhaitent construire elles-mêmes leur parcours "
                "professionnel à différents moments de leur vie, en les aidant à prendre "
                "conscience de leurs compétences et de leurs capacités et à s’en servir "
                "pour accéder à un emploi ou en changer.</p>"
                "<p>Les centres d’orientation tout au long de la vie sont des espaces, sur "
                "place ou en ligne, qui informent et conseillent les citoyens sur leur vie "
                "professionnelle. Ils associent des acteurs de domaines différents : "
                "éducation, formation, emploi, entrepreneuriat, action sociale.</p>",
            ),
            ("h2", "Un appel des politiques publiques à coopérer"),
            (
                "p",
                "<p>Ces dernières années, les politiques régionales, nationales et "
                "européennes ont souligné le besoin crucial de renforcer la coopération et "
                "les synergies pour offrir de meilleurs services d’orientation tout au long "
                "de la vie.</p>"
                "<p>Les besoins du public évoluent et les champs traditionnels ne prennent "
                "pas assez en compte, à eux seuls, l’approche de l’orientation tout au long "
                "de la vie : les services doivent aller plus loin, ensemble.</p>",
            ),
            ("h2", "De COCADE à Keep In Pact"),
            (
                "p",
                "<p>De 2017 à 2019, le projet COCADE a développé les services de conseil en "
                "orientation dans les espaces intégrés. Il a produit un plan de formation, "
                "un référentiel de compétences, un vade-mecum de bonnes pratiques de "
                "gestion des partenariats, un module de formation en ligne et un processus "
                "de validation non formelle des compétences ; plus de 90 personnes ont "
                "participé à ses actions de formation.</p>"
                "<p>Keep In Pact a prolongé ce travail de septembre 2019 à mars 2022 avec "
                "six partenaires de France, de Belgique, d’Italie, du Portugal et de "
                "Croatie, sur la gestion des partenariats multi-acteurs.</p>",
            ),
            ("h3", "À qui s’adresse ce guide"),
            (
                "p",
                "<p>Le guide s’adresse aux chargés et responsables de partenariats : il vise "
                "à les soutenir dans leur travail quotidien et à accompagner les nouveaux "
                "venus dans le métier lors de leur prise de fonction.</p>",
            ),
        ],
    },
    "it": {
        "title": "Il contesto del partenariato multi-attore nell’orientamento permanente",
        "summary": (
            "Che cos’è l’orientamento permanente, perché le politiche europee, nazionali e "
            "regionali chiedono più cooperazione tra i servizi che lo offrono e da dove "
            "nasce Keep In Pact."
        ),
        "body": [
            ("h2", "L’orientamento permanente"),
            (
                "p",
                "<p>Orientamento permanente significa fornire informazioni e consigli alle "
                "persone che desiderano costruire da sole il proprio percorso professionale "
                "in diversi momenti della vita, aiutandole a prendere coscienza delle "
                "proprie competenze e capacità e a imparare a usarle per accedere a un "
                "lavoro o cambiarlo.</p>"
                "<p>I centri di orientamento permanente sono spazi, in presenza o online, "
                "che offrono ai cittadini informazione e consulenza sulla loro vita "
                "professionale. Coinvolgono attori di ambiti diversi come istruzione, "
                "formazione, lavoro, imprenditorialità e servizi sociali.</p>",
            ),
            ("h2", "Un invito delle politiche pubbliche a cooperare"),
            (
                "p",
                "<p>Negli ultimi anni le politiche regionali, nazionali ed europee hanno "
                "sottolineato la necessità cruciale di aumentare la cooperazione e le "
                "sinergie per offrire servizi migliori di orientamento permanente.</p>"
                "<p>I bisogni del pubblico evolvono e gli ambiti tradizionali, da soli, non "
                "tengono abbastanza conto dell’approccio dell’orientamento permanente: i "
                "servizi devono andare oltre, insieme.</p>",
            ),
            ("h2", "Da COCADE a Keep In Pact"),
            (
                "p",
                "<p>Dal 2017 al 2019 il progetto COCADE ha sviluppato i servizi di "
                "consulenza orientativa negli spazi integrati. Ha prodotto un piano di "
                "formazione, un repertorio di competenze, un vademecum di buone pratiche di "
                "gestione dei partenariati, un modulo di formazione online e un processo di "
                "convalida non formale delle competenze; più di 90 persone hanno "
                "partecipato alle sue attività formative.</p>"
                "<p>Keep In Pact ha proseguito questo lavoro da settembre 2019 a marzo 2022 "
                "con sei partner di Francia, Belgio, Italia, Portogallo e Croazia, sulla "
                "gestione dei partenariati multi-attore.</p>",
            ),
            ("h3", "A chi si rivolge questa guida"),
            (
                "p",
                "<p>La guida si rivolge ai referenti e ai responsabili dei partenariati: "
                "vuole sostenerli nel lavoro quotidiano e accompagnare i nuovi colleghi "
                "quando assumono il loro incarico.</p>",
            ),
        ],
    },
    "pt": {
        "title": "O contexto da parceria multiatores na orientação ao longo da vida",
        "summary": (
            "O que é a orientação ao longo da vida, porque é que as políticas europeias, "
            "nacionais e regionais apelam a mais cooperação entre os serviços que a "
            "prestam e de onde vem o Keep In Pact."
        ),
        "body": [
            ("h2", "A orientação ao longo da vida"),
            (
                "p",
                "<p>Orientação ao longo da vida significa prestar informação e "
                "aconselhamento às pessoas que desejam construir por si próprias o seu "
                "percurso profissional em diferentes momentos da vida, ajudando-as a tomar "
                "consciência das suas competências e capacidades e a aprender a usá-las "
                "para aceder a um emprego ou mudar de emprego.</p>"
                "<p>Os centros de orientação ao longo da vida são espaços, presenciais ou "
                "em linha, que prestam informação e aconselhamento aos cidadãos sobre a sua "
                "vida profissional. Envolvem atores de áreas diferentes como a educação, a "
                "formação, o emprego, o empreendedorismo e a ação social.</p>",
            ),
            ("h2", "Um apelo das políticas públicas à cooperação"),
            (
                "p",
                "<p>Nos últimos anos, as políticas regionais, nacionais e europeias "
                "sublinharam a necessidade crucial de aumentar a cooperação e as sinergias "
                "para prestar melhores serviços de orientação ao longo da vida.</p>"
                "<p>As necessidades do público evoluem e as áreas tradicionais, sozinhas, "
                "não têm suficientemente em conta a abordagem da orientação ao longo da "
                "vida: os serviços têm de ir mais longe, em conjunto.</p>",
            ),
            ("h2", "Do COCADE ao Keep In Pact"),
            (
                "p",
                "<p>De 2017 a 2019, o projeto COCADE desenvolveu os serviços de "
                "aconselhamento de carreira em espaços integrados. Produziu um plano de "
                "formação, um referencial de competências, um vade-mécum de boas práticas "
                "de gestão de parcerias, um módulo de formação em linha e um processo de "
                "validação não formal de competências; mais de 90 pessoas participaram nas "
                "suas ações de formação.</p>"
                "<p>O Keep In Pact prosseguiu este trabalho de setembro de 2019 a março de "
                "2022 com seis parceiros de França, Bélgica, Itália, Portugal e Croácia, "
                "sobre a gestão de parcerias multiatores.</p>",
            ),
            ("h3", "A quem se destina este guia"),
            (
                "p",
                "<p>O guia destina-se aos técnicos e gestores de parcerias: pretende apoiá-los "
                "no seu trabalho diário e acompanhar os recém-chegados à profissão quando "
                "assumem as suas funções.</p>",
            ),
        ],
    },
    "hr": {
        "title": "Kontekst partnerstva više dionika u cjeloživotnom profesionalnom usmjeravanju",
        "summary": (
            "Što je cjeloživotno profesionalno usmjeravanje, zašto europske, nacionalne i "
            "regionalne politike traže više suradnje među službama koje ga pružaju i "
            "odakle dolazi projekt Keep In Pact."
        ),
        "body": [
            ("h2", "Cjeloživotno profesionalno usmjeravanje"),
            (
                "p",
                "<p>Cjeloživotno profesionalno usmjeravanje znači pružati informacije i "
                "savjete osobama koje žele same graditi svoj profesionalni put u različitim "
                "razdobljima života te im pomagati da postanu svjesne svojih vještina i "
                "sposobnosti i nauče ih koristiti kako bi pronašle ili promijenile posao.</p>"
                "<p>Centri za cjeloživotno profesionalno usmjeravanje fizički su ili mrežni "
                "prostori koji građanima pružaju informacije i savjetovanje o njihovu "
                "profesionalnom životu. U njima sudjeluju dionici iz različitih područja "
                "kao što su obrazovanje, osposobljavanje, zapošljavanje, poduzetništvo i "
                "socijalna skrb.</p>",
            ),
            ("h2", "Poziv javnih politika na suradnju"),
            (
                "p",
                "<p>Posljednjih su godina regionalne, nacionalne i europske politike "
                "naglasile ključnu potrebu za jačanjem suradnje i sinergije kako bi se "
                "pružale bolje usluge cjeloživotnog usmjeravanja.</p>"
                "<p>Potrebe javnosti se mijenjaju, a tradicionalna područja sama po sebi "
                "ne obuhvaćaju dovoljno pristup cjeloživotnog profesionalnog usmjeravanja: "
                "službe moraju ići dalje, zajedno.</p>",
            ),
            ("h2", "Od projekta COCADE do projekta Keep In Pact"),
            (
                "p",
                "<p>Od 2017. do 2019. projekt COCADE razvijao je usluge savjetovanja o "
                "karijeri u integriranim prostorima. Izradio je plan osposobljavanja, "
                "registar vještina, priručnik dobre prakse upravljanja partnerstvima, "
                "mrežni modul osposobljavanja i postupak neformalnog vrednovanja vještina; "
                "u njegovim aktivnostima osposobljavanja sudjelovalo je više od 90 osoba.</p>"
                "<p>Keep In Pact nastavio je taj rad od rujna 2019. do ožujka 2022. sa šest "
                "partnera iz Francuske, Belgije, Italije, Portugala i Hrvatske, usmjeren na "
                "upravljanje partnerstvima više dionika.</p>",
            ),
            ("h3", "Kome je namijenjen ovaj vodič"),
            (
                "p",
                "<p>Vodič je namijenjen službenicima i voditeljima partnerstava: želi ih "
                "podržati u svakodnevnom radu i pratiti nove kolege u struci pri "
                "preuzimanju dužnosti.</p>",
            ),
        ],
    },
}

CHAPTER_2 = {
    "en": {
        "slug": "european-challenges",
        "title": (
            "What multi-partner cooperation can bring to the European challenges in "
            "terms of lifelong guidance"
        ),
        "summary": (
            "A changing labour market calls for upskilling and reskilling; cooperation "
            "between guidance stakeholders avoids silos and builds services around "
            "people's needs."
        ),
        "body": [
            ("h2", "A labour market in transition"),
            (
                "p",
                "<p>The COVID-19 pandemic has had an impact on the labour market: people "
                "have lost their jobs while others have been displaced. The digital "
                "transformation is rapidly changing the labour market ecosystem and "
                "individuals’ needs.</p>"
                "<p>European professionals and citizens therefore need to upskill and "
                "reskill. People need to find their path through different training, jobs, "
                "guidance and employment opportunities.</p>",
            ),
            ("h2", "Avoiding silos"),
            (
                "p",
                "<p>Building new partnership cooperation between actors coming from "
                "different fields (education, training, employment, entrepreneurship) is a "
                "good way to avoid silos and to ensure consistency in stakeholders’ "
                "initiatives, in particular with public policies.</p>"
                "<p>It leads to better services adapted to the needs and expectations of "
                "clients, and to more digital tools in lifelong career guidance "
                "services.</p>",
            ),
            ("h2", "An ecosystem approach"),
            (
                "p",
                "<p>Keep In Pact developed an innovative ecosystem approach to the "
                "management of professionals working together in partnership, with "
                "learning materials, virtual tours of guidance centres and a repository of "
                "skills for the non-formal validation of the partnership management "
                "function.</p>",
            ),
            ("h2", "A European community of practitioners"),
            (
                "p",
                "<p>Since October 2020, practitioners of the Cités des métiers "
                "International Network have met every two months to share news, barriers, "
                "challenges, opportunities and successes. In the way of a human bookstore, "
                "one or two members present an activity or a tool with its strengths and "
                "its points of attention, and the group looks at how it could be adapted "
                "to each local context.</p>",
            ),
        ],
    },
    "fr": {
        "slug": "enjeux-europeens",
        "title": (
            "Ce que la coopération multi-partenariale peut apporter aux défis européens "
            "de l’orientation tout au long de la vie"
        ),
        "summary": (
            "Un marché du travail en mutation appelle à se perfectionner et à se "
            "reconvertir ; la coopération entre les acteurs de l’orientation évite le "
            "travail en silos et construit des services autour des besoins des "
            "personnes."
        ),
        "body": [
            ("h2", "Un marché du travail en transition"),
            (
                "p",
                "<p>La pandémie de COVID-19 a eu un impact sur le marché du travail : des "
                "personnes ont perdu leur emploi, d’autres ont dû changer de voie. La "
                "transformation numérique modifie rapidement l’écosystème du marché du "
                "travail et les besoins des personnes.</p>"
                "<p>Les professionnels et les citoyens européens doivent donc se "
                "perfectionner et se reconvertir. Chacun doit trouver son chemin parmi les "
                "offres de formation, d’emploi et d’orientation.</p>",
            ),
            ("h2", "Éviter le travail en silos"),
            (
                "p",
                "<p>Construire de nouvelles coopérations entre des acteurs venus de champs "
                "différents (éducation, formation, emploi, entrepreneuriat) permet d’éviter "
                "le travail en silos et d’assurer la cohérence des initiatives des acteurs, "
                "notamment avec les politiques publiques.</p>"
                "<p>Il en résulte de meilleurs services, adaptés aux besoins et aux attentes "
                "des usagers, et davantage d’outils numériques dans les services "
                "d’orientation tout au long de la vie.</p>",
            ),
            ("h2", "Une approche écosystémique"),
            (
                "p",
                "<p>Keep In Pact a développé une approche écosystémique innovante de la "
                "gestion des professionnels qui travaillent ensemble en partenariat, avec "
                "des supports d’apprentissage, des visites virtuelles de centres "
                "d’orientation et un référentiel de compétences pour la validation non "
                "formelle de la fonction de gestion des partenariats.</p>",
            ),
            ("h2", "Une communauté européenne de praticiens"),
            (
                "p",
                "<p>Depuis octobre 2020, des praticiens du Réseau international des Cités "
                "des métiers se réunissent tous les deux mois pour partager actualités, "
                "freins, défis, opportunités et réussites. À la manière d’une bibliothèque "
                "vivante, un ou deux membres présentent une activité ou un outil avec ses "
                "forces et ses points de vigilance, et le groupe examine comment l’adapter "
                "à chaque contexte local.</p>",
            ),
        ],
    },
}

CHAPTER_3 = {
    "en": {
        "slug": "cite-des-metiers-model",
        "title": "A practical case of one-stop-shop centre: the Cité des métiers model",
        "summary": (
            "Integrated spaces bring guidance services from many institutions under one "
            "roof; the Cités des métiers have done so since 1993."
        ),
        "body": [
            ("h2", "Integrated spaces"),
            (
                "p",
                "<p>Integrated spaces dedicated to lifelong career guidance are physical or "
                "digital spaces that gather different services and resources on lifelong "
                "career guidance. The professionals who work there come from education, "
                "training, employment and business development, from public and from "
                "private organisations.</p>"
                "<p>Since the opening of the Cité des métiers of Paris la Villette in 1993, "
                "the Cité des métiers model has offered this counselling approach; similar "
                "one-stop shops for lifelong career guidance were later developed in other "
                "countries such as Finland and Croatia.</p>",
            ),
            ("h2", "Welcoming everyone without appointment"),
            (
                "p",
                "<p>The Cité des métiers of Brussels welcomes the public without "
                "appointment in a modern and attractive space: anyone looking for career "
                "and education advice, especially young people, but also jobseekers, "
                "entrepreneurs and workers.</p>"
                "<p>Visitors can use computers for online interviews, job searches and "
                "workshops. Advisers, stewards and experts from different institutions "
                "answer all their questions together. The centre is accessible to people "
                "with disabilities, and rooms are available for formal and non-formal "
                "training.</p>",
            ),
            ("h2", "A network that learns from its peers"),
            (
                "p",
                "<p>Peer learning is a core value of the Cités des métiers International "
                "Network. The Cité des métiers of Porto, for example, shared how it uses "
                "gamified speed networking so that partners who work with the same "
                "structures get to know each other and each other’s activities; several "
                "new partnerships came out of it.</p>",
            ),
        ],
    },
    "fr": {
        "slug": "modele-cite-des-metiers",
        "title": "Un cas pratique de guichet unique : le modèle des Cités des métiers",
        "summary": (
            "Les espaces intégrés réunissent sous un même toit les services d’orientation "
            "de nombreuses institutions ; les Cités des métiers le font depuis 1993."
        ),
        "body": [
            ("h2", "Les espaces intégrés"),
            (
                "p",
                "<p>Les espaces intégrés dédiés à l’orientation tout au long de la vie sont "
                "des espaces physiques ou numériques qui rassemblent différents services et "
                "ressources d’orientation. Les professionnels qui y travaillent viennent de "
                "l’éducation, de la formation, de l’emploi et du développement économique, "
                "d’organismes publics comme privés.</p>"
                "<p>Depuis l’ouverture de la Cité des métiers de Paris la Villette en 1993, "
                "le modèle des Cités des métiers propose cette approche du conseil ; des "
                "guichets uniques comparables ont ensuite vu le jour dans d’autres pays, "
                "comme la Finlande et la Croatie.</p>",
            ),
            ("h2", "Accueillir chacun sans rendez-vous"),
            (
                "p",
                "<p>La Cité des métiers de Bruxelles accueille le public sans rendez-vous "
                "dans un espace moderne et attrayant : toute personne en recherche de "
                "conseils sur son orientation ou sa formation, en particulier les jeunes, "
                "mais aussi les demandeurs d’emploi, les entrepreneurs et les "
                "salariés.</p>"
                "<p>Les visiteurs peuvent utiliser des ordinateurs pour des entretiens en "
                "ligne, leur recherche d’emploi ou des ateliers. Des conseillers, des "
                "agents d’accueil et des experts de différentes institutions répondent "
                "ensemble à toutes leurs questions. Le centre est accessible aux personnes "
                "handicapées et des salles accueillent des formations formelles et non "
                "formelles.</p>",
            ),
            ("h2", "Un réseau qui apprend entre pairs"),
            (
                "p",
                "<p>L’apprentissage entre pairs est une valeur centrale du Réseau "
                "international des Cités des métiers. La Cité des métiers de Porto a par "
                "exemple présenté son speed networking ludique, qui permet à des "
                "partenaires travaillant avec les mêmes structures de mieux se connaître "
                "et de suivre leurs activités respectives ; plusieurs partenariats "
                "nouveaux en sont nés.</p>",
            ),
        ],
    },
}

CHAPTER_4 = {
    "en": {
        "slug": "skills-and-actions",
        "title": "The major skills and actions for driving a multi-stakeholder partnership",
        "summary": (
            "The seven competences of the framework, the training modules built on them "
            "and the everyday actions that keep a partnership alive."
        ),
        "body": [
            ("h2", "A framework of seven competences"),
            (
                "p",
                "<p>The project’s competence framework for multi-partnership cooperation "
                "management in lifelong career guidance and counselling describes seven "
                "competences. A training programme of seven modules, hosted on an "
                "e-learning platform, is built on them.</p>"
                "<p>Each module offers learning materials such as books, lectures, "
                "exercises, animated slides with voice-overs, interactive tutorials, "
                "assessment and self-evaluation, and job-based activities that give a "
                "practical learning experience. Anyone can create an account on the "
                "platform to enter the courses and explore their content.</p>",
            ),
            ("h2", "Developing, formalising and leading partnerships"),
            (
                "p",
                "<p>Module A, developing and formalising new partnerships, and module C, "
                "coordinating, managing and leading the partnership, are the core of a "
                "partnership officer’s work. They were tested in a pilot training at the "
                "Cité des métiers in Paris on 6 December, with ten participants from three "
                "Cités des métiers of the Paris region.</p>",
            ),
            ("h2", "Actions that keep a partnership alive"),
            (
                "p",
                "<p>The community of practitioners highlighted three recurring actions: "
                "showing the value of a partnership, respecting the GDPR when partners "
                "share data, and stimulating the links between partners when there are "
                "many of them.</p>",
            ),
        ],
    },
    "fr": {
        "slug": "competences-et-actions",
        "title": "Les compétences et actions majeures pour piloter un partenariat multi-acteurs",
        "summary": (
            "Les sept compétences du référentiel, les modules de formation qui s’appuient "
            "sur elles et les actions quotidiennes qui font vivre un partenariat."
        ),
        "body": [
            ("h2", "Un référentiel de sept compétences"),
            (
                "p",
                "<p>Le référentiel de compétences du projet pour la gestion de la "
                "coopération multi-partenariale dans l’orientation tout au long de la vie "
                "décrit sept compétences. Un programme de formation en sept modules, "
                "hébergé sur une plateforme d’apprentissage en ligne, s’appuie sur "
                "elles.</p>"
                "<p>Chaque module propose des supports d’apprentissage : ouvrages, cours, "
                "exercices, diaporamas animés commentés, tutoriels interactifs, évaluation "
                "et auto-évaluation, ainsi que des mises en situation professionnelle. "
                "Chacun peut créer un compte sur la plateforme pour accéder aux cours et "
                "en explorer le contenu.</p>",
            ),
            ("h2", "Développer, formaliser et animer les partenariats"),
            (
                "p",
                "<p>Le module A, développer et formaliser de nouveaux partenariats, et le "
                "module C, coordonner, gérer et animer le partenariat, sont au cœur du "
                "métier de chargé de partenariats. Ils ont été testés lors d’une formation "
                "pilote à la Cité des métiers de Paris le 6 décembre, avec dix "
                "participants de trois Cités des métiers d’Île-de-France.</p>",
            ),
            ("h2", "Les actions qui font vivre un partenariat"),
            (
                "p",
                "<p>La communauté de praticiens a mis en avant trois actions récurrentes : "
                "valoriser un partenariat, respecter le RGPD lorsque les partenaires "
                "partagent des données, et stimuler les liens entre partenaires lorsqu’ils "
                "sont nombreux.</p>",
            ),
        ],
    },
}

SECTION_4_1 = {
    "en": {
        "slug": "tools-from-the-pilot-training",
        "title": "Tools from the pilot training",
        "summary": (
            "The digital and traditional tools partnership officers tried during the "
            "pilot training in Paris."
        ),
        "body": [
            ("h2", "Digital and traditional tools"),
            (
                "p",
                "<p>Participants particularly appreciated the tools introduced during the "
                "training, whether digital, such as Trello for project management, or more "
                "traditional, like the action plan tool and the SWOT analysis tool.</p>"
                "<p>In a group exercise with the SWOT tool, participants analysed the "
                "internal strengths and weaknesses and the external opportunities and "
                "threats of a potential project.</p>",
            ),
            ("h2", "Learning from each other"),
            (
                "p",
                "<p>Ice-breakers and group exercises made the day lively. Time spent with "
                "other partnership officers let participants reflect on their practices, "
                "find answers to their problems and create synergies between Cités des "
                "métiers.</p>",
            ),
        ],
    },
    "fr": {
        "slug": "outils-de-la-formation-pilote",
        "title": "Les outils de la formation pilote",
        "summary": (
            "Les outils numériques et traditionnels que les chargés de partenariats ont "
            "essayés lors de la formation pilote à Paris."
        ),
        "body": [
            ("h2", "Outils numériques et traditionnels"),
            (
                "p",
                "<p>Les participants ont particulièrement apprécié les outils présentés "
                "pendant la formation, qu’ils soient numériques, comme Trello pour la "
                "gestion de projet, ou plus traditionnels, comme l’outil de plan d’action "
                "et l’outil d’analyse SWOT.</p>"
                "<p>Lors d’un exercice de groupe avec l’outil SWOT, les participants ont "
                "analysé les forces et faiblesses internes ainsi que les opportunités et "
                "menaces externes d’un projet potentiel.</p>",
            ),
            ("h2", "Apprendre les uns des autres"),
            (
                "p",
                "<p>Les brise-glace et les exercices de groupe ont rendu la journée "
                "vivante. Le temps passé avec d’autres chargés de partenariats a permis aux "
                "participants de réfléchir à leurs pratiques, de trouver des réponses à "
                "leurs difficultés et de créer des synergies entre Cités des métiers.</p>",
            ),
        ],
    },
}

CHAPTERS = [CHAPTER_1, CHAPTER_2, CHAPTER_3, CHAPTER_4]
