"""The `directory` fixture: organisations and contacts of every visibility."""

from dataclasses import dataclass, field

from tests.factories import add_shared_space
from tests.partners.factories import ContactPersonFactory, add_directory, organisation
from tests.shared import shared


@dataclass
class Directory:
    page: object
    orgs: dict = field(default_factory=dict)
    contacts: dict = field(default_factory=dict)


@shared
def directory(world):
    """The world's users plus a directory with organisations and contacts of every
    visibility: open, limited to A or B, shared with the partner user, left."""
    kalmar, sodertalje = world.municipality_a, world.municipality_b
    lernia = organisation(
        "Lernia", kind="utbildning", served=[kalmar, sodertalje], topics=["arbete", "utbildning"]
    )
    bup = organisation(
        "BUP Kalmar län",
        kind="bup",
        served=[kalmar],
        topics=["psykisk hälsa"],
        switchboard_phone="0480-840 00",
        email="bup@regionkalmar.example.se",
        website="https://bup.example.se/",
        visiting_address="Lasarettsvägen 1\n392 44 Kalmar",
    )
    integra = organisation("Integra", kind="annan", served=[sodertalje], topics=["arbete"])
    frivard = organisation("Frivården Kalmar", kind="frivard", served=[kalmar], limited_to=[kalmar])
    skola = organisation(
        "Södertälje gymnasieskola", kind="skola", served=[sodertalje], limited_to=[sodertalje]
    )
    # A second space puts Integra (and the limited Frivården) next to the partner user.
    add_shared_space([kalmar], [lernia, integra, frivard], title="Arbete i Kalmar", slug="arbete")

    contacts = {
        "Åsa Lind": ContactPersonFactory(
            organisation=bup, name="Åsa Lind", title="Samordnare", contact_about="Remisser"
        ),
        "Per Berg": ContactPersonFactory(organisation=bup, name="Per Berg", has_left=True),
        "Kim Kalmarsson": ContactPersonFactory(
            organisation=bup, name="Kim Kalmarsson", title="Kurator", limited_to=[kalmar]
        ),
        "Lena Lernia": ContactPersonFactory(
            organisation=lernia, name="Lena Lernia", contact_about="Praktikplatser för unga"
        ),
        "Sanna Söder": ContactPersonFactory(
            organisation=lernia, name="Sanna Söder", limited_to=[sodertalje]
        ),
        "Ingrid Integra": ContactPersonFactory(organisation=integra, name="Ingrid Integra"),
        "Fredrik Frivård": ContactPersonFactory(organisation=frivard, name="Fredrik Frivård"),
        "Sofia Skola": ContactPersonFactory(organisation=skola, name="Sofia Skola"),
    }
    orgs = {o.name: o for o in (lernia, bup, integra, frivard, skola)}
    return Directory(page=add_directory(), orgs=orgs, contacts=contacts)
