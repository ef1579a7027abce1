from django.forms.renderers import TemplatesSetting


class PortalFormRenderer(TemplatesSetting):
    """Every form renders with an error summary linked to its fields, and each field with its
    label, hint and error tied to the input (aria-describedby is set by Django)."""

    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"
