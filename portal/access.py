"""The one place that decides who may see what.

Wagtail's privacy records are the truth: `PageViewRestriction` on pages and
`CollectionViewRestriction` on collections (used for documents *and* images). This module
reads them once per user object (so once per request, as `request.user` lives as long as the
request) and answers `can_view_*` for single objects and `visible_*` for querysets. Every
channel that shows content (page serving, listings, menus, search, feeds, exports, file
downloads) must go through here.
"""

from functools import cached_property

from django.db.models import Q
from wagtail.models import BaseViewRestriction, CollectionViewRestriction, Page, PageViewRestriction

_CACHE_ATTR = "_portal_access"


def access_for(user):
    """The `Access` for this user, built once and kept on the user object."""
    if user is None:
        return Access(None)
    access = getattr(user, _CACHE_ATTR, None)
    if access is None:
        access = Access(user)
        try:
            setattr(user, _CACHE_ATTR, access)
        except AttributeError:  # pragma: no cover - exotic user objects
            pass
    return access


def forget_access(user):
    """Drop the cached answers, e.g. after changing the user's groups mid-request."""
    if user is not None and hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


class Access:
    def __init__(self, user):
        self.user = user
        self.is_authenticated = bool(
            user is not None and user.is_authenticated and getattr(user, "is_active", False)
        )
        self.is_superuser = self.is_authenticated and user.is_superuser

    # --- who the user is -------------------------------------------------------------

    @cached_property
    def group_ids(self):
        if not self.is_authenticated:
            return frozenset()
        return frozenset(self.user.groups.values_list("pk", flat=True))

    @cached_property
    def municipalities(self):
        """Municipalities the user is a member or editor of."""
        from portal.models import Municipality

        if not self.group_ids:
            return []
        return list(
            Municipality.objects.filter(
                Q(members_group_id__in=self.group_ids) | Q(editors_group_id__in=self.group_ids)
            ).select_related("section_page")
        )

    @cached_property
    def partner_organisations(self):
        from partners.models import PartnerOrganisation

        if not self.group_ids:
            return []
        return list(PartnerOrganisation.objects.filter(group_id__in=self.group_ids))

    @property
    def is_member_staff(self):
        """Employee of at least one member municipality (as opposed to a partner user)."""
        return self.is_superuser or bool(self.municipalities)

    # --- the rule ----------------------------------------------------------------------

    def _passes(self, restriction_type, group_ids):
        if self.is_superuser:
            return True
        if restriction_type == BaseViewRestriction.LOGIN:
            return self.is_authenticated
        if restriction_type == BaseViewRestriction.GROUPS:
            return self.is_authenticated and bool(self.group_ids & group_ids)
        # Shared passwords are switched off in settings; never let one through listings.
        return False

    def _denied_paths(self, restriction_model, owner_field):
        rows = restriction_model.objects.values_list(
            "pk", "restriction_type", f"{owner_field}__path"
        )
        restrictions = {pk: (rtype, path, set()) for pk, rtype, path in rows}
        if not restrictions:
            return ()
        through = restriction_model.groups.through
        fk = f"{restriction_model._meta.model_name}_id"
        for restriction_id, group_id in through.objects.values_list(fk, "group_id"):
            restrictions[restriction_id][2].add(group_id)
        denied = {
            path for rtype, path, groups in restrictions.values() if not self._passes(rtype, groups)
        }
        # Keep only the shallowest paths: a denied ancestor already covers its subtree.
        return tuple(
            path
            for path in sorted(denied)
            if not any(path != other and path.startswith(other) for other in denied)
        )

    @cached_property
    def denied_page_paths(self):
        return self._denied_paths(PageViewRestriction, "page")

    @cached_property
    def denied_collection_paths(self):
        return self._denied_paths(CollectionViewRestriction, "collection")

    @staticmethod
    def _exclude_paths(queryset, field, paths):
        if not paths:
            return queryset
        condition = Q()
        for path in paths:
            condition |= Q(**{f"{field}__startswith": path})
        return queryset.exclude(condition)

    # --- pages -------------------------------------------------------------------------

    def can_view_page(self, page):
        if not page.live and not self.is_superuser:
            return False
        return not page.path.startswith(self.denied_page_paths) if self.denied_page_paths else True

    def visible_pages(self, queryset=None, include_drafts=False):
        """Live pages the user may see; `include_drafts` keeps unpublished ones too (for
        editors' choosers: drafts are theirs to link to, other sections' never)."""
        queryset = Page.objects.all() if queryset is None else queryset
        if not include_drafts:
            queryset = queryset.live()
        return self._exclude_paths(queryset, "path", self.denied_page_paths)

    # --- documents and images (collection privacy) -------------------------------------

    def _can_view_in_collection(self, obj):
        paths = self.denied_collection_paths
        if not paths:
            return True
        return not obj.collection.path.startswith(paths)

    def can_view_document(self, document):
        return self._can_view_in_collection(document)

    def can_view_image(self, image):
        return self._can_view_in_collection(image)

    def visible_documents(self, queryset=None):
        from wagtail.documents import get_document_model

        queryset = get_document_model().objects.all() if queryset is None else queryset
        return self._exclude_paths(queryset, "collection__path", self.denied_collection_paths)

    def visible_images(self, queryset=None):
        from wagtail.images import get_image_model

        queryset = get_image_model().objects.all() if queryset is None else queryset
        return self._exclude_paths(queryset, "collection__path", self.denied_collection_paths)

    # --- snippets ----------------------------------------------------------------------

    @cached_property
    def visible_shared_space_ids(self):
        from portal.models import SharedSpacePage

        return frozenset(
            self.visible_pages(SharedSpacePage.objects.all()).values_list("pk", flat=True)
        )

    def visible_snippets(self, queryset):
        rule = _SNIPPET_RULES.get(queryset.model)
        if rule is None:
            # Unknown snippet types are for logged-in members only until given a rule.
            return queryset if self.is_authenticated else queryset.none()
        return rule(self, queryset)

    def can_view_snippet(self, obj):
        return self.visible_snippets(type(obj).objects.filter(pk=obj.pk)).exists()

    # --- any kind, for templates that show related objects ------------------------------

    def can_view(self, obj):
        """Pages, documents, images and snippets alike."""
        from wagtail.documents.models import AbstractDocument
        from wagtail.images.models import AbstractImage

        if obj is None:
            return False
        if isinstance(obj, Page):
            return self.can_view_page(obj)
        if isinstance(obj, AbstractDocument):
            return self.can_view_document(obj)
        if isinstance(obj, AbstractImage):
            return self.can_view_image(obj)
        return self.can_view_snippet(obj)

    def visible(self, queryset):
        """The part of any queryset (pages, documents, images, snippets) the user may see."""
        from wagtail.documents.models import AbstractDocument
        from wagtail.images.models import AbstractImage

        model = queryset.model
        if issubclass(model, Page):
            return self.visible_pages(queryset)
        if issubclass(model, AbstractDocument):
            return self.visible_documents(queryset)
        if issubclass(model, AbstractImage):
            return self.visible_images(queryset)
        return self.visible_snippets(queryset)


