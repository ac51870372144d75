from portal.access import access_for


def navigation(request):
    """Top navigation: only the sections this user may see (two cached queries + one)."""
    from portal.models import HomePage

    access = access_for(getattr(request, "user", None))
    home = HomePage.objects.first()
    menu = []
    if home is not None:
        menu = list(access.visible_pages(home.get_children().in_menu()).specific())
    return {
        "portal_home": home,
        "portal_menu": menu,
        "portal_user_municipalities": access.municipalities,
        "portal_user_partner_organisations": access.partner_organisations,
    }
