"""A short resume used by the pipeline and worker tests."""

RESUME_LINES = [
    "Grace Hopper",
    "grace.hopper@example.com | +1 415 555 0100 | Arlington, VA",
    "Experience",
    "Senior Engineer, Remington Rand (Jan 1949 - Present)",
    "Built the first compiler for a computer programming language.",
    "Education",
    "Yale University, PhD in Mathematics, 1930 - 1934",
    "Skills",
    "Python, SQL, Docker, Leadership",
]
