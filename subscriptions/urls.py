from django.urls import path

from subscriptions import views

urlpatterns = [
    path("", views.subscription_list, name="subscriptions_list"),
    path("folj/", views.follow, name="subscriptions_follow"),
    path("nytt/", views.notification_list, name="subscriptions_notifications"),
    path("avsluta/<str:token>/", views.unsubscribe, name="subscriptions_unsubscribe"),
]