def _municipalities_rule(access, queryset):
    # Which municipalities take part is public knowledge (shown on the home page).
    return queryset


def _limited_to_my_municipalities(access, through, owner_field):
    """Rows not limited to any municipality, or limited to one the user belongs to."""
    from django.db.models import Exists, OuterRef

    limits = through.objects.filter(**{owner_field: OuterRef("pk")})
    municipality_ids = [m.pk for m in access.municipalities]
    return ~Exists(limits) | Exists(limits.filter(municipality_id__in=municipality_ids))


def _partner_organisations_rule(access, queryset):
    """Staff see the directory, except organisations limited to other municipalities;
    partner users see their own organisation and the (unlimited) organisations that share a
    space with them; visitors see nothing."""
    from django.db.models import Exists, OuterRef

    from partners.models import PartnerOrganisation
    from portal.models import SharedSpacePage

    if not access.is_authenticated:
        return queryset.none()
    if access.is_superuser:
        return queryset
    own = Q(group_id__in=list(access.group_ids))
    if access.is_member_staff:
        limits = PartnerOrganisation.limited_to.through
        return queryset.filter(
            own | _limited_to_my_municipalities(access, limits, "partnerorganisation_id")
        )
    limits = PartnerOrganisation.limited_to.through.objects.filter(
        partnerorganisation_id=OuterRef("pk")
    )
    shares_a_space = Exists(
        SharedSpacePage.partner_organisations.through.objects.filter(
            partnerorganisation_id=OuterRef("pk"),
            sharedspacepage_id__in=list(access.visible_shared_space_ids),
        )
    )
    return queryset.filter(own | (shares_a_space & ~Exists(limits)))


def _contact_people_rule(access, queryset):
    """Contacts of organisations the user may see; a contact limited to named municipalities
    only for those municipalities' staff (and colleagues in the same organisation)."""
    from partners.models import ContactPerson, PartnerOrganisation

    if not access.is_authenticated:
        return queryset.none()
    if access.is_superuser:
        return queryset
    organisations = _partner_organisations_rule(access, PartnerOrganisation.objects.all())
    limits = ContactPerson.limited_to.through
    # People who have left stay in the history (and the admin) but are shown nowhere.
    queryset = queryset.filter(has_left=False)
    return queryset.filter(organisation__in=organisations.values("pk")).filter(
        Q(organisation__group_id__in=list(access.group_ids))
        | _limited_to_my_municipalities(access, limits, "contactperson_id")
    )


def _register_snippet_rules():
    from partners.models import ContactPerson, PartnerOrganisation
    from portal.models import Municipality

    return {
        Municipality: _municipalities_rule,
        PartnerOrganisation: _partner_organisations_rule,
        ContactPerson: _contact_people_rule,
    }


class _LazyRules(dict):
    """Model classes are only importable once apps are ready; build the table on first use."""

    def get(self, key, default=None):
        if not self:
            self.update(_register_snippet_rules())
        return super().get(key, default)


_SNIPPET_RULES = _LazyRules()
