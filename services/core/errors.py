"""Error taxonomy: user errors are messages, known errors are environment
problems explained in plain words, anything else is a bug (crash dialog + log).

A :class:`UserError` carries a *reason* (an English source text marked for
translation, with ``{name}`` parameters) and the *field* it is about.  It
renders as ``"<field label>: <reason>"`` so every message names its field.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from services.core.i18n import FIELD_LABELS, FIELDS, MESSAGES, QT_TRANSLATE_NOOP

Translate = Callable[[str, str], str]

#: How a field's error reads: "SIREN: the check digits do not match".
FIELD_REASON = QT_TRANSLATE_NOOP("Messages", "{field}: {reason}")


def _identity(context: str, text: str) -> str:
    return text


def field_label(field: str, translate: Translate | None = None) -> str:
    source = FIELD_LABELS.get(field, field)
    return (translate or _identity)(FIELDS, source)


class AppError(Exception):
    """Base of every error the application expects."""

    def __init__(self, message: str, **params: Any) -> None:
        super().__init__(message)
        self.message = message
        self.params = params

    def reason(self, translate: Translate | None = None) -> str:
        tr = translate or _identity
        text = tr(MESSAGES, self.message)
        # A parameter that is itself a marked source text (e.g. an expected format)
        # is translated too; anything else (user input, numbers) is left as it is.
        params = {
            k: tr(MESSAGES, v) if isinstance(v, str) and v else v for k, v in self.params.items()
        }
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError):
            return self.message.format(**self.params)

    def render(self, translate: Translate | None = None) -> str:
        return self.reason(translate)

    def __str__(self) -> str:
        return self.render()


class UserError(AppError):
    """Bad input about one field (a model attribute name, or None)."""

    def __init__(self, message: str, field: str | None = None, **params: Any) -> None:
        super().__init__(message, **params)
        self.field = field

    @classmethod
    def from_os(
        cls, message: str, exc: OSError, field: str | None = None, **params: Any
    ) -> UserError:
        """``message`` with the system's reason for ``exc`` as its ``{detail}``."""
        return cls(message, field=field, detail=exc.strerror or str(exc), **params)

    def render(self, translate: Translate | None = None) -> str:
        if self.field:
            pattern = (translate or _identity)(MESSAGES, FIELD_REASON)
            return pattern.format(
                field=field_label(self.field, translate), reason=self.reason(translate)
            )
        return self.reason(translate)


class ValidationError(UserError):
    """Several bad fields at once."""

    def __init__(self, errors: Iterable[UserError]) -> None:
        self.errors = list(errors)
        first = self.errors[0]
        super().__init__(first.message, field=first.field, **first.params)

    def render(self, translate: Translate | None = None) -> str:
        return "\n".join(e.render(translate) for e in self.errors)


class NotFound(UserError):
    pass


class NeedsConfirmation(UserError):
    """Allowed, but the user must confirm first (e.g. a payment larger than what is due)."""


class KnownError(AppError):
    """An environment problem: locked or damaged database, disk full, read-only folder."""
