"""The cover page's steps as the person reads them, in English and in Spanish: the Spanish
papers test and the browser test look for them (and for no English step on a Spanish cover)."""

ENGLISH_STEPS = (
    "Read and sign.",
    "Make copies.",
    "File the papers at the court.",
    "Fees and the fee waiver.",
    "The district attorney.",
    "The hearing.",
    "After the order.",
    "Check every page of the petition",
    "Do not sign or fill in the order",
    "Ask the criminal clerk's office how many copies to bring",
    "File at the criminal clerk's office",
    "Ask the clerk if this court charges a fee",
    "Ask the criminal clerk's office whether the court sends your papers",
    "Ask the clerk whether the judge decides from the papers",
    "Ask the clerk for certified copies",
    "Points clinic staff should check",
    "Your statement to the judge is not in English",
)
SPANISH_STEPS = (
    "Lea y firme.",
    "Saque copias.",
    "Presente los papeles en la corte.",
    "Cuotas y exención de cuotas.",
    "El fiscal de distrito.",
    "La audiencia.",
    "Después de la orden.",
)
