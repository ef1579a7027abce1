app_name = "forms_filler"

urlpatterns: list = []
