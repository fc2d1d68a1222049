"""What other apps may react to without interviews depending on them (feedback does)."""

from django.dispatch import Signal

# Sent after the commit that moved an interview to "reviewing" (sender: InterviewSession,
# session: the session).
interview_finished = Signal()
# Sent after the commit that stored a background (late) analysis of an answer
# (sender: InterviewEvaluation, evaluation: the evaluation).
answer_analysed = Signal()
