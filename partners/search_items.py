"""Partner organisations and their contact people in the portal's search (search/items.py).
Who may see them stays with partners/access_rules.py, asked at search time."""

from search.items import SearchItem


def _directory():
    from partners.models import PartnerDirectoryPage

    return PartnerDirectoryPage.objects.live().first()


class OrganisationProvider:
    def items(self):
        from partners.models import PartnerOrganisation

        return PartnerOrganisation.objects.prefetch_related("tagged_topics__tag", "liaisons__user")

    def item(self, organisation, directory=None):
        directory = directory or _directory()
        if directory is None:
            return None
        topics = [t.tag.name for t in organisation.tagged_topics.all()]
        # What the organisation's page shows that people search by: its numbers and
        # addresses, and our liaisons (who on our side owns the collaboration).
        lines = [
            ", ".join(topics),
            organisation.organisation_number,
            organisation.switchboard_phone,
            organisation.email,
            organisation.visiting_address,
        ]
        for liaison in organisation.liaisons.all():
            # " · " between fields, so a snippet from this line reads as separate facts.
            lines.append(
                " · ".join(
                    v
                    for v in (
                        liaison.display_name,
                        liaison.title,
                        liaison.responsibility,
                        liaison.phone,
                        liaison.display_email,
                    )
                    if v
                )
            )
        return SearchItem(
            obj=organisation,
            kind="organisation",
            title=organisation.name,
            summary=" · ".join(
                v for v in (organisation.get_kind_display(), organisation.description) if v
            ),
            text="\n".join(line for line in lines if line),
            url=directory.organisation_url(organisation),
        )


class ContactProvider:
    def items(self):
        from partners.models import ContactPerson

        return ContactPerson.objects.filter(has_left=False).select_related("organisation")

    def item(self, contact, directory=None):
        if contact.has_left:
            return None
        directory = directory or _directory()
        if directory is None:
            return None
        organisation = contact.organisation
        return SearchItem(
            obj=contact,
            kind="contact",
            title=contact.name,
            summary=" · ".join(v for v in (contact.title, organisation.name) if v),
            text="\n".join(v for v in (contact.phone, contact.email, contact.contact_about) if v),
            url=f"{directory.organisation_url(organisation)}#kontakt-{contact.pk}",
            place=organisation.name,
        )


def providers():
    from partners.models import ContactPerson, PartnerOrganisation

    return {PartnerOrganisation: OrganisationProvider(), ContactPerson: ContactProvider()}


def connect():
    """Index on save and delete; an organisation's contacts follow its name and URL."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import page_published

    from partners.models import ContactPerson, Liaison, PartnerDirectoryPage, PartnerOrganisation
    from search import indexing

    def organisation_saved(sender, instance, **kwargs):
        indexing.index_object(instance)
        for contact in instance.contacts.all():
            # New inline contacts are saved after the organisation: indexed then.
            if contact.pk is not None:
                indexing.index_object(contact)

    def contact_saved(sender, instance, **kwargs):
        indexing.index_object(instance)

    def liaison_changed(sender, instance, **kwargs):
        # Liaisons are saved after their organisation (inline): its entry holds them.
        organisation = PartnerOrganisation.objects.filter(pk=instance.organisation_id).first()
        if organisation is not None:
            indexing.index_object(organisation)

    def deleted(sender, instance, **kwargs):
        indexing.remove_object(instance)

    def directory_published(sender, instance, **kwargs):
        # Organisations and contacts are found under the directory's URL: index them
        # (again) once it exists or moves.
        items = [
            item
            for provider in providers().values()
            for obj in provider.items()
            if (item := provider.item(obj, directory=instance)) is not None
        ]
        indexing.index_items(items)
        for item in items:
            indexing.tell_elasticsearch_about(item.obj)

    page_published.connect(
        directory_published, sender=PartnerDirectoryPage, dispatch_uid="search-dir", weak=False
    )
    post_save.connect(
        organisation_saved, sender=PartnerOrganisation, dispatch_uid="search-org", weak=False
    )
    post_save.connect(
        contact_saved, sender=ContactPerson, dispatch_uid="search-contact", weak=False
    )
    post_save.connect(liaison_changed, sender=Liaison, dispatch_uid="search-liaison", weak=False)
    post_delete.connect(
        liaison_changed, sender=Liaison, dispatch_uid="search-liaison-del", weak=False
    )
    for model in (PartnerOrganisation, ContactPerson):
        post_delete.connect(
            deleted, sender=model, dispatch_uid=f"search-del-{model.__name__}", weak=False
        )
