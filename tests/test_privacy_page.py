"""Personal data and cookies (issue 23): one page at the site root says who is responsible
for the portal's personal data, what is kept, why and how long, the reader's rights and the
only cookies; every page's footer names the responsible organisation and a contact and
links that page, all read from the page itself."""

import re

from portal import demo_privacy
from portal.models import HomePage, PrivacyPage
from portal.provisioning import home_page
from tests.shared import shared

FOOTER_LINK = '<a href="/personuppgifter/">Personuppgifter och kakor</a>'


@shared
def privacy(world):
    demo_privacy.seed()
    return PrivacyPage.objects.get()


def _footer(html):
    return re.search(r"<footer.*</footer>", html, re.S).group(0)


def test_every_page_names_the_responsible_organisation_and_links_the_page(client, world, privacy):
    pages = ["/", world.content["public page"].url, "/konto/login/", "/sok/"]
    for url in pages:
        footer = _footer(client.get(url).content.decode())
        assert FOOTER_LINK in footer, url
        assert "Ansvarig för portalen och dess personuppgifter: Kalmar kommun." in footer, url
        assert (
            '<a href="mailto:personuppgifter@demo.samverkan.se">personuppgifter@demo.samverkan.se</a>'
            in footer
        ), url
    client.force_login(world.users["staff of A"])
    footer = _footer(client.get(world.content["A's section"].url).content.decode())
    assert FOOTER_LINK in footer and "Kalmar kommun" in footer


def test_the_footer_follows_the_page_when_an_editor_changes_it(client, world, privacy):
    client.get("/")  # the footer's answer is cached now
    privacy.controller = "Region Kalmar län"
    privacy.contact_email = "dataskydd@example.se"
    privacy.save_revision().publish()
    footer = _footer(client.get("/").content.decode())
    assert "personuppgifter: Region Kalmar län." in footer
    assert "mailto:dataskydd@example.se" in footer
    assert "Kalmar kommun" not in footer


def test_without_the_page_the_footer_has_no_dead_link_and_names_nobody(client, world):
    footer = _footer(client.get("/").content.decode())
    assert "Personuppgifter och kakor" not in footer
    assert "Ansvarig för portalen" not in footer


def test_a_visitor_reads_who_is_responsible_what_is_kept_their_rights_and_the_cookies(
    client, world, privacy
):
    response = client.get(privacy.url)
    assert response.status_code == 200
    # What the page says about cookies holds for the page itself: a visitor gets none.
    assert not response.cookies
    html = response.content.decode()
    assert "<h1>Personuppgifter och kakor</h1>" in html
    assert "Kalmar kommun är personuppgiftsansvarig" in html
    assert 'href="mailto:dataskyddsombud@demo.samverkan.se"' in html
    for heading in ("Ditt konto", "Händelseloggen", "Inloggningar och sessioner"):
        assert f">{heading}</h3>" in html
    assert "Hur länge" in html and "Rättslig grund" in html
    assert "Dina rättigheter" in html and "registerutdrag" in html
    assert 'href="https://www.imy.se/"' in html
    cookies = re.findall(r"<h3><code>([^<]+)</code></h3>", html)
    assert cookies == ["sessionid", "csrftoken", "django_language"]
    assert "inga kakor för statistik, annonser eller annan spårning" in html
    assert "högst 10 timmar" in html  # read from SESSION_COOKIE_AGE, not written by hand


def test_one_page_of_the_kind_at_the_site_root_and_the_demo_seeds_it_once(world, privacy):
    demo_privacy.seed()
    assert PrivacyPage.objects.count() == 1
    assert privacy.get_parent().specific_class is HomePage
    assert privacy.live and privacy.url == "/personuppgifter/"
    assert not PrivacyPage.can_create_at(home_page())
    assert not PrivacyPage.can_create_at(world.content["public page"])
