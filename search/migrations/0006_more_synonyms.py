"""More words staff use for the same thing: the English terms colleagues from other
agencies and new staff type, and everyday Swedish ones (feriejobb/sommarjobb). A starting
entry an administrator has not changed gets its English words added; the rest are new
entries (editable afterwards, as snippets)."""

from django.db import migrations

EXTENDED = {
    "BUP, barn- och ungdomspsykiatrin, barnpsykiatri": (
        "BUP, barn- och ungdomspsykiatrin, barnpsykiatri, child psychiatry, CAMHS"
    ),
    "HVB, hem för vård eller boende, HVB-hem": (
        "HVB, hem för vård eller boende, HVB-hem, residential care home"
    ),
    "EKB, ensamkommande barn, ensamkommande": (
        "EKB, ensamkommande barn, ensamkommande, unaccompanied minors, unaccompanied"
    ),
    "SFI, svenska för invandrare": "SFI, svenska för invandrare, Swedish for immigrants",
    "AF, Arbetsförmedlingen": "AF, Arbetsförmedlingen, employment service",
}
NEW = [
    "tolk, interpreter",
    "sommarjobb, feriejobb, summer job",
    "familjehem, foster home, foster family",
    "skolfrånvaro, school absence, truancy",
    "tandvård, dental care, dentist",
    "god man, gode män, legal guardian",
    "orosanmälan, report of concern",
    "socialtjänsten, social services",
    "Migrationsverket, Migration Agency",
    "praktik, arbetspraktik, internship, work placement",
    "boende, housing",
    "frivården, probation",
    "läxhjälp, läxläsning, homework help",
    "eftervård, aftercare",
    "hälsoundersökning, health assessment, health check",
    "skola, school",
    "våld i nära relationer, domestic violence",
    "hedersrelaterat våld, hedersvåld, honour-based violence, honour violence",
    "vuxenpsykiatri, adult psychiatry",
    "läkare, doktor",
    "trauma, PTSD",
    "uppehållstillstånd, residence permit",
]


def add(apps, schema_editor):
    synonym = apps.get_model("search", "Synonym")
    for old, new in EXTENDED.items():
        synonym.objects.filter(words=old).update(words=new)
    for words in NEW:
        synonym.objects.get_or_create(words=words)


def remove(apps, schema_editor):
    synonym = apps.get_model("search", "Synonym")
    synonym.objects.filter(words__in=NEW).delete()
    for old, new in EXTENDED.items():
        synonym.objects.filter(words=new).update(words=old)


class Migration(migrations.Migration):
    dependencies = [("search", "0005_index_terms")]
    operations = [migrations.RunPython(add, remove)]
