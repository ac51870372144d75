"""The one place that decides who may see what, on the site and in the admin.

Wagtail's privacy records are the truth: `PageViewRestriction` on pages and
`CollectionViewRestriction` on collections (used for documents *and* images). This module
reads them once per user object (so once per request, as `request.user` lives as long as the
request), from Django's cache under the portal's cache version (`portal/cache_version.py`),
and answers `can_view_*` for single objects and `visible_*` for querysets. Every
channel that shows content (page serving, listings, menus, search, feeds, exports, file
downloads, and every admin surface: choosers, form choices, reports, privacy) goes through
here.

Apps register the rules for their own models with Wagtail hooks, so this module imports none
of the apps that stand on it:

- ``register_access_rules``: returns ``{Model: rule}``; ``rule(access, queryset)`` returns the
  part of the queryset the user may see. A rule may carry ``rule.for_one(access, obj)``
  answering for a single object without a query (``can_view``), and be marked
  ``rule.per_reach = True`` when its answer depends only on the user's groups and flags and
  its app bumps the cache version when its rows change: its visible ids are then kept per
  reach (``visible_ids``), so naming such objects on a page costs no query per item.
- ``register_access_memberships``: returns ``{name: function(access) -> list}``, e.g. the
  partner organisations a user belongs to.
- ``register_provisioned_privacy``: ``function(page or collection) -> callable | None``; a
  callable means its privacy is written by provisioning (a section, a shared space, the
  shared bank, their collections) and calling it writes it back. Nobody edits such privacy
  in the admin.
"""

import hashlib
from functools import cached_property

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import models
from django.db.models import Q
from wagtail import hooks
from wagtail.models import BaseViewRestriction, CollectionViewRestriction, Page, PageViewRestriction

from portal import cache_version

_CACHE_ATTR = "_portal_access"

RULES_HOOK = "register_access_rules"
MEMBERSHIPS_HOOK = "register_access_memberships"
PROVISIONED_PRIVACY_HOOK = "register_provisioned_privacy"

# The only group that holds rights over the whole page tree and every collection.
PORTAL_ADMINS_GROUP = "Portaladministratörer"


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


def _subtree_end(path):
    """The first string after the subtree at `path` in the tree's order: the path raised by
    one in treebeard's own alphabet (digits, then capital letters), carrying past its last
    letter. Staying inside that alphabet keeps the comparison the same in every database
    collation (one that ignores punctuation would misplace a "[" after "Z"). None when
    nothing follows (a path of only the alphabet's last letter)."""
    alphabet = Page.alphabet
    while path and path[-1] == alphabet[-1]:
        path = path[:-1]
    if not path:
        return None
    return path[:-1] + alphabet[alphabet.index(path[-1]) + 1]


def _range_q(field, lower, upper):
    condition = Q(**{f"{field}__gte": lower}) if lower else Q()
    if upper is not None:
        condition &= Q(**{f"{field}__lt": upper})
    return condition


def _paths_q(field, paths):
    """Inside the subtrees at `paths`, as ranges of the tree's path order: an index on the
    path serves them in every database and collation (a LIKE does not on PostgreSQL)."""
    condition = Q(pk__in=[])
    for path in paths:
        condition |= _range_q(field, path, _subtree_end(path))
    return condition


def _outside_paths_q(field, paths):
    """Outside the (disjoint) subtrees at `paths`: the gaps between them, again as ranges,
    so that a reader's visible pages are found through the index, not a scan."""
    condition, lower = Q(pk__in=[]), ""
    for path in sorted(paths):
        condition |= _range_q(field, lower, path)
        lower = _subtree_end(path)
        if lower is None:  # nothing follows the last subtree
            return condition
    return condition | _range_q(field, lower, None)


