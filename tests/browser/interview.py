"""Answering the interview's pages in a browser page, as a person clicks through them."""

# The person-wide questions (asked once for all the person's cases).
RIGHT_NOW_QUESTIONS = (
    "Are you on probation, parole, PRCS or mandatory supervision right now, for any case?",
    "Are you serving a sentence right now, for any case?",
    "Are you charged with a crime right now, in any case?",
    "Do you have to register as a sex offender (Penal Code 290)?",
)


def continue_(page) -> None:
    page.get_by_role("button", name="Continue").click()


def choose(page, label: str, answer: str) -> None:
    page.get_by_role("group", name=label).get_by_label(answer, exact=True).check()


def nothing_right_now(page) -> None:
    """Answer "No" to every person-wide question and go on."""
    for question in RIGHT_NOW_QUESTIONS:
        choose(page, question, "No")
    continue_(page)


def opening_pages(page, *, county: str, number: str, judged: str, offense: str, level: str):
    """From the county to the offenses: one offense, convicted on the day of sentencing."""
    page.get_by_label("County").select_option(county)
    continue_(page)
    page.get_by_label("Case number (optional)").fill(number)
    continue_(page)
    page.get_by_label("Date of sentencing (judgment)").fill(judged)
    continue_(page)
    choose(page, "Were you convicted on the same day you were sentenced?", "Yes, the same day")
    continue_(page)
    page.locator("#id_offenses-0-offense").fill(offense)
    page.locator("#id_offenses-0-level").select_option(level)
    continue_(page)


def sentence_ended(page, ended: str, end: str) -> None:
    choose(page, "It has ended", ended)
    page.get_by_label("The date it ended, or the date it is due to end").fill(end)
    continue_(page)


def complied_and_nothing_since(page) -> None:
    choose(page, "Sentence carried out", "Yes")
    continue_(page)
    choose(page, "A new conviction since the sentence in this case", "No")
    continue_(page)


def probation_pages(page, ended: str, end: str, *, violated: str = "No") -> None:
    """From "Has your probation ended?" to "Have you been convicted … since?" (answered No)."""
    sentence_ended(page, ended, end)
    choose(page, "Did you ever violate probation?", violated)
    choose(page, "Did the judge end your probation early?", "No")
    continue_(page)
    complied_and_nothing_since(page)
