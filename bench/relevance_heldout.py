"""The held-out relevance set: further Swedish queries of the same kinds as the suite's set
(tests/search/relevance_cases.py), with different words, judged the same way by reading the
demo content (`seed_demo`). The search is not tuned on these; `python -m bench.relevance`
prints the figures for both sets."""

from search.relevance import Case

CASES = [
    # --- compound ---
    Case("personalhandledning", first=("Handledning för HVB-personal startar",), kind="compound"),
    Case("komvuxantagning", first=("Åsa Nord",), relevant=("Komvux Norrtälje",), kind="compound"),
    # "Föreningsliv" and the tag "idrott".
    Case(
        "idrottsförening",
        first=("IFK Österåker ungdom",),
        relevant=("Oskar Blom", "Hanna Eklöf"),
        kind="compound",
    ),
    Case(
        "familjerättshandläggare",
        first=("Henrik Sjö",),
        relevant=("Pia Lönn", "Familjerätten Österåker"),
        kind="compound",
    ),
    # --- inflection ---
    Case(
        "språkcaféet",
        first=("Språkcafé varje torsdag",),
        relevant=("Karl Ström", "Röda Korset Norrtälje"),
        kind="inflection",
    ),
    Case(
        "stödboenden",
        first=("Stödboendet Solrosen", "HVB och stödboende i Kalmar"),
        relevant=("Cecilia Dahl", "Ibrahim Kaya", "HVB Kalmar Strand"),
        kind="inflection",
    ),
    Case("vårdnadshavarna", first=("Pia Lönn", "Familjerätten Österåker"), kind="inflection"),
    Case("överläkaren", first=("Daniel Frost",), kind="inflection"),
    # --- boundary ---
    Case(
        "sorg",
        first=("Ingrid Malm",),
        absent=("Feriejobb för unga som är nya i Sverige",),
        kind="boundary",
    ),  # äldreomsorg
    Case(
        "berg",
        first=("Lisa Berg",),
        absent=(
            "Vårdcentralen Åkersberga",
            "Hassan Noor",
            "Petra Lind",
            "Robert Zetterberg",
            "Elin Forsberg",
        ),
        kind="boundary",
    ),
    Case(
        "holm",
        first=("Sara Holm",),
        absent=("Kriminalvården region Stockholm", "Jenny Ahl", "Robert Zetterberg"),
        kind="boundary",
    ),
    # "Sista dag att söka", "Behandlingsassistent".
    Case(
        "sis",
        first=("SiS ungdomshem Långanäs",),
        relevant=("Marie Kron", "Leo Vik"),
        absent=("Feriejobb för unga som är nya i Sverige", "Yasmin Ali"),
        kind="boundary",
    ),
    # --- contact ---
    Case("+46 70 174 06 56", first=("Linnea Hjort",), kind="contact"),
    Case("asa.nord", first=("Åsa Nord",), kind="contact"),
    # Liaison shown on both organisations' pages; Karin Nyström only shares the first name.
    Case("karin redaktör", first=("BUP Kalmar län", "Lernia"), kind="contact"),
    Case("0480-360414", first=("Arbetsmarknadsenheten Kalmar",), kind="contact"),
    # --- some-words ---
    Case(
        "avtal yrkesutbildning norrtälje",
        first=("Maria Lindqvist",),
        relevant=("Lernia",),
        kind="some-words",
    ),
    Case(
        "nivåplacering sfi test",
        first=("Reza Ahmadi",),
        relevant=("Komvux Norrtälje",),
        kind="some-words",
    ),
    Case(
        "överförmyndare ekonomi kurs", first=("Stöd till gode män under hösten",), kind="some-words"
    ),
    # --- ranking ---
    Case(
        "integra",
        first=("Integra",),
        relevant=(
            "Överenskommelse om språkträning med Integra",
            "Amir Haddad",
            "Lisa Berg",
            "Gemensam praktikdag med Lernia och Integra",
        ),
        kind="ranking",
    ),
    Case(
        "röda korset",
        first=("Röda Korset Norrtälje",),
        relevant=("Karl Ström", "Lars Ekman", "Mona Said"),
        kind="ranking",
    ),
    Case(
        "språkintroduktion",
        first=("Södertälje språkintroduktion",),
        relevant=("Kalmarsundsgymnasiet", "Erik Palm", "Nadia Karimi"),
        kind="ranking",
    ),
    # --- typo ---
    Case("studiehandlede arabiska", first=("Samir Aziz",), kind="typo"),
    Case("ungdomsövervaking", first=("Tove Ring",), relevant=("Frivården Kalmar",), kind="typo"),
    Case(
        "etableringstöd",
        first=("Överenskommelse om etableringsstöd",),
        relevant=("Överenskommelse om etableringsstöd (signerad).pdf",),
        kind="typo",
    ),
    Case(
        "kriminalvårdsinspekör",
        first=("Robert Zetterberg",),
        relevant=("Kriminalvården region Stockholm",),
        kind="typo",
    ),
    # --- english ---
    # For unaccompanied minors the guardian is the god man (or a särskilt förordnad
    # vårdnadshavare).
    Case(
        "guardian",
        first=("Samarbete med god man",),
        relevant=("Stöd till gode män under hösten", "Henrik Sjö", "Pia Lönn"),
        kind="english",
    ),
    Case(
        "homework help",
        first=("Karl Ström", "Röda Korset Norrtälje", "Svenska kyrkan Södertälje"),
        relevant=("Språkcafé varje torsdag",),
        kind="english",
    ),
    Case(
        "summer job",
        first=(
            "Feriejobb för ungdomar",
            "Gemensam överenskommelse om sommarjobb",
            "Feriejobb för unga som är nya i Sverige",
        ),
        relevant=("Gemensam överenskommelse om sommarjobb (signerad).pdf", "Mats Grön"),
        kind="english",
    ),
    Case("aftercare", first=("Leo Vik",), relevant=("SiS ungdomshem Långanäs",), kind="english"),
    # --- synonym ---
    Case("fosterhem", first=("Anna Falk",), kind="synonym"),
    Case("veckopeng", first=("Fickpengar och ekonomi",), kind="synonym"),
    Case("legitimation", first=("Folkbokföring och id-handlingar",), kind="synonym"),
    Case("arbetscoach", first=("Linnea Hjort", "Johan Ek"), kind="synonym"),  # "Jobbcoach", "Coach"
    # --- plain ---
    Case("nyckelbricka", first=("Checklista mottagande.pdf", "Mottagande av ungdom på HVB")),
    Case("placeringsförfrågningar", first=("Anders Vall",), relevant=("HVB Kalmar Strand",)),
    Case(
        "kartläggningssamtal",
        first=("Skolstart för nyanlända ungdomar", "Skolstart i Kalmar", "Skolstart i Södertälje"),
        relevant=("Ny samordnare för skolstart",),
    ),
]
