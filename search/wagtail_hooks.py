from wagtail import hooks


@hooks.register("register_search_items")
def portal_pages():
    """Every other portal page (content pages, sections, indexes) as a plain page."""
    from portal.models.pages import BasePortalPage
    from search.page_items import PageProvider

    return {BasePortalPage: PageProvider(BasePortalPage, "page")}
