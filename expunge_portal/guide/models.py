"""Guide pages and county filing notes: content that editors change in the admin.

Title, summary and body (and the county notes' text) have English and Spanish columns added by
django-modeltranslation (see translation.py); every save is kept by django-simple-history, which
is registered in translation.py too, after the translated columns exist, so history keeps both
languages.
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from expunge_portal.counties import COUNTY_CHOICES

from .validators import validate_fact_sources


class GuidePage(models.Model):  # type: ignore[django-manager-missing]  # modeltranslation's
    # The per-language columns django-modeltranslation adds (translation.py).
    body_en: str | None
    body_es: str | None

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        help_text=_("The last part of the page address, e.g. which-law for /guide/which-law/."),
    )
    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("One or two short sentences shown on the guide's first page."),
    )
    body = models.TextField(
        _("body"),
        help_text=_(
            "Written in Markdown. Use ## for sections; the title is the page's only top heading. "
            "HTML that is not allowed (scripts, styles, frames, images) is removed when shown."
        ),
    )
    order = models.PositiveIntegerField(
        _("order"), default=0, help_text=_("Pages are listed from the lowest number up.")
    )
    published = models.BooleanField(
        _("published"),
        default=False,
        help_text=_("Only published pages are shown to the public."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        ordering = ("order", "slug")
        verbose_name = _("guide page")
        verbose_name_plural = _("guide pages")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("guide:page", kwargs={"slug": self.slug})


class CountyFilingNote(models.Model):  # type: ignore[django-manager-missing]  # likewise
    """How one county's superior court takes a petition for dismissal. Staff keep it current."""

    class ServiceOnProsecutor(models.TextChoices):
        COURT_FORWARDS = "court_forwards", _("The court sends the papers to the district attorney")
        PETITIONER_SERVES = (
            "petitioner_serves",
            _("The petitioner must serve the district attorney and file a proof of service"),
        )
        UNKNOWN = "unknown", _("Not known yet: ask the clerk")

    class YesNoUnknown(models.TextChoices):
        YES = "yes", _("Yes")
        NO = "no", _("No")
        UNKNOWN = "unknown", _("Not known yet: ask the clerk")

    county = models.CharField(_("county"), max_length=40, unique=True, choices=COUNTY_CHOICES)
    court_name = models.CharField(_("court name"), max_length=200)
    # The courthouse where criminal petitions for dismissal are filed: the CR-180 and CR-181 court
    # boxes print these. Empty means nobody has checked it: the boxes stay blank.
    court_street = models.CharField(_("courthouse street address"), max_length=200, blank=True)
    court_city = models.CharField(_("courthouse city"), max_length=100, blank=True)
    court_zip = models.CharField(_("courthouse ZIP code"), max_length=10, blank=True)
    courthouse_note = models.TextField(
        _("which courthouse, and why"),
        blank=True,
        help_text=_("When the court has several courthouses: which one takes these petitions."),
    )
    clerk_phone = models.CharField(_("clerk's phone"), max_length=40, blank=True)
    self_help_url = models.URLField(_("court's self-help web address"), max_length=300, blank=True)
    efiling = models.CharField(
        _("e-filing accepted"),
        max_length=10,
        choices=YesNoUnknown.choices,
        default=YesNoUnknown.UNKNOWN,
    )
    mail_filing = models.CharField(
        _("filing by mail accepted"),
        max_length=10,
        choices=YesNoUnknown.choices,
        default=YesNoUnknown.UNKNOWN,
    )
    where_to_file = models.TextField(
        _("where to file"),
        help_text=_("Courthouse, clerk's office, address or e-filing, as the court publishes it."),
    )
    copies = models.TextField(_("how many copies"), help_text=_("Originals and copies to bring."))
    fees = models.TextField(_("fees"), help_text=_("Filing fees and how to ask for a fee waiver."))
    service_on_prosecutor = models.CharField(
        _("papers to the district attorney"),
        max_length=20,
        choices=ServiceOnProsecutor.choices,
        default=ServiceOnProsecutor.UNKNOWN,
    )
    service_note = models.TextField(
        _("note on serving the district attorney"),
        blank=True,
        help_text=_("Who must get a copy (district attorney, probation) and how."),
    )
    local_rules = models.TextField(
        _("local forms and rules"),
        blank=True,
        help_text=_("Local forms, hole-punching, envelopes and other local rules."),
    )
    hearing = models.TextField(
        _("hearing"), blank=True, help_text=_("Whether and when the court usually sets a hearing.")
    )
    verified = models.BooleanField(
        _("verified"),
        default=False,
        help_text=_("Tick only after checking every line with the court or its website."),
    )
    source = models.CharField(
        _("source"),
        max_length=300,
        blank=True,
        help_text=_("Where the facts come from: a court web page address, or a call to the clerk."),
    )
    last_checked = models.DateField(_("last checked"), null=True, blank=True)
    fact_sources = models.JSONField(
        _("source of each fact"),
        default=dict,
        blank=True,
        validators=[validate_fact_sources],
        help_text=_(
            'For each checked fact, the web page and the day: {"street": {"source": '
            '"https://...", "checked": "2026-12-01"}}. A fact without an entry is unchecked.'
        ),
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        ordering = ("county",)
        verbose_name = _("county filing note")
        verbose_name_plural = _("county filing notes")

    def __str__(self) -> str:
        return self.county
