"""The portal search's benchmark (issue 11): latency and SQL queries per search.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_search \\
        python -m bench.search_speed --items 1000 10000 50000

(a script, not a test; docs/performance.md, "Search (issue 11)"). On a database where
`migrate` and `seed_demo` have run (`--setup` runs them when the demo is missing), it
grows the generated content to N searchable items for each N given, smallest first,
adding only what is missing (so 1k → 10k → 50k builds on one database), then, for the
demo staff user of Kalmar and for a visitor, runs a fixed list of 50 Swedish queries
through `search.service.search` (the full results page: count, first page of rows,
facets, the re-check of every hit) and 25 prefixes through `search.service.suggestions`
(the header's autocomplete), and prints p50/p95/max in ms and SQL queries per call.

The generated items (`mix`): 20 % pages (of those 70 % routines, 10 % agreements, 10 %
guides, 10 % news posts), the rest a quarter documents with extracted text and three
quarters partner organisations with five contact people each. They are spread over the
demo's sections, the shared knowledge bank, the Roslagen shared space and the public news
and document collection, so the reader's access trims: Kalmar's staff sees the shared
bank and Kalmar but not Södertälje, Norrtälje, Österåker or Roslagen; a visitor sees
public news and documents only. Pages, routines and organisations go through
`knowledge.bulk` (bench/generate.py), documents through `bulk_create` and
`search.indexing.index_items`.

Timing is warm, as in production: Django's cache is cleared before each reader, one
unmeasured round fills it (the access module's answers per reach, synonyms), then each
call is made `--repeat` times; the reader's `Access` is rebuilt for every call (as for
every request), reading its answers from the cache. A separate round counts the SQL
statements (CaptureQueriesContext). Searches that find nothing record a zero-result
count (one write), as in production.
"""

import argparse
import datetime
import json
import os
import platform
import random
import statistics
import sys
import time

from bench.generate import (
    CONTACTS_PER_ORGANISATION,
    _bank_for,
    _rich,
    demo_context,
    ensure_organisations,
    ensure_routines,
    generated_organisations,
    generated_routine_count,
)

STAFF_EMAIL = "personal.kalmar@demo.samverkan.se"
PAGE_SHARE = 0.2
PAGE_KINDS = (("routine", 0.7), ("agreement", 0.1), ("guide", 0.1))  # the rest: news
DOCUMENT_SHARE = 0.25  # of the items that are not pages
AGREEMENT_PREFIX, GUIDE_PREFIX, NEWS_PREFIX = "sok-avtal-", "sok-guide-", "sok-nyhet-"
DOCUMENT_FOLDER = "bench-search/"

# 50 queries: single words, abbreviations, two words, typos, no hits, compound parts.
QUERIES = [
    "rutin",
    "skolfrånvaro",
    "tolk",
    "boende",
    "ensamkommande",
    "placering",
    "vårdnadshavare",
    "orosanmälan",
    "praktik",
    "tandvård",
    "läkemedel",
    "journal",
    "avvikelse",
    "nattjour",
    "utslussning",
    "hälsoundersökning",
    "fickpengar",
    "rymning",
    "skolstart",
    "familjehem",
    "socialtjänst",
    "kurator",
    "handläggare",
    "ungdomsmottagning",
    "EKB",
    "HVB",
    "BUP",
    "LVU",
    "SIP",
    "god man",
    "psykisk hälsa",
    "hot och våld",
    "boende kalmar",
    "tolk skola",
    "rutin tolk",
    "samordnad plan",
    "skolfrånvaro uppföljning",
    "kontakt vårdnadshavare",
    "placering familjehem",
    "överenskommelse skola",
    "skolfranvaro",
    "orosanmalan",
    "vårdnadshavre",
    "zebrafink",
    "kvantdator",
    "överenskommelse",
    "frånvaro",
    "samverkan",
    "plan",
    "utbildning",
]
PREFIXES = [
    "ru",
    "rut",
    "ruti",
    "sk",
    "sko",
    "skol",
    "to",
    "tol",
    "bo",
    "boe",
    "ek",
    "hv",
    "hvb",
    "bu",
    "lvu",
    "öv",
    "över",
    "en",
    "ens",
    "pla",
    "vår",
    "oro",
    "tand",
    "sam",
    "zq",
]

