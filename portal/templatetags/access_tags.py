"""Template filters for showing related objects through the access module.

`{% for org in page.partner_organisations.all|visible_to:request.user %}` and
`{% if document|viewable_by:request.user %}`: a page that one reader may see can still
name things (documents, contacts, organisations) that this reader may not.
"""

from django import template

from portal.access import access_for

register = template.Library()


@register.filter
def visible_to(items, user):
    return access_for(user).visible_among(items)


@register.filter
def viewable_by(obj, user):
    return access_for(user).can_view(obj)


@register.inclusion_tag("includes/editor_bar.html", takes_context=True)
def editor_bar(context):
    """Links to the admin for those who may use it: to the page itself where they may edit
    it. Wagtail's own userbar costs ten queries on every page view; this one none."""
    request = context.get("request")
    page = context.get("page")
    access = access_for(getattr(request, "user", None))
    if not access.may_use_admin:
        return {"show": False}
    editable = page is not None and getattr(page, "pk", None) and access.works_on_page(page)
    return {"show": True, "page": page if editable else None, "user": request.user}
