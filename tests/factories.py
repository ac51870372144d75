"""factory_boy factories for the portal's data. Pages go through the portal's bulk path
(Wagtail's tree API, published and indexed in one go): see `publish_new`."""

import itertools

import factory
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from knowledge.bulk import create_published_pages
from partners.models import PartnerOrganisation
from portal.models import ContentPage, Municipality, SharedSpacePage
from portal.provisioning import home_page

PASSWORD = "Ett-langt-testlosen-42"
_slugs = itertools.count(1)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.se")
    username = factory.LazyAttribute(lambda o: o.email)
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Användare {n}")
    is_active = True

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        self.set_password(extracted or PASSWORD)
        if create:
            self.save(update_fields=["password"])

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*extracted)


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Testkommun {n}")
    code = factory.Sequence(lambda n: f"{9000 + n:04d}")


class PartnerOrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerOrganisation
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Partnerorganisation {n}")
    description = "Samverkanspart i testerna."


def publish_new(parent, page, one_by_one=False):
    """Add the unsaved `page` (m2m fields, inline rows and tags set) under `parent` and
    publish it. By default through the portal's bulk path (knowledge.bulk: one tree
    insert, one revision insert, indexed once instead of after each of three saves), which
    leaves what the one-by-one path leaves (tests/knowledge/test_bulk.py) at about a
    quarter of the queries. `one_by_one=True` takes the editor's path, add_child() then
    save_revision().publish(), for tests of that path itself (its cost, its indexing)."""
    if one_by_one:
        parent.add_child(instance=page)
        page.save_revision().publish()
    else:
        create_published_pages(parent, [page])
    page.refresh_from_db()
    return page


def add_page(parent, model=ContentPage, one_by_one=False, **fields):
    """Create and publish a page under `parent` (the home page when None)."""
    fields.setdefault("title", "Testsida")
    fields.setdefault("slug", f"sida-{next(_slugs)}")
    return publish_new(parent or home_page(), model(**fields), one_by_one)


def add_shared_space(municipalities=(), partners=(), **fields):
    fields.setdefault("title", "Samverkansyta")
    fields.setdefault("slug", f"sida-{next(_slugs)}")
    page = SharedSpacePage(**fields)
    page.municipalities = list(municipalities)
    page.partner_organisations = list(partners)
    return publish_new(home_page(), page)


def add_document(collection, title="Rutin.pdf", content=b"%PDF-1.4 testdokument"):
    Document = get_document_model()
    document = Document(title=title, collection=collection)
    document.file.save(title, ContentFile(content), save=False)
    document.save()
    return document


def add_image(collection, title="Bild"):
    import io

    from PIL import Image as PILImage

    buffer = io.BytesIO()
    PILImage.new("RGB", (20, 10), (11, 79, 108)).save(buffer, "PNG")
    Image = get_image_model()
    return Image.objects.create(
        title=title, collection=collection, file=ImageFile(buffer, name=f"{title}.png")
    )


def add_news_post(index, tags=(), topics=(), **fields):
    """A published news post under `index` (a NewsIndexPage)."""
    from news.models import NewsPostPage

    fields.setdefault("title", "Nyhet")
    fields.setdefault("slug", f"nyhet-{next(_slugs)}")
    post = NewsPostPage(**fields)
    post.topics = list(topics)
    if tags:
        post.tags.add(*tags)
    return publish_new(index, post)
