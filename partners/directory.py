"""The directory's querysets: what one user may see, filtered and searched.

Everything starts from `access_for(user).visible_snippets(...)`, so the listing, the
organisation page and both exports show exactly the same things. Related rows are fetched
with a fixed number of prefetch queries, however many organisations a page holds.
"""

from django import forms
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from partners.models import ContactPerson, Liaison, OrganisationKind, PartnerOrganisation
from portal.models import Municipality


def current_contacts(access):
    """Contacts the user may see who still work there, in the editors' order."""
    queryset = ContactPerson.objects.filter(has_left=False).order_by("sort_order", "pk")
    return access.visible_snippets(queryset)


def visible_organisations(access):
    return access.visible_snippets(PartnerOrganisation.objects.all())


class DirectoryFilterForm(forms.Form):
    """The directory's GET filters. Unknown values are reported and ignored, never a 500."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    municipality = forms.ChoiceField(label=_("Municipality"), required=False)
    topic = forms.ChoiceField(label=_("Topic"), required=False)

    def __init__(self, data, *, municipalities, topics):
        super().__init__(data)
        self.fields["kind"].choices = [("", _("All kinds"))] + list(OrganisationKind.choices)
        self.fields["municipality"].choices = [("", _("All municipalities"))] + [
            (m.slug, m.name) for m in municipalities
        ]
        self.fields["topic"].choices = [("", _("All topics"))] + [(t.slug, t.name) for t in topics]
        self.fields["q"].widget.input_type = "search"

    def filters(self):
        """The valid filters only (an invalid one is shown as an error and left out)."""
        self.is_valid()
        return {key: value for key, value in self.cleaned_data.items() if value}


def topics_in_use(organisations):
    """Topics of the organisations the user may see (one query)."""
    return Tag.objects.filter(
        partners_partnerorganisationtopic_items__content_object__in=organisations.values("pk")
    ).distinct()


def filter_form(access, data):
    """The filters, with choices kept under the cache version: municipalities for everyone,
    the topics in use per reach (both change only with content that bumps the version)."""
    municipalities = access.cached_for_everyone(
        "directory-municipalities", lambda: list(Municipality.objects.order_by("name"))
    )
    topics = access.cached_for_reach(
        "directory-topics",
        lambda: list(topics_in_use(visible_organisations(access)).order_by("name")),
    )
    return DirectoryFilterForm(data, municipalities=municipalities, topics=topics)


def filtered_organisations(access, filters):
    """Visible organisations matching the filters, sorted by name (no related rows yet)."""
    organisations = visible_organisations(access)
    if filters.get("kind"):
        organisations = organisations.filter(kind=filters["kind"])
    if filters.get("municipality"):
        organisations = organisations.filter(municipalities_served__slug=filters["municipality"])
    if filters.get("topic"):
        organisations = organisations.filter(topics__slug=filters["topic"])
    text = (filters.get("q") or "").strip()
    if text:
        # Only contacts this user may see can make an organisation match.
        matching_contacts = current_contacts(access).filter(
            Q(name__icontains=text) | Q(title__icontains=text) | Q(contact_about__icontains=text),
            organisation=OuterRef("pk"),
        )
        organisations = organisations.filter(
            Q(name__icontains=text) | Q(description__icontains=text) | Exists(matching_contacts)
        )
    return organisations.order_by("name", "pk")


def with_directory_relations(organisations, access, *, liaisons=False, exports=False):
    """Prefetch what the listing and exports show: one query per relation."""
    by_name = Municipality.objects.order_by("name")
    contacts = current_contacts(access)
    prefetches = [
        Prefetch("municipalities_served", queryset=by_name),
        "topics",
    ]
    if exports:
        # The CSV also says who an organisation or a contact is limited to.
        contacts = contacts.prefetch_related(Prefetch("limited_to", queryset=by_name))
        prefetches.append(Prefetch("limited_to", queryset=by_name))
    prefetches.append(Prefetch("contacts", queryset=contacts, to_attr="current_contacts"))
    if liaisons:
        prefetches.append(
            Prefetch(
                "liaisons",
                queryset=Liaison.objects.select_related("user", "municipality").order_by(
                    "sort_order", "pk"
                ),
                to_attr="current_liaisons",
            )
        )
    return organisations.prefetch_related(*prefetches)
