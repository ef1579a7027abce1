"""Locust users for bench/load/run.py (run.py picks the classes for each phase).

Every user is a browser without JavaScript: it keeps its cookies, reads the CSRF token from each
form and posts the interview one page at a time, as tests/eligibility/interview.py does.

Two kinds of users: the stress users (MixedUser, InterviewUser, ...) send their next request as
soon as the last one answers, to measure throughput; the readers (MixedReader, InterviewReader)
read each page for 1 to 3 seconds before their next request (a question, a guide page), as
people do, to measure the latency people see."""

import datetime
import random
import re

from locust import FastHttpUser, between, task

STEP_URL = "/screening/questions/{}/"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
TODAY = datetime.datetime.now(datetime.UTC).date()
GUIDE_SLUGS: list[str] = []


def _iso(days_ago: int) -> str:
    return (TODAY - datetime.timedelta(days=days_ago)).isoformat()


def interview_steps() -> list[tuple[str, dict[str, str]]]:
    """A misdemeanor with probation completed (the commonest case), as in the scenario tests."""
    offense = random.choice(["PC 484(a)", "VC 23152(b)", "PC 647(f)", "HS 11377"])
    offenses = {
        "TOTAL_FORMS": "6",
        "INITIAL_FORMS": "0",
        "MIN_NUM_FORMS": "0",
        "MAX_NUM_FORMS": "20",
        "0-offense": offense,
        "0-level": "misdemeanor",
    }
    return [
        ("county", {"county": random.choice(["Sacramento", "Los Angeles", "Alameda", "Fresno"])}),
        ("case-number", {"case_number": f"24CR{random.randint(0, 999999):06d}"}),
        ("judgment-date", {"judgment_date": _iso(1200)}),
        ("conviction-date", {"conviction_same_day": "yes"}),
        ("offenses", offenses),
        ("sentence", {"sentence": "probation"}),
        ("sentence-end", {"sentence_ended": "yes", "sentence_end_date": _iso(400)}),
        ("probation", {"probation_violated": "no", "probation_terminated_early": "no"}),
        ("complied", {"sentence_complied": "yes"}),
        ("since", {"new_conviction_since_judgment": "no"}),
        (
            "right-now",
            {
                "pending_charges": "no",
                "on_supervision_now": "no",
                "serving_sentence_now": "no",
                "registrant": "no",
            },
        ),
        ("about-you", {"full_name": "Bench Petitioner", "city": "Sacramento"}),
        ("check", {}),
    ]


class Browser(FastHttpUser):
    abstract = True
    reads = False  # True: reads each page (wait_time) before the next request

    def page(self, url: str, name: str) -> str:
        with self.client.get(url, name=name, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"{url}: {response.status_code}")
                return ""
            text = response.text or ""
        if self.reads:
            self.wait()
        return text

    def guide(self) -> None:
        html = self.page("/guide/", "GET /guide/")
        if not GUIDE_SLUGS:
            GUIDE_SLUGS.extend(
                sorted(set(re.findall(r'href="/guide/([a-z0-9-]+)/"', html))) or ["none"]
            )
        self.page(f"/guide/{random.choice(GUIDE_SLUGS)}/", "GET /guide/[slug]/")

    def interview(self) -> None:
        """The whole interview: each page read (GET) then answered (POST) with its token."""
        new = {"name": "GET /screening/new/", "allow_redirects": False, "catch_response": True}
        with self.client.get("/screening/new/", **new) as response:
            if response.status_code != 302:
                response.failure(f"new: {response.status_code}")
                return
        for step, data in interview_steps():
            html = self.page(STEP_URL.format(step), "GET interview step")
            token = CSRF.search(html)
            if not token:
                return
            payload = {"csrfmiddlewaretoken": token[1], "interview-current_step": step}
            payload.update({f"{step}-{key}": value for key, value in data.items()})
            name = "POST check (save + screen)" if step == "check" else "POST interview step"
            options = {"name": name, "allow_redirects": False, "catch_response": True}
            with self.client.post(STEP_URL.format(step), data=payload, **options) as response:
                if response.status_code != 302:
                    response.failure(f"{step}: {response.status_code} (answer refused?)")
                    return
        self.results()

    def results(self) -> None:
        self.page("/screening/results/", "GET /screening/results/")

    def bare(self) -> None:
        self.page("/bench/bare/", "GET /bench/bare/ (bare view)")


class People(Browser):
    """People reading the guide, answering the interview, reading results."""

    abstract = True

    @task(3)
    def read_guide(self) -> None:
        self.guide()

    @task(3)
    def answer_interview(self) -> None:
        self.interview()

    @task(1)
    def read_results(self) -> None:
        self.results()


class MixedUser(People):
    """The mixed stress phase: people, and beside them the bare view."""

    @task(2)
    def bare_view(self) -> None:
        self.bare()


class InterviewUser(Browser):
    @task
    def answer_interview(self) -> None:
        self.interview()


class BareUser(Browser):
    @task
    def bare_view(self) -> None:
        self.bare()


class GuideUser(Browser):
    @task
    def read_guide(self) -> None:
        self.guide()


class ResultsUser(Browser):
    """Results of an anonymous person who has finished one interview."""

    def on_start(self) -> None:
        self.interview()

    @task
    def read_results(self) -> None:
        self.results()


class MixedReader(People):
    """The same people, reading each page for 1 to 3 s before the next request."""

    reads = True
    wait_time = between(1, 3)


class InterviewReader(InterviewUser):
    """Someone answering the interview, reading each question for 1 to 3 s before answering."""

    reads = True
    wait_time = between(1, 3)
