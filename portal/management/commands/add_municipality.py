from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from portal.models import Municipality


class Command(BaseCommand):
    help = (
        "Create a municipality with its members and editors groups, restricted section page, "
        "restricted collection and editor permissions. Running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("name", help='e.g. "Kalmar kommun"')
        parser.add_argument("--code", default="", help="four-digit municipality code, e.g. 0880")
        parser.add_argument(
            "--slug", default="", help="URL slug; derived from the name if left out"
        )

    def handle(self, *args, name, code, slug, **options):
        name = name.strip()
        if not name:
            raise CommandError("The municipality needs a name.")
        municipality = Municipality.objects.filter(name=name).first()
        created = municipality is None
        if created:
            municipality = Municipality(name=name, slug=slug, code=code or None)
        else:
            municipality.code = code or municipality.code
            municipality.slug = slug or municipality.slug
        try:
            municipality.full_clean()
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        municipality.save()
        verb = "Created" if created else "Already present, checked"
        self.stdout.write(
            f"{verb}: {municipality.name} (section /{municipality.slug}/, "
            f"groups '{municipality.members_group}' and '{municipality.editors_group}')"
        )
