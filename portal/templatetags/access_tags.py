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
    if hasattr(items, "all") and not hasattr(items, "model"):
        items = items.all()  # a related manager
    return access_for(user).visible(items)


@register.filter
def viewable_by(obj, user):
    return access_for(user).can_view(obj)
