"""A real (PBKDF2) password hasher for the timing test: the test settings' MD5 hasher is too
fast for the difference a real hash makes to show."""

from django.contrib.auth.hashers import PBKDF2PasswordHasher


class TimingTestHasher(PBKDF2PasswordHasher):
    iterations = 150_000