SENTENCES = [
    "Vid skolfrånvaro kontaktar mentorn vårdnadshavare samma dag.",
    "Boendet ansvarar för att ungdomen kommer till skolan varje dag.",
    "Beställ tolk i god tid inför samtal med ungdomen och god man.",
    "Socialtjänsten följer upp placeringen på HVB eller i familjehem var tredje månad.",
    "Ensamkommande barn (EKB) har rätt till en god man från första dagen.",
    "Vid oro för psykisk ohälsa remitteras ungdomen till BUP efter samtal med kurator.",
    "En orosanmälan görs skriftligt till socialtjänstens mottagning.",
    "Vård enligt LVU beslutas av förvaltningsrätten efter ansökan från nämnden.",
    "En samordnad individuell plan (SIP) upprättas när flera huvudmän är inblandade.",
    "Samverkansöverenskommelsen mellan kommunen och regionen gäller i tre år.",
    "Handläggaren dokumenterar i journalen inom två arbetsdagar.",
    "Läkemedel förvaras inlåsta och delas ut av personal med delegering.",
    "Vid rymning kontaktas polisen och jourhavande socialsekreterare.",
    "Ungdomsmottagningen erbjuder hälsosamtal och stöd kring sexuell hälsa.",
    "Praktikplatser förmedlas i samarbete med Arbetsförmedlingen och skolan.",
    "Utslussning till eget boende planeras minst tre månader i förväg.",
    "Fickpengar betalas ut varannan vecka enligt boendets rutin.",
    "Hälsoundersökning erbjuds alla nyanlända inom två veckor.",
    "Tandvård är avgiftsfri för barn och unga till och med det år de fyller 23.",
    "Nattjouren nås på det gemensamma numret mellan klockan 22 och 07.",
    "Hot och våld rapporteras som avvikelse och följs upp av enhetschefen.",
    "Skolstarten förbereds tillsammans med studie- och yrkesvägledaren.",
    "Kontaktpersonen i skolan och boendet stämmer av närvaron varje vecka.",
    "Överenskommelsen reglerar vem som betalar för insatser till placerade barn.",
]
AGREEMENT_SUBJECTS = [
    "Samverkansöverenskommelse om skolgång för placerade barn",
    "Överenskommelse om tolktjänst",
    "Avtal om platser på HVB",
    "Överenskommelse om BUP-remisser",
    "Samverkansavtal om ensamkommande barn",
    "Överenskommelse om praktikplatser",
]
GUIDE_SUBJECTS = [
    "Guide till samordnad individuell plan",
    "Mall för genomförandeplan",
    "Stöd vid skolfrånvaro",
    "Checklista inför placering i familjehem",
    "Så beställer du tolk",
    "Handbok för god man",
]
NEWS_SUBJECTS = [
    "Ny rutin för skolfrånvaro",
    "Utbildning om LVU för handläggare",
    "Fler platser på stödboende",
    "Nätverksträff om ensamkommande",
    "Tolkförmedlingen byter nummer",
    "Sommarjobb för unga i samverkan",
]
DOCUMENT_SUBJECTS = [
    "Handlingsplan skolfrånvaro",
    "Blankett orosanmälan",
    "Överenskommelse tolktjänst",
    "Protokoll samverkansmöte",
    "Rutin läkemedelshantering",
    "Mall genomförandeplan HVB",
    "Riktlinje LVU-placering",
    "Information till god man",
]
# Where documents go: collection name and weight (the demo's collections).
DOCUMENT_COLLECTIONS = [
    ("Gemensamma nyheter", 15),  # public
    ("Kunskapsbanken", 35),
    ("Kalmar kommun", 10),
    ("Södertälje kommun", 10),
    ("Norrtälje kommun", 10),
    ("Österåkers kommun", 10),
    ("Samverkan Roslagen", 10),
]
NEWS_INDEXES = [("public", 50), ("kalmar", 20), ("sodertalje", 20), ("roslagen", 10)]


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    os.environ.setdefault("DEBUG", "0")
    import django

    django.setup()


