"""The abbreviations staff type, with what they stand for (editable afterwards)."""

from django.db import migrations

STARTING_LIST = [
    "EKB, ensamkommande barn, ensamkommande",
    "HVB, hem för vård eller boende, HVB-hem",
    "BUP, barn- och ungdomspsykiatrin, barnpsykiatri",
    "SiS, Statens institutionsstyrelse",
    "LVU, lagen med särskilda bestämmelser om vård av unga",
    "SoL, socialtjänstlagen",
    "LSS, lagen om stöd och service till vissa funktionshindrade",
    "AF, Arbetsförmedlingen",
    "SFI, svenska för invandrare",
    "IFP, individuell framtidsplan",
    "SIP, samordnad individuell plan",
]


def add(apps, schema_editor):
    synonym = apps.get_model("search", "Synonym")
    for words in STARTING_LIST:
        synonym.objects.get_or_create(words=words)


def remove(apps, schema_editor):
    apps.get_model("search", "Synonym").objects.filter(words__in=STARTING_LIST).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0002_engine_indexes")]
    operations = [migrations.RunPython(add, remove)]