def restriction_records(restriction_model, with_ids=False):
    """Every privacy record of one kind (`PageViewRestriction` or
    `CollectionViewRestriction`) as (restriction type, path of what it protects, group
    ids), read in two queries; `with_ids` puts the record's id first. Whoever needs to
    reason about privacy reads it here."""
    owner_field = "page" if restriction_model is PageViewRestriction else "collection"
    rows = restriction_model.objects.values_list("pk", "restriction_type", f"{owner_field}__path")
    records = {pk: (rtype, path, set()) for pk, rtype, path in rows}
    if records:
        through = restriction_model.groups.through
        fk = f"{restriction_model._meta.model_name}_id"
        for restriction_id, group_id in through.objects.values_list(fk, "group_id"):
            records[restriction_id][2].add(group_id)
    if with_ids:
        return [
            (pk, rtype, path, frozenset(groups)) for pk, (rtype, path, groups) in records.items()
        ]
    return [(rtype, path, frozenset(groups)) for rtype, path, groups in records.values()]


def _cached_records(version, restriction_model):
    """`restriction_records(with_ids=True)`, cached under the portal's cache version."""
    name = f"restriction-records:{restriction_model._meta.model_name}"
    return cache_version.cached(
        version, name, lambda: restriction_records(restriction_model, with_ids=True)
    )


def _shallowest(paths):
    """Only the shallowest paths: an ancestor already covers its subtree."""
    paths = set(paths)
    return tuple(
        path
        for path in sorted(paths)
        if not any(path != other and path.startswith(other) for other in paths)
    )