def mix(n):
    """How many generated items of each kind make N searchable items."""
    pages = round(n * PAGE_SHARE)
    counts = {kind: round(pages * share) for kind, share in PAGE_KINDS}
    counts["news"] = pages - sum(counts.values())
    rest = n - pages
    counts["document"] = round(rest * DOCUMENT_SHARE)
    counts["organisation"] = (rest - counts["document"]) // (1 + CONTACTS_PER_ORGANISATION)
    counts["contact"] = counts["organisation"] * CONTACTS_PER_ORGANISATION
    return counts


def _text(rng, count):
    return " ".join(rng.sample(SENTENCES, count))


def _paragraphs(rng, count):
    return [("paragraph", _rich(_text(rng, 2))) for _n in range(count)]


# --- pages other than routines ---------------------------------------------------------


def _knowledge_scope(rng, bank_key, municipalities):
    if bank_key == "shared":
        return rng.sample(list(municipalities.values()), rng.randint(0, 2))
    if bank_key == "roslagen":
        return [municipalities[rng.choice(["norrtalje", "osteraker"])]]
    return [municipalities[bank_key]]


def build_agreement(number, context, today):
    from knowledge.models import AgreementPage

    rng = random.Random(f"agreement-{number}")
    bank_key = _bank_for(rng)
    subject = rng.choice(AGREEMENT_SUBJECTS)
    start = today - datetime.timedelta(days=rng.randint(0, 900))
    page = AgreementPage(
        title=f"{subject} {number:05d}",
        slug=f"{AGREEMENT_PREFIX}{number:05d}",
        summary=_text(rng, 2),
        body=_paragraphs(rng, 2),
        valid_from=start,
        valid_until=start + datetime.timedelta(days=3 * 365),
        notice_period="tre månader",
        content_owner=context["owners"][bank_key],
        last_reviewed=today - datetime.timedelta(days=rng.randint(0, 540)),
    )
    page.topics = rng.sample(context["topics"], rng.randint(1, 2))
    page.municipalities = _knowledge_scope(rng, bank_key, context["municipalities"])
    return bank_key, page


def build_guide(number, context, today):
    from knowledge.models import GuidePage

    rng = random.Random(f"guide-{number}")
    bank_key = _bank_for(rng)
    subject = rng.choice(GUIDE_SUBJECTS)
    page = GuidePage(
        title=f"{subject} {number:05d}",
        slug=f"{GUIDE_PREFIX}{number:05d}",
        kind=rng.choice(["guide", "tool"]),
        summary=_text(rng, 2),
        body=_paragraphs(rng, 1),
        content_owner=context["owners"][bank_key],
        last_reviewed=today - datetime.timedelta(days=rng.randint(0, 540)),
    )
    page.topics = rng.sample(context["topics"], rng.randint(1, 2))
    page.municipalities = _knowledge_scope(rng, bank_key, context["municipalities"])
    return bank_key, page


def build_news(number, context, today):
    from news.models import NewsPostPage

    rng = random.Random(f"news-{number}")
    keys = [key for key, _weight in NEWS_INDEXES]
    index_key = rng.choices(keys, [weight for _key, weight in NEWS_INDEXES])[0]
    subject = rng.choice(NEWS_SUBJECTS)
    # One in fifty dated ahead: not shown (nor found) before its day.
    ahead = rng.random() < 0.02
    offset = rng.randint(1, 30) if ahead else -rng.randint(0, 730)
    municipality = context["municipalities"].get(index_key)
    page = NewsPostPage(
        title=f"{subject} {number:05d}",
        slug=f"{NEWS_PREFIX}{number:05d}",
        date=today + datetime.timedelta(days=offset),
        author_name="Redaktionen",
        intro=_rich(_text(rng, 1)),
        body=_paragraphs(rng, 2),
        municipality=municipality,
    )
    page.topics = rng.sample(context["topics"], 1)
    return index_key, page


def news_indexes():
    from news.models import NewsIndexPage
    from portal.models import SharedSpacePage
    from portal.provisioning import home_page

    context = demo_context()
    found = {"public": NewsIndexPage.objects.child_of(home_page()).get()}
    for slug in ("kalmar", "sodertalje"):
        section = context["municipalities"][slug].section_page
        found[slug] = NewsIndexPage.objects.child_of(section).get()
    roslagen = SharedSpacePage.objects.get(slug="samverkan-roslagen")
    found["roslagen"] = NewsIndexPage.objects.child_of(roslagen).get()
    return found


