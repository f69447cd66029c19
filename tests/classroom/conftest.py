"""Classroom tests get a real Chromium (see tests/chromium.py)."""

from chromium import browser  # noqa: F401 - the session fixture
