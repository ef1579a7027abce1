"""The five examples of contracts/screening.md, and their whole result objects written out by
hand: the output contract of the screen command, and of ``Determination.to_dict``."""

from .scenarios import FELONY_GRAND_THEFT, FELONY_SALE, MISD_THEFT, case, count

CONTRACT_EXAMPLES = [
    case(MISD_THEFT, id="ex1", judgment_date="2022-03-01", sentence_end_date="2024-03-01"),
    case(
        FELONY_GRAND_THEFT,
        id="ex2",
        judgment_date="2020-05-10",
        sentence_end_date="2023-05-10",
        probation_violated=True,
    ),
    case(
        count("PC", "647(f)", "misdemeanor"),
        id="ex3",
        judgment_date="2024-06-15",
        sentence="no_probation",
        sentence_end_date=...,
    ),
    case(
        FELONY_SALE,
        id="ex4",
        judgment_date="2021-07-01",
        sentence="county_jail",
        sentence_end_date="2023-07-01",
    ),
    case(count("PC", "288(a)", "felony"), id="ex5"),
]

AUTOMATIC_RELIEF = (
    "This conviction may already have been dismissed automatically by the Department of Justice; "
    "filing a petition can still help, for example to ask for a PC 17(b) reduction."
)
UNDER_1203_4 = "Probation was granted, so the petition is under PC 1203.4."
# Every field of the five examples' result objects (screening.md, "A result"), as of 2025-06-15,
# with the reasons' texts and citations.
CONTRACT_RESULTS = [
    {
        "id": "ex1",
        "outcome": "eligible",
        "remedy": "1203.4",
        "form_item": "2a",
        "eligible_on": "2024-03-02",
        "reduction_17b": False,
        "reduction_17d2": False,
        # PC 1203.425(a)(1): probation completed without revocation.
        "automatic_relief_possible": True,
        "counts": [
            {
                "code": "PC",
                "section": "484(a)",
                "level": "misdemeanor",
                "dismissable": True,
                "reduction_17b": False,
                "reduction_17d2": False,
                "reason": "Can be dismissed under PC 1203.4, CR-180 item 2a.",
            }
        ],
        "alternatives": [],
        "reasons": [
            {"text": UNDER_1203_4, "citation": "PC 1203.4(a)(1)"},
            {
                "text": "Probation ended on 2024-03-01; relief is available from the next day, "
                "2024-03-02.",
                "citation": "PC 1203.4(a)(1)",
            },
            {
                "text": "The conditions of probation were fulfilled for the entire period, so "
                "dismissal is a right.",
                "citation": "PC 1203.4(a)(1)",
            },
            {"text": AUTOMATIC_RELIEF, "citation": "PC 1203.425(a)(1)"},
        ],
        "assumptions": [
            "PC 484(a): 484(a) defines theft; the degree comes from 486-490.2 (grand theft is "
            "487, a wobbler). Infraction only for $50 or less (490.1), which is not on the 19.8 "
            "list, so not a 17(d) wobblette."
        ],
    },
    {
        "id": "ex2",
        "outcome": "discretionary",
        "remedy": "1203.4",
        "form_item": "2c",
        "eligible_on": "2023-05-11",
        "reduction_17b": True,
        "reduction_17d2": False,
        "automatic_relief_possible": False,
        "counts": [
            {
                "code": "PC",
                "section": "487(a)",
                "level": "felony",
                "dismissable": True,
                "reduction_17b": True,
                "reduction_17d2": False,
                "reason": "Can be dismissed under PC 1203.4 only in the court's discretion, "
                "CR-180 item 2c.",
            }
        ],
        # PC 1170.18: grand theft of $950 or less is a Prop 47 offense.
        "alternatives": ["prop_47"],
        "reasons": [
            {"text": UNDER_1203_4, "citation": "PC 1203.4(a)(1)"},
            {
                "text": "Probation ended on 2023-05-10; relief is available from the next day, "
                "2023-05-11.",
                "citation": "PC 1203.4(a)(1)",
            },
            {
                "text": "Probation was violated or its conditions were not all met, so the court "
                "decides in the interests of justice. Explain why dismissal is fair (form MC-031 "
                "can help).",
                "citation": "PC 1203.4(a)(1)",
            },
            {
                "text": "PC 487(a) is a wobbler felony and probation was granted without a prison "
                "term, so the court can be asked to reduce it to a misdemeanor.",
                "citation": "PC 17(b)(3)",
            },
        ],
        "assumptions": [
            "PC 487(a): Prop 47 applies only where the value was in fact $950 or less."
        ],
    },
    {
        "id": "ex3",
        "outcome": "wait",
        "remedy": "1203.4a",
        "form_item": "3a",
        "eligible_on": "2025-06-16",
        "reduction_17b": False,
        "reduction_17d2": False,
        # PC 1203.425(a)(1): a misdemeanor without probation, a calendar year after judgment.
        "automatic_relief_possible": True,
        "counts": [
            {
                "code": "PC",
                "section": "647(f)",
                "level": "misdemeanor",
                "dismissable": True,
                "reduction_17b": False,
                "reduction_17d2": False,
                "reason": "Can be dismissed under PC 1203.4a, CR-180 item 3a.",
            }
        ],
        "alternatives": [],
        "reasons": [
            {
                "text": "A misdemeanor without probation is dismissed under PC 1203.4a.",
                "citation": "PC 1203.4a(a)",
            },
            {
                "text": "Judgment was on 2024-06-15; relief is available more than one year "
                "later, from 2025-06-16.",
                "citation": "PC 1203.4a(a)",
            },
            {
                "text": "No new conviction since judgment, so dismissal is a right if you have "
                "obeyed the law since then.",
                "citation": "PC 1203.4a(a)",
            },
            {"text": AUTOMATIC_RELIEF, "citation": "PC 1203.425(a)(1)"},
        ],
        "assumptions": [],
    },
    {
        "id": "ex4",
        "outcome": "wait",
        "remedy": "1203.41",
        "form_item": "5b",
        "eligible_on": "2025-07-02",
        "reduction_17b": False,
        "reduction_17d2": False,
        # PC 1203.425(a)(1)(B): a felony only four years after the sentence was completed.
        "automatic_relief_possible": False,
        "counts": [
            {
                "code": "HS",
                "section": "11379",
                "level": "felony",
                "dismissable": True,
                "reduction_17b": False,
                "reduction_17d2": False,
                "reason": "Can be dismissed under PC 1203.41 only in the court's discretion, "
                "CR-180 item 5b.",
            }
        ],
        "alternatives": [],
        "reasons": [
            {
                "text": "A felony county jail sentence (PC 1170(h)) is dismissed under PC 1203.41.",
                "citation": "PC 1203.41(a)",
            },
            {
                "text": "The county jail sentence without mandatory supervision was completed on "
                "2023-07-01; relief is available more than two years later, from 2025-07-02.",
                "citation": "PC 1203.41(a)(2)",
            },
            {
                "text": "Relief under PC 1203.41 is always in the court's discretion.",
                "citation": "PC 1203.41(a)(1)",
            },
        ],
        "assumptions": [],
    },
    {
        "id": "ex5",
        "outcome": "not_eligible",
        "remedy": None,
        "form_item": None,
        "eligible_on": None,
        "reduction_17b": False,
        "reduction_17d2": False,
        "automatic_relief_possible": False,
        "counts": [
            {
                "code": "PC",
                "section": "288(a)",
                "level": "felony",
                "dismissable": False,
                "reduction_17b": False,
                "reduction_17d2": False,
                "reason": "PC 288(a) cannot be dismissed under PC 1203.4: subdivision (b) "
                "excludes it.",
            }
        ],
        "alternatives": [],
        "reasons": [
            {
                "text": "PC 288(a) cannot be dismissed under PC 1203.4: subdivision (b) excludes "
                "it.",
                "citation": "PC 1203.4(b)",
            }
        ],
        "assumptions": [],
    },
]
