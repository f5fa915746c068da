"""The question bank for feedback forms, in ASPM's own words. A coordinator picks a few questions to
make a short form; a question is kept here, in code, so that the same question means the same thing in
every form and every year (and can feed an indicator).

Three kinds: a statement to agree or disagree with (1 to 5), a single choice, and free text.
"""

from __future__ import annotations

from dataclasses import dataclass

LIKERT = "likert"
CHOICE = "choice"
TEXT = "text"

AGREE_SCALE = (
    (1, "Strongly disagree"),
    (2, "Disagree"),
    (3, "Neither agree nor disagree"),
    (4, "Agree"),
    (5, "Strongly agree"),
)

SERVICE_USERS = "service_users"
TRAINING = "training"


@dataclass(frozen=True)
class Question:
    key: str
    kind: str
    text: str
    audience: str  # which forms it suits: service users or training follow-up
    choices: tuple[tuple[int, str], ...] = ()

    @property
    def options(self) -> tuple[tuple[int, str], ...]:
        return AGREE_SCALE if self.kind == LIKERT else self.choices


QUESTIONS: tuple[Question, ...] = (
    Question("su_listened", LIKERT, "Staff listened to what I had to say.", SERVICE_USERS),
    Question("su_involved", LIKERT, "I had a say in decisions about my support.", SERVICE_USERS),
    Question("su_safe", LIKERT, "I felt safe when I was with the service.", SERVICE_USERS),
    Question("su_understood", LIKERT, "Things were explained in a way I could understand.", SERVICE_USERS),
    Question(
        "su_language",
        CHOICE,
        "Could you use a language you are comfortable in?",
        SERVICE_USERS,
        ((1, "Yes, always"), (2, "Sometimes"), (3, "No"), (4, "I did not need to")),
    ),
    Question("su_change", TEXT, "What one thing should the service change?", SERVICE_USERS),
    Question("su_good", TEXT, "What helped you most?", SERVICE_USERS),
    Question("tr_used", LIKERT, "I have used what I learnt in my work since the training.", TRAINING),
    Question("tr_confident", LIKERT, "I feel confident to spot the signs of exploitation.", TRAINING),
    Question("tr_refer", LIKERT, "I know how to make a referral and who to call.", TRAINING),
    Question(
        "tr_referred",
        CHOICE,
        "Since the training, have you raised a concern or made a referral?",
        TRAINING,
        ((1, "Yes"), (2, "No, there was no need"), (3, "No, I was not sure how")),
    ),
    Question("tr_example", TEXT, "How has your practice changed? Give an example without names.", TRAINING),
    Question("tr_more", TEXT, "What would you like more training on?", TRAINING),
)

BY_KEY = {q.key: q for q in QUESTIONS}
MAX_QUESTIONS = 10  # a short form: a worker reads it out in a few minutes


def question(key: str) -> Question:
    return BY_KEY[key]
