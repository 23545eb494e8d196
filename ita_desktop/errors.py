"""User errors (the clerk can fix them; shown as a Thai message) kept apart from bugs."""


class UserError(Exception):
    """A problem the user can act on; ``message`` is Thai and shown as it is."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message