def ensure_pages(model, prefix, build, count, parents, context, chunk_size=500):
    from knowledge import clock
    from knowledge.bulk import create_published_pages

    existing = model.objects.filter(slug__startswith=prefix).count()
    if existing >= count:
        return 0
    today = clock.today()
    for start in range(existing + 1, count + 1, chunk_size):
        by_parent = {}
        for number in range(start, min(start + chunk_size, count + 1)):
            key, page = build(number, context, today)
            by_parent.setdefault(key, []).append(page)
        for key, pages in by_parent.items():
            create_published_pages(parents[key], pages, prefetch=("topics",), chunk_size=chunk_size)
    return count - existing


# --- documents -------------------------------------------------------------------------


def generated_documents():
    from wagtail.documents import get_document_model

    return get_document_model().objects.filter(file__startswith=DOCUMENT_FOLDER)


def ensure_documents(count, chunk_size=1000):
    """Documents with extracted text, in bulk (no files on disk: the search reads the
    stored text), indexed with `search.indexing.index_items`."""
    from django.db import transaction
    from wagtail.documents import get_document_model
    from wagtail.models import Collection

    from knowledge.models import DocumentText
    from knowledge.search_items import DocumentProvider
    from search.indexing import index_items

    document_model = get_document_model()
    existing = generated_documents().count()
    if existing >= count:
        return 0
    collections = {c.name: c for c in Collection.objects.all()}
    names = [name for name, _weight in DOCUMENT_COLLECTIONS]
    weights = [weight for _name, weight in DOCUMENT_COLLECTIONS]
    provider = DocumentProvider()
    for start in range(existing + 1, count + 1, chunk_size):
        numbers = range(start, min(start + chunk_size, count + 1))
        documents, texts = [], []
        for number in numbers:
            rng = random.Random(f"document-{number}")
            subject = rng.choice(DOCUMENT_SUBJECTS)
            file_name = f"{subject.lower().replace(' ', '-')}-{number:05d}.pdf"
            documents.append(
                document_model(
                    title=f"{subject} {number:05d}",
                    file=f"{DOCUMENT_FOLDER}{file_name}",
                    file_size=20_000 + number,
                    collection=collections[rng.choices(names, weights)[0]],
                )
            )
            texts.append((file_name, _text(rng, rng.randint(4, 8))))
        with transaction.atomic():
            document_model.objects.bulk_create(documents)
            # Not every database returns ids from bulk_create: read them back.
            saved = list(
                generated_documents()
                .filter(file__in=[d.file.name for d in documents])
                .order_by("pk")
            )
            by_file = {d.file.name: d for d in saved}
            DocumentText.objects.bulk_create(
                DocumentText(document=by_file[f"{DOCUMENT_FOLDER}{name}"], file_name=name, text=t)
                for name, t in texts
            )
        index_items(
            provider.item(d)
            for d in document_model.objects.filter(pk__in=[d.pk for d in saved]).select_related(
                "extracted_text"
            )
        )
    return count - existing


# --- the whole mix ---------------------------------------------------------------------


def generated_counts():
    from knowledge.models import AgreementPage, GuidePage
    from news.models import NewsPostPage
    from partners.models import ContactPerson

    return {
        "routine": generated_routine_count(),
        "agreement": AgreementPage.objects.filter(slug__startswith=AGREEMENT_PREFIX).count(),
        "guide": GuidePage.objects.filter(slug__startswith=GUIDE_PREFIX).count(),
        "news": NewsPostPage.objects.filter(slug__startswith=NEWS_PREFIX).count(),
        "document": generated_documents().count(),
        "organisation": generated_organisations().count(),
        "contact": ContactPerson.objects.filter(organisation__slug__startswith="gen-").count(),
    }


