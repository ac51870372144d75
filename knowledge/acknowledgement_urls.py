from django.urls import path

from knowledge import acknowledgement_views

urlpatterns = [
    path("<int:page_id>/", acknowledgement_views.acknowledge, name="knowledge_acknowledge"),
]
