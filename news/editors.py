"""Who may publish the portal-wide news (a news index right under the home page).

Editors of a municipality publish in their own section through their editors group. The
portal-wide news gets its own provisioned group, as the shared knowledge bank has its
approvers: a portal administrator adds the people (or municipalities' editors) who may
publish there, and the group's rights reach that index and a public collection for its
images and files, nothing else.
"""

SHARED_NEWS_EDITORS_GROUP = "Redaktörer – gemensamma nyheter"
SHARED_NEWS_COLLECTION = "Gemensamma nyheter"
PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]


def is_shared_news_index(index_page):
    # Sections and shared spaces sit at depth 3 under the home page; so does this index.
    return index_page.depth == 3


def provision_shared_news_editors(index_page):
    from django.contrib.auth.models import Group
    from wagtail.models import Collection

    from portal.provisioning import EDITOR_COLLECTION_PERMISSIONS, grant_permissions

    if not is_shared_news_index(index_page):
        return None
    group, _created = Group.objects.get_or_create(name=SHARED_NEWS_EDITORS_GROUP)
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=SHARED_NEWS_COLLECTION).first()
    if collection is None:
        collection = root.add_child(name=SHARED_NEWS_COLLECTION)
    grant_permissions(
        group, index_page, PAGE_PERMISSIONS, collection, EDITOR_COLLECTION_PERMISSIONS
    )
    return group