class Access:
    def __init__(self, user):
        self.user = user
        self.is_authenticated = bool(
            user is not None and user.is_authenticated and getattr(user, "is_active", False)
        )
        self.is_superuser = self.is_authenticated and user.is_superuser

    # --- cached answers ----------------------------------------------------------------

    @cached_property
    def version(self):
        """The cache version, read once per request (the Access lives as long as it)."""
        return cache_version.current()

    def _cached(self, name, compute):
        return cache_version.cached(self.version, name, compute)

    def users_own(self, name, compute):
        """Per-user answers: keyed by the user, so never handed to anyone else."""
        return self._cached(f"user:{self.user.pk}:{name}", compute)

    def cached_for_everyone(self, name, compute):
        """An answer that is the same for every reader (e.g. a filter's list of topics)."""
        return self._cached(f"all:{name}", compute)

    def cached_for_reach(self, name, compute):
        """An answer that depends only on what the user may reach (e.g. the menu): shared
        by everyone with the same groups and flags, never by anyone else."""
        return self._cached(f"{name}:{self.reach_key}", compute)

    @cached_property
    def reach_key(self):
        """Whose answers these are when they depend only on the rule: the same for everyone
        with the same groups and flags (a visitor, staff of one municipality, ...)."""
        reach = f"{self.is_authenticated}:{self.is_portal_admin}:{sorted(self.group_ids)}"
        return hashlib.sha256(reach.encode()).hexdigest()[:24]

    # --- who the user is -------------------------------------------------------------

    @cached_property
    def _groups(self):
        if not self.is_authenticated:
            return {}
        return self.users_own("groups", lambda: dict(self.user.groups.values_list("pk", "name")))

    @cached_property
    def group_ids(self):
        return frozenset(self._groups)

    @cached_property
    def is_portal_admin(self):
        """Superusers and the provisioned portal administrators: rights over everything."""
        return self.is_superuser or PORTAL_ADMINS_GROUP in self._groups.values()

    @cached_property
    def municipalities(self):
        """Municipalities the user is a member or editor of."""
        from portal.models import Municipality

        if not self.group_ids:
            return []
        return self.users_own(
            "municipalities",
            lambda: list(
                Municipality.objects.filter(
                    Q(members_group_id__in=self.group_ids) | Q(editors_group_id__in=self.group_ids)
                ).select_related("section_page")
            ),
        )

    @cached_property
    def edited_municipalities(self):
        """Municipalities the user is an editor (redaktör) of: the one definition."""
        return [m for m in self.municipalities if m.editors_group_id in self.group_ids]

    @property
    def is_editor(self):
        return bool(self.edited_municipalities)

    @cached_property
    def may_use_admin(self):
        """Wagtail's admin-access permission, asked once per user and cached."""
        if not self.is_authenticated:
            return False
        return self.users_own("admin", lambda: self.user.has_perm("wagtailadmin.access_admin"))

    @property
    def is_member_staff(self):
        """Employee of at least one member municipality (as opposed to a partner user)."""
        return self.is_portal_admin or bool(self.municipalities)

    @cached_property
    def memberships(self):
        """What other apps say the user belongs to, e.g. ``partner_organisations``."""
        if not self.group_ids:
            return {name: [] for hook in hooks.get_hooks(MEMBERSHIPS_HOOK) for name in hook()}

        def compute():
            found = {}
            for hook in hooks.get_hooks(MEMBERSHIPS_HOOK):
                for name, function in hook().items():
                    found[name] = function(self)
            return found

        return self.users_own("memberships", compute)

    @property
    def partner_organisations(self):
        return self.memberships.get("partner_organisations", [])

    # --- the rule ----------------------------------------------------------------------

    def _passes(self, restriction_type, group_ids):
        if self.is_portal_admin:
            return True
        if restriction_type == BaseViewRestriction.LOGIN:
            return self.is_authenticated
        if restriction_type == BaseViewRestriction.GROUPS:
            return self.is_authenticated and bool(self.group_ids & group_ids)
        # Shared passwords are switched off in settings; never let one through listings.
        return False

    def _records(self, restriction_model):
        return _cached_records(self.version, restriction_model)

    def _denied_paths(self, restriction_model):
        return _shallowest(
            path
            for _pk, rtype, path, groups in self._records(restriction_model)
            if not self._passes(rtype, groups)
        )

    @cached_property
    def denied_page_paths(self):
        return self._denied_paths(PageViewRestriction)

    @cached_property
    def denied_collection_paths(self):
        return self._denied_paths(CollectionViewRestriction)

    @staticmethod
    def _exclude_paths(queryset, field, paths):
        if not paths:
            return queryset
        return queryset.filter(_outside_paths_q(field, paths))

    # --- pages -------------------------------------------------------------------------

    def can_view_page(self, page):
        if not page.live and not self.is_portal_admin:
            return False
        return not page.path.startswith(self.denied_page_paths) if self.denied_page_paths else True

    def visible_page_paths(self, field):
        """The condition on a page path `field` (e.g. ``page__path`` of a row that points to
        a page) that `visible_pages` applies: outside the subtrees the user may not read.
        Liveness is the caller's to add."""
        if not self.denied_page_paths:
            return Q()
        return _outside_paths_q(field, self.denied_page_paths)

    def visible_pages(self, queryset=None):
        """Live pages the user may see."""
        queryset = Page.objects.all() if queryset is None else queryset
        return self._exclude_paths(queryset.live(), "path", self.denied_page_paths)

    # --- documents and images (collection privacy) -------------------------------------

    def _can_view_in_collection(self, obj):
        # By id: no query per object for its collection.
        return obj.collection_id not in self.denied_collection_ids

    def can_view_document(self, document):
        return self._can_view_in_collection(document)

    def can_view_image(self, image):
        return self._can_view_in_collection(image)

    @cached_property
    def denied_collection_ids(self):
        """Ids of the collections the user may not read (a filter search backends accept:
        `collection` is a FilterField of documents and images, `collection__path` is not)."""
        from wagtail.models import Collection

        if not self.denied_collection_paths:
            return frozenset()
        return self.cached_for_reach(
            "denied-collections",
            lambda: frozenset(
                Collection.objects.filter(
                    _paths_q("path", self.denied_collection_paths)
                ).values_list("pk", flat=True)
            ),
        )

    def _in_visible_collections(self, queryset):
        if not self.denied_collection_ids:
            return queryset
        return queryset.exclude(collection__in=list(self.denied_collection_ids))

    def visible_documents(self, queryset=None):
        from wagtail.documents import get_document_model

        queryset = get_document_model().objects.all() if queryset is None else queryset
        return self._in_visible_collections(queryset)

    def visible_images(self, queryset=None):
        from wagtail.images import get_image_model

        queryset = get_image_model().objects.all() if queryset is None else queryset
        return self._in_visible_collections(queryset)

    # --- snippets and other models (rules registered by their apps) --------------------

    @cached_property
    def visible_shared_space_ids(self):
        from portal.models import SharedSpacePage

        return self.cached_for_reach(
            "shared-spaces",
            lambda: frozenset(
                self.visible_pages(SharedSpacePage.objects.all()).values_list("pk", flat=True)
            ),
        )

    def has_rule(self, model):
        return rule_for(model) is not None

    def visible_snippets(self, queryset):
        rule = rule_for(queryset.model)
        if rule is None:
            # Unknown models are for logged-in members only until given a rule.
            return queryset if self.is_authenticated else queryset.none()
        return rule(self, queryset)

    def visible_ids(self, model):
        """The ids of `model` this reader may see by its app's rule, for a rule marked
        `per_reach` (its answer depends only on the reader's groups and flags, and its app
        bumps the cache version when such rows change): worked out once per reach and kept
        under the cache version, so a page naming several of them asks nothing per item.
        None for models whose rule is not marked so."""
        rule = rule_for(model)
        if not getattr(rule, "per_reach", False):
            return None
        return self.cached_for_reach(
            f"visible-ids:{model._meta.label}",
            lambda: frozenset(
                rule(self, model._default_manager.all()).values_list("pk", flat=True)
            ),
        )

    def visible_among(self, items):
        """`visible` for the few rows a page names (a related manager or a short queryset),
        as a list: by the reach's ids where the rule allows it, so no rule query runs."""
        if hasattr(items, "all") and not hasattr(items, "model"):
            items = items.all()  # a related manager
        model = getattr(items, "model", None)
        ids = self.visible_ids(model) if model is not None else None
        if ids is None:
            return self.visible(items)
        return [obj for obj in items if obj.pk in ids]

    def can_view_snippet(self, obj):
        rule = rule_for(type(obj))
        # A rule may answer for one object without a query (`rule.for_one`), e.g. a rule
        # on collection privacy that only needs the object's collection id.
        for_one = getattr(rule, "for_one", None)
        if for_one is not None:
            return for_one(self, obj)
        ids = self.visible_ids(type(obj))
        if ids is not None:
            return obj.pk in ids
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
        if not isinstance(queryset, models.QuerySet):
            # A preview or an old revision holds its relations in memory (modelcluster's
            # FakeQuerySet), which cannot take the rules' SQL: ask about the same rows.
            items = list(queryset)
            rows = model._default_manager.filter(pk__in=[o.pk for o in items if o.pk])
            allowed = set(self.visible(rows).values_list("pk", flat=True))
            return [o for o in items if o.pk in allowed]
        if issubclass(model, Page):
            return self.visible_pages(queryset)
        if issubclass(model, AbstractDocument):
            return self.visible_documents(queryset)
        if issubclass(model, AbstractImage):
            return self.visible_images(queryset)
        return self.visible_snippets(queryset)

    # --- search indexes that store who an item is for (Elasticsearch) -----------------

    @cached_property
    def denied_audience(self):
        """The audience tokens (see `audience_of`) of the privacy records this reader does
        not pass: an indexed item carrying none of them is one the reader may see. Asked
        per search, so a change of groups or privacy counts at once."""
        return frozenset(
            f"{prefix}:{pk}"
            for model, prefix in _AUDIENCE_PREFIXES
            for pk, rtype, _path, groups in self._records(model)
            if not self._passes(rtype, groups)
        )

    # --- the admin ---------------------------------------------------------------------

    @cached_property
    def admin_page_paths(self):
        """Roots of the subtrees the user holds page permissions on (their section)."""
        from wagtail.models import GroupPagePermission

        if not self.is_portal_admin and not self.group_ids:
            return ()

        def compute():
            if self.is_portal_admin:
                root = Page.get_first_root_node()
                return (root.path,) if root else ()
            permissions = GroupPagePermission.objects.filter(group_id__in=self.group_ids)
            return _shallowest(permissions.values_list("page__path", flat=True))

        return self.cached_for_reach("admin-paths", compute)

    def works_on_page(self, page):
        """True inside the subtrees the user may edit in the admin."""
        paths = self.admin_page_paths
        return bool(paths) and page.path.startswith(paths)

    def admin_page_paths_q(self, field):
        """`works_on_page` as a condition on a page path `field` (e.g. ``page__path`` of a
        page's log entry): inside the subtrees the user holds page permissions on."""
        return _paths_q(field, self.admin_page_paths)

    def choosable_pages(self, queryset=None):
        """What an admin chooser may list: live pages the user may read, and drafts and
        unpublished changes only inside the user's own subtrees."""
        queryset = Page.objects.all() if queryset is None else queryset
        if self.is_portal_admin:
            return queryset
        readable = Q(live=True)
        if self.denied_page_paths:
            readable &= _outside_paths_q("path", self.denied_page_paths)
        return queryset.filter(readable | _paths_q("path", self.admin_page_paths))

    def can_choose_page(self, page):
        return self.works_on_page(page) or self.can_view_page(page)

    def may_set_privacy(self, page):
        """Privacy of sections, shared spaces and the shared bank comes from provisioning;
        elsewhere editors may restrict pages of their own subtrees (restrictions only add
        up, so that narrows and never widens)."""
        if provisioned_privacy_of(page) is not None:
            return False
        return self.is_portal_admin or self.works_on_page(page)

    def admin_choices(self, queryset):
        """The choices an admin form field or chooser may offer."""
        if issubclass(queryset.model, Page):
            return self.choosable_pages(queryset)
        return self.visible(queryset)


