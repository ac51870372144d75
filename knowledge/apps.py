from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "knowledge"
    verbose_name = _("Knowledge bank")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save
        from wagtail.documents import get_document_model
        from wagtail.models import PageViewRestriction
        from wagtail.signals import page_published

        from knowledge.documents import on_document_saved, on_page_published
        from knowledge.models import Acknowledgement, Topic
        from knowledge.sections import on_municipality_saved, on_restriction_groups_changed
        from portal import cache_version
        from portal.models import Municipality

        post_save.connect(on_document_saved, sender=get_document_model(), dispatch_uid="kb-doc")
        # A confirmation given or removed changes the reader's "to read" list (knowledge.home).
        for signal, uid in ((post_save, "kb-ack-save"), (post_delete, "kb-ack-delete")):
            signal.connect(_touch_reader, sender=Acknowledgement, dispatch_uid=uid)
        # Every page type: files used on a published page follow it into its section.
        page_published.connect(on_page_published, dispatch_uid="kb-files-follow-page")
        post_save.connect(on_municipality_saved, sender=Municipality, dispatch_uid="kb-muni")
        m2m_changed.connect(
            on_restriction_groups_changed,
            sender=PageViewRestriction.groups.through,
            dispatch_uid="kb-restriction",
        )
        # The knowledge bank's filter lists topics from the cache.
        cache_version.bump_on_change(Topic)

        from knowledge import search_items

        search_items.connect()


def _touch_reader(sender, instance, **kwargs):
    from portal import personal_cache

    personal_cache.touch([instance.user_id])
