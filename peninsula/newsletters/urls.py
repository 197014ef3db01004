from django.urls import path

from peninsula.newsletters import views

app_name = "newsletters"
urlpatterns = [
    path("sign-up/", views.sign_up, name="sign_up"),
    path("check-your-inbox/", views.check_inbox, name="check_inbox"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("preferences/<str:token>/", views.preferences, name="preferences"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("click/<str:token>/", views.click, name="click"),
    path("open/<str:token>/", views.opened, name="open"),
    path("web/<str:token>/", views.web_version, name="web"),
]