# --- registered rules ----------------------------------------------------------------------


def rule_for(model):
    rules = _rules()
    for klass in model.__mro__:
        if klass in rules:
            return rules[klass]
    return None


_RULES = {}


def _rules():
    if not _RULES:
        _RULES.update(_core_rules())
        for hook in hooks.get_hooks(RULES_HOOK):
            _RULES.update(hook())
    return _RULES


def provisioned_privacy_of(obj):
    for hook in hooks.get_hooks(PROVISIONED_PRIVACY_HOOK):
        restore = hook(obj)
        if restore is not None:
            return restore
    return None


def _core_rules():
    from portal.models import Municipality

    return {
        Municipality: _municipalities_rule,
        get_user_model(): _users_rule,
        Group: _groups_rule,
    }


def _municipalities_rule(access, queryset):
    # Which municipalities take part is public knowledge (shown on the home page).
    return queryset


def _colleague_group_ids(access):
    """The user's own groups (not the administrators', which spans everything) and the
    groups of the municipalities they belong to."""
    group_ids = {pk for pk, name in access._groups.items() if name != PORTAL_ADMINS_GROUP}
    for municipality in access.municipalities:
        group_ids.update(g.pk for g in municipality.groups)
    return group_ids


def _groups_rule(access, queryset):
    """Groups are named in admin forms (privacy, invitations): an editor sees their own and
    their municipalities', not the groups of other municipalities or partners."""
    if not access.is_authenticated:
        return queryset.none()
    if access.is_portal_admin:
        return queryset
    return queryset.filter(pk__in=_colleague_group_ids(access))


