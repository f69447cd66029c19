"""The one base class for problems a person can hit and fix (pure; imports nothing).

The CLI prints these messages, never a traceback; screens show them in one line.
Every message says what is wrong and what to do about it.
"""


class UserError(Exception):
    """A problem the learner or tutor can fix; str(error) says how."""
