"""The feedback report engine: scores, skills, behaviour and advice from analysed answers.

No Django: it takes ``AnswerRecord`` values (built by ``feedback.services`` from an
interview's evaluations) and returns plain dataclasses, so the benchmark and the tests
run it directly.
"""