def _users_rule(access, queryset):
    """People are shown to colleagues: members and editors of the user's municipalities and
    people in the user's own groups (not the portal administrators' group, which spans all)."""
    if not access.is_authenticated:
        return queryset.none()
    if access.is_portal_admin:
        return queryset
    group_ids = _colleague_group_ids(access)
    # A subquery, not a join: the result stays combinable with other user querysets.
    in_my_groups = queryset.model.groups.through.objects.filter(group_id__in=group_ids)
    return queryset.filter(
        Q(pk=access.user.pk) | Q(is_active=True, pk__in=in_my_groups.values("user_id"))
    )


def limited_to_my_municipalities(access, through, owner_field):
    """Rows not limited to any municipality, or limited to one the user belongs to."""
    from django.db.models import Exists, OuterRef

    limits = through.objects.filter(**{owner_field: OuterRef("pk")})
    municipality_ids = [m.pk for m in access.municipalities]
    return ~Exists(limits) | Exists(limits.filter(municipality_id__in=municipality_ids))


# --- audience: the privacy records that govern an item, for search indexes ----------------

_AUDIENCE_PREFIXES = (
    (PageViewRestriction, "page-restriction"),
    (CollectionViewRestriction, "collection-restriction"),
)


def _audience_at(restriction_model, path):
    prefix = dict(_AUDIENCE_PREFIXES)[restriction_model]
    records = _cached_records(cache_version.current(), restriction_model)
    return sorted(f"{prefix}:{pk}" for pk, _rtype, own, _groups in records if path.startswith(own))


