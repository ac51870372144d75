"""Demo news (dev and test only): a public news index, one in two sections and one in the
Roslagen shared space, posts over two years, public and for members only.

All text is written for this portal. Every step looks up before it creates, so running
the seed twice leaves the database as it was.
"""

import datetime

from django.contrib.auth import get_user_model
from wagtail.models import PageViewRestriction

from knowledge.models import RoutinePage, Topic
from news.models import NewsIndexPage, NewsPostPage
from portal.demo_images import alt_text, collection_for_page, demo_image
from portal.models import Municipality, SharedSpacePage
from portal.provisioning import home_page


def _rich(*paragraphs):
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def _index(parent, slug, title, intro, **fields):
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = NewsIndexPage(slug=slug, title=title, intro=_rich(intro), **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _post(
    index,
    slug,
    title,
    date,
    intro,
    body,
    *,
    tags=(),
    topics=(),
    members_only=False,
    image=None,
    **f,
):
    existing = index.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    if image is not None:
        # The picture goes where the post's files belong: its section's collection.
        f["main_image"] = demo_image(image, collection_for_page(index))
        f["main_image_alt"] = alt_text(image)
    post = NewsPostPage(slug=slug, title=title, date=date, intro=_rich(intro), body=body, **f)
    post.topics = [topic for topic in topics if topic]
    index.add_child(instance=post)
    post.tags.add(*tags)
    revision = post.save_revision()
    revision.publish()
    if members_only:
        PageViewRestriction.objects.get_or_create(
            page=post, restriction_type=PageViewRestriction.LOGIN
        )
    return post


def _paragraphs(*texts):
    return [("paragraph", _rich(text)) for text in texts]


def seed_indexes():
    indexes = {
        "public": _index(
            home_page(),
            "nyheter",
            "Nyheter",
            "Aktuellt från kommunerna och deras samverkansparter: nya arbetssätt, "
            "utbildningar, filmer och röster från projektet.",
            show_in_menus=True,
        )
    }
    for slug in ("kalmar", "sodertalje"):
        municipality = Municipality.objects.filter(slug=slug).first()
        if municipality and municipality.section_page_id:
            indexes[slug] = _index(
                municipality.section_page.specific,
                "nyheter",
                f"Nyheter – {municipality.name}",
                f"Interna nyheter för medarbetare i {municipality.name}.",
            )
    roslagen = SharedSpacePage.objects.filter(slug="samverkan-roslagen").first()
    if roslagen is not None:
        indexes["roslagen"] = _index(
            roslagen,
            "nyheter",
            "Nyheter – Samverkan Roslagen",
            "Det som händer i samarbetet mellan kommunerna och parterna i Roslagen.",
        )
    return indexes


def _link(slug, text, municipality=None):
    """A rich-text link to the demo routine `slug` in the shared knowledge bank, or in
    `municipality`'s (a slug); plain text if it is not there."""
    if municipality is None:
        bank = home_page().get_children().filter(slug="kunskapsbanken").first()
    else:
        found = Municipality.objects.filter(slug=municipality).first()
        bank = found.section_page if found and found.section_page_id else None
    routine = RoutinePage.objects.descendant_of(bank).filter(slug=slug).first() if bank else None
    if routine is None:
        return text
    return f'<a linktype="page" id="{routine.pk}">{text}</a>'


def seed_posts(indexes):
    topics = {topic.name: topic for topic in Topic.objects.all()}
    municipalities = {m.slug: m for m in Municipality.objects.all()}
    editor = get_user_model().objects.filter(email="redaktor.kalmar@demo.samverkan.se").first()
    public = indexes["public"]
    d = datetime.date
    posts = [
        _post(
            public,
            "portalen-oppnar",
            "Samverkansportalen öppnar för alla medlemskommuner",
            d(2025, 1, 20),
            "Från i dag samlar fyra kommuner och deras parter sina rutiner och kontakter "
            "på ett ställe.",
            _paragraphs(
                "Tidigare låg rutinerna i olika mappar och mejl. Nu finns de i en gemensam "
                "kunskapsbank där varje sida har en ansvarig och ett datum för granskning.",
                "Medarbetare loggar in med sin e-postadress. Samverkansparter bjuds in till "
                "de ytor de arbetar i.",
            ),
            tags=["portalen", "samverkan"],
            author_name="Projektledningen",
            image="samtal",
        ),
        _post(
            public,
            "feriejobb-2025",
            "Feriejobb för unga som är nya i Sverige",
            d(2025, 3, 14),
            "Kommunerna erbjuder i sommar feriejobb med handledare som talar flera språk.",
            _paragraphs(
                "Ansökan görs tillsammans med god man, kontaktperson eller boendepersonal. "
                "Sista dag att söka är den 15 april.",
                "Arbetsplatserna finns inom park, äldreomsorg och fritidsgårdar.",
            ),
            tags=["feriejobb", "unga"],
            topics=[topics.get("Sysselsättning")],
            image="planering",
            municipality=municipalities.get("kalmar"),
        ),
        _post(
            public,
            "ny-samordnare-skola",
            "Ny samordnare för skolstart",
            d(2025, 5, 6),
            "En gemensam samordnare hjälper skolor och socialtjänst när en ung person "
            "börjar skolan mitt i terminen.",
            _paragraphs(
                "Samordnaren ser till att kartläggning, modersmålsstöd och elevhälsa kommer "
                "i gång inom två veckor från ankomst.",
            ),
            tags=["skola"],
            topics=[topics.get("Skola")],
            author=editor,
            image="skola",
        ),
        _post(
            public,
            "utbildning-traumamedvetet",
            "Utbildningsdag om traumamedvetet bemötande",
            d(2025, 9, 2),
            "Över hundra medarbetare från skola, HVB och socialtjänst träffades för en dag "
            "om trauma och bemötande.",
            _paragraphs(
                "BUP Kalmar län berättade om tecken på psykisk ohälsa och när man ska söka "
                "hjälp. Deltagarna övade på att ställa frågor om sömn, oro och minnen utan "
                "att be den unga berätta om flykten.",
                "Nästa utbildningsdag hålls i mars och handlar om samtal med tolk.",
            ),
            tags=["utbildning", "samverkan"],
            topics=[topics.get("Hälsa")],
        ),
        _post(
            public,
            "arbetsgrupp-boende",
            "Arbetsgruppen för boende har träffats",
            d(2025, 11, 18),
            "Kommunernas boendesamordnare jämförde hur utslussningen från HVB går till.",
            [
                (
                    "paragraph",
                    _rich(
                        "Gruppen föreslår en gemensam checklista inför flytt till eget boende. "
                        "Förslaget skickas på remiss till kommunerna i januari.",
                        "Underlaget bygger på den gemensamma rutinen "
                        + _link("boendeplanering", "Boendeplanering inför 18 år")
                        + ".",
                    ),
                )
            ],
            tags=["boende"],
            topics=[topics.get("Boende")],
            members_only=True,
            image="bostad",
        ),
        _post(
            public,
            "sprakcafe",
            "Språkcafé varje torsdag",
            d(2026, 2, 5),
            "Biblioteken i Norrtälje och Österåker öppnar språkcafé för unga vuxna.",
            _paragraphs(
                "Volontärer och studenter hjälper till med läxor, CV och samtal på svenska. "
                "Ingen anmälan behövs.",
            ),
            tags=["språk", "unga"],
            topics=[topics.get("Språk")],
            image="skargard",
            municipality=municipalities.get("norrtalje"),
        ),
        _post(
            public,
            "nya-overenskommelser-2026",
            "Nya överenskommelser med Arbetsförmedlingen",
            d(2026, 4, 22),
            "Överenskommelserna om etableringsinsatser för unga vuxna är förnyade till och "
            "med 2027.",
            _paragraphs(
                "Det viktigaste som ändras är att ett gemensamt planeringsmöte ska hållas "
                "inom fyra veckor efter att den unga fyllt 18 år.",
            ),
            tags=["överenskommelse", "arbete"],
            topics=[topics.get("Etablering"), topics.get("Sysselsättning")],
            members_only=True,
        ),
        _post(
            public,
            "granskning-rutiner-host",
            "Dags att granska rutinerna inför hösten",
            d(2026, 8, 17),
            "Ett trettiotal rutiner i kunskapsbanken ska granskas före oktober.",
            _paragraphs(
                "Varje rutin har en ansvarig som får en påminnelse per e-post när det är "
                "dags. Ser du något som inte stämmer i en rutin, hör av dig till den som "
                "står som ansvarig på sidan.",
            ),
            tags=["kunskapsbanken"],
            members_only=True,
            author=editor,
        ),
        _post(
            public,
            "stod-till-gode-man",
            "Stöd till gode män under hösten",
            d(2026, 10, 9),
            "Överförmyndarna bjuder in gode män till tre kvällar om ekonomi, skola och vård.",
            _paragraphs(
                "Kvällarna hålls digitalt och spelas inte in. Frågor kan skickas i förväg "
                "till överförmyndarenheten.",
            ),
            tags=["god man", "utbildning"],
            image="samtal",
        ),
    ]
    if "kalmar" in indexes:
        posts += [
            _post(
                indexes["kalmar"],
                "nytt-mottagningsteam",
                "Nytt mottagningsteam i Kalmar",
                d(2025, 10, 1),
                "Mottagningen av ensamkommande flyttar till socialkontoret på Norra vägen.",
                _paragraphs(
                    "Teamet har jour vardagar 8–17 och nås på 0480-36 05 10. Efter "
                    "kontorstid gäller socialjouren som tidigare.",
                ),
                tags=["mottagning"],
                municipality=municipalities.get("kalmar"),
                author=editor,
                image="kalmarsund",
            ),
            _post(
                indexes["kalmar"],
                "handledning-hvb-personal",
                "Handledning för HVB-personal startar",
                d(2026, 9, 3),
                "Personal på kommunens HVB-hem erbjuds handledning en gång i månaden.",
                _paragraphs("Anmäl intresse till din enhetschef senast den 20 september."),
                tags=["HVB", "utbildning"],
                topics=[topics.get("Boende")],
                municipality=municipalities.get("kalmar"),
            ),
        ]
    if "sodertalje" in indexes:
        posts.append(
            _post(
                indexes["sodertalje"],
                "ny-rutin-skolfranvaro",
                "Ny rutin för skolfrånvaro",
                d(2026, 3, 10),
                "Södertälje inför en gemensam rutin för skola och socialtjänst vid "
                "upprepad skolfrånvaro.",
                [
                    (
                        "paragraph",
                        _rich(
                            "Skolan anmäler efter fem dagar, socialtjänsten kallar till möte.",
                            "Läs rutinen: "
                            + _link("skolfranvaro", "Skolfrånvaro i Södertälje", "sodertalje")
                            + ".",
                        ),
                    )
                ],
                tags=["skola"],
                topics=[topics.get("Skola")],
                municipality=municipalities.get("sodertalje"),
            )
        )
    if "roslagen" in indexes:
        posts.append(
            _post(
                indexes["roslagen"],
                "gemensam-praktikdag",
                "Gemensam praktikdag med Lernia och Integra",
                d(2026, 6, 11),
                "Unga från Norrtälje och Österåker träffade arbetsgivare på en gemensam "
                "praktikdag.",
                _paragraphs(
                    "Tjugotre unga fick ett första samtal om praktik. Uppföljningen görs av "
                    "respektive handläggare.",
                ),
                tags=["praktik", "arbete"],
                topics=[topics.get("Sysselsättning")],
                image="skargard",
            )
        )
    return posts


VIMEO_URL = "https://vimeo.com/76979871"


def _cached_vimeo_embed():
    """The row Wagtail's oEmbed finder would store, so the demo never needs the network."""
    from wagtail.embeds.embeds import get_embed_hash
    from wagtail.embeds.models import Embed

    Embed.objects.get_or_create(
        hash=get_embed_hash(VIMEO_URL),
        defaults={
            "url": VIMEO_URL,
            "type": "video",
            "html": '<iframe src="https://player.vimeo.com/video/76979871" width="640" '
            'height="360" title="Vimeo"></iframe>',
            "provider_name": "Vimeo",
            "title": "The New Vimeo Player",
            "width": 640,
            "height": 360,
        },
    )


def seed_film_posts(indexes):
    from wagtail.models import Collection

    from news.demo_films import seed_film

    public = indexes["public"]
    film = seed_film(Collection.get_first_root_node())
    _cached_vimeo_embed()
    return [
        _post(
            public,
            "film-textning",
            "Film: från ankomst till egen nyckel",
            datetime.date(2026, 11, 2),
            "En kort film utan ljud i fyra bilder om vägen från ankomst till eget boende, "
            "med svensk textning som beskriver bilderna.",
            [
                ("film", {"film": film, "heading": "Från ankomst till egen nyckel"}),
                (
                    "paragraph",
                    _rich(
                        "Filmen visar i fyra tecknade bilder vad samverkan handlar om: en ny "
                        "stad, ett planeringsmöte, skolan och till sist ett eget hem. Den har "
                        "inget ljud; textningen och transkriptionen beskriver vad som syns."
                    ),
                ),
            ],
            tags=["film", "tillgänglighet"],
            is_film_post=True,
        ),
        _post(
            public,
            "film-fran-vimeo",
            "Film: filmer från Vimeo och YouTube laddas först när du väljer det",
            datetime.date(2026, 11, 16),
            "Externa filmer visas bakom en knapp: ingen uppgift skickas till tjänsten förrän "
            "du själv startar filmen.",
            [
                (
                    "embed",
                    {
                        "embed": VIMEO_URL,
                        "title": "Exempelfilm från Vimeo",
                        "transcript": "Exempelfilmen visar Vimeos spelare. Den har inget tal; "
                        "musik spelas medan spelarens knappar visas.",
                    },
                ),
            ],
            tags=["film"],
            is_film_post=True,
        ),
    ]


def seed():
    from news.demo_testimonials import seed_testimonial_page, seed_testimonials

    indexes = seed_indexes()
    seed_posts(indexes)
    seed_film_posts(indexes)
    seed_testimonials({m.slug: m for m in Municipality.objects.all()})
    seed_testimonial_page(home_page())
    return indexes
