"""The suite's relevance set: Swedish queries as municipal staff (social services, school,
HVB staff) type them into the portal's search box, each judged by reading the demo content
(`seed_demo`): which items a good search must show first and which further items are
relevant. Used by the suite's relevance test and by `python -m bench.relevance`; the
held-out set the search is not tuned on is bench/relevance_heldout.py."""

from search.relevance import Case

# These say "journalen" or "journalsystemet" and nothing about a jour.
_JOURNAL = (
    "Checklista mottagande.pdf",
    "Hälsoundersökning inom två veckor",
    "Mottagande av ungdom på HVB",
    "Introduktion för nyanställda",
)
_TOLK = ("Bokning av tolk", "Bokning av tolk i Kalmar", "Bokning av tolk i Norrtälje")
_ABSENCE = (
    "Upprepad skolfrånvaro – skola och socialtjänst",
    "Skolfrånvaro i Kalmar",
    "Skolfrånvaro i Södertälje",
    "Skolfrånvaro i Norrtälje",
    "Ny rutin för skolfrånvaro",
)
_UNACCOMPANIED = (
    "Socialtjänsten Södertälje, ensamkommande",
    "Elin Forsberg",
    "Mottagande av ensamkommande barn",
    "Mottagande av ensamkommande barn i Kalmar",
    "Mottagande av ensamkommande barn i Södertälje",
)

