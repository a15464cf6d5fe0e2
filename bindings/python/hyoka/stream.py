"""Reading a hyoka/1 document one top-level project at a time (stream.h,
docs/streaming.md): ``hyoka.stream(source)``."""

import ctypes
import os

from . import _api
from . import errors
from ._api import c_void_p
from ._core import lib, byref, path_arg
from ._ffi import raise_status
from .model import Portfolio, Project, _report_for, _with_diagnostics, _diagnostics, _report_new, _read_options

__all__ = ['Stream', 'stream']


def _check(rc):
    if rc < 0:
        raise_status(rc)
    return rc


class Stream:
    """The top-level projects of a hyoka/1 document, read one at a time in
    memory bounded by the largest project.

    ``source`` is a path (str or os.PathLike), the document as bytes, or a
    binary file object (anything with ``readinto`` or ``read``). Iterating
    yields :class:`hyoka.Project` objects that belong to :attr:`portfolio`
    (the document's header: municipality, denominators, rounding, schemes),
    so their figures are those of the whole document. A project is usable
    until the next one is read; :meth:`detach` keeps a standalone copy.

    At the end of a document with errors, or at a syntax error, iteration
    raises :class:`hyoka.InvalidDocument` with ``.diagnostics``; the
    diagnostics read so far are :attr:`diagnostics`. It is a context manager
    (``with hyoka.stream(path) as s:``) and is closed at the end of the
    iteration or when garbage-collected.
    """

    def __init__(self, source, *, lang=None, max_depth=None, max_string=None, max_diagnostics=None, rules=None):
        self._h = None
        self._lang = lang
        self._keep = None      # bytes or the callback, alive while the stream is
        self._current = None
        self._final = None
        self._report = _report_for(rules)
        opts = _read_options(max_depth, max_string, max_diagnostics)
        out = c_void_p()
        try:
            if isinstance(source, (bytes, bytearray, memoryview)):
                self._keep = bytes(source)
                open_ = lambda: lib.hyoka_stream_open_memory(byref(out), self._keep, len(self._keep), opts,  # noqa: E731
                                                             self._report)
            elif isinstance(source, (str, os.PathLike)):
                path = path_arg(source)
                open_ = lambda: lib.hyoka_stream_open_file(byref(out), path, opts, self._report)  # noqa: E731
            elif hasattr(source, 'readinto') or hasattr(source, 'read'):
                self._keep = _api.SourceFn(self._reader(source))
                open_ = lambda: lib.hyoka_stream_open_source(byref(out), self._keep, None, opts,  # noqa: E731
                                                             self._report)
            else:
                raise TypeError('stream() takes a path, bytes or a binary file, not %s' % type(source).__name__)
            _with_diagnostics(lambda: _check(open_()), self._report, lang)
        except BaseException:
            lib.hyoka_report_free(self._report)
            self._report = None
            raise
        self._h = out.value
        self.portfolio = Portfolio._wrap(lib.hyoka_stream_portfolio(self._h), None)
        self.portfolio._source = None
        self.portfolio._read_report = None

    def _reader(self, f):
        readinto = getattr(f, 'readinto', None)
        self._error = None

        def give(user, buf, size, got):
            try:
                if readinto is not None:
                    n = readinto((ctypes.c_char * size).from_address(buf)) or 0
                else:
                    data = f.read(size) or b''
                    n = len(data)
                    ctypes.memmove(buf, data, n)
                got[0] = n
                return 0
            except BaseException as e:  # raised again after the call
                self._error = e
                return -1
        return give

    # -- iteration --------------------------------------------------------

    def _release_current(self):
        if self._current is not None:
            self.portfolio._forget(self._current)
            self._current = None

    def __iter__(self):
        return self

    def __next__(self):
        if self._h is None:
            raise StopIteration
        self._release_current()
        out = c_void_p()
        rc = lib.hyoka_stream_next(self._h, byref(out))
        if rc == 1:
            self._current = out.value
            return self.portfolio._kid(Project, out.value)
        error = getattr(self, '_error', None)
        try:
            if error is not None:
                raise error
            if rc < 0:
                _with_diagnostics(lambda: raise_status(rc), self._report, self._lang)
        finally:
            if rc != 1:
                self.close()
        raise StopIteration

    @property
    def index(self):
        """The current project's position in the document's projects array (None when there is none)."""
        i = lib.hyoka_stream_index(self._handle())
        return None if i == ctypes.c_size_t(-1).value else i

    def detach(self):
        """The current project as a standalone :class:`hyoka.Project` owned by Python (a copy that belongs
        to no portfolio); the stream has no current project afterwards."""
        out = c_void_p()
        _check(lib.hyoka_stream_detach(self._handle(), byref(out)))
        self._release_current()
        return Project._from_owned(out.value)

    def validate(self, lang=None):
        """The diagnostics of the current project as :meth:`hyoka.Portfolio.validate` gives them within the
        whole document (P003 against every earlier project included)."""
        report = _report_new()
        try:
            _check(lib.hyoka_stream_validate(self._handle(), report))
            return _diagnostics(report, lang if lang is not None else self._lang)
        finally:
            lib.hyoka_report_free(report)

    @property
    def diagnostics(self):
        """The diagnostics of reading so far (a :class:`hyoka.Diagnostics`)."""
        if self._report is None:
            return self._final
        return _diagnostics(self._report, self._lang)

    # -- lifetime ---------------------------------------------------------

    def _handle(self):
        if self._h is None:
            raise errors.StateError('the stream is closed', code=errors.StateError.code, status='HYOKA_ESTATE')
        return self._h

    def close(self):
        """Free the stream; its portfolio and projects are unusable afterwards."""
        h, self._h = self._h, None
        if h is not None:
            self._release_current()
            self.portfolio._dead = True
            lib.hyoka_stream_free(h)
        rep, self._report = self._report, None
        if rep:
            self._final = _diagnostics(rep, self._lang)
            lib.hyoka_report_free(rep)
        self._keep = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def __del__(self):
        try:
            self.close()
        except Exception:  # interpreter shutdown
            pass


def stream(source, **options):
    """A :class:`Stream` over ``source`` (a path, bytes or a binary file object): iterate over it for the
    document's top-level projects, one at a time. Options as :meth:`hyoka.Portfolio.loads`."""
    return Stream(source, **options)
