from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Proposes compound parts from the content that search/data/compound-parts.txt does "
        "not list yet, each with the compounds it would split; --accept PART … adds the "
        "chosen ones to the list (then run `manage.py search_index --rebuild`)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--accept", nargs="+", metavar="PART", help="Parts to add.")
        parser.add_argument("--limit", type=int, default=50, help="How many to show.")

    def handle(self, *args, accept=None, limit=50, **options):
        from search import part_proposals

        if accept:
            bad = [p for p in accept if not p.strip().isalpha()]
            if bad:
                raise CommandError(f"A part is letters only: {', '.join(bad)}")
            added = part_proposals.accept(accept)
            if added:
                self.stdout.write(f"Added {len(added)} part(s): {', '.join(added)}.")
                self.stdout.write("Run `manage.py search_index --rebuild` to index them.")
            else:
                self.stdout.write("Every part given is listed already.")
            return
        found = part_proposals.proposals()
        if not found:
            self.stdout.write("No new parts to propose.")
            return
        self.stdout.write(f"{len(found)} part(s) proposed (accept with --accept PART …):")
        for proposal in found[:limit]:
            examples = ", ".join(proposal.compounds[:5])
            self.stdout.write(f"  {proposal.part:<20} {len(proposal.compounds):>3}  {examples}")
