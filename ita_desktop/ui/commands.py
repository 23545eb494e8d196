"""Undoable edits: each QUndoCommand calls a service function and, to undo, its inverse."""

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand, QUndoStack

from ita_desktop.errors import UserError
from ita_desktop.ui.session import Session


class ServiceCommand(QUndoCommand):
    """``apply(db)`` does the edit and returns what undo needs; ``revert(db, state)`` undoes it.

    Both run on the session's worker, in push order, so ``revert`` always sees the state its
    ``apply`` returned. An edit the service refuses (UserError) is shown and taken off the stack.
    """

    def __init__(
        self,
        session: Session,
        stack: QUndoStack,
        text: str,
        apply: Callable[[Any], Any],
        revert: Callable[[Any, Any], Any],
        tag: Any = None,
        on_done: Callable[[Any], None] | None = None,
        on_undone: Callable[[], None] | None = None,
    ):
        super().__init__(text)
        self._session = session
        self._stack = stack
        self._apply = apply
        self._revert = revert
        self._tag = tag
        self._on_done = on_done
        self._on_undone = on_undone
        self._state: Any = None
        self._applied = False

    def redo(self) -> None:
        def job(db):
            self._state = self._apply(db)
            self._applied = True
            return self._state

        self._session.call(
            job, self._on_done, writes=True, tag=self._tag, on_error=self._on_apply_failed
        )

    def undo(self) -> None:
        def job(db):
            if self._applied:
                self._revert(db, self._state)
                self._applied = False

        undone = self._on_undone
        self._session.call(job, undone and (lambda _: undone()), writes=True, tag=self._tag)

    def _on_apply_failed(self, error: Exception) -> None:
        self.setObsolete(True)
        if self._stack.command(self._stack.index() - 1) is self:
            self._stack.undo()
        if isinstance(error, UserError):
            self._session.user_error.emit(error.message)
        else:
            self._session.crashed.emit(error)


def push_edit(
    session: Session,
    stack: QUndoStack,
    text: str,
    apply: Callable[[Any], Any],
    revert: Callable[[Any, Any], Any],
    tag: Any = None,
    on_done: Callable[[Any], None] | None = None,
    on_undone: Callable[[], None] | None = None,
) -> ServiceCommand:
    """Push one undoable edit; it runs at once (QUndoStack.push calls redo). ``on_done(result)``
    follows each apply and ``on_undone()`` each undo, on the UI thread."""
    command = ServiceCommand(session, stack, text, apply, revert, tag, on_done, on_undone)
    stack.push(command)
    return command
