"""The partner directory: a page editors place under the home page, with sub-routes for
each organisation, one contact's vCard and exports of the filtered list."""

from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from portal import fragments
from portal.models.pages import BasePortalPage
from portal.views import login_redirect, refuse_as_missing

# Twelve cards: three rows of four or four of three on a wide screen, short on a phone.
DIRECTORY_PAGE_SIZE = 12


class PartnerDirectoryPage(RoutablePageMixin, BasePortalPage):
    """Searchable list of partner organisations, for logged-in members only."""

    parent_page_types = ["portal.HomePage"]
    subpage_types = []
    max_count = 1
    page_size = DIRECTORY_PAGE_SIZE
    # Visitors are asked to log in (serve below), so their menu leaves it out
    # (portal/context_processors.py).
    members_only = True

    class Meta:
        verbose_name = _("partner directory")

    def serve(self, request, *args, **kwargs):
        from portal.access import access_for

        # The directory is for members: visitors are asked to log in, whatever the page's
        # own privacy setting says.
        if not access_for(request.user).is_authenticated:
            return login_redirect(request)
        return super().serve(request, *args, **kwargs)

    # --- URLs ------------------------------------------------------------------------

    def organisation_url(self, organisation):
        return self.url + self.reverse_subpage("organisation", args=[organisation.slug])

    def contact_vcard_url(self, organisation, contact):
        return self.url + self.reverse_subpage(
            "contact_vcard", args=[organisation.slug, contact.pk]
        )

    # --- views -----------------------------------------------------------------------

    @path("")
    def directory(self, request):
        from partners import directory
        from portal.access import access_for

        access = access_for(request.user)
        form = directory.filter_form(access, request.GET)
        filters = form.filters()

        def listing():
            organisations = directory.filtered_organisations(access, filters)
            page_obj = Paginator(organisations, self.page_size).get_page(request.GET.get("page"))
            page_obj.object_list = list(
                directory.with_directory_relations(page_obj.object_list, access)
            )
            for organisation in page_obj.object_list:
                organisation.directory_url = self.organisation_url(organisation)
            return {"page_obj": page_obj, "organisations": page_obj.object_list}

        cleaned = None if form.errors else filters
        return self.render(
            request,
            context_overrides={
                **fragments.lazily(listing, "page_obj", "organisations"),
                "form": form,
                "filters": filters,
                "directory_fragment": fragments.list_key(request, cleaned, page_param="page"),
                "query_string": fragments.filter_query(request, cleaned, "page"),
                "csv_url": self.url + self.reverse_subpage("export_csv"),
                "vcard_url": self.url + self.reverse_subpage("export_vcard"),
            },
        )

    @path("export/csv/", name="export_csv")
    def export_csv(self, request):
        from partners import exports

        return exports.csv_response(self._exported(request), filename="partnerkatalog.csv")

    @path("export/vcard/", name="export_vcard")
    def export_vcard(self, request):
        from partners import exports

        return exports.vcard_response(
            exports.organisations_vcards(self._exported(request)), filename="partnerkatalog.vcf"
        )

    def _exported(self, request):
        from partners import directory
        from portal.access import access_for

        access = access_for(request.user)
        filters = directory.filter_form(access, request.GET).filters()
        organisations = directory.filtered_organisations(access, filters)
        return list(directory.with_directory_relations(organisations, access, exports=True))

    @path("<slug:slug>/", name="organisation")
    def organisation(self, request, slug):
        from portal.access import access_for

        access = access_for(request.user)
        organisation = self._visible_organisation(request, access, slug)
        for contact in organisation.current_contacts:
            contact.vcard_url = self.contact_vcard_url(organisation, contact)
        return self.render(
            request,
            template="partners/partner_organisation_page.html",
            context_overrides={
                "organisation": organisation,
                "agreements": _visible_agreements(access, organisation),
                "directory_url": self.url,
            },
        )

    @path("<slug:slug>/kontakt/<int:contact_id>/vcard/", name="contact_vcard")
    def contact_vcard(self, request, slug, contact_id):
        from partners import exports
        from partners.models import ContactPerson
        from portal.access import access_for

        access = access_for(request.user)
        organisation = self._visible_organisation(request, access, slug)
        contact = next((c for c in organisation.current_contacts if c.pk == contact_id), None)
        if contact is None:
            # A contact of this organisation hidden from the reader (limited, has left) is
            # a refusal; an id from another organisation is only a wrong address.
            hidden = ContactPerson.objects.filter(pk=contact_id, organisation=organisation)
            refuse_as_missing(request, hidden.first())
        return exports.vcard_response(
            [exports.contact_vcard(contact, organisation)], filename=f"{contact.name}.vcf"
        )

    def _visible_organisation(self, request, access, slug):
        from partners import directory
        from partners.models import PartnerOrganisation

        organisations = directory.visible_organisations(access).filter(slug=slug)
        organisation = directory.with_directory_relations(
            organisations, access, liaisons=True
        ).first()
        if organisation is None:
            refuse_as_missing(request, PartnerOrganisation.objects.filter(slug=slug).first())
        return organisation


def _visible_agreements(access, organisation):
    """Knowledge-bank agreements naming this organisation that the reader may see
    (`AgreementPage.partner_organisations`, related_name "agreements")."""
    return list(access.visible_pages(organisation.agreements.all()).order_by("title"))