def audience_of_page(page):
    """Tokens of every `PageViewRestriction` on the page or its ancestors: the same records
    `can_view_page` reads, so a reader sees the page exactly when none of these tokens is
    in their `denied_audience` (checked by tests/search/test_elastic_audience.py)."""
    return _audience_at(PageViewRestriction, page.path)


def audience_of_collection(collection_id):
    """Tokens of every `CollectionViewRestriction` on the collection or its ancestors (what
    governs its documents and images)."""
    from wagtail.models import Collection

    path = Collection.objects.filter(pk=collection_id).values_list("path", flat=True).first()
    return _audience_at(CollectionViewRestriction, path) if path else []


def audience_of(obj):
    """Audience tokens of a page, or of a document or image by its collection."""
    if isinstance(obj, Page):
        return audience_of_page(obj)
    return audience_of_collection(obj.collection_id)


# --- the same rule, for many users at once --------------------------------------------


def _page_restrictions_over(path):
    """(type, group ids) of every page restriction on the page at `path` or above it."""
    return [
        (rtype, groups)
        for rtype, own, groups in restriction_records(PageViewRestriction)
        if path.startswith(own)
    ]


def page_audience_group_ids(path):
    """Groups whose members may read the page at `path`: None means every logged-in user
    (no group restriction), otherwise the groups named by every group restriction."""
    allowed = None
    for rtype, groups in _page_restrictions_over(path):
        if rtype == BaseViewRestriction.GROUPS:
            allowed = set(groups) if allowed is None else allowed & groups
        elif rtype != BaseViewRestriction.LOGIN:
            return set()  # shared passwords never pass
    return allowed


def page_readers_q(page):
    """Users who may read the page, as one condition on the user table: `can_view_page`
    for many users at once (read-confirmation counts and reminders ask it without a query
    per reader). Active users only; a page that is not live only for administrators."""
    memberships = get_user_model().groups.through.objects
    admins = Q(is_superuser=True) | Q(
        pk__in=memberships.filter(group__name=PORTAL_ADMINS_GROUP).values("user_id")
    )
    if not page.live:
        return Q(is_active=True) & admins
    rule = Q()
    for rtype, groups in _page_restrictions_over(page.path):
        if rtype == BaseViewRestriction.GROUPS:
            rule &= Q(pk__in=memberships.filter(group_id__in=groups).values("user_id"))
        elif rtype != BaseViewRestriction.LOGIN:
            rule &= Q(pk__in=[])
    return Q(is_active=True) & (admins | rule)
