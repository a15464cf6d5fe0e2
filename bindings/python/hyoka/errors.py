"""Exceptions: one class per ``HYOKA_E*`` status code, under :class:`Error`.

| status               | class              | also a           |
|----------------------|--------------------|------------------|
| HYOKA_EINVAL         | InvalidArgument    | ValueError       |
| HYOKA_ENOMEM         | OutOfMemory        | MemoryError      |
| HYOKA_ERANGE         | RangeError         | ValueError       |
| (int too large for C)| IntegerOverflow    | RangeError, OverflowError |
| HYOKA_EENCODING      | EncodingError      | ValueError       |
| HYOKA_ESYNTAX        | HyokaSyntaxError   | ValueError       |
| HYOKA_ENOTFOUND      | NotFound           | LookupError      |
| HYOKA_EEXIST         | AlreadyExists      | ValueError       |
| HYOKA_EDIVZERO       | DivisionByZero     | ZeroDivisionError|
| HYOKA_EIO            | HyokaIOError       | OSError          |
| HYOKA_ELIMIT         | LimitExceeded      | ValueError       |
| HYOKA_EUNAVAILABLE   | Unavailable        |                  |
| HYOKA_ESTATE         | StateError         | RuntimeError     |
| HYOKA_EINVALID       | InvalidDocument    | ValueError       |
| (symbol missing)     | MissingFeature     | NotImplementedError |

A status the binding does not know (a newer library) raises :class:`Error`
itself. Every instance carries ``code`` (the negative int), ``status``
(the symbolic name, e.g. ``"HYOKA_ERANGE"``), ``message`` (the library's
``hyoka_error_last()`` text) and ``diagnostics`` (a list of
:class:`hyoka.Diagnostic`, non-empty for InvalidDocument: a
:class:`hyoka.Diagnostics` that also counts every diagnostic found, shown or
not).

When the library refuses a call of a method or property, ``call`` is that
call as written, with the document names it was given
(``"Year.set_stated('achievement', '1')"``), and the message starts with it.
"""


class Error(Exception):
    """Base class of every exception raised by hyoka."""

    #: symbolic name of the status this class stands for
    status = None
    #: the negative status code (set on instances; the class default is filled at import)
    code = None

    #: the binding call the library refused, as written; None for others
    call = None
    #: True for a status the library returned (not a check of the binding)
    from_library = False

    def __init__(self, message='', code=None, status=None, diagnostics=None):
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        if status is not None:
            self.status = status
        self.diagnostics = diagnostics if isinstance(diagnostics, list) else list(diagnostics or [])

    def _name_call(self, call):
        """Start the message with the call the library refused (once, the innermost)."""
        if self.from_library and self.call is None:
            self.call = call
            self.message = '%s: %s' % (call, self.message)
            self.args = (self.message,)

    def __str__(self):
        text = self.message or (self.status or 'hyoka error')
        if self.diagnostics:
            # the first error (kept before any warning), and how many more
            # there were in all, shown or not
            first = next((d for d in self.diagnostics if d.severity == 'error'), self.diagnostics[0])
            more = getattr(self.diagnostics, 'total', len(self.diagnostics)) - 1
            text += ' (%s%s)' % (_diag_text(first), ', and %d more' % more if more else '')
        return text


def _diag_text(d):
    where = d.path or '/'
    if d.line:
        where += ' at %d:%d' % (d.line, d.column or 0)
    return '%s %s %s: %s' % (d.severity, d.code, where, d.message)


class InvalidArgument(Error, ValueError):
    """HYOKA_EINVAL: invalid argument (unknown enum value, NULL where required...)."""
    status = 'HYOKA_EINVAL'


class OutOfMemory(Error, MemoryError):
    """HYOKA_ENOMEM: an allocation failed; nothing was changed."""
    status = 'HYOKA_ENOMEM'


class RangeError(Error, ValueError):
    """HYOKA_ERANGE: overflow, value out of range, or too many decimal places."""
    status = 'HYOKA_ERANGE'


class IntegerOverflow(RangeError, OverflowError):
    """An int argument does not fit the C type it is passed as (a count, an
    index, a fiscal year, places...). Raised by the binding before the call,
    so nothing was changed; also a :class:`RangeError` (HYOKA_ERANGE)."""


class EncodingError(Error, ValueError):
    """HYOKA_EENCODING: invalid UTF-8, or a character the target encoding cannot hold."""
    status = 'HYOKA_EENCODING'


class HyokaSyntaxError(Error, ValueError):
    """HYOKA_ESYNTAX: text that does not follow the expected grammar."""
    status = 'HYOKA_ESYNTAX'


class NotFound(Error, LookupError):
    """HYOKA_ENOTFOUND: the item looked up does not exist."""
    status = 'HYOKA_ENOTFOUND'


class AlreadyExists(Error, ValueError):
    """HYOKA_EEXIST: the item already exists (duplicate code...)."""
    status = 'HYOKA_EEXIST'


class DivisionByZero(Error, ZeroDivisionError):
    """HYOKA_EDIVZERO: division by zero."""
    status = 'HYOKA_EDIVZERO'


class HyokaIOError(Error, OSError):
    """HYOKA_EIO: reading or writing a file failed."""
    status = 'HYOKA_EIO'


class LimitExceeded(Error, ValueError):
    """HYOKA_ELIMIT: a size, depth or count limit was exceeded."""
    status = 'HYOKA_ELIMIT'


class Unavailable(Error):
    """HYOKA_EUNAVAILABLE: a figure cannot be computed.

    Figures are normally returned as ``Figure(None, reason)``; this is raised
    only where a value is required.
    """
    status = 'HYOKA_EUNAVAILABLE'


class StateError(Error, RuntimeError):
    """HYOKA_ESTATE: the object's state does not allow the operation.

    Also raised when a closed portfolio (or an object that belonged to a freed
    or removed parent) is used.
    """
    status = 'HYOKA_ESTATE'


class InvalidDocument(Error, ValueError):
    """HYOKA_EINVALID: the document has errors; the exception's
    ``.diagnostics`` lists them (code, severity, path, line, column, message)."""
    status = 'HYOKA_EINVALID'


class MissingFeature(Error, NotImplementedError):
    """The loaded library does not export a function this feature needs."""
    status = None


STATUS_CLASSES = (InvalidArgument, OutOfMemory, RangeError, EncodingError, HyokaSyntaxError,
                  NotFound, AlreadyExists, DivisionByZero, HyokaIOError, LimitExceeded,
                  Unavailable, StateError, InvalidDocument)

_BY_STATUS = {cls.status: cls for cls in STATUS_CLASSES}


def class_for(status):
    """The exception class of a symbolic status name (:class:`Error` when unknown)."""
    return _BY_STATUS.get(status, Error)


def from_status(code, status, message, diagnostics=None):
    """Build the exception for a status code the library returned."""
    cls = class_for(status)
    e = cls(message, code=code, status=status, diagnostics=diagnostics)
    e.from_library = True
    return e


def _bind_codes(lookup):
    """Fill each class's ``code`` from the library's status names."""
    for cls in STATUS_CLASSES:
        value = lookup(cls.status)
        if value is not None:
            cls.code = value