CASES = [
    # --- compound: the whole word is not in the content, its parts are ---
    Case("tolkbokning", first=_TOLK, relevant=("Hassan Noor",), kind="compound"),
    # Skolstart i Kalmar calls itself "den gemensamma rutinen för skolstart"; the local versions are as good.
    Case(
        "skolstartsrutin",
        first=("Skolstart för nyanlända ungdomar", "Skolstart i Kalmar", "Skolstart i Södertälje"),
        relevant=("Ny samordnare för skolstart",),
        kind="compound",
    ),
    Case("tandvårdsavgifter", first=("Tandvård för ungdomar",), kind="compound"),
    # Helena Ståhl (BUP) handles "Konsultation inför remiss".
    Case("bupremiss", first=("Remiss till BUP",), relevant=("Helena Ståhl",), kind="compound"),
    Case("hedersvåld", first=("Hedersrelaterat våld – första åtgärder",), kind="compound"),
    Case(
        "fotbollsträning",
        first=("IFK Österåker ungdom",),
        relevant=("Hanna Eklöf", "Oskar Blom"),
        kind="compound",
    ),
    Case(
        "rutingranskning",
        first=("Dags att granska rutinerna inför hösten",),
        relevant=(
            "Vision och mål",
            "Kunskapsbanken",
            "Samverkansportalen öppnar för alla medlemskommuner",
        ),
        kind="compound",
    ),
    # The news says "Ansökan görs ..." about feriejobb, the routine "Ansökan och stöd kring sommarjobb".
    Case(
        "sommarjobbsansökan",
        first=("Feriejobb för ungdomar",),
        relevant=("Feriejobb för unga som är nya i Sverige",),
        kind="compound",
    ),
    Case(
        "praktiköverenskommelse",
        first=("Överenskommelse om praktik med Lernia",),
        relevant=("Överenskommelse om praktik med Lernia (signerad).pdf",),
        kind="compound",
    ),
    Case(
        "traumautbildning", first=("Utbildningsdag om traumamedvetet bemötande",), kind="compound"
    ),
    # --- inflection: another form than the content uses ---
    Case("familjehemmen", first=("Anna Falk",), kind="inflection"),
    Case(
        "gode männen",
        first=("Samarbete med god man", "Stöd till gode män under hösten", "Henrik Sjö"),
        relevant=("Familjerätten Österåker", "Ibrahim Kaya", "Skolstart i Södertälje"),
        kind="inflection",
    ),
    Case(
        "praktikplatserna",
        first=("Praktikplats via Lernia", "Linnea Hjort"),
        relevant=(
            "Överenskommelse om praktik med Lernia",
            "Johan Ek",
            "Arbetsmarknadsenheten Kalmar",
        ),
        kind="inflection",
    ),
    # "tolkningar" in the concern report template is about interpreting, not interpreters.
    Case(
        "tolkar",
        first=_TOLK,
        relevant=("Hassan Noor", "Skolstart i Kalmar", "Skolstart för nyanlända ungdomar"),
        absent=("Orosanmälan från boendet", "Mall orosanmälan.docx"),
        kind="inflection",
    ),
    Case(
        "hälsoundersökningarna",
        first=("Hälsoundersökning inom två veckor", "Petra Lind"),
        relevant=("Vårdcentralen Åkersberga", "Checklista mottagande.pdf"),
        kind="inflection",
    ),
    Case(
        "läxhjälpen",
        first=("Karl Ström", "Röda Korset Norrtälje", "Svenska kyrkan Södertälje"),
        relevant=("Språkcafé varje torsdag",),
        kind="inflection",
    ),
    Case(
        "skolfrånvaron",
        first=_ABSENCE,
        relevant=("Kristin Olsson",),
        kind="inflection",
    ),
    Case(
        "ungdomshemmet",
        first=("SiS ungdomshem Långanäs",),
        relevant=("Marie Kron", "Leo Vik"),
        kind="inflection",
    ),
    Case(
        "arbetsförmedlaren",
        first=("Karin Nyström", "Ali Yusuf"),
        relevant=("Arbetsförmedlingen",),
        kind="inflection",
    ),
    Case("socialsekreterarna", first=("Jonas Wik", "Fatima Osman"), kind="inflection"),
    # --- boundary: a short word that is also part of unrelated words ---
    Case(
        "tolk",
        first=_TOLK,
        relevant=("Hassan Noor", "Skolstart i Kalmar", "Skolstart för nyanlända ungdomar"),
        absent=("Orosanmälan från boendet", "Mall orosanmälan.docx"),
        kind="boundary",
    ),
    # No item says "kris"; what staff want is the acute-danger routine ("Vid akut fara: ring 112").
    Case(
        "kris",
        first=("Orosanmälan från boendet", "Hedersrelaterat våld – första åtgärder"),
        relevant=("Mall orosanmälan.docx", "Ingrid Malm"),
        absent=("Kristin Olsson",),
        kind="boundary",
    ),
    # "samarbete" (collaboration) is not work.
    Case(
        "arbete",
        first=("Arbetsmarknadsenheten Kalmar", "Arbetsförmedlingen", "Lernia"),
        relevant=(
            "Integra",
            "Gemensam praktikdag med Lernia och Integra",
            "Nya överenskommelser med Arbetsförmedlingen",
        ),
        absent=("Samarbete med god man", "Nyheter – Samverkan Roslagen"),
        kind="boundary",
    ),
    # Health care; "vårdnad" (custody) is another word.
    Case(
        "vård",
        first=("Vårdcentralen Åkersberga", "Yasmin Ali"),
        relevant=("Vuxenpsykiatrin Norrtälje", "Tandvård för ungdomar"),
        absent=("Familjerätten Österåker", "Pia Lönn"),
        kind="boundary",
    ),
    # "jour", "socialjouren": the after-hours contacts; "journalen" is another word.
    Case(
        "jour",
        first=(
            "Nytt mottagningsteam i Kalmar",
            "Mottagande av ensamkommande barn i Kalmar",
            "Orosanmälan från boendet",
            "Orosanmälan i Norrtälje",
            "HVB och stödboende i Kalmar",
        ),
        relevant=("Remiss till BUP", "Tandvård för ungdomar"),
        absent=_JOURNAL,
        kind="boundary",
    ),
    Case(
        "ek",
        first=("Johan Ek",),
        absent=(
            "Hanna Eklöf",
            "Lars Ekman",
            "Fickpengar och ekonomi",
            "Stöd till gode män under hösten",
        ),
        kind="boundary",
    ),
    Case(
        "ros",
        first=("Mikael Ros",),
        absent=(
            "Orosanmälan från boendet",
            "Mall orosanmälan.docx",
            "Stödboendet Solrosen",
            "Cecilia Dahl",
            "Samverkan Roslagen",
            "Daniel Frost",
        ),
        kind="boundary",
    ),
    Case(
        "sund",
        first=("Eva Sund",),
        absent=("Kalmarsundsgymnasiet", "Kristin Olsson", "Samir Aziz", "Ulla Svensson"),
        kind="boundary",
    ),
    Case("ström", first=("Karl Ström",), absent=("Karin Nyström",), kind="boundary"),
    Case(
        "id",
        first=("Folkbokföring och id-handlingar",),
        absent=(
            "IFK Österåker ungdom",
            "Ingrid Malm",
            "Omid Rahimi",
            "Mona Said",
            "Hanna Eklöf",
            "Gunilla Björk",
        ),
        kind="boundary",
    ),
    # --- contact: phones written differently, e-mail, names, liaisons, roles ---
    Case("0701740612", first=("Helena Ståhl",), kind="contact"),
    Case("070 174 06 37", first=("Hassan Noor",), kind="contact"),
    Case("070-1740620", first=("Fatima Osman",), kind="contact"),
    Case("0846500409", first=("Vårdcentralen Åkersberga",), kind="contact"),
    Case("jonas.wik@partner.example.se", first=("Jonas Wik",), kind="contact"),
    Case("kristin.olsson", first=("Kristin Olsson",), kind="contact"),
    Case("info@lernia.example.se", first=("Lernia",), kind="contact"),
    # Liaison Peter Alm is shown on both organisations' pages.
    Case("peter alm", first=("Arbetsförmedlingen", "Arbetsmarknadsenheten Kalmar"), kind="contact"),
    # Liaison for "Överlämningar"; Sara Holm only shares the first name.
    Case("sara medarbetare", first=("Socialtjänsten Södertälje, ensamkommande",), kind="contact"),
    Case("studie- och yrkesvägledare", first=("Åsa Nord", "Sara Holm"), kind="contact"),
    Case("kurator", first=("Helena Ståhl", "Kristin Olsson"), kind="contact"),
    Case("distriktssköterska", first=("Petra Lind",), kind="contact"),
    Case("nadia karimi", first=("Nadia Karimi",), kind="contact"),
    # --- some-words: no item has every word ---
    Case(
        "frigivning ungdom boende",
        first=("Jenny Ahl",),
        relevant=("Kriminalvården region Stockholm",),
        kind="some-words",
    ),
    Case(
        "asyl ersättning kalmar",
        first=("Migrationsverket, mottagningsenheten",),
        relevant=("Yonas Tesfaye",),
        kind="some-words",
    ),
    Case(
        "eget boende lägenhet kontrakt",
        first=("Utslussning till eget boende",),
        relevant=("Arbetsgruppen för boende har träffats",),
        kind="some-words",
    ),
    Case("tandvärk helg", first=("Tandvård för ungdomar",), kind="some-words"),
    Case(
        "folkbokföring skatteverket", first=("Folkbokföring och id-handlingar",), kind="some-words"
    ),
    # Hassan Noor books interpreters at the clinic that does the health examinations.
    Case(
        "hälsoundersökning tolk",
        first=("Hälsoundersökning inom två veckor", "Hassan Noor"),
        relevant=("Bokning av tolk", "Petra Lind"),
        kind="some-words",
    ),
    Case(
        "remiss psykolog trauma",
        first=("Omid Rahimi",),
        relevant=("Remiss till BUP", "BUP Kalmar län", "Helena Ståhl"),
        kind="some-words",
    ),
    Case(
        "eftervård utskrivning lvu",
        first=("Leo Vik",),
        relevant=("SiS ungdomshem Långanäs",),
        kind="some-words",
    ),
    # --- ranking: many items mention the term, one is about it ---
    Case(
        "BUP",
        first=("BUP Kalmar län",),
        relevant=(
            "Remiss till BUP",
            "Överenskommelse med BUP om konsultation",
            "Helena Ståhl",
            "Omid Rahimi",
            "Birgitta Lund",
        ),
        kind="ranking",
    ),
    Case(
        "ensamkommande barn",
        first=_UNACCOMPANIED,
        relevant=("Migrationsverket, mottagningsenheten", "Nytt mottagningsteam i Kalmar"),
        kind="ranking",
    ),
    Case(
        "Lernia",
        first=("Lernia",),
        relevant=(
            "Överenskommelse om praktik med Lernia",
            "Praktikplats via Lernia",
            "Johan Ek",
            "Maria Lindqvist",
            "Sara Holm",
        ),
        kind="ranking",
    ),
    Case(
        "hvb",
        first=("HVB Kalmar Strand", "HVB och stödboende i Kalmar"),
        relevant=(
            "Mottagande av ungdom på HVB",
            "Handledning för HVB-personal startar",
            "Anders Vall",
        ),
        kind="ranking",
    ),
    Case(
        "socialtjänsten",
        first=("Socialtjänsten Kalmar, barn och unga", "Socialtjänsten Södertälje, ensamkommande"),
        relevant=("Jonas Wik", "Fatima Osman", "Anna Falk", "Mikael Ros"),
        kind="ranking",
    ),
    Case(
        "kunskapsbank",
        first=("Kunskapsbanken",),
        relevant=(
            "Kunskapsbank – Kalmar kommun",
            "Kunskapsbank – Norrtälje kommun",
            "Kunskapsbank – Samverkan Roslagen",
            "Kunskapsbank – Södertälje kommun",
            "Kunskapsbank – Österåkers kommun",
        ),
        kind="ranking",
    ),
    Case(
        "arbetsförmedlingen",
        first=("Arbetsförmedlingen",),
        relevant=(
            "Nya överenskommelser med Arbetsförmedlingen",
            "Eva Sund",
            "Karin Nyström",
            "Ali Yusuf",
        ),
        kind="ranking",
    ),
    # --- typo: one or two edits ---
    Case(
        "migrationverket",
        first=("Migrationsverket, mottagningsenheten",),
        relevant=("Elin Forsberg", "Yonas Tesfaye"),
        kind="typo",
    ),
    Case("frivårdsinspektor", first=("Tove Ring",), relevant=("Frivården Kalmar",), kind="typo"),
    Case(
        "orosanmälen",
        first=("Orosanmälan från boendet", "Orosanmälan i Norrtälje", "Mall orosanmälan.docx"),
        kind="typo",
    ),
    Case(
        "utslusning",
        first=("Utslussning till eget boende",),
        relevant=(
            "Jenny Ahl",
            "Kriminalvården region Stockholm",
            "Arbetsgruppen för boende har träffats",
        ),
        kind="typo",
    ),
    Case(
        "kalmarsundgymnasiet",
        first=("Kalmarsundsgymnasiet",),
        relevant=("Ulla Svensson", "Kristin Olsson", "Samir Aziz"),
        kind="typo",
    ),
    Case("hasan nor", first=("Hassan Noor",), kind="typo"),
    Case("zeterberg", first=("Robert Zetterberg",), kind="typo"),
    Case("fickpenar", first=("Fickpengar och ekonomi",), kind="typo"),
    # --- english: English words staff use ---
    Case("interpreter", first=_TOLK, relevant=("Hassan Noor",), kind="english"),
    Case(
        "child psychiatry", first=("BUP Kalmar län",), relevant=("Remiss till BUP",), kind="english"
    ),
    Case(
        "school absence",
        first=_ABSENCE,
        relevant=("Kristin Olsson",),
        kind="english",
    ),
    Case("dental care", first=("Tandvård för ungdomar",), kind="english"),
    Case(
        "adult psychiatry",
        first=("Vuxenpsykiatrin Norrtälje",),
        relevant=("Daniel Frost", "Gunilla Björk"),
        kind="english",
    ),
    Case(
        "internship",
        first=("Praktikplats via Lernia",),
        relevant=("Överenskommelse om praktik med Lernia", "Linnea Hjort"),
        kind="english",
    ),
    Case("honour violence", first=("Hedersrelaterat våld – första åtgärder",), kind="english"),
    Case(
        "health check",
        first=("Hälsoundersökning inom två veckor",),
        relevant=("Petra Lind",),
        kind="english",
    ),
    Case("probation officer", first=("Tove Ring",), relevant=("Frivården Kalmar",), kind="english"),
    # --- synonym: everyday synonyms and abbreviations ---
    # The news only says "feriejobb".
    Case(
        "sommarjobb",
        first=(
            "Feriejobb för ungdomar",
            "Gemensam överenskommelse om sommarjobb",
            "Feriejobb för unga som är nya i Sverige",
        ),
        relevant=("Gemensam överenskommelse om sommarjobb (signerad).pdf", "Mats Grön"),
        kind="synonym",
    ),
    # EKB = ensamkommande barn; no item uses the abbreviation.
    Case(
        "EKB",
        first=_UNACCOMPANIED,
        relevant=("Migrationsverket, mottagningsenheten", "Nytt mottagningsteam i Kalmar"),
        kind="synonym",
    ),
    Case(
        "svenska för invandrare",
        first=("Komvux Norrtälje", "Reza Ahmadi", "Åsa Nord"),
        kind="synonym",
    ),
    Case(
        "IFP",
        first=("Individuell framtidsplan", "Individuell framtidsplan – mall.docx"),
        relevant=("Vision och mål",),
        kind="synonym",
    ),
    # AF = Arbetsförmedlingen; "affärsansvarig" and "språkcafé" only contain the letters.
    Case(
        "AF",
        first=("Arbetsförmedlingen",),
        relevant=("Eva Sund", "Karin Nyström", "Ali Yusuf"),
        absent=("Maria Lindqvist", "Språkcafé varje torsdag"),
        kind="synonym",
    ),
    Case(
        "hem för vård eller boende",
        first=("HVB Kalmar Strand", "HVB och stödboende i Kalmar"),
        relevant=("Mottagande av ungdom på HVB",),
        kind="synonym",
    ),
    Case("doktor", first=("Daniel Frost",), kind="synonym"),  # the only physician (överläkare)
    Case("PTSD", first=("Omid Rahimi",), relevant=("BUP Kalmar län",), kind="synonym"),
    # --- plain ---
    Case(
        "checklista mottagande", first=("Checklista mottagande.pdf", "Mottagande av ungdom på HVB")
    ),
    Case("samtalsguide", first=("Samtalsguide för första mötet", "Samtalsguide första mötet.pdf")),
    Case(
        "behov och ansvarsmodellen",
        first=("Behov och Ansvarsmodellen", "Behov och ansvarsmodellen.pdf"),
    ),
    Case(
        "tillgänglighet",
        first=("Tillgänglighetsredogörelse",),
        relevant=("Film: från ankomst till egen nyckel",),
    ),
    Case("vision och mål", first=("Vision och mål",)),
    Case("familjeåterförening", first=("Mona Said", "Röda Korset Norrtälje")),
    Case(
        "filmer",
        first=(
            "Film: filmer från Vimeo och YouTube laddas först när du väljer det",
            "Film: från ankomst till egen nyckel",
        ),
    ),
    Case("studiebesök", first=("Studiebesök på arbetsplatser",), relevant=("Lisa Berg",)),
    Case("lediga platser", first=("Marie Kron",), relevant=("Cecilia Dahl",)),
    Case(
        "överlämning", first=("Mikael Ros",), relevant=("Socialtjänsten Södertälje, ensamkommande",)
    ),
]
