"""Demo page "Personuppgifter och kakor" at the site root (dev and test only).

Written for this portal. Kalmar kommun stands for the collaboration's lead municipality; the
e-mail addresses are the demo's and the phone number is in the range PTS keeps for fiction.
Looks up before it creates, so seeding twice changes nothing.
"""

from portal.models import PrivacyPage
from portal.provisioning import home_page

SLUG = "personuppgifter"

PROCESSING = [
    {
        "heading": "Ditt konto",
        "data": (
            "Namn, e-postadress och lösenord (sparat bara som ett kontrollvärde, aldrig i "
            "klartext), vilken kommun eller samverkanspart du hör till och vilka grupper du "
            "är med i, och om du använder tvåstegsverifiering."
        ),
        "purpose": (
            "För att du ska kunna logga in och se just de rutiner, överenskommelser och "
            "samverkansytor som din kommun eller organisation har tillgång till."
        ),
        "legal_basis": (
            "Uppgift av allmänt intresse (artikel 6.1 e i dataskyddsförordningen): "
            "kommunernas samverkan kring ensamkommande och unga."
        ),
        "retention": (
            "Så länge du arbetar i en medlemskommun eller hos en inbjuden samverkanspart. När "
            "uppdraget upphör stänger portaladministratören kontot, och det tas bort senast "
            "tre månader senare."
        ),
    },
    {
        "heading": "Inbjudningar",
        "data": "E-postadressen till den som bjuds in, vem som bjöd in och till vilken grupp.",
        "purpose": "För att skicka inbjudan och kunna visa vem som gav åtkomst till portalen.",
        "legal_basis": "Uppgift av allmänt intresse (artikel 6.1 e).",
        "retention": (
            "En inbjudan går att använda i sju dagar. Att den skickades och togs emot sparas "
            "i händelseloggen."
        ),
    },
    {
        "heading": "Händelseloggen",
        "data": (
            "Inloggningar, misslyckade inloggningar med den e-postadress som skrevs och "
            "IP-adressen, spärrar efter för många försök, inbjudningar, ändrade "
            "gruppmedlemskap, försök att öppna skyddade sidor och vem som har ändrat eller "
            "publicerat innehåll."
        ),
        "purpose": (
            "Säkerhet: för att upptäcka intrångsförsök och kunna utreda vem som har haft "
            "åtkomst till vad."
        ),
        "legal_basis": (
            "Uppgift av allmänt intresse och kravet på säkerhet i behandlingen (artikel 32)."
        ),
        "retention": (
            "Två år. Därefter gallras loggen enligt Kalmar kommuns dokumenthanteringsplan."
        ),
    },
    {
        "heading": "Inloggningar och sessioner",
        "data": (
            "När du är inloggad: när du loggade in, senaste aktivitet, IP-adress och vilken "
            "webbläsare du använder. Du ser dem själv under Mitt konto, Sessioner, och kan "
            "logga ut andra enheter där."
        ),
        "purpose": (
            "För att hålla dig inloggad och för att du ska kunna se och avsluta dina "
            "inloggningar på andra enheter."
        ),
        "legal_basis": "Uppgift av allmänt intresse (artikel 6.1 e).",
        "retention": "Tills du loggar ut, och högst en arbetsdag.",
    },
    {
        "heading": "Kontaktpersoner i partnerkatalogen",
        "data": (
            "Namn, titel, telefon och e-post i tjänsten för kontaktpersoner hos samverkansparterna."
        ),
        "purpose": "För att medarbetare ska hitta rätt person hos rätt samverkanspart.",
        "legal_basis": "Uppgift av allmänt intresse (artikel 6.1 e).",
        "retention": (
            "Så länge personen har uppdraget. Den som har slutat markeras så och visas inte "
            "längre i katalogen."
        ),
    },
    {
        "heading": "Röster från projektet",
        "data": (
            "Förnamn (eller inget namn alls), roll, kommun, ett eventuellt foto och hur länge "
            "samtycket gäller."
        ),
        "purpose": "För att visa citat och berättelser från unga, personal och samverkansparter.",
        "legal_basis": "Samtycke (artikel 6.1 a). Samtycket kan när som helst återkallas.",
        "retention": (
            "Rösten avpubliceras automatiskt den dag samtycket upphör. Den underskrivna "
            "samtyckesblanketten förvaras hos kommunen, inte i portalen."
        ),
    },
]


def seed():
    home = home_page()
    if home.get_children().filter(slug=SLUG).exists():
        return []
    page = PrivacyPage(
        slug=SLUG,
        title="Personuppgifter och kakor",
        intro=(
            "<p>Här beskriver vi vilka personuppgifter Samverkansportalen sparar, varför och "
            "hur länge, vilka rättigheter du har och vilka kakor portalen använder.</p>"
        ),
        controller="Kalmar kommun",
        contact_email="personuppgifter@demo.samverkan.se",
        contact_phone="070-174 06 90",
        dpo_email="dataskyddsombud@demo.samverkan.se",
        processing=[("processing", entry) for entry in PROCESSING],
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return []
