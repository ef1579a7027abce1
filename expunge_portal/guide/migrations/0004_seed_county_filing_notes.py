"""One filing note per county, saying honestly what we do not know yet.

No county's practice has been checked, so every note sends the reader to the criminal clerk's
office and is marked verified=False. Only the court's official name (the same pattern in all 58
counties) and what state law says everywhere (15 days' notice to the district attorney, the fee
waiver) are stated as fact. Staff replace the "ask the clerk" text as they confirm each court.
"""

from django.db import migrations
from django.utils import timezone

# The 58 counties as of this migration (expunge_portal/counties.py), copied so that later edits
# to that list cannot change what this migration did.
COUNTIES = (
    "Alameda", "Alpine", "Amador", "Butte", "Calaveras", "Colusa", "Contra Costa", "Del Norte",
    "El Dorado", "Fresno", "Glenn", "Humboldt", "Imperial", "Inyo", "Kern", "Kings", "Lake",
    "Lassen", "Los Angeles", "Madera", "Marin", "Mariposa", "Mendocino", "Merced", "Modoc",
    "Mono", "Monterey", "Napa", "Nevada", "Orange", "Placer", "Plumas", "Riverside", "Sacramento",
    "San Benito", "San Bernardino", "San Diego", "San Francisco", "San Joaquin", "San Luis Obispo",
    "San Mateo", "Santa Barbara", "Santa Clara", "Santa Cruz", "Shasta", "Sierra", "Siskiyou",
    "Solano", "Sonoma", "Stanislaus", "Sutter", "Tehama", "Trinity", "Tulare", "Tuolumne",
    "Ventura", "Yolo", "Yuba",
)

TEXT = {
    "where_to_file": (
        "File at the criminal clerk's office of the Superior Court in {county} County. Ask the "
        "clerk which courthouse takes petitions for dismissal (form CR-180), and whether you can "
        "file by mail or online.",
        "Presente los papeles en la oficina del secretario penal de la Corte Superior del Condado "
        "de {county}. Pregunte al secretario en qué edificio de la corte se presentan las "
        "peticiones de desestimación (formulario CR-180), y si se pueden mandar por correo o por "
        "internet.",
    ),
    "copies": (
        "Ask the criminal clerk's office how many copies to bring. Bring at least one extra copy "
        "of everything, so the clerk can stamp a copy for you to keep.",
        "Pregunte en la oficina del secretario penal cuántas copias llevar. Lleve por lo menos una "
        "copia extra de todo, para que el secretario le selle una copia para usted.",
    ),
    "fees": (
        "Ask the clerk if this court charges a fee for a petition for dismissal. By state law, "
        "the court, the county and the city may each charge up to $150, and only if you are able "
        "to pay. If you cannot pay, ask for a fee waiver (form FW-001).",
        "Pregunte al secretario si esta corte cobra una cuota por la petición de desestimación. "
        "Según la ley estatal, la corte, el condado y la ciudad pueden cobrar hasta $150 cada uno, "
        "y solo si usted puede pagar. Si no puede pagar, pida una exención de cuotas "
        "(formulario FW-001).",
    ),
    "service_note": (
        "Ask the criminal clerk's office whether the court sends your papers to the district "
        "attorney, or whether you must serve the district attorney yourself (and the probation "
        "department, if you had probation) and then file a proof of service. The district "
        "attorney must get your papers at least 15 days before the judge decides.",
        "Pregunte en la oficina del secretario penal si la corte manda sus papeles al fiscal de "
        "distrito, o si usted tiene que entregárselos (y al departamento de probatoria, si tuvo "
        "probatoria) y luego presentar una prueba de entrega. El fiscal tiene que recibir sus "
        "papeles por lo menos 15 días antes de que el juez decida.",
    ),
    "local_rules": (
        "Ask the clerk whether this court has its own local forms or rules for petitions for "
        "dismissal, for example a cover sheet, hole-punched pages or a stamped return envelope.",
        "Pregunte al secretario si esta corte tiene sus propios formularios o reglas para las "
        "peticiones de desestimación, por ejemplo una hoja de portada, hojas perforadas o un "
        "sobre con estampilla para la respuesta.",
    ),
    "hearing": (
        "Ask the clerk whether the judge decides from the papers or sets a hearing, and how the "
        "court will tell you the date and the decision.",
        "Pregunte al secretario si el juez decide solo con los papeles o fija una audiencia, y "
        "cómo le va a avisar la corte la fecha y la decisión.",
    ),
}
# The project's law notes (shared/law/README.md) name this local form; not yet checked.
EXTRA_LOCAL_RULES = {
    "San Diego": (
        " Our notes mention a San Diego local form, CRM-204. This has not been checked: ask the "
        "clerk whether it is needed.",
        " Nuestras notas mencionan un formulario local de San Diego, el CRM-204. Esto no se ha "
        "revisado: pregunte al secretario si hace falta.",
    ),
}
REASON = "Loaded by migration 0004 (not verified)"


def load(apps, schema_editor):
    note_model = apps.get_model("guide", "CountyFilingNote")
    history_model = apps.get_model("guide", "HistoricalCountyFilingNote")
    for county in COUNTIES:
        if note_model.objects.filter(county=county).exists():
            continue
        values = {
            "county": county,
            "court_name": f"Superior Court of California, County of {county}",
            "service_on_prosecutor": "unknown",
            "verified": False,
            "source": "",
        }
        for field, (english, spanish) in TEXT.items():
            extra_en, extra_es = EXTRA_LOCAL_RULES.get(county, ("", ""))
            if field != "local_rules":
                extra_en = extra_es = ""
            values[field] = values[f"{field}_en"] = english.format(county=county) + extra_en
            values[f"{field}_es"] = spanish.format(county=county) + extra_es
        note = note_model.objects.create(**values)
        history_model.objects.create(
            id=note.pk,
            updated_at=note.updated_at,
            history_date=timezone.now(),
            history_type="+",
            history_change_reason=REASON,
            **values,
        )


class Migration(migrations.Migration):
    dependencies = [("guide", "0003_seed_guide_pages")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
