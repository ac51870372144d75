"""Demo Röster: six published testimonials with consent, and the "Röster" page.

Written for this portal (no text copied from elsewhere); the people are made up. Consent
dates are set relative to the day the seed first runs, so the demo's testimonials are
current for two years. Every step looks up before it creates, so seeding twice changes
nothing.
"""

import datetime

from knowledge import clock
from news.models import Testimonial, TestimonialIndexPage

# (quote, first name or "" for anonymous, role, municipality slug, short text, full text)
TESTIMONIALS = [
    (
        "Första gången någon frågade vad jag själv ville med skolan, då började jag tro på det.",
        "Amir",
        Testimonial.YOUNG_PERSON,
        "kalmar",
        "Amir kom till Kalmar som sextonåring och går nu andra året på el- och energiprogrammet.",
        "Det första året handlade mest om papper och väntan. Jag bodde på ett HVB-hem och "
        "gick på språkintroduktion, men jag förstod inte varför jag skulle lära mig saker "
        "som inte ledde någonstans.\n\n"
        "Min kontaktperson och studievägledaren satte sig ner med mig och gjorde en plan. "
        "Vi skrev upp vad jag kunde, vad jag saknade och vad jag ville. Jag hade jobbat med "
        "el hemma, så vi letade efter en väg dit.\n\n"
        "Nu har jag praktik hos en elfirma på fredagarna. Jag vet att det är långt kvar, "
        "men jag vet också vart jag är på väg.",
    ),
    (
        "Det viktigaste jag gör är att finnas kvar, också de dagar när det inte går bra.",
        "Helena",
        Testimonial.STAFF,
        "sodertalje",
        "Helena arbetar som boendestödjare på ett stödboende i Södertälje.",
        "Många av ungdomarna har mött väldigt många vuxna på kort tid. Handläggare byts, "
        "gode män byts, skolor byts. Jag har lärt mig att förtroende inte går att skynda "
        "på.\n\n"
        "Vi lagar mat tillsammans, vi övar på att betala räkningar och skriva till "
        "hyresvärden. Det låter litet, men det är där självständigheten växer.\n\n"
        "Samverkan med skolan och socialtjänsten gör att jag inte behöver gissa. När vi "
        "vet vad de andra gör kan vi säga samma sak till den unga, och det märks.",
    ),
    (
        "Jag fick en egen lägenhet och ett kontrakt i mitt namn. Det kändes som att få en framtid.",
        "",
        Testimonial.YOUNG_PERSON,
        "norrtalje",
        "En ung man i Norrtälje om vägen från stödboende till eget boende.",
        "Jag bodde två år på stödboende. I början var jag rädd för att flytta, för jag "
        "visste inte hur man gör med el, hemförsäkring och allt sånt.\n\n"
        "Personalen gick igenom allt med mig, steg för steg, och vi gjorde en lista som "
        "jag fortfarande har på kylskåpet. Nu jobbar jag extra på ett lager och betalar "
        "hyran själv.\n\n"
        "Jag vill inte att mitt namn står här, men jag vill att andra ska veta att det går.",
    ),
    (
        "När vi träffas tidigt, skola, socialtjänst och vi, slipper ungdomen berätta sin "
        "historia fem gånger.",
        "Johan",
        Testimonial.PARTNER,
        "kalmar",
        "Johan är arbetsmarknadskonsulent och möter unga vuxna som söker praktik och arbete.",
        "Förut kom ungdomarna till oss med en pärm full av papper och ingen som visste "
        "vad som redan var gjort. Nu har vi gemensamma möten där den unga själv är med "
        "och bestämmer vad som ska delas.\n\n"
        "Det sparar tid, men framför allt sparar det kraft hos den unga. Den som har "
        "berättat om flykten och om familjen många gånger ska inte behöva göra det igen "
        "för att få en praktikplats.",
    ),
    (
        "Läxhjälpen på onsdagar blev mitt andra hem. Där fick jag fråga hur mycket jag ville.",
        "",
        Testimonial.YOUNG_PERSON,
        "osteraker",
        "En ung kvinna i Österåker om skolan, svenskan och att våga fråga.",
        "Jag var tyst i klassrummet första året. Jag förstod mer än jag kunde säga, och "
        "jag ville inte att någon skulle skratta.\n\n"
        "På läxhjälpen var det lugnt. Volontärerna hade tid, och ingen tyckte att en "
        "fråga var dum. Till slut vågade jag prata på lektionerna också.\n\n"
        "I våras fick jag godkänt i alla ämnen. Nu vill jag själv bli lärare.",
    ),
    (
        "Vi har slutat tänka i egna stuprör. Ungdomen är densamma, vilken dörr hen än knackar på.",
        "Maria",
        Testimonial.STAFF,
        "norrtalje",
        "Maria är socialsekreterare och arbetar med ensamkommande unga och unga vuxna.",
        "Det svåraste är övergångarna: när någon fyller arton, byter boende eller går "
        "från gymnasiet till arbete. Det är där unga tappas bort.\n\n"
        "I projektet har vi gjort gemensamma rutiner för just de övergångarna, och vi "
        "vet vem vi ringer hos de andra. Det låter enkelt, men det är skillnaden mellan "
        "att någon faller mellan stolarna och att någon blir mött.",
    ),
]


def seed_testimonials(municipalities):
    """Six published testimonials with consent, created once (looked up by their quote).
    `municipalities` maps slugs to municipalities (or is a list of them)."""
    if not isinstance(municipalities, dict):
        municipalities = {m.slug: m for m in municipalities}
    today = clock.today()
    result = []
    for number, (quote, name, role, slug, short, full) in enumerate(TESTIMONIALS):
        existing = Testimonial.objects.filter(quote=quote).first()
        if existing is not None:
            result.append(existing)
            continue
        testimonial = Testimonial(
            quote=quote,
            first_name=name,
            role=role,
            municipality=municipalities.get(slug),
            short_text=short,
            full_text=full,
            consent_given_by=(
                f"{name}, skriftligt samtycke" if name else "Den intervjuade, skriftligt samtycke"
            ),
            consent_date=today - datetime.timedelta(days=30 + number * 7),
            consent_until=today + datetime.timedelta(days=730),
            consent_note="Samtyckesblankett i kommunens diarium (demo)",
            live=False,
        )
        testimonial.save()
        testimonial.save_revision().publish()
        result.append(testimonial)
    return result


def seed_testimonial_page(home):
    """The "Röster" page under the home page (slug `roster`), published once."""
    existing = home.get_children().filter(slug="roster").first()
    if existing is not None:
        return existing.specific
    page = TestimonialIndexPage(
        title="Röster",
        slug="roster",
        intro=(
            "<p>Unga, personal och samverkansparter berättar med egna ord om skola, boende "
            "och vägen till arbete. Alla som syns här har gett sitt samtycke.</p>"
        ),
        show_in_menus=True,
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page