def ensure(n, say):
    from knowledge.models import AgreementPage, GuidePage
    from news.models import NewsPostPage
    from search.indexing import collected

    target = mix(n)
    context = demo_context()
    started = time.perf_counter()
    # Organisations first: routine n names contact n. Their saves are indexed together.
    with collected():
        ensure_organisations(target["organisation"], context)
    say(f"organisations: {target['organisation']}")
    ensure_routines(target["routine"], context)
    say(f"routines: {target['routine']}")
    ensure_pages(
        AgreementPage, AGREEMENT_PREFIX, build_agreement, target["agreement"],
        context["banks"], context,
    )  # fmt: skip
    ensure_pages(GuidePage, GUIDE_PREFIX, build_guide, target["guide"], context["banks"], context)
    ensure_pages(NewsPostPage, NEWS_PREFIX, build_news, target["news"], news_indexes(), context)
    say(f"agreements, guides, news: {target['agreement']}, {target['guide']}, {target['news']}")
    ensure_documents(target["document"])
    say(f"documents: {target['document']}")
    return time.perf_counter() - started


def analyse():
    """What autovacuum would have done after an import (PostgreSQL)."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


# --- measuring -------------------------------------------------------------------------


def percentile(values, share):
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))
    return ordered[index]


def _call(mode, user, text):
    from portal.access import forget_access
    from search import service

    # A fresh Access per call, as per request: its answers come from the cache.
    forget_access(user)
    if mode == "search":
        results = service.search(user, text)
        return results.total
    return len(service.suggestions(user, text))


def measure(mode, user, texts, repeat):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    found = {}
    for text in texts:  # warm-up, not measured
        found[text] = _call(mode, user, text)
    queries = {}
    for text in texts:
        with CaptureQueriesContext(connection) as captured:
            _call(mode, user, text)
        queries[text] = len(captured.captured_queries)
    times = {text: [] for text in texts}
    for _round in range(repeat):
        for text in texts:
            started = time.perf_counter()
            _call(mode, user, text)
            times[text].append((time.perf_counter() - started) * 1000)
    samples = [t for ts in times.values() for t in ts]
    slowest = sorted(texts, key=lambda t: statistics.median(times[t]), reverse=True)[:3]
    return {
        "p50": percentile(samples, 0.5),
        "p95": percentile(samples, 0.95),
        "max": max(samples),
        "queries_median": statistics.median(queries.values()),
        "queries_max": max(queries.values()),
        "samples": len(samples),
        "slowest": [[t, round(statistics.median(times[t]), 1), queries[t]] for t in slowest],
        "with_hits": sum(1 for n in found.values() if n),
    }


def readers():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import AnonymousUser

    return [
        ("staff (Kalmar)", get_user_model().objects.get(email=STAFF_EMAIL)),
        ("visitor", AnonymousUser()),
    ]


def trimmed(user):
    from knowledge import clock
    from portal.access import access_for, forget_access
    from search.engines.rows import visible_entries

    forget_access(user)
    return visible_entries(access_for(user), clock.today()).count()


def step(n, repeat, say):
    from django.core.cache import cache
    from django.db import connection
    from django.db.models import Count

    from search.models import SearchEntry

    generation = ensure(n, say)
    generated = generated_counts()
    if any(generated[kind] > wanted for kind, wanted in mix(n).items()):
        say(f"N={n} skipped: the database holds more than that (sizes cannot shrink)")
        return None
    analyse()
    entries = dict(SearchEntry.objects.values_list("kind").annotate(n=Count("pk")))
    result = {
        "n": n,
        "database": connection.vendor,
        "mix": mix(n),
        "generated": generated,
        "entries": entries,
        "entries_total": sum(entries.values()),
        "generation_s": round(generation, 1),
        "readers": [],
    }
    if os.environ.get("PGOPTIONS") and connection.vendor == "postgresql":
        result["note"] = f" ({os.environ['PGOPTIONS'].strip()})"
    for label, user in readers():
        cache.clear()
        load = os.getloadavg()
        started = time.perf_counter()
        _call("search", user, QUERIES[0])
        cold = (time.perf_counter() - started) * 1000
        reader = {
            "reader": label,
            "visible_entries": trimmed(user),
            "load_before": [round(x, 2) for x in load],
            "cold_first_search_ms": round(cold, 1),
            "search": measure("search", user, QUERIES, repeat),
            "autocomplete": measure("autocomplete", user, PREFIXES, repeat),
        }
        reader["load_after"] = [round(x, 2) for x in os.getloadavg()]
        result["readers"].append(reader)
        say(f"measured {label}")
    return result


def report(result):
    lines = [
        f"N={result['n']} on {result['database']}: {result['entries_total']} search entries "
        f"({', '.join(f'{k} {v}' for k, v in sorted(result['entries'].items()))}); "
        f"generation {result['generation_s']} s",
        f"  {'reader':<16} {'visible':>8} {'what':<13} {'p50 ms':>8} {'p95 ms':>8} "
        f"{'max ms':>8} {'queries':>9} {'hits':>5}  load before/after  slowest (median ms, q)",
    ]
    for reader in result["readers"]:
        for mode in ("search", "autocomplete"):
            m = reader[mode]
            queries = f"{m['queries_median']:g}–{m['queries_max']}"
            slowest = "; ".join(f"{t!r} {ms} ({q})" for t, ms, q in m["slowest"])
            lines.append(
                f"  {reader['reader']:<16} {reader['visible_entries']:>8} {mode:<13} "
                f"{m['p50']:>8.1f} {m['p95']:>8.1f} {m['max']:>8.1f} {queries:>9} "
                f"{m['with_hits']:>5}  {reader['load_before'][0]:.2f}/"
                f"{reader['load_after'][0]:.2f}  {slowest}"
            )
        lines.append(f"  {reader['reader']}: first search after clearing the cache "
                     f"{reader['cold_first_search_ms']} ms")  # fmt: skip
    return "\n".join(lines)


def markdown(results):
    """The docs' table (docs/performance.md) from the JSON lines of one or more runs."""
    lines = [
        "| N | database | reader | visible | search p50 / p95 / max ms | queries "
        "| autocomplete p50 / p95 / max ms | queries | load |",
        "|---:|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for result in results:
        database = result["database"] + result.get("note", "")
        for reader in result["readers"]:
            cells = [f"{result['n']:,}".replace(",", " "), database, reader["reader"]]
            cells.append(str(reader["visible_entries"]))
            for mode in ("search", "autocomplete"):
                m = reader[mode]
                cells.append(f"{m['p50']:.0f} / {m['p95']:.0f} / {m['max']:.0f}")
                cells.append(f"{m['queries_median']:g} ({m['queries_max']})")
            cells.append(f"{reader['load_before'][0]:.1f}")
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def ensure_demo(setup, say):
    from django.core.management import call_command
    from django.db import connection

    from portal.models import Municipality

    try:
        seeded = Municipality.objects.exists()
    except Exception:  # noqa: BLE001 - no tables yet
        connection.close()
        seeded = False
    if seeded:
        return
    if not setup:
        raise SystemExit("No demo in this database: run with --setup (migrate and seed_demo).")
    call_command("migrate", interactive=False, verbosity=0)
    call_command("seed_demo", verbosity=0)
    say("migrated and seeded the demo")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, nargs="+", default=[1000, 10000, 50000])
    parser.add_argument("--repeat", type=int, default=3, help="timed calls per query")
    parser.add_argument("--setup", action="store_true", help="migrate and seed the demo")
    parser.add_argument("--json", metavar="FILE", help="append each step's result to FILE")
    parser.add_argument(
        "--table", metavar="FILE", nargs="+", help="only print the markdown table of --json files"
    )
    args = parser.parse_args(argv)
    if args.table:
        results = []
        for name in args.table:
            with open(name, encoding="utf-8") as lines:
                results.extend(json.loads(line) for line in lines if line.strip())
        print(markdown(results))
        return
    setup_django()
    from django.db import connection

    started = time.perf_counter()

    def say(message):
        print(f"  [{time.perf_counter() - started:7.1f}s] {message}", flush=True)

    ensure_demo(args.setup, say)
    print(
        f"database: {connection.vendor} {connection.settings_dict['NAME']}; "
        f"machine: {os.cpu_count()} cores, {platform.python_version()}; "
        f"cache: {__import__('django.conf').conf.settings.CACHES['default']['BACKEND']}",
        flush=True,
    )
    for n in sorted(args.items):
        result = step(n, args.repeat, say)
        if result is None:
            continue
        print(report(result), flush=True)
        if args.json:
            with open(args.json, "a", encoding="utf-8") as out:
                out.write(json.dumps(result, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    sys.exit(main())
