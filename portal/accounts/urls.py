from django.urls import path

from portal.accounts import views

urlpatterns = [
    path("inbjudan/<str:token>/", views.accept_invitation, name="invitation_accept"),
    path("mitt-konto/", views.my_account, name="my_account"),
    path("mitt-konto/mina-uppgifter/", views.my_data_page, name="my_data_page"),
    path("mitt-konto/mina-uppgifter.json", views.my_data, name="my_data"),
]
