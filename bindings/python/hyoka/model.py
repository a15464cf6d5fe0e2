"""The domain model: Portfolio, Project, Year, Staff, Indicator, Evaluation,
Scheme, and the figures, diagnostics, roll-ups and rankings computed from them.

Ownership
---------
Only three kinds of object own a C handle: :class:`Portfolio`, a
:class:`Project` made standalone with ``Project(...)`` (until it is added to
a portfolio or a parent project, which then own it) and a :class:`Scheme`
made with ``Scheme(...)`` (until added to a portfolio). Owned handles are
freed exactly once: by ``close()`` / the ``with`` block, or when the Python
object is garbage-collected.

Every other object (a portfolio's projects, a project's years, indicators,
evaluations, sub-projects, a year's staff lines) borrows its handle from its
parent and keeps a reference to the parent's Python object, so the parent
cannot be freed while the child is alive. After a parent is closed, or after
a child is removed from its parent, using the child raises
:class:`hyoka.StateError` instead of touching freed memory.

Threads
-------
The C library lets threads use different portfolios at once, but one
portfolio only from one thread at a time, and ctypes releases the GIL during
every call. So each tree (a portfolio, or a standalone project or scheme,
with everything it holds) has one reentrant lock, and every method and
property of its objects holds it while it runs: threads may share a
portfolio without a lock of their own. A thread that uses an object another
thread removed gets :class:`hyoka.StateError`. Iterating a live sequence
(``pf.projects``) takes the lock for each item, not for the whole loop.
"""

import collections
import collections.abc
import ctypes
import decimal
import functools
import json
import os
import reprlib
import threading
import weakref

try:
    from _weakref import _remove_dead_weakref  # what WeakValueDictionary uses (CPython >= 3.6)
except ImportError:  # pragma: no cover - another Python
    def _remove_dead_weakref(d, key):
        r = d.get(key)
        if r is not None and r() is None:
            del d[key]

from . import _api
from . import errors
from ._api import c_void_p, c_int, c_int32, c_int64, c_size_t, c_char_p
from ._ffi import check_int, check_size, set_field, raise_status
from ._core import (lib, byref, dec_formatter, dec_text, UNSET, MONEY_FIGURES, YEN_FIGURES,
                    ENUM_UNIT, ENUM_PHASE, ENUM_DUTY, ENUM_PERIOD, ENUM_STAFF_CATEGORY,
                    ENUM_INDICATOR_KIND, ENUM_DIRECTION, ENUM_STAGE, ENUM_EXPECTED_OUTCOME,
                    ENUM_EXPECTED_COST, ENUM_VERDICT_GROUP, ENUM_BUDGET_KIND, ENUM_CLASS_KIND,
                    ENUM_SEVERITY, ENUM_FIGURE, ENUM_COST_FIELD, ENUM_STAFF_FIELD,
                    ENUM_PROJECT_TEXT, ENUM_VALUE_FIELD, ENUM_INDICATOR_TEXT,
                    ENUM_EVALUATION_TEXT, ENUM_REASON, ENUM_GROUP_BY, ENUM_ROUNDING,
                    ENUM_RECORD_KIND, ENUM_RECORD_FIELD, ENUM_FIELD_TYPE, ENUM_FIELD_STATE, ENUM_TERM,
                    ENUM_MEASUREMENT, ENUM_PROJECT_FLAG, ENUM_ACHIEVEMENT_RULE,
                    enum, enum_value, enum_value_or_unset, enum_name, enum_names, lang_value,
                    figure_value, year_figure_names, text_arg, nts_arg, path_arg, text_out,
                    take_buffer, dec_in, dec_in_opt, dec_out, int_in, year_in, date_in, date_out)

Dec = _api.Decimal_



class _Keep:
    """The type of :data:`KEEP`."""
    __slots__ = ()

    def __repr__(self):
        return 'KEEP'

    def __reduce__(self):
        return 'KEEP'


#: Default of the arguments that leave a value unchanged when not given
#: (``set_municipality(code='112089')`` keeps the name); None, by contrast,
#: makes the value missing.
KEEP = _Keep()

# --------------------------------------------------------------------------
# Value types
# --------------------------------------------------------------------------


class Figure(collections.namedtuple('Figure', 'value reason')):
    """A computed figure: ``value`` (int yen, or decimal.Decimal) or None with
    ``reason`` (a document name such as ``'no_population'``); reason is None
    when the value is available."""
    __slots__ = ()

    @property
    def available(self):
        return self.reason is None

    def message(self, lang=None):
        """Why the figure is unavailable, as a sentence in ``lang`` (None when
        available); ``lang`` None is :func:`hyoka.default_lang`."""
        return None if self.reason is None else reason_message(self.reason, lang)


Rating = collections.namedtuple('Rating', 'code label reason')
Rating.__doc__ = 'The rating band of an evaluation: code and label, or None with a reason.'

Diagnostic = collections.namedtuple('Diagnostic', 'code severity path line column message')
Tally = collections.namedtuple('Tally', 'code severity count title')
Tally.__doc__ = ('How many diagnostics of one code and severity there were, shown or not: code, '
                 'severity, count and the code\'s title (None for a code of one\'s own).')
Diagnostic.__doc__ = ('A validation or reading problem: code ("C005"), severity ("error", '
                      '"warning", "info"), JSON-pointer path, line and column (None when '
                      'unknown), message in the chosen language.')

ClassLevel = collections.namedtuple('ClassLevel', 'level code name')
ClassLevel.__doc__ = 'One level of a policy or account path (each part may be None).'

IndicatorValue = collections.namedtuple('IndicatorValue', 'target actual forecast stated_achievement')
IndicatorValue.__doc__ = 'The values of an indicator for one fiscal year (decimal.Decimal or None).'

LongTerm = collections.namedtuple('LongTerm', 'value fiscal_year')
Baseline = collections.namedtuple('Baseline', 'value fiscal_year')
Baseline.__doc__ = "An indicator's baseline (基準値): a decimal.Decimal or None, and its fiscal year or None."


class _NotApplicable:
    """The value of a record field the sheet printed as not applicable (``-``):
    neither missing nor any value. There is one: ``hyoka.NOT_APPLICABLE``."""
    __slots__ = ()

    def __repr__(self):
        return 'hyoka.NOT_APPLICABLE'

    def __reduce__(self):
        return 'NOT_APPLICABLE'


NOT_APPLICABLE = _NotApplicable()
Goal = collections.namedtuple('Goal', 'what level by')
Stated = collections.namedtuple('Stated', 'value unit')
Denominator = collections.namedtuple('Denominator', 'population households')
Rounding = collections.namedtuple('Rounding', 'places mode unit overridden')
RollupRow = collections.namedtuple('RollupRow', 'key projects totals')
Ranked = collections.namedtuple('Ranked', 'project value reason')
Criterion = collections.namedtuple('Criterion', 'code label weight required options range')
Option = collections.namedtuple('Option', 'code label score')
Verdict = collections.namedtuple('Verdict', 'code label group')
BudgetDirection = collections.namedtuple('BudgetDirection', 'code label kind')
Band = collections.namedtuple('Band', 'min code label')


def reason_message(reason, lang=None):
    """The sentence explaining a reason name, in 'en' or 'ja' (None: :func:`hyoka.default_lang`)."""
    v = enum_value(ENUM_REASON, reason)
    return text_out(lib.hyoka_reason_message(v, lang_value(lang)))


def _indicator_figure_names():
    """The figures of an indicator year, in the library's order (hyoka_indicator_figures())."""
    return ('achievement', 'change')


def _figure_value(figure_name, text):
    """The value of an available figure from its text (bytes): int yen, else Decimal."""
    if figure_name not in YEN_FIGURES:
        return decimal.Decimal(text.decode('ascii'))
    return _yen_value(text)


def _yen_value(text):
    """int yen from a decimal's text (bytes), of scale 0 but for places of zeros."""
    try:
        return int(text)
    except ValueError:  # not b'.' in text: that first tries the bytes as an int (a costly TypeError)
        return int(decimal.Decimal(text.decode('ascii')))


_unavailable_figures = {}


def _unavailable(reason):
    """Figure(None, name of @p reason), one shared object per reason (a Figure is immutable)."""
    f = _unavailable_figures.get(reason)
    if f is None:
        f = _unavailable_figures[reason] = Figure(None, enum_name(ENUM_REASON, reason))
    return f


def _figure_result(rc, d, reason, figure_name):
    if rc < 0:
        return _unavailable(reason.value)
    return Figure(_figure_value(figure_name, dec_text(byref(d))), None)


_new_figure = tuple.__new__  # Figure(value, reason) without the namedtuple's argument handling


class _BulkArrays(threading.local):
    """This thread's arrays of one bulk figure call, and a pointer to each
    value (a thread's figures are converted before its next call)."""

    def __init__(self, n):
        self.values = (Dec * n)()
        self.reasons = (c_int * n)()
        self.refs = [byref(self.values, i * ctypes.sizeof(Dec)) for i in range(n)]


class _Bulk:
    """One bulk figure call (hyoka_costs_figures(), hyoka_indicator_figures()) and the figures it
    fills, prepared once: the bare function, the count as a C size_t, which entries are yen, and
    each thread's arrays."""
    __slots__ = ('fn', 'names', 'count', 'yen', 'arrays')

    def __init__(self, function, names):
        self.fn = lib.raw(function, _api.PROTOTYPES[function][0])
        self.names = names
        self.count = c_size_t(len(names))
        self.yen = tuple(name in YEN_FIGURES for name in names)
        self.arrays = _BulkArrays(len(names))

    def __call__(self, *args, figures=True):
        """{name: Figure} of ``function(*args, values, reasons, count)``, args being ctypes objects;
        an entry that failed (a negative status in place of its reason) raises as the one-figure
        call does. With ``figures=False``, {name: value}, None for an unavailable figure."""
        a = self.arrays
        rc = self.fn(*args, a.values, a.reasons, self.count)
        if rc < 0:
            raise_status(rc)
        names = self.names
        refs = a.refs
        yen = self.yen
        fmt, buf, size = dec_formatter()
        Dec_ = decimal.Decimal
        unavailable = _unavailable_figures
        out = {}
        i = 0
        for r in a.reasons[:len(names)]:
            if r == 0:
                rc = fmt(refs[i], 0, buf, size, None)
                if rc < 0:
                    raise_status(rc)
                text = buf.value
                if not yen[i]:
                    value = Dec_(text.decode('ascii'))
                else:
                    value = _yen_value(text)
                out[names[i]] = _new_figure(Figure, (value, None)) if figures else value
            elif r > 0:
                if figures:
                    f = unavailable.get(r)
                    out[names[i]] = f if f is not None else _unavailable(r)
                else:
                    out[names[i]] = None
            else:
                raise_status(r)
            i += 1
        return out


_bulk_calls = {}


def _bulk(function, names):
    """The :class:`_Bulk` of @p function, made at its first use; @p names is called then."""
    bulk = _bulk_calls.get(function)
    if bulk is None:
        bulk = _bulk_calls[function] = _Bulk(function, names())
    return bulk


# --------------------------------------------------------------------------
# Base of every wrapper
# --------------------------------------------------------------------------


def _root(node):
    """The top of a node's tree (a portfolio, a standalone project or scheme)."""
    parent = node._parent
    while parent is not None:
        node = parent
        parent = node._parent
    return node


def _acquire(node):
    """Take the lock of a node's tree and return it.

    The tree of a standalone project or scheme changes when it is added to
    a parent: after waiting for such a tree's lock, check that it is still
    the lock of the node's tree, else take the new one."""
    while True:
        root = node
        while root._parent is not None:
            root = root._parent
        lock = root._lock
        lock.acquire()
        if not root._adoptable or root._parent is None:
            return lock
        lock.release()


class _Hold:
    """``with _Hold(a, b):`` holds the locks of the trees of several nodes,
    taken in a fixed order (two threads comparing or moving objects between
    the same two trees do not deadlock)."""
    __slots__ = ('_nodes', '_held')

    def __init__(self, *nodes):
        self._nodes = nodes
        self._held = ()

    def _locks(self):
        return sorted({id(lk): lk for lk in (_root(n)._lock for n in self._nodes)}.values(), key=id)

    def __enter__(self):
        while True:
            locks = self._locks()
            for lk in locks:
                lk.acquire()
            if self._locks() == locks:
                self._held = locks
                return self
            for lk in reversed(locks):
                lk.release()

    def __exit__(self, *exc):
        for lk in reversed(self._held):
            lk.release()
        self._held = ()
        return False


_short = reprlib.Repr()
_short.maxstring = _short.maxother = 40


def _call_text(self, name, args, kwargs):
    """``Year.set_stated('achievement', '1')``: a call as written, for messages."""
    parts = [_short.repr(a) for a in args] + ['%s=%s' % (k, _short.repr(v)) for k, v in kwargs.items()]
    return '%s.%s(%s)' % (type(self).__name__, name, ', '.join(parts))


def _locked(fn):
    """@p fn run while holding the lock of ``self``'s tree; a refusal of the
    library names the call (:attr:`hyoka.Error.call`)."""
    @functools.wraps(fn)
    def call(self, *args, **kwargs):
        lock = _acquire(self)
        try:
            return fn(self, *args, **kwargs)
        except errors.Error as e:
            e._name_call(_call_text(self, fn.__name__, args, kwargs))
            raise
        finally:
            lock.release()
    call._hyoka_locked = True
    return call


def _locked_getter(fget):
    """A property getter run while holding the lock of the object's tree."""
    def get(self):
        lock = _acquire(self)
        try:
            return fget(self)
        except errors.Error as e:
            e._name_call('%s.%s' % (type(self).__name__, fget.__name__))
            raise
        finally:
            lock.release()
    return functools.wraps(fget)(get)


def _locked_setter(fset):
    """A property setter run while holding the lock of the object's tree."""
    def set_(self, value):
        lock = _acquire(self)
        try:
            fset(self, value)
        except errors.Error as e:
            e._name_call('%s.%s = %s' % (type(self).__name__, fset.__name__, _short.repr(value)))
            raise
        finally:
            lock.release()
    return functools.wraps(fset)(set_)


def _holds_own_locks(fn):
    """Mark a method that takes the locks it needs itself (several trees)."""
    fn._hyoka_locked = True
    return fn


# methods of a wrapper that reach its handle besides the public ones
_LOCKED_DUNDERS = frozenset(('__eq__', '__repr__', '__iter__', '__enter__', '__exit__', '__reduce_ex__',
                             '__copy__', '__deepcopy__'))


def _lock_methods(cls):
    """Make every public method and property of @p cls, and the special
    methods above, hold the lock of the object's tree."""
    for name, value in list(cls.__dict__.items()):
        if name.startswith('_') and name not in _LOCKED_DUNDERS:
            continue
        if isinstance(value, property):
            setattr(cls, name, property(value.fget and _locked_getter(value.fget),
                                        value.fset and _locked_setter(value.fset), value.fdel, value.__doc__))
        elif (callable(value) and not isinstance(value, (type, classmethod, staticmethod))
              and not getattr(value, '_hyoka_locked', False)):
            setattr(cls, name, _locked(value))


class _Kids(dict):
    """The live wrappers of a node's children: {handle: weak reference}, an
    entry removed when its wrapper is garbage-collected. What a
    weakref.WeakValueDictionary does, with the lookup (``get(ptr)()``) in C:
    a wrapper is looked up for every child of every loop."""
    __slots__ = ('_remove', '__weakref__')

    def __init__(self):
        super().__init__()
        selfref = weakref.ref(self)

        def remove(ref):
            kids = selfref()
            if kids is not None:
                _remove_dead_weakref(kids, ref.key)
        self._remove = remove

    def put(self, ptr, wrapper):
        self[ptr] = weakref.KeyedRef(wrapper, self._remove, ptr)


class _Node:
    __slots__ = ('_ptr', '_parent', '_dead', '_kids', '_lock', '__weakref__')
    #: whether a node that tops its tree may get a parent later (a standalone
    #: project or scheme); a portfolio never does
    _adoptable = True

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        _lock_methods(cls)

    def _init_borrowed(self, ptr, parent):
        self._ptr = ptr
        self._parent = parent
        self._dead = False
        self._kids = None
        # the lock of the tree this node tops (unused once it has a parent)
        self._lock = threading.RLock() if parent is None else None

    @classmethod
    def _wrap(cls, ptr, parent):
        self = cls.__new__(cls)
        self._init_borrowed(ptr, parent)
        return self

    def _h(self):
        """The handle, after checking that it and every ancestor is alive."""
        n = self
        while n is not None:
            if n._dead:
                raise errors.StateError(
                    '%s is no longer usable: %s' % (type(self).__name__, n._dead_reason()),
                    code=errors.StateError.code, status='HYOKA_ESTATE')
            n = n._parent
        return self._ptr

    def _dead_reason(self):
        return 'its %s was freed or removed' % type(self).__name__.lower()

    def _kid(self, cls, ptr):
        """The wrapper of a borrowed child handle (one per handle while alive)."""
        if not ptr:
            return None
        kids = self._kids
        if kids is None:
            kids = self._kids = _Kids()
        r = kids.get(ptr)
        w = None if r is None else r()
        if w is None or w._dead or w._parent is not self:
            w = cls._wrap(ptr, self)
            kids.put(ptr, w)
        return w

    def _adopt(self, child):
        """Record a child whose handle now belongs to this node."""
        kids = self._kids
        if kids is None:
            kids = self._kids = _Kids()
        kids.put(child._ptr, child)

    def _forget(self, ptr):
        """A child handle is about to be freed by the library."""
        if ptr and self._kids is not None:
            r = self._kids.pop(ptr, None)
            w = None if r is None else r()
            if w is not None:
                w._dead = True

    def __reduce_ex__(self, protocol):
        raise TypeError('%s objects cannot be pickled or copied: they belong to their portfolio '
                        '(copy the portfolio or the project instead)' % type(self).__name__)

    def __copy__(self):
        self.__reduce_ex__(2)

    def __deepcopy__(self, memo):
        self.__reduce_ex__(2)

    @property
    def alive(self):
        """False once the object (or one of its owners) was freed or removed."""
        n = self
        while n is not None:
            if n._dead:
                return False
            n = n._parent
        return True


class _Owned(_Node):
    """Base of the wrappers that may own their C handle: Portfolio, and a
    Project or Scheme made standalone.

    An owner frees its handle exactly once: by :meth:`close`, at the end of
    a ``with`` block, or when garbage-collected. Handed to a parent
    (``add_project()``, ``add_scheme()``...) or borrowed from one, the
    object no longer owns its handle and frees nothing. ``copy()`` and
    ``==`` are the C API's deep copy and structural equality.

    Subclasses name their C functions in ``_free``, ``_copier`` and
    ``_equal``.
    """
    __slots__ = ('_owned',)
    _free = _copier = _equal = None

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if '_free' in cls.__dict__:
            cls._kind = cls  # what copy() makes and == compares with

    def _init_owned(self, ptr):
        self._init_borrowed(ptr, None)
        self._owned = True

    @classmethod
    def _from_owned(cls, ptr, *args):
        self = cls.__new__(cls)
        self._init_owned(ptr, *args)
        return self

    @classmethod
    def _wrap(cls, ptr, parent):
        self = super()._wrap(ptr, parent)
        self._owned = False
        return self

    @property
    def owned(self):
        """True while this Python object owns the handle (standalone, not closed)."""
        return self._owned

    def _release(self):
        """Free the handle if this object owns it."""
        try:
            owned = self._owned
        except AttributeError:  # __init__ failed before there was a handle
            return
        if owned:
            ptr, self._ptr = self._ptr, None
            self._owned = False
            self._dead = True
            if ptr:
                getattr(lib, self._free)(ptr)

    def _hand_to(self, parent, add, refusal, props=None):
        """Set @p props on this standalone object, then move its handle into
        @p parent with ``add(parent_handle, handle)``; StateError with
        @p refusal (and nothing set) when it has an owner already. Holds the
        locks of both trees."""
        with _Hold(self, parent):
            handle = self._h()
            parent_handle = parent._h()
            if not self._owned:
                raise errors.StateError(refusal, code=errors.StateError.code, status='HYOKA_ESTATE')
            if props:
                _set_props(self, props)
            add(parent_handle, handle)
            self._owned = False
            self._parent = parent
            parent._adopt(self)
            return self

    def close(self):
        """Free the handle and everything it holds now (idempotent).

        :raises StateError: when the object belongs to an owner (a portfolio,
            a parent project, or the library for a built-in scheme).
        """
        if self._owned or self._dead:
            self._release()
            return
        raise errors.StateError('this %s belongs to its owner and cannot be closed; remove it from there'
                                % type(self).__name__, code=errors.StateError.code, status='HYOKA_ESTATE')

    def __del__(self):
        try:
            self._release()
        except Exception:  # pragma: no cover - interpreter shutdown
            pass

    def __enter__(self):
        self._h()
        return self

    def __exit__(self, *exc):
        self._release()
        return False

    def copy(self):
        """A deep copy owned by the caller (sub-projects included; a copy of
        a built-in scheme is mutable)."""
        out = c_void_p()
        getattr(lib, self._copier)(self._h(), byref(out))
        return self._kind._from_owned(out.value)

    @_holds_own_locks
    def __eq__(self, other):
        if not isinstance(other, self._kind):
            return NotImplemented
        with _Hold(self, other):
            return bool(getattr(lib, self._equal)(self._h(), other._h()))

    def __copy__(self):
        return self.copy()

    def __deepcopy__(self, memo):
        return self.copy()

    __hash__ = None


class _Children:
    """A live, read-only sequence view of a node's children."""
    __slots__ = ('_node', '_count', '_at', '_cls')

    def __init__(self, node, count, at, cls):
        self._node = node
        self._count = count
        self._at = at
        self._cls = cls

    def __len__(self):
        lock = _acquire(self._node)
        try:
            return self._count(self._node._h())
        finally:
            lock.release()

    def __getitem__(self, index):
        lock = _acquire(self._node)
        try:
            if isinstance(index, slice):
                return [self[i] for i in range(*index.indices(len(self)))]
            n = len(self)
            if index < 0:
                index += n
            if not 0 <= index < n:
                raise IndexError('index out of range')
            return self._node._kid(self._cls, self._at(self._node._h(), index))
        finally:
            lock.release()

    def __iter__(self):
        node = self._node
        count, cls = self._count, self._cls
        at = getattr(self._at, '__wrapped__', self._at)  # as lib.unchecked(): 0 <= i < count
        kid = node._kid
        i = 0
        while True:
            lock = _acquire(node)
            try:
                h = node._h()
                if i >= count(h):
                    return
                item = kid(cls, at(h, i))
            finally:
                lock.release()
            yield item
            i += 1

    def __bool__(self):
        return len(self) > 0

    def __repr__(self):
        return '[%s]' % ', '.join(repr(x) for x in self)


# property builders --------------------------------------------------------

def _text_prop(getter, setter, enum_id, name, doc):
    cache = []

    def field():
        if not cache:
            cache.append(enum_value(enum_id, name))
        return cache[0]

    def fget(self):
        return text_out(getter(self._h(), field()))

    def fset(self, value):
        b, n = text_arg(value, name)
        setter(self._h(), field(), b, n)

    return property(fget, fset, None, doc)


def _enum_prop(getter, setter, enum_id, doc):
    def fget(self):
        return enum_name(enum_id, getter(self._h()))

    def fset(self, value):
        setter(self._h(), enum_value_or_unset(enum_id, value))

    return property(fget, fset, None, doc)


def _set_props(obj, props):
    cls = type(obj)
    for key, value in props.items():
        attr = getattr(cls, key, None)
        if not isinstance(attr, property) or attr.fset is None:
            raise TypeError('%s has no settable property %r' % (cls.__name__, key))
        setattr(obj, key, value)


# --------------------------------------------------------------------------
# Reports
# --------------------------------------------------------------------------

def _report_new():
    out = c_void_p()
    lib.hyoka_report_new(byref(out))
    return out.value


class Diagnostics(list):
    """A list of :class:`Diagnostic`: those a report kept (at most its limit,
    errors first), with the counts of every diagnostic found, shown or not.

    ``total``: every diagnostic the rules let through; ``dropped``: those the
    limit left out of the list; ``ignored``: those the rules excluded;
    ``counts``: the total by severity (``{'error': n, 'warning': n, 'info':
    n}``); ``tally``: a list of :class:`Tally` by code; ``errors``: the
    number of errors, shown or not.
    """
    __slots__ = ('total', 'dropped', 'ignored', 'counts', 'tally')

    def __init__(self, items=(), total=0, dropped=0, ignored=0, counts=None, tally=()):
        super().__init__(items)
        self.total = total
        self.dropped = dropped
        self.ignored = ignored
        self.counts = dict(counts or {'error': 0, 'warning': 0, 'info': 0})
        self.tally = list(tally)

    @property
    def errors(self):
        return self.counts['error']

    def __repr__(self):
        return '<hyoka.Diagnostics %d shown of %d (%s)>' % (
            len(self), self.total, ', '.join('%d %s' % (n, k) for k, n in self.counts.items()))


def _report_items(report, lang):
    lv = lang_value(lang)
    sev = enum(ENUM_SEVERITY)
    line = c_int64()
    col = c_int64()
    out = []
    for i in range(lib.hyoka_report_count(report)):
        lib.hyoka_report_position(report, i, byref(line), byref(col))
        out.append(Diagnostic(text_out(lib.hyoka_report_code(report, i)),
                              sev.name(lib.hyoka_report_severity(report, i)),
                              text_out(lib.hyoka_report_path(report, i)),
                              line.value or None, col.value or None,
                              text_out(lib.hyoka_report_message(report, i, lv))))
    return out


def _report_tally(report):
    """{(code, severity): count} of a report."""
    sev = enum(ENUM_SEVERITY)
    code = c_char_p()
    severity = c_int()
    count = c_size_t()
    out = {}
    for i in range(lib.hyoka_report_tally_count(report)):
        lib.hyoka_report_tally(report, i, byref(code), byref(severity), byref(count))
        out[(text_out(code.value), sev.name(severity.value))] = count.value
    return out


def _diagnostics(report, lang=None, read=None, rules=None):
    """The Diagnostics of a report. With ``read``, the report of the reader
    whose kept diagnostics were copied into ``report`` (:func:`_copy_report`):
    those it counted but did not keep are counted too (as ignored when
    ``rules`` exclude them)."""
    if not report:
        return Diagnostics()
    lang_value(lang)
    if (not read and not lib.hyoka_report_total(report) and not lib.hyoka_report_ignored(report)
            and not lib.hyoka_report_count(report) and not lib.hyoka_report_tally_count(report)):
        return Diagnostics()  # nothing found, kept or counted (each project of a clean document)
    sev = enum(ENUM_SEVERITY)
    counts = {name: lib.hyoka_report_total_severity(report, sev.value(name)) for name in ('error', 'warning', 'info')}
    total = lib.hyoka_report_total(report)
    dropped = lib.hyoka_report_dropped(report)
    ignored = lib.hyoka_report_ignored(report)
    tally = _report_tally(report)
    if read:
        kept = collections.Counter((d.code, d.severity) for d in _report_items(read, 'en'))
        for (code, severity), n in _report_tally(read).items():
            extra = n - kept[(code, severity)]
            if not extra:
                continue
            if rules is not None and not rules.allows(code, severity):
                ignored += extra
                continue
            total += extra
            dropped += extra
            counts[severity] += extra
            tally[(code, severity)] = tally.get((code, severity), 0) + extra
    return Diagnostics(_report_items(report, lang), total, dropped, ignored, counts,
                       [Tally(code, severity, n, _title(code, severity, lang))
                        for (code, severity), n in sorted(tally.items())])


def _title(code, severity, lang):
    """The title of a code of the library's catalog at its own severity, else None."""
    b = nts_arg(code, 'code')
    known = lib.hyoka_code_severity(b)
    if known < 0 or enum(ENUM_SEVERITY).name(known) != severity:
        return None
    return text_out(lib.hyoka_code_title(b, lang_value(lang)))


class Rules:
    """Which diagnostics to report, as linters choose (docs/rules.md):
    ``select`` and ``ignore`` codes or code prefixes (``'I002'``, ``'I'``,
    ``'C00'``) and a ``min_severity`` (``'error'``, ``'warning'`` or
    ``'info'``). The most specific pattern decides; once anything is
    selected only selected codes are reported. Errors of reading are never
    excluded. Give rules to :meth:`Portfolio.load`, :meth:`Portfolio.loads`,
    :meth:`Portfolio.from_csv_dir` and :meth:`Portfolio.validate`.

    The C rules object is freed by :meth:`close`, at the end of a ``with``
    block or when the object is garbage-collected.
    """
    __slots__ = ('_ptr', '_finalizer', '__weakref__')

    def __init__(self, select=(), ignore=(), min_severity=None):
        out = c_void_p()
        lib.hyoka_rules_new(byref(out))
        self._ptr = out.value
        self._finalizer = weakref.finalize(self, lib.hyoka_rules_free, self._ptr)
        self.select(*([select] if isinstance(select, str) else select))
        self.ignore(*([ignore] if isinstance(ignore, str) else ignore))
        if min_severity is not None:
            self.min_severity = min_severity

    @classmethod
    def parse(cls, text, lang=None):
        """Rules from the text of a rules file.

        :raises InvalidDocument: when a line is bad (``.diagnostics``: the R001
            diagnostics, with line and column).
        """
        data = text.encode('utf-8') if isinstance(text, str) else bytes(text)
        self = cls()
        self._read(lambda report: lib.hyoka_rules_parse(self._h(), data, len(data), report), lang)
        return self

    @classmethod
    def read_file(cls, path, lang=None):
        """Rules from a rules file (``hyoka.conf``; see :meth:`parse`).

        :raises HyokaIOError: when the file cannot be read.
        """
        self = cls()
        self._read(lambda report: lib.hyoka_rules_read_file(self._h(), path_arg(path), report), lang)
        return self

    def _read(self, call, lang):
        report = _report_new()
        try:
            _with_diagnostics(lambda: call(report), report, lang)
        finally:
            lib.hyoka_report_free(report)

    def _h(self):
        if not self._ptr:
            raise errors.StateError('the rules were closed', code=errors.StateError.code, status='HYOKA_ESTATE')
        return self._ptr

    def select(self, *patterns):
        """Select codes or code prefixes; returns self."""
        for p in patterns:
            lib.hyoka_rules_select(self._h(), nts_arg(p, 'pattern'))
        return self

    def ignore(self, *patterns):
        """Ignore codes or code prefixes; returns self."""
        for p in patterns:
            lib.hyoka_rules_ignore(self._h(), nts_arg(p, 'pattern'))
        return self

    @property
    def min_severity(self):
        raise AttributeError('min_severity can be set, not read')

    @min_severity.setter
    def min_severity(self, severity):
        lib.hyoka_rules_set_min_severity(self._h(), enum_value(ENUM_SEVERITY, severity))

    def allows(self, code, severity):
        """Whether these rules report a diagnostic of ``code`` and ``severity``."""
        return bool(lib.hyoka_rules_allows(self._h(), nts_arg(code, 'code'), enum_value(ENUM_SEVERITY, severity)))

    def close(self):
        """Free the C rules object (the rules can no longer be used)."""
        self._ptr = None
        self._finalizer()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _report_for(rules=None, limit=None):
    """A new report with rules and a limit."""
    report = _report_new()
    try:
        if rules is not None:
            lib.hyoka_report_set_rules(report, rules._h())
        if limit is not None:
            lib.hyoka_report_set_limit(report, limit)
    except BaseException:
        lib.hyoka_report_free(report)
        raise
    return report


def _read_options(max_depth=None, max_string=None, max_diagnostics=None):
    """byref(hyoka_read_options) with the limits given, or None for the defaults."""
    if max_depth is None and max_string is None and max_diagnostics is None:
        return None
    opts = _api.ReadOptions()
    lib.hyoka_read_options_init(byref(opts))
    for name, value in (('max_depth', max_depth), ('max_string', max_string), ('max_diagnostics', max_diagnostics)):
        if value is not None:
            set_field(opts, name, value)
    return byref(opts)


def _copy_report(src, dst):
    en = lang_value('en')
    ja = lang_value('ja')
    for i in range(lib.hyoka_report_count(src)):
        lib.hyoka_report_add(dst, lib.hyoka_report_code(src, i), lib.hyoka_report_severity(src, i),
                             lib.hyoka_report_path(src, i), lib.hyoka_report_message(src, i, en),
                             lib.hyoka_report_message(src, i, ja))


def _with_diagnostics(fn, report, lang, what='the document'):
    """Run fn(); on a hyoka error, attach the report's diagnostics (with their
    counts) to it. An InvalidDocument then says how many errors @p what has,
    shown or not, and where they are (the library's message speaks of its
    report, which Python never sees)."""
    try:
        return fn()
    except errors.Error as e:
        e.diagnostics = _diagnostics(report, lang)
        if isinstance(e, errors.InvalidDocument):
            count = e.diagnostics.errors
            e.message = "%s has %d error%s, listed in the exception's .diagnostics" % (
                what, count, '' if count == 1 else 's')
            e.args = (e.message,)
        raise


# --------------------------------------------------------------------------
# Metrics (bulk path)
# --------------------------------------------------------------------------

_Decimal = decimal.Decimal
_YEAR_DECIMALS = tuple(n for n in year_figure_names() if n not in MONEY_FIGURES)
_VALUE_DECIMALS = ('achievement', 'change')
_METRICS_PREFIX = '{"format":"hyoka-metrics/1","projects":['
_METRICS_TAIL = '],"diagnostics":'
_DECODER = json.JSONDecoder()


def _convert_project(p, _D=_Decimal, _yd=_YEAR_DECIMALS, _vd=_VALUE_DECIMALS):
    """Turn the decimal strings of one metrics project (and its children) into Decimal."""
    for y in p.get('years', ()):
        for k in _yd:
            v = y.get(k)
            if v is not None:
                y[k] = _D(v)
    for ind in p.get('indicators', ()):
        for v in ind.get('values', ()):
            for k in _vd:
                x = v.get(k)
                if x is not None:
                    v[k] = _D(x)
    for e in p.get('evaluations', ()):
        x = e.get('score')
        if x is not None:
            e['score'] = _D(x)
    for c in p.get('children', ()):
        _convert_project(c)
    return p


def parse_metrics(text):
    """Parse hyoka-metrics/1 JSON eagerly into plain dicts and lists: amounts
    stay int yen, decimal figures (strings in the text) become decimal.Decimal."""
    if isinstance(text, (bytes, bytearray)):
        text = text.decode('utf-8')
    doc = json.loads(text)
    for p in doc.get('projects', ()):
        _convert_project(p)
    return doc


class _LazyProjects(collections.abc.Sequence):
    """The projects of a metrics document, decoded one by one on first access."""
    __slots__ = ('_text', '_pos', '_count', '_items')

    def __init__(self, text, pos, count):
        self._text = text
        self._pos = pos
        self._count = count
        self._items = []

    def __len__(self):
        return self._count

    def _fill(self, index):
        items = self._items
        text = self._text
        decode = _DECODER.raw_decode
        while len(items) <= index:
            if text[self._pos - 1] == ']' and items:
                raise IndexError('metrics project index out of range')
            obj, end = decode(text, self._pos)
            items.append(_convert_project(obj))
            self._pos = end + 1  # past ',' or ']'
        if len(items) == self._count:
            self._text = None    # everything decoded: drop the reference

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._count))]
        if index < 0:
            index += self._count
        if not 0 <= index < self._count:
            raise IndexError('metrics project index out of range')
        if index >= len(self._items):
            self._fill(index)
        return self._items[index]

    def __iter__(self):
        for i in range(self._count):
            yield self[i]

    def __eq__(self, other):
        if isinstance(other, collections.abc.Sequence) and not isinstance(other, (str, bytes)):
            return list(self) == list(other)
        return NotImplemented

    def __repr__(self):
        return '<%d metrics projects, %d decoded>' % (self._count, len(self._items))


class _CBuffer:
    """A text buffer the library allocated (released with hyoka_free() once)."""
    __slots__ = ('_ptr', '_len')

    def __init__(self, ptr, length):
        self._ptr = ptr
        self._len = length

    def decode(self):
        ptr = self._ptr
        if not ptr:
            return ''
        return str((ctypes.c_char * self._len).from_address(ptr), 'utf-8')

    def free(self):
        ptr, self._ptr = self._ptr, None
        if ptr:
            lib.hyoka_free(ptr)

    def __del__(self):
        try:
            self.free()
        except Exception:  # pragma: no cover - interpreter shutdown
            pass


class Metrics(collections.abc.Mapping):
    """The hyoka-metrics/1 document of a portfolio (every figure, computed in C).

    A read-only mapping with the members ``format``, ``projects`` (a sequence
    of project dicts: ``years``, ``indicators``, ``evaluations``,
    ``children``) and ``diagnostics``. Amounts are int yen, the other figures
    decimal.Decimal, unavailable figures None with the reason under
    ``unavailable``. The library's JSON is decoded on first access, and
    projects one by one as they are reached (iterate, index);
    :meth:`to_dict` decodes everything into plain dicts. It does not refer
    to the portfolio.
    """
    __slots__ = ('_doc', '_tail', '_text', '_raw', '_count')

    def __init__(self, text, count=None):
        if isinstance(text, (bytes, bytearray)):
            text = bytes(text).decode('utf-8')
        self._raw = text
        self._count = count
        self._doc = None
        self._tail = None
        self._text = None

    def _ready(self):
        doc = self._doc
        if doc is not None:
            return doc
        raw = self._raw
        text = raw.decode() if isinstance(raw, _CBuffer) else raw
        count = self._count
        tail = text.rfind(_METRICS_TAIL) if count is not None else -1
        if text.startswith(_METRICS_PREFIX) and tail > 0:
            doc = {'format': 'hyoka-metrics/1',
                   'projects': _LazyProjects(text, len(_METRICS_PREFIX), count)}
            self._tail = tail
            self._text = text
        else:
            doc = parse_metrics(text)
        self._doc = doc
        self._raw = None
        if isinstance(raw, _CBuffer):
            raw.free()
        return doc

    def _load_tail(self):
        # the members after "projects": {"diagnostics": [...], ...}
        rest = json.loads('{' + self._text[self._tail + 2:])
        self._doc.update(rest)
        self._tail = None
        self._text = None

    def __getitem__(self, key):
        doc = self._ready()
        if key not in doc and self._tail is not None:
            self._load_tail()
        return doc[key]

    def __iter__(self):
        self._ready()
        if self._tail is not None:
            self._load_tail()
        return iter(self._doc)

    def __len__(self):
        self._ready()
        if self._tail is not None:
            self._load_tail()
        return len(self._doc)

    def __contains__(self, key):
        doc = self._ready()
        if key not in doc and self._tail is not None:
            self._load_tail()
        return key in doc

    @property
    def projects(self):
        return self['projects']

    @property
    def diagnostics(self):
        return self['diagnostics']

    def to_dict(self):
        """Everything as plain dicts and lists."""
        out = {}
        for k in self:
            v = self[k]
            out[k] = list(v) if isinstance(v, _LazyProjects) else v
        return out

    def __repr__(self):
        return '<hyoka.Metrics %d projects>' % len(self['projects'])


# --------------------------------------------------------------------------
# CSV helpers
# --------------------------------------------------------------------------

_BOM, _NOBOM, _CP932 = _api.HYOKA_ENCODING_UTF8_BOM, _api.HYOKA_ENCODING_UTF8, _api.HYOKA_ENCODING_CP932
_ENCODINGS = {
    # hyoka_encoding values (csv.h); the library has no name table for them
    'utf-8': _BOM, 'utf8': _BOM, 'utf-8-sig': _BOM, 'utf-8-bom': _BOM,
    'utf-8-nobom': _NOBOM, 'utf8-nobom': _NOBOM,
    'cp932': _CP932, 'ms932': _CP932, 'windows-31j': _CP932, 'shift_jis': _CP932, 'sjis': _CP932,
}


def _csv_options(encoding):
    opts = _api.CsvOptions()
    lib.hyoka_csv_options_init(byref(opts))
    try:
        opts.encoding = _ENCODINGS[encoding.lower()]
    except (KeyError, AttributeError):
        raise errors.InvalidArgument(
            'unknown CSV encoding %r; expected utf-8, utf-8-nobom or cp932' % (encoding,),
            code=errors.InvalidArgument.code, status='HYOKA_EINVAL') from None
    return opts


def csv_table_names():
    """The CSV tables in hyoka_csv_table order (file names without .csv)."""
    out = []
    for i in range(_api.HYOKA_CSV_TABLE_COUNT):
        out.append(text_out(lib.hyoka_csv_table_name(i)))
    return out


def _table_texts(tables, names):
    """The arrays of texts and lengths a read_tables function takes, from a
    dict of table name -> bytes or str (absent: NULL), in the order of
    ``names``; and the buffers, which must live until the call returns."""
    keep = []
    texts = (c_void_p * len(names))()
    lens = (c_size_t * len(names))()
    for i, name in enumerate(names):
        data = tables.get(name)
        if data is None:
            continue
        if isinstance(data, str):
            data = data.encode('utf-8')
        buf = ctypes.create_string_buffer(bytes(data), len(data))
        keep.append(buf)
        texts[i] = ctypes.cast(buf, c_void_p)
        lens[i] = len(data)
    return texts, lens, keep


def rs_table_names():
    """The RS tables of the national review sheets in hyoka_rs_table order
    ("1-1", "1-2"... "6-1"), the start of their file names."""
    return [text_out(lib.hyoka_rs_table_name(i)) for i in range(_api.HYOKA_RS_TABLE_COUNT)]


def _rs_options(year=None, replace=False):
    opts = _api.RsOptions()
    lib.hyoka_rs_options_init(byref(opts))
    opts.year = year or 0
    opts.flags = _api.HYOKA_WRITE_REPLACE if replace else 0
    return opts


def read_rs(path, lang=None, rules=None):
    """A portfolio from a folder of the RS tables of a review year
    (:meth:`Portfolio.from_rs_dir`)."""
    return Portfolio.from_rs_dir(path, lang=lang, rules=rules)


# --------------------------------------------------------------------------
# Portfolio
# --------------------------------------------------------------------------


class Portfolio(_Owned):
    """A document: municipality, denominators, schemes and projects.

    ``Portfolio()`` makes an empty one; :meth:`load`, :meth:`loads` and
    :meth:`from_csv_dir` read one. It is a context manager: the handle is
    freed when the ``with`` block ends (or by :meth:`close`, or when
    garbage-collected), and any use afterwards raises :class:`hyoka.StateError`.
    """
    __slots__ = ('_source', '_read_report')
    _free, _copier, _equal = 'hyoka_portfolio_free', 'hyoka_portfolio_copy', 'hyoka_portfolio_equal'
    _adoptable = False

    def __init__(self):
        out = c_void_p()
        lib.hyoka_portfolio_new(byref(out))
        self._init_owned(out.value)

    def _init_owned(self, ptr, source=None, read_report=None):
        super()._init_owned(ptr)
        self._source = source
        self._read_report = read_report

    # -- lifetime (close(), with, copy(), ==: see _Owned) ------------------

    def _release(self):
        """Free the portfolio, everything it holds and the reader's report."""
        try:
            rep, self._read_report = self._read_report, None
        except AttributeError:  # __init__ failed
            return
        self._source = None
        super()._release()
        if rep:
            lib.hyoka_report_free(rep)

    def _dead_reason(self):
        return 'the portfolio was closed'

    @property
    def closed(self):
        return self._dead

    def __reduce_ex__(self, protocol):
        # pickled as its canonical compact JSON
        return (_portfolio_from_json, (self.dumpb(compact=True),))

    def __repr__(self):
        if self._dead:
            return '<hyoka.Portfolio closed>'
        return '<hyoka.Portfolio %r, %d projects>' % (self.municipality_name, len(self.projects))

    # -- reading and writing --------------------------------------------

    @classmethod
    def loads(cls, text, *, lang=None, max_depth=None, max_string=None, max_diagnostics=None, rules=None):
        """Read a hyoka/1 document from a str or bytes.

        ``max_diagnostics`` is the most diagnostics kept (default 1000, errors
        first); ``rules`` (:class:`Rules`) leave out what they exclude, but
        never an error that stops the reading.

        :raises InvalidDocument: when the document has errors (``.diagnostics``
            lists them with line and column, messages in ``lang``: 'en',
            'ja', or None for :func:`hyoka.default_lang`; and counts every
            one: ``.diagnostics.total``, ``.errors``, ``.tally``...).
        """
        if isinstance(text, str):
            data = text.encode('utf-8', 'surrogatepass')
        elif isinstance(text, (bytes, bytearray, memoryview)):
            data = bytes(text)
        else:
            raise TypeError('loads() takes str or bytes, not %s' % type(text).__name__)
        opts = _read_options(max_depth, max_string, max_diagnostics)
        report = _report_for(rules)
        out = c_void_p()
        try:
            _with_diagnostics(lambda: lib.hyoka_json_read(data, len(data), opts, byref(out), report),
                              report, lang)
        except BaseException:
            lib.hyoka_report_free(report)
            raise
        if lib.hyoka_report_total(report) == 0:
            lib.hyoka_report_free(report)
            report = None
        return cls._from_owned(out.value, data, report)

    @classmethod
    def load(cls, path, **options):
        """Read a hyoka/1 document from a file (see :meth:`loads`).

        :raises HyokaIOError: when the file cannot be read.
        """
        try:
            with open(path, 'rb') as f:
                data = f.read()
        except OSError as e:
            raise errors.HyokaIOError('%s: %s' % (path, e.strerror or e), code=errors.HyokaIOError.code,
                                      status='HYOKA_EIO') from e
        return cls.loads(data, **options)

    def dump(self, compact=False, yen=False):
        """The canonical hyoka/1 JSON text (``compact``: one line; ``yen``: amounts in yen)."""
        return self.dumpb(compact, yen).decode('utf-8')

    def dumpb(self, compact=False, yen=False):
        """As :meth:`dump`, as UTF-8 bytes."""
        out = c_void_p()
        n = c_size_t()
        lib.hyoka_json_write(self._h(), self._write_flags(compact, yen), byref(out), byref(n))
        return take_buffer(out, n)

    def save(self, path, compact=False, yen=False):
        """Write the canonical JSON to a file (HyokaIOError when it cannot be written)."""
        lib.hyoka_json_write_file(self._h(), self._write_flags(compact, yen), path_arg(path))

    @staticmethod
    def _write_flags(compact, yen):
        return (_api.HYOKA_WRITE_COMPACT if compact else 0) | (_api.HYOKA_WRITE_YEN if yen else 0)

    def to_csv_dir(self, path, encoding='utf-8', lang=None):
        """Write every CSV table into a folder (utf-8 with BOM, utf-8-nobom or cp932)."""
        opts = _csv_options(encoding)
        h = self._h()
        report = _report_new()
        try:
            _with_diagnostics(lambda: lib.hyoka_csv_write_dir(h, path_arg(path), byref(opts), report),
                              report, lang)
        finally:
            lib.hyoka_report_free(report)

    def _tables(self, write, names, encoding, lang):
        """The tables write(handle, i, options, out, len, report) makes, by name."""
        opts = _csv_options(encoding)
        h = self._h()
        report = _report_new()
        tables = {}
        try:
            for i, name in enumerate(names):
                out = c_void_p()
                n = c_size_t()
                _with_diagnostics(lambda: write(h, i, byref(opts), byref(out), byref(n), report), report, lang)
                tables[name] = take_buffer(out, n)
        finally:
            lib.hyoka_report_free(report)
        return tables

    def to_csv_tables(self, encoding='utf-8', lang=None):
        """Every CSV table as bytes: a dict from table name to file content."""
        return self._tables(lib.hyoka_csv_write_table, csv_table_names(), encoding, lang)

    def metrics_csv(self, encoding='utf-8', lang=None):
        """The figures as two CSV tables (bytes, in ``encoding`` like
        :meth:`to_csv_tables`): ``{'metrics_years': ..., 'metrics_indicators': ...}``,
        one row per project and cost year (sub-projects included, with their
        parent's code: every figure, its phase, the reason of each unavailable
        one), and one per indicator and fiscal year (docs/csv.md)."""
        return self._tables(lib.hyoka_metrics_csv_write, ('metrics_years', 'metrics_indicators'), encoding, lang)

    @classmethod
    def from_csv_dir(cls, path, encoding='utf-8', lang=None, rules=None):
        """Read a portfolio from a folder of CSV tables (``rules``: see :meth:`loads`).

        :raises InvalidDocument: when the tables have errors (``.diagnostics``).
        """
        opts = _csv_options(encoding)
        report = _report_for(rules)
        out = c_void_p()
        try:
            _with_diagnostics(lambda: lib.hyoka_csv_read_dir(path_arg(path), byref(opts), byref(out),
                                                             report), report, lang, 'the CSV tables')
        except BaseException:
            lib.hyoka_report_free(report)
            raise
        return cls._from_csv_result(out, report)

    @classmethod
    def from_csv_tables(cls, tables, encoding='utf-8', lang=None):
        """Read a portfolio from a dict of table name → bytes (missing tables are empty)."""
        opts = _csv_options(encoding)
        names = csv_table_names()
        unknown = set(tables) - set(names)
        if unknown:
            raise errors.InvalidArgument('unknown CSV table(s): %s' % ', '.join(sorted(unknown)),
                                         code=errors.InvalidArgument.code, status='HYOKA_EINVAL')
        texts, lens, keep = _table_texts(tables, names)  # noqa: F841 (keep: the buffers live until read)
        report = _report_new()
        out = c_void_p()
        try:
            _with_diagnostics(lambda: lib.hyoka_csv_read_tables(texts, lens, byref(opts), byref(out),
                                                                report), report, lang, 'the CSV tables')
        except BaseException:
            lib.hyoka_report_free(report)
            raise
        return cls._from_csv_result(out, report)

    def to_rs_dir(self, path, year=None, replace=False, lang=None):
        """Write the 15 RS tables into a folder as ``{table}_RS_{year}_{title}.csv``
        (``year``: the review year; by default the 事業年度 the projects carry)."""
        opts = _rs_options(year, replace)
        h = self._h()
        report = _report_new()
        try:
            _with_diagnostics(lambda: lib.hyoka_rs_write_dir(h, path_arg(path), byref(opts), report), report, lang)
        finally:
            lib.hyoka_report_free(report)

    def to_rs_tables(self, year=None, lang=None):
        """Every RS table as bytes: a dict from table number ("2-1") to file content."""
        opts = _rs_options(year)
        h = self._h()
        tables = {}
        for i, name in enumerate(rs_table_names()):
            out = c_void_p()
            n = c_size_t()
            lib.hyoka_rs_write_table(h, i, byref(opts), byref(out), byref(n), None)
            tables[name] = take_buffer(out, n)
        return tables

    @classmethod
    def from_rs_dir(cls, path, lang=None, rules=None):
        """Read a portfolio from a folder of the RS tables of a review year (the
        files whose names start with ``1-1_RS_``... ``6-1_RS_``); a missing table
        is a warning (``.diagnostics``), not an error.

        :raises InvalidDocument: when the tables have errors (``.diagnostics``).
        """
        report = _report_for(rules)
        out = c_void_p()
        try:
            _with_diagnostics(lambda: lib.hyoka_rs_read_dir(path_arg(path), None, byref(out), report), report, lang,
                              'the RS tables')
        except BaseException:
            lib.hyoka_report_free(report)
            raise
        return cls._from_csv_result(out, report)

    @classmethod
    def from_rs_tables(cls, tables, lang=None):
        """Read a portfolio from a dict of RS table number ("2-1") → bytes (missing tables: warnings)."""
        names = rs_table_names()
        unknown = set(tables) - set(names)
        if unknown:
            raise errors.InvalidArgument('unknown RS table(s): %s' % ', '.join(sorted(unknown)),
                                         code=errors.InvalidArgument.code, status='HYOKA_EINVAL')
        texts, lens, keep = _table_texts(tables, names)  # noqa: F841 (keep: the buffers live until read)
        report = _report_new()
        out = c_void_p()
        try:
            _with_diagnostics(lambda: lib.hyoka_rs_read_tables(texts, lens, None, byref(out), report), report, lang,
                              'the RS tables')
        except BaseException:
            lib.hyoka_report_free(report)
            raise
        return cls._from_csv_result(out, report)

    @classmethod
    def _from_csv_result(cls, out, report):
        if lib.hyoka_report_total(report) == 0:
            lib.hyoka_report_free(report)
            report = None
        return cls._from_owned(out.value, None, report)

    def to_html(self, lang='ja'):
        """The index page (str) listing every project with its headline figures."""
        out = c_void_p()
        n = c_size_t()
        lib.hyoka_html_portfolio(self._h(), lang_value(lang), byref(out), byref(n))
        return take_buffer(out, n).decode('utf-8')

    def to_html_dir(self, path, lang='ja'):
        """Write index.html and project-N.html into a folder (created if needed)."""
        lib.hyoka_html_write_dir(self._h(), lang_value(lang), path_arg(path))

    # -- municipality and settings ----------------------------------------

    def set_municipality(self, name=KEEP, code=KEEP):
        """Set the municipality's name and/or 6-digit code (None makes a part missing)."""
        h = self._h()
        if name is KEEP:
            name = self.municipality_name
        if code is KEEP:
            code = self.municipality_code
        nb, nn = text_arg(name, 'name')
        cb, cn = text_arg(code, 'code')
        lib.hyoka_portfolio_set_municipality(h, nb, nn, cb, cn)

    @property
    def municipality_name(self):
        return text_out(lib.hyoka_portfolio_municipality_name(self._h()))

    @municipality_name.setter
    def municipality_name(self, value):
        self.set_municipality(name=value)

    @property
    def municipality_code(self):
        return text_out(lib.hyoka_portfolio_municipality_code(self._h()))

    @municipality_code.setter
    def municipality_code(self, value):
        self.set_municipality(code=value)

    @property
    def amount_unit(self):
        """'yen' or 'thousand_yen': the unit the document writes amounts in."""
        return enum_name(ENUM_UNIT, lib.hyoka_portfolio_amount_unit(self._h()))

    @amount_unit.setter
    def amount_unit(self, value):
        lib.hyoka_portfolio_set_amount_unit(self._h(), enum_value(ENUM_UNIT, value))

    @property
    def stated_tolerance(self):
        return lib.hyoka_portfolio_stated_tolerance(self._h())

    @stated_tolerance.setter
    def stated_tolerance(self, value):
        lib.hyoka_portfolio_set_stated_tolerance(self._h(), int_in(value, 'stated_tolerance'))

    @property
    def achievement_rule(self):
        """'by_direction' (default) or 'ratio': achievement of an indicator without a direction is
        unavailable, or actual / target x 100 as the national review sheets print it (docs/format.md)."""
        return enum_name(ENUM_ACHIEVEMENT_RULE, lib.hyoka_portfolio_achievement_rule(self._h()))

    @achievement_rule.setter
    def achievement_rule(self, value):
        lib.hyoka_portfolio_set_achievement_rule(self._h(), enum_value(ENUM_ACHIEVEMENT_RULE, value))

    def denominator(self, fiscal_year):
        """Population and households of a fiscal year (None where missing)."""
        h = self._h()
        fy = year_in(fiscal_year)
        out = []
        for which in ('population', 'households'):
            v = c_int64()
            present = lib.hyoka_portfolio_denominator(h, fy, enum_value(ENUM_COST_FIELD, which), byref(v))
            out.append(v.value if present == 1 else None)
        return Denominator(*out)

    def set_denominator(self, fiscal_year, population=KEEP, households=KEEP):
        """Set (or with None, clear) the population and/or households of a fiscal year."""
        h = self._h()
        fy = year_in(fiscal_year)
        for which, value in (('population', population), ('households', households)):
            if value is KEEP:
                continue
            field = enum_value(ENUM_COST_FIELD, which)
            if value is None:
                lib.hyoka_portfolio_clear_denominator(h, fy, field)
            else:
                lib.hyoka_portfolio_set_denominator(h, fy, field, int_in(value, which))

    @property
    def denominators(self):
        """{fiscal_year: Denominator(population, households)} in order of first setting."""
        h = self._h()
        years = [lib.hyoka_portfolio_denominator_year_at(h, i)
                 for i in range(lib.hyoka_portfolio_denominator_count(h))]
        return {fy: self.denominator(fy) for fy in years}

    def rounding(self, figure):
        """The rounding rule in force for a figure: Rounding(places, mode, unit, overridden)."""
        places = c_int()
        mode = c_int()
        unit = c_int()
        rc = lib.hyoka_portfolio_rounding(self._h(), figure_value(figure), byref(places), byref(mode),
                                          byref(unit))
        return Rounding(places.value, enum_name(ENUM_ROUNDING, mode.value),
                        enum_name(ENUM_UNIT, unit.value), rc == 1)

    def set_rounding(self, figure, places, mode='half_up', unit='yen'):
        """Override the rounding of a figure (unit: for per-head figures, 'yen' or 'thousand_yen')."""
        lib.hyoka_portfolio_set_rounding(self._h(), figure_value(figure), int_in(places, 'places', check_int),
                                         enum_value(ENUM_ROUNDING, mode), enum_value(ENUM_UNIT, unit))

    def clear_rounding(self, figure):
        lib.hyoka_portfolio_clear_rounding(self._h(), figure_value(figure))

    # -- schemes -----------------------------------------------------------

    @property
    def schemes(self):
        """The document's own schemes (built-ins are not listed)."""
        return _Children(self, lib.hyoka_portfolio_scheme_count, lib.hyoka_portfolio_scheme_at, Scheme)

    @_holds_own_locks
    def add_scheme(self, scheme):
        """Add a scheme made with ``Scheme(...)``; the portfolio then owns it."""
        if not isinstance(scheme, Scheme):
            raise TypeError('add_scheme() takes a hyoka.Scheme')
        return scheme._hand_to(self, lib.hyoka_portfolio_add_scheme,
                               'the scheme already has an owner (or is built in); add a copy')

    def find_scheme(self, scheme_id):
        """A scheme by id: the document's own first, then the built-ins; None when unknown."""
        h = self._h()
        b, n = text_arg(scheme_id, 'scheme id')
        ptr = lib.hyoka_portfolio_find_scheme(h, b, n)
        if not ptr:
            return None
        if lib.hyoka_scheme_is_builtin(ptr):
            return Scheme._builtin(ptr)
        return self._kid(Scheme, ptr)

    def remove_scheme(self, index):
        h = self._h()
        index = self._index_of(index, self.schemes)
        self._forget(lib.hyoka_portfolio_scheme_at(h, index))
        lib.hyoka_portfolio_remove_scheme(h, index)

    # -- projects ----------------------------------------------------------

    @property
    def projects(self):
        """The top-level projects (a live sequence)."""
        return _Children(self, lib.hyoka_portfolio_project_count, lib.hyoka_portfolio_project_at,
                         Project)

    def __iter__(self):
        """Iterate over the top-level projects."""
        return iter(self.projects)

    @_holds_own_locks
    def add_project(self, project=None, **props):
        """Append a project and return it.

        Either pass a standalone :class:`Project` (ownership moves to the
        portfolio) or keyword properties (``code=..., name=..., department=...``)
        for a new one.
        """
        with _Hold(self):
            self._h()  # a closed portfolio fails before anything is made
        if project is None:
            project, props = Project(**props), None
        elif not isinstance(project, Project):
            raise TypeError('add_project() takes a hyoka.Project')
        return project._hand_to(self, lib.hyoka_portfolio_add_project,
                                'the project already has an owner; add project.copy()', props)

    def find_project(self, code):
        """The first top-level project with this code, or None."""
        h = self._h()
        b, n = text_arg(code, 'code')
        return self._kid(Project, lib.hyoka_portfolio_find_project(h, b, n))

    def remove_project(self, project):
        """Remove and free a project (given by index or object); its wrappers die."""
        h = self._h()
        index = self._index_of(project, self.projects)
        self._forget(lib.hyoka_portfolio_project_at(h, index))
        lib.hyoka_portfolio_remove_project(h, index)

    @staticmethod
    def _index_of(item, seq):
        """The index of an item given as an int (negative counts from the
        end) or as one of the objects of @p seq."""
        if isinstance(item, int):
            n = len(seq)
            index = item + n if item < 0 else item
            if index < 0:
                raise errors.NotFound('index %d out of range (%d items)' % (item, n), code=errors.NotFound.code,
                                      status='HYOKA_ENOTFOUND')
            return check_size(index, 'index')
        for i, x in enumerate(seq):
            if x is item:
                return i
        raise errors.NotFound('not found in this container', code=errors.NotFound.code,
                              status='HYOKA_ENOTFOUND')

    # -- analysis ----------------------------------------------------------

    def validate(self, lang=None, rules=None, limit=None):
        """Every diagnostic of the document: reading warnings, then validation.

        ``rules`` (:class:`Rules`) leave out what they exclude; ``limit`` keeps
        at most that many (errors first, then warnings, then info).

        :return: a :class:`Diagnostics`: a list of :class:`Diagnostic`,
            messages in ``lang`` ('en', 'ja', or None for :func:`hyoka.default_lang`), line and column given for a
            document read from text; with the counts of every diagnostic,
            kept or not (``total``, ``dropped``, ``ignored``, ``counts``,
            ``errors``, ``tally``).
        """
        report = self._full_report(rules=rules, limit=limit)
        try:
            return _diagnostics(report, lang, read=self._read_report, rules=rules)
        finally:
            lib.hyoka_report_free(report)

    def _full_report(self, validate=True, rules=None, limit=None):
        h = self._h()
        report = _report_for(rules, limit)
        try:
            if self._read_report:
                _copy_report(self._read_report, report)
            if validate:
                lib.hyoka_validate(h, report)
            if self._source is not None and lib.hyoka_report_count(report):
                lib.hyoka_report_locate(report, self._source, len(self._source))
        except BaseException:
            lib.hyoka_report_free(report)
            raise
        return report

    def _metrics_buffer(self, lang, validate, compact):
        report = self._full_report(validate)
        try:
            out = c_void_p()
            n = c_size_t()
            lib.hyoka_metrics_write(self._h(), report, self._write_flags(compact, False), lang_value(lang),
                                    byref(out), byref(n))
            return _CBuffer(out.value, n.value)
        finally:
            lib.hyoka_report_free(report)

    def metrics_json(self, lang=None, validate=True, compact=True):
        """hyoka-metrics/1 text (UTF-8 bytes): every figure, computed in one library call."""
        buf = self._metrics_buffer(lang, validate, compact)
        try:
            return ctypes.string_at(buf._ptr, buf._len) if buf._ptr else b''
        finally:
            buf.free()

    def metrics(self, lang=None, validate=True, lazy=True):
        """Every figure of every project: the hyoka-metrics/1 document.

        The bulk path: one library call (hyoka_metrics_write) computes every
        figure, and the JSON it writes is decoded with the json module.
        Amounts are int yen, other figures decimal.Decimal, unavailable ones
        None (with the reason under ``unavailable``). With ``validate``, the
        diagnostics (reading and validation) are included, messages in ``lang``
        ('en', 'ja', or None for :func:`hyoka.default_lang`).

        :return: a :class:`Metrics` mapping, decoded on first access and
            project by project (``lazy=False``: a plain dict decoded at once).
        """
        buf = self._metrics_buffer(lang, validate, True)
        if not lazy:
            try:
                return parse_metrics(buf.decode())
            finally:
                buf.free()
        return Metrics(buf, lib.hyoka_portfolio_project_count(self._h()))

    def rollup(self, group_by='fiscal_year', depth=1, fiscal_year=None):
        """Totals of the money figures by group ('fiscal_year', 'department',
        'policy' at ``depth``, 'verdict'), optionally for one fiscal year.

        :return: a list of RollupRow(key, projects, totals) with totals a dict
            of money figure name → int yen.
        """
        out = c_void_p()
        lib.hyoka_rollup_new(byref(out), self._h(), enum_value(ENUM_GROUP_BY, group_by),
                             int_in(depth, 'depth', check_int), year_in(fiscal_year))
        r = out.value
        try:
            money = [(n, figure_value(n)) for n in enum_names(ENUM_FIGURE) if n in MONEY_FIGURES]
            rows = []
            v = c_int64()
            for i in range(lib.hyoka_rollup_count(r)):
                totals = {}
                for name, fv in money:
                    lib.hyoka_rollup_total(r, i, fv, byref(v))
                    totals[name] = v.value
                rows.append(RollupRow(text_out(lib.hyoka_rollup_key(r, i)),
                                      lib.hyoka_rollup_projects(r, i), totals))
            return rows
        finally:
            lib.hyoka_rollup_free(r)

    def ranking(self, figure, fiscal_year=None, descending=True):
        """Top-level projects ordered by a cost-year figure of one fiscal year
        (or by 'score' of their latest evaluation); unavailable ones last.

        :return: a list of Ranked(project, value, reason).
        """
        h = self._h()
        out = c_void_p()
        lib.hyoka_ranking_new(byref(out), h, figure_value(figure), year_in(fiscal_year),
                              1 if descending else 0)
        r = out.value
        try:
            rows = []
            p = c_void_p()
            d = Dec()
            reason = c_int()
            for i in range(lib.hyoka_ranking_count(r)):
                rc = lib.hyoka_ranking_at(r, i, byref(p), byref(d), byref(reason))
                fig = _figure_result(rc, d, reason, figure)
                rows.append(Ranked(self._kid(Project, p.value), fig.value, fig.reason))
            return rows
        finally:
            lib.hyoka_ranking_free(r)


def _portfolio_from_json(data):
    return Portfolio.loads(data)


# --------------------------------------------------------------------------
# Project
# --------------------------------------------------------------------------

def _ptext(name, doc):
    return _text_prop(lambda h, f: lib.hyoka_project_text(h, f),
                      lambda h, f, b, n: lib.hyoka_project_set_text(h, f, b, n),
                      ENUM_PROJECT_TEXT, name, doc)


class _Extensions:
    """The extension map of a project or a record (strings any ledger or
    reader attaches, preserved exactly), through the C functions of the
    prefix ``_ext`` ('hyoka_project', 'hyoka_record')."""
    __slots__ = ()
    _ext = None

    def _fn(self, name):
        return getattr(lib, self._ext + name)

    @property
    def extensions(self):
        """The extension map (a dict copy, in order)."""
        h = self._h()
        out = {}
        k = c_char_p()
        v = c_char_p()
        for i in range(self._fn('_extension_count')(h)):
            self._fn('_extension_at')(h, i, byref(k), byref(v))
            out[text_out(k.value)] = text_out(v.value)
        return out

    @extensions.setter
    def extensions(self, mapping):
        mapping = dict(mapping)
        for key in list(self.extensions):
            self.set_extension(key, None)
        for key, value in mapping.items():
            self.set_extension(key, value)

    def extension(self, key):
        b, n = text_arg(key, 'key')
        return text_out(self._fn('_extension')(self._h(), b, n))

    def set_extension(self, key, value):
        """Set an extension (None removes it)."""
        h = self._h()
        kb, kn = text_arg(key, 'key')
        vb, vn = text_arg(value, 'value')
        self._fn('_set_extension')(h, kb, kn, vb, vn)


# (a mixin, not a _Node: its methods get the lock of the object's tree here)
_lock_methods(_Extensions)


class Project(_Extensions, _Owned):
    """A program (事務事業).

    ``Project(code=..., name=..., **properties)`` makes a standalone project
    owned by Python until it is added to a portfolio or a parent project.
    """
    __slots__ = ()
    _free, _copier, _equal = 'hyoka_project_free', 'hyoka_project_copy', 'hyoka_project_equal'
    _ext = 'hyoka_project'

    def __init__(self, code=None, name=None, **props):
        out = c_void_p()
        lib.hyoka_project_new(byref(out))
        self._init_owned(out.value)
        try:
            if code is not None:
                self.code = code
            if name is not None:
                self.name = name
            _set_props(self, props)
        except BaseException:
            self._release()
            raise

    def __repr__(self):
        if not self.alive:
            return '<hyoka.Project (freed)>'
        return '<hyoka.Project %s %s>' % (self.code, self.name)

    # texts
    code = _ptext('code', '事業コード (str or None).')
    name = _ptext('name', '事務事業名.')
    department = _ptext('organization.department', '部.')
    section = _ptext('organization.section', '課.')
    group = _ptext('organization.group', '係・グループ.')
    head = _ptext('organization.head', '責任者.')
    contact = _ptext('organization.contact', '担当者.')
    phone = _ptext('organization.phone', '電話.')
    legal_basis = _ptext('legal_basis', '根拠法令.')
    purpose = _ptext('texts.purpose', '目的.')
    target = _ptext('texts.target', '対象.')
    intent = _ptext('texts.intent', '意図.')
    result = _ptext('texts.result', '結果.')
    summary = _ptext('texts.summary', '概要.')
    background = _ptext('texts.background', 'きっかけ・背景.')
    environment = _ptext('texts.environment', '環境変化.')
    opinions = _ptext('texts.opinions', '意見・要望.')
    activities_done = _ptext('texts.activities_done', '実施内容.')
    activities_planned = _ptext('texts.activities_planned', '今後の予定.')
    ministry = _ptext('organization.ministry', '府省庁.')
    bureau = _ptext('organization.bureau', '局・庁.')
    office = _ptext('organization.office', '室.')
    team = _ptext('organization.team', '班.')
    jurisdiction = _ptext('organization.jurisdiction', '政策所管府省庁.')
    ministry_order = _ptext('organization.ministry_order', '府省庁の建制順.')
    preparer = _ptext('organization.preparer', '作成責任者.')
    issues = _ptext('texts.issues', '現状・課題.')
    overview_url = _ptext('texts.overview_url', '事業概要URL.')
    notes = _ptext('texts.notes', '備考.')
    other_notes = _ptext('texts.other_notes', 'その他備考.')
    sheet_type = _ptext('sheet_type', 'シート種別.')
    category = _ptext('category', '事業区分.')
    major_expense = _ptext('major_expense', '主要経費.')
    old_code = _ptext('old_code', '旧事業番号.')
    display_order = _ptext('display_order', '整理表表示順.')

    @property
    def texts(self):
        """Every text field that is present, by document name ('texts.purpose' → 'purpose')."""
        h = self._h()
        out = {}
        for i, name in enumerate(enum_names(ENUM_PROJECT_TEXT)):
            v = lib.hyoka_project_text(h, enum_value(ENUM_PROJECT_TEXT, name))
            if v is not None:
                out[name.rpartition('.')[2]] = v.decode('utf-8')
        return out

    duty = _enum_prop(lambda h: lib.hyoka_project_duty(h), lambda h, v: lib.hyoka_project_set_duty(h, v),
                      ENUM_DUTY, "'autonomous', 'statutory_entrusted' or None.")
    period = _enum_prop(lambda h: lib.hyoka_project_period(h),
                        lambda h, v: lib.hyoka_project_set_period(h, v),
                        ENUM_PERIOD, "'one_time', 'recurring', 'fixed_term' or None.")

    @property
    def start_fiscal_year(self):
        return lib.hyoka_project_start_year(self._h()) or None

    @start_fiscal_year.setter
    def start_fiscal_year(self, value):
        h = self._h()
        lib.hyoka_project_set_period_years(h, year_in(value), lib.hyoka_project_end_year(h))

    @property
    def end_fiscal_year(self):
        return lib.hyoka_project_end_year(self._h()) or None

    @end_fiscal_year.setter
    def end_fiscal_year(self, value):
        h = self._h()
        lib.hyoka_project_set_period_years(h, lib.hyoka_project_start_year(h), year_in(value))

    # classification paths
    def _class_path(self, kind):
        h = self._h()
        k = enum_value(ENUM_CLASS_KIND, kind)
        out = []
        level = c_char_p()
        code = c_char_p()
        name = c_char_p()
        for i in range(lib.hyoka_project_class_count(h, k)):
            lib.hyoka_project_class_at(h, k, i, byref(level), byref(code), byref(name))
            out.append(ClassLevel(text_out(level.value), text_out(code.value), text_out(name.value)))
        return out

    def _set_class_path(self, kind, levels):
        h = self._h()
        k = enum_value(ENUM_CLASS_KIND, kind)
        items = []
        for item in levels:
            if isinstance(item, dict):
                item = ClassLevel(item.get('level'), item.get('code'), item.get('name'))
            items.append(ClassLevel(*item))
        lib.hyoka_project_clear_class(h, k)
        for it in items:
            self._add_class(kind, *it)

    def _add_class(self, kind, level=None, code=None, name=None):
        h = self._h()
        lb, ln = text_arg(level, 'level')
        cb, cn = text_arg(None if code is None else str(code), 'code')
        nb, nn = text_arg(name, 'name')
        lib.hyoka_project_add_class(h, enum_value(ENUM_CLASS_KIND, kind), lb, ln, cb, cn, nb, nn)

    @property
    def policy(self):
        """The policy path (政策 > 施策 > ...) as a list of ClassLevel(level, code, name)."""
        return self._class_path('policy')

    @policy.setter
    def policy(self, levels):
        self._set_class_path('policy', levels)

    def add_policy(self, level=None, code=None, name=None):
        self._add_class('policy', level, code, name)

    @property
    def account(self):
        """The budget account path (会計 > 款 > 項 > 目 > 事業)."""
        return self._class_path('account')

    @account.setter
    def account(self, levels):
        self._set_class_path('account', levels)

    def add_account(self, level=None, code=None, name=None):
        self._add_class('account', level, code, name)

    # years
    @property
    def years(self):
        """The cost years (a live sequence of :class:`Year`)."""
        return _Children(self, lib.hyoka_project_year_count, lib.hyoka_project_year_at, Year)

    def add_year(self, fiscal_year, phase=None, **fields):
        """Append a cost year: ``add_year(2007, phase='settled', settlement=..., usage=...)``."""
        h = self._h()
        out = c_void_p()
        lib.hyoka_project_add_year(h, year_in(fiscal_year), byref(out))
        y = self._kid(Year, out.value)
        try:
            if phase is not None:
                y.phase = phase
            _set_props(y, fields)
        except BaseException:
            self.remove_year(y)
            raise
        return y

    def year(self, fiscal_year):
        """The first cost year of a fiscal year, or None."""
        return self._kid(Year, lib.hyoka_project_find_year(self._h(), year_in(fiscal_year)))

    def remove_year(self, year):
        """Remove a cost year (a Year, or its index)."""
        h = self._h()
        index = Portfolio._index_of(year, self.years)
        self._forget(lib.hyoka_project_year_at(h, index))
        lib.hyoka_project_remove_year(h, index)

    # indicators
    @property
    def indicators(self):
        return _Children(self, lib.hyoka_project_indicator_count, lib.hyoka_project_indicator_at,
                         Indicator)

    def add_indicator(self, kind=None, **props):
        """Append an indicator: ``add_indicator('outcome', name=..., unit='%', direction='increase')``."""
        h = self._h()
        out = c_void_p()
        lib.hyoka_project_add_indicator(h, enum_value_or_unset(ENUM_INDICATOR_KIND, kind), byref(out))
        ind = self._kid(Indicator, out.value)
        try:
            _set_props(ind, props)
        except BaseException:
            self.remove_indicator(ind)
            raise
        return ind

    def remove_indicator(self, indicator):
        h = self._h()
        index = Portfolio._index_of(indicator, self.indicators)
        self._forget(lib.hyoka_project_indicator_at(h, index))
        lib.hyoka_project_remove_indicator(h, index)

    # evaluations
    @property
    def evaluations(self):
        return _Children(self, lib.hyoka_project_evaluation_count, lib.hyoka_project_evaluation_at,
                         Evaluation)

    def add_evaluation(self, stage=None, **props):
        """Append an evaluation: ``add_evaluation('primary', fiscal_year=2008, verdict='improve')``."""
        h = self._h()
        out = c_void_p()
        lib.hyoka_project_add_evaluation(h, enum_value_or_unset(ENUM_STAGE, stage), byref(out))
        ev = self._kid(Evaluation, out.value)
        try:
            _set_props(ev, props)
        except BaseException:
            self.remove_evaluation(ev)
            raise
        return ev

    def remove_evaluation(self, evaluation):
        h = self._h()
        index = Portfolio._index_of(evaluation, self.evaluations)
        self._forget(lib.hyoka_project_evaluation_at(h, index))
        lib.hyoka_project_remove_evaluation(h, index)

    # sub-projects
    @property
    def children(self):
        """Sub-projects (細事業)."""
        return _Children(self, lib.hyoka_project_child_count, lib.hyoka_project_child_at, Project)

    @_holds_own_locks
    def add_child(self, child=None, **props):
        """Add a sub-project (a standalone Project, whose ownership moves here, or properties)."""
        with _Hold(self):
            self._h()  # a freed project fails before anything is made
        if child is None:
            child, props = Project(**props), None
        elif not isinstance(child, Project):
            raise TypeError('add_child() takes a hyoka.Project')
        return child._hand_to(self, lib.hyoka_project_add_child,
                              'the project already has an owner; add project.copy()', props)

    def remove_child(self, child):
        h = self._h()
        index = Portfolio._index_of(child, self.children)
        self._forget(lib.hyoka_project_child_at(h, index))
        lib.hyoka_project_remove_child(h, index)

    @property
    def parent(self):
        """The parent project of a sub-project, else None."""
        self._h()
        p = self._parent
        return p if isinstance(p, Project) else None

    # records
    def records(self, kind):
        """The project's records of one kind ('budgets', 'blocks'...): a live sequence of Record."""
        k = enum_value(ENUM_RECORD_KIND, kind)
        return _Children(self, lambda h: lib.hyoka_project_record_count(h, k),
                         lambda h, i: lib.hyoka_project_record_at(h, k, i), Record)

    def add_record(self, kind, **fields):
        """Append a record: ``add_record('budgets', budget_year=2023, appropriation=40217000)``."""
        out = c_void_p()
        lib.hyoka_project_add_record(self._h(), enum_value(ENUM_RECORD_KIND, kind), byref(out))
        return Record._filled(self, out.value, fields, self.remove_record)

    def remove_record(self, record):
        """Remove a record of the project (with its child records)."""
        _remove_record(self, record, lib.hyoka_project_record_at, lib.hyoka_project_remove_record)

    # flags
    @property
    def flags(self):
        """The flags that are given, by document name ('start_unknown', 'methods.direct'...): a dict of bool."""
        h = self._h()
        v = c_int()
        out = {}
        for name in enum_names(ENUM_PROJECT_FLAG):
            if lib.hyoka_project_flag(h, enum_value(ENUM_PROJECT_FLAG, name), byref(v)) == 1:
                out[name] = bool(v.value)
        return out

    def set_flag(self, name, value):
        """Set a flag to True or False; None makes it missing (which is not False)."""
        lib.hyoka_project_set_flag(self._h(), enum_value(ENUM_PROJECT_FLAG, name),
                                   UNSET if value is None else 1 if value else 0)

    @property
    def portfolio(self):
        """The portfolio that owns this project (directly or through parents), else None."""
        self._h()
        n = self._parent
        while n is not None and not isinstance(n, Portfolio):
            n = n._parent
        return n

    def to_html(self, lang='ja'):
        """The sheet of this project as a self-contained HTML page (str)."""
        out = c_void_p()
        n = c_size_t()
        lib.hyoka_html_project(self._h(), lang_value(lang), byref(out), byref(n))
        return take_buffer(out, n).decode('utf-8')


# --------------------------------------------------------------------------
# Year (hyoka_costs) and Staff
# --------------------------------------------------------------------------

def _cost_prop(name, doc):
    cache = []

    def field():
        if not cache:
            cache.append(enum_value(ENUM_COST_FIELD, name))
        return cache[0]

    def fget(self):
        v = c_int64()
        return v.value if lib.hyoka_costs_get(self._h(), field(), byref(v)) == 1 else None

    def fset(self, value):
        h = self._h()
        if value is None:
            lib.hyoka_costs_clear(h, field())
        else:
            lib.hyoka_costs_set(h, field(), int_in(value, name))

    return property(fget, fset, None, doc)


class Year(_Node):
    """One fiscal year of a project's costs (amounts in int yen; None = missing)."""
    __slots__ = ()

    def __repr__(self):
        if not self.alive:
            return '<hyoka.Year (freed)>'
        return '<hyoka.Year %s %s>' % (self.fiscal_year, self.phase)

    @property
    def project(self):
        self._h()
        return self._parent

    @property
    def fiscal_year(self):
        return lib.hyoka_costs_fiscal_year(self._h())

    @fiscal_year.setter
    def fiscal_year(self, value):
        lib.hyoka_costs_set_fiscal_year(self._h(), year_in(value))

    phase = _enum_prop(lambda h: lib.hyoka_costs_phase(h), lambda h, v: lib.hyoka_costs_set_phase(h, v),
                       ENUM_PHASE, "'plan', 'budget', 'forecast', 'settled' or None.")

    initial_budget = _cost_prop('initial_budget', '当初予算 (yen).')
    final_budget = _cost_prop('final_budget', '最終予算 (yen).')
    settlement = _cost_prop('settlement', '決算額 (yen).')
    national = _cost_prop('national', '国庫支出金 (yen).')
    prefectural = _cost_prop('prefectural', '都道府県支出金 (yen).')
    bonds = _cost_prop('bonds', '地方債 (yen).')
    user_charges = _cost_prop('user_charges', '使用料・受益者負担金 (yen).')
    other = _cost_prop('other', 'その他特定財源 (yen).')
    general = _cost_prop('general', '一般財源 (yen).')
    debt_service = _cost_prop('debt_service', '公債費 (yen).')
    indirect_costs = _cost_prop('indirect_costs', '間接費 (yen).')
    usage = _cost_prop('usage', '利用数 (count).')
    beneficiaries = _cost_prop('beneficiaries', '受益者数 (count).')
    population = _cost_prop('population', "This year's population, overriding the portfolio's.")
    households = _cost_prop('households', "This year's households, overriding the portfolio's.")

    _FUNDING = ('national', 'prefectural', 'bonds', 'user_charges', 'other', 'general')

    @property
    def funding(self):
        """The six funding sources (財源内訳) as a dict (None where missing)."""
        return {name: getattr(self, name) for name in self._FUNDING}

    @funding.setter
    def funding(self, mapping):
        for key, value in mapping.items():
            if key not in self._FUNDING:
                raise TypeError('unknown funding source %r' % key)
            setattr(self, key, value)

    # staff
    @property
    def staff(self):
        """The staff lines (a live sequence of :class:`Staff`)."""
        return _Children(self, lib.hyoka_costs_staff_count, lib.hyoka_costs_staff_at, Staff)

    def add_staff(self, category=None, **fields):
        """Append a staff line: ``add_staff('regular', fte=Decimal('1.77'), amount=16627000)``."""
        h = self._h()
        out = c_void_p()
        lib.hyoka_costs_add_staff(h, enum_value_or_unset(ENUM_STAFF_CATEGORY, category), byref(out))
        s = self._kid(Staff, out.value)
        try:
            _set_props(s, fields)
        except BaseException:
            self.remove_staff(s)
            raise
        return s

    def remove_staff(self, staff):
        h = self._h()
        index = Portfolio._index_of(staff, self.staff)
        self._forget(lib.hyoka_costs_staff_at(h, index))
        lib.hyoka_costs_remove_staff(h, index)

    # stated figures
    @property
    def stated(self):
        """The figures as the sheet printed them: {figure: Stated(value, unit)}."""
        h = self._h()
        out = {}
        d = Dec()
        unit = c_int()
        for name in year_figure_names():
            if lib.hyoka_costs_stated(h, figure_value(name), byref(d), byref(unit)) == 1:
                out[name] = Stated(dec_out(d), enum_name(ENUM_UNIT, unit.value))
        return out

    def set_stated(self, figure, value, unit='yen'):
        """Keep a printed figure to be checked (value with its printed places: '15775.5')."""
        if value is None:
            return self.clear_stated(figure)
        d = dec_in(value, figure)
        lib.hyoka_costs_set_stated(self._h(), figure_value(figure), byref(d), enum_value(ENUM_UNIT, unit))

    def clear_stated(self, figure):
        lib.hyoka_costs_clear_stated(self._h(), figure_value(figure))

    # figures
    def figure(self, name):
        """One figure (see "Figures" in docs/guide.md): ``Figure(value, reason)``; money as int yen,
        others Decimal."""
        d = Dec()
        reason = c_int()
        rc = lib.hyoka_costs_figure(self._h(), figure_value(name), byref(d), byref(reason))
        return _figure_result(rc, d, reason, name)

    def figures(self):
        """Every figure of this cost year: {name: Figure}, in one call of the library (the year's
        expense, personnel and total computed once); the same as figure() for each name."""
        return _bulk('hyoka_costs_figures', year_figure_names)(c_void_p(self._h()))

    def figure_values(self):
        """Every figure of this cost year as its value alone: {name: int yen, Decimal or None (unavailable:
        figures() or figure() says why)}, in one call of the library. The lighter form for reading every
        figure of many years: no Figure per entry."""
        return _bulk('hyoka_costs_figures', year_figure_names)(c_void_p(self._h()), figures=False)


def _staff_dec_prop(name, doc):
    def fget(self):
        d = Dec()
        rc = lib.hyoka_staff_get_decimal(self._h(), enum_value(ENUM_STAFF_FIELD, name), byref(d))
        return dec_out(d) if rc == 1 else None

    def fset(self, value):
        h = self._h()
        f = enum_value(ENUM_STAFF_FIELD, name)
        if value is None:
            lib.hyoka_staff_clear(h, f)
        else:
            d = dec_in(value, name)
            lib.hyoka_staff_set_decimal(h, f, byref(d))

    return property(fget, fset, None, doc)


def _staff_yen_prop(name, doc):
    def fget(self):
        v = c_int64()
        rc = lib.hyoka_staff_get_amount(self._h(), enum_value(ENUM_STAFF_FIELD, name), byref(v))
        return v.value if rc == 1 else None

    def fset(self, value):
        h = self._h()
        f = enum_value(ENUM_STAFF_FIELD, name)
        if value is None:
            lib.hyoka_staff_clear(h, f)
        else:
            lib.hyoka_staff_set_amount(h, f, int_in(value, name))

    return property(fget, fset, None, doc)


class Staff(_Node):
    """One staff line of a cost year."""
    __slots__ = ()

    def __repr__(self):
        if not self.alive:
            return '<hyoka.Staff (freed)>'
        return '<hyoka.Staff %s fte=%s amount=%s>' % (self.category, self.fte, self.amount)

    category = _enum_prop(lambda h: lib.hyoka_staff_category(h),
                          lambda h, v: lib.hyoka_staff_set_category(h, v),
                          ENUM_STAFF_CATEGORY, "'regular', 'reappointed', 'part_time', 'temporary'.")
    headcount = _staff_dec_prop('headcount', '従事人数 (Decimal).')
    fte = _staff_dec_prop('fte', '人工 (Decimal).')
    hours = _staff_dec_prop('hours', '延べ業務時間 (Decimal).')
    unit_cost = _staff_yen_prop('unit_cost', 'Yearly cost of one FTE (yen).')
    hourly_rate = _staff_yen_prop('hourly_rate', 'Cost of one hour (yen).')
    amount = _staff_yen_prop('amount', 'The amount stated on the sheet (yen).')

    def cost(self):
        """What the line costs in PERSONNEL: Figure(int yen, None) or Figure(None, reason)."""
        v = c_int64()
        reason = c_int()
        rc = lib.hyoka_staff_cost(self._h(), byref(v), byref(reason))
        if rc < 0:
            return Figure(None, enum_name(ENUM_REASON, reason.value))
        return Figure(v.value, None)


# --------------------------------------------------------------------------
# Indicator
# --------------------------------------------------------------------------

def _itext(name, doc):
    return _text_prop(lambda h, f: lib.hyoka_indicator_text(h, f),
                      lambda h, f, b, n: lib.hyoka_indicator_set_text(h, f, b, n),
                      ENUM_INDICATOR_TEXT, name, doc)


class Indicator(_Node):
    """An indicator (指標) with its values per fiscal year (decimal.Decimal or None)."""
    __slots__ = ()

    def __repr__(self):
        if not self.alive:
            return '<hyoka.Indicator (freed)>'
        return '<hyoka.Indicator %s %s>' % (self.kind, self.name)

    @property
    def project(self):
        self._h()
        return self._parent

    kind = _enum_prop(lambda h: lib.hyoka_indicator_kind(h), lambda h, v: lib.hyoka_indicator_set_kind(h, v),
                      ENUM_INDICATOR_KIND, "'activity', 'target', 'outcome', 'upper_outcome'.")
    direction = _enum_prop(lambda h: lib.hyoka_indicator_direction(h),
                           lambda h, v: lib.hyoka_indicator_set_direction(h, v),
                           ENUM_DIRECTION, "'increase', 'decrease', 'maintain' or None.")
    name = _itext('name', '指標名.')
    unit = _itext('unit', '単位.')
    definition = _itext('definition', '計算方法・定義.')
    not_settable_reason = _itext('not_settable_reason', 'Why no target can be set.')
    long_term_note = _itext('long_term_target.note', 'A long-term target given in words.')
    goal = _itext('goal', 'アクティビティの内容, 活動目標, 成果目標.')
    source = _itext('source', 'The statistics or data the values come from (出典).')
    qualitative_reason = _itext('qualitative_reason', 'Why the goal is qualitative.')
    qualitative_result = _itext('qualitative_result', 'The result of a qualitative goal.')
    kpi_name = _itext('kpi_name', 'The cabinet decision or plan that sets a related KPI.')
    kpi_section = _itext('kpi_section', 'Where in it.')
    kpi_url = _itext('kpi_url', 'Its URL.')
    term = _enum_prop(lambda h: lib.hyoka_indicator_term(h), lambda h, v: lib.hyoka_indicator_set_term(h, v),
                      ENUM_TERM, "'short', 'medium', 'long' or None.")
    measurement = _enum_prop(lambda h: lib.hyoka_indicator_measurement(h),
                             lambda h, v: lib.hyoka_indicator_set_measurement(h, v),
                             ENUM_MEASUREMENT, "'quantitative', 'qualitative' or None.")

    @property
    def number(self):
        """Its number in the logic model (int) or None."""
        n = c_int64()
        return n.value if lib.hyoka_indicator_number(self._h(), byref(n)) == 1 else None

    @number.setter
    def number(self, value):
        lib.hyoka_indicator_set_number(self._h(), UNSET if value is None else int_in(value, 'number'))

    @property
    def target_fiscal_year(self):
        """目標年度 (int) or None."""
        return lib.hyoka_indicator_target_year(self._h()) or None

    @target_fiscal_year.setter
    def target_fiscal_year(self, value):
        lib.hyoka_indicator_set_target_year(self._h(), year_in(value))

    @property
    def baseline(self):
        """基準値: Baseline(value, fiscal_year), or None when neither is given."""
        d = Dec()
        fy = c_int32()
        has = lib.hyoka_indicator_baseline(self._h(), byref(d), byref(fy)) == 1
        if not has and not fy.value:
            return None
        return Baseline(dec_out(d) if has else None, fy.value or None)

    @baseline.setter
    def baseline(self, value):
        value, fiscal_year = value if isinstance(value, tuple) else (value, None)
        d = dec_in_opt(value, 'baseline')
        lib.hyoka_indicator_set_baseline(self._h(), None if d is None else byref(d), year_in(fiscal_year))

    @property
    def not_settable(self):
        """True when marked 設定困難 (no target can be set)."""
        return bool(lib.hyoka_indicator_not_settable(self._h()))

    @not_settable.setter
    def not_settable(self, value):
        lib.hyoka_indicator_set_not_settable(self._h(), 1 if value else 0)

    @property
    def long_term(self):
        """The long-term target: LongTerm(value, fiscal_year) or None."""
        d = Dec()
        fy = c_int32()
        if lib.hyoka_indicator_long_term(self._h(), byref(d), byref(fy)) == 1:
            return LongTerm(dec_out(d), fy.value or None)
        return None

    @long_term.setter
    def long_term(self, value):
        if isinstance(value, tuple):
            self.set_long_term(*value)
        else:
            self.set_long_term(value)

    def set_long_term(self, value, fiscal_year=None):
        d = dec_in_opt(value, 'long_term')
        lib.hyoka_indicator_set_long_term(self._h(), None if d is None else byref(d), year_in(fiscal_year))

    @property
    def years(self):
        """The fiscal years that have an entry, in order."""
        h = self._h()
        at = lib.unchecked('hyoka_indicator_year_at')
        return [at(h, i) for i in range(lib.hyoka_indicator_year_count(h))]

    def add_year(self, fiscal_year):
        lib.hyoka_indicator_add_year(self._h(), year_in(fiscal_year))

    def remove_year(self, fiscal_year):
        lib.hyoka_indicator_remove_year(self._h(), year_in(fiscal_year))

    def value(self, fiscal_year):
        """IndicatorValue(target, actual, forecast, stated_achievement) of one fiscal year."""
        h = self._h()
        fy = year_in(fiscal_year)
        d = Dec()
        out = []
        for name in IndicatorValue._fields:
            rc = lib.hyoka_indicator_value(h, fy, enum_value(ENUM_VALUE_FIELD, name), byref(d))
            out.append(dec_out(d) if rc == 1 else None)
        return IndicatorValue(*out)

    @property
    def values(self):
        """{fiscal_year: IndicatorValue} for every entry."""
        return {fy: self.value(fy) for fy in self.years}

    def set_value(self, fiscal_year, target=KEEP, actual=KEEP, forecast=KEEP, stated_achievement=KEEP):
        """Set values of one fiscal year (None makes a value missing; others are kept)."""
        h = self._h()
        fy = year_in(fiscal_year)
        lib.hyoka_indicator_add_year(h, fy)
        for name, value in (('target', target), ('actual', actual), ('forecast', forecast),
                            ('stated_achievement', stated_achievement)):
            if value is KEEP:
                continue
            d = dec_in_opt(value, name)
            lib.hyoka_indicator_set_value(h, fy, enum_value(ENUM_VALUE_FIELD, name),
                                          None if d is None else byref(d))

    def figure(self, fiscal_year, name='achievement'):
        """'achievement' or 'change' for one fiscal year: Figure(Decimal, None) or Figure(None, reason)."""
        d = Dec()
        reason = c_int()
        rc = lib.hyoka_indicator_figure(self._h(), year_in(fiscal_year), figure_value(name), byref(d),
                                        byref(reason))
        return _figure_result(rc, d, reason, name)

    def figures(self, fiscal_year):
        """Every figure of one fiscal year, {'achievement': Figure, 'change': Figure}, in one call of
        the library; the same as figure() for each name."""
        fy = c_int32(year_in(fiscal_year))
        return _bulk('hyoka_indicator_figures', _indicator_figure_names)(c_void_p(self._h()), fy)

    def figure_values(self, fiscal_year):
        """The figures of one fiscal year as their values alone, {'achievement': Decimal or None, 'change':
        Decimal or None} (None: unavailable; figures() says why), in one call of the library."""
        fy = c_int32(year_in(fiscal_year))
        return _bulk('hyoka_indicator_figures', _indicator_figure_names)(c_void_p(self._h()), fy, figures=False)

    def achievement(self, fiscal_year):
        """達成率 (%) of one fiscal year."""
        return self.figure(fiscal_year, 'achievement')

    def change(self, fiscal_year):
        """Change of the actual against the previous fiscal year (%)."""
        return self.figure(fiscal_year, 'change')


# --------------------------------------------------------------------------
# Record
# --------------------------------------------------------------------------

def _remove_record(owner, record, at, remove):
    """Remove @p record from @p owner (a Project or a Record) by its kind and index."""
    if not isinstance(record, Record):
        raise TypeError('expected a hyoka.Record')
    h = owner._h()
    k = lib.hyoka_record_kind_of(record._h())
    i = 0
    while True:
        ptr = at(h, k, i)
        if not ptr:
            raise errors.NotFound('the record is not one of these', code=errors.NotFound.code,
                                  status='HYOKA_ENOTFOUND')
        if ptr == record._ptr:
            break
        i += 1
    owner._forget(ptr)
    remove(h, k, i)


_kind_fields_cache = {}


def _kind_fields(kind):
    """{name: (field, type name)} of the fields of a record kind (a value), in
    the order of the field enumeration; read from the schema once."""
    out = _kind_fields_cache.get(kind)
    if out is None:
        out = {}
        for name in enum_names(ENUM_RECORD_FIELD):
            f = enum_value(ENUM_RECORD_FIELD, name)
            t = lib.hyoka_record_field_type(kind, f)
            if t >= 0:
                out[name] = (f, enum_name(ENUM_FIELD_TYPE, t))
        _kind_fields_cache[kind] = out
    return out


class _RecordFields(collections.abc.MutableMapping):
    """A live view of a record's fields by document name. A missing field is
    absent (``KeyError``); a field not applicable reads as
    ``hyoka.NOT_APPLICABLE``. Values: str (text), int (money in yen, counts,
    numbers, fiscal years), decimal.Decimal, bool (flags). Setting None makes
    a field missing; NOT_APPLICABLE marks it not applicable."""
    __slots__ = ('_record',)

    def __init__(self, record):
        self._record = record

    def _hold(self):
        return _Hold(self._record)

    def _field(self, name):
        """(handle, field, type) of a field of the record's kind, or KeyError."""
        h = self._record._h()
        f, t = _kind_fields(lib.hyoka_record_kind_of(h))[name]
        return h, f, t

    def __getitem__(self, name):
        with self._hold():
            return self._get(name)

    def _get(self, name):
        h, f, t = self._field(name)
        state = enum_name(ENUM_FIELD_STATE, lib.hyoka_record_field_state(h, f))
        if state == 'missing':
            raise KeyError(name)
        if state == 'not_applicable':
            return NOT_APPLICABLE
        if t == 'text':
            return text_out(lib.hyoka_record_text(h, f))
        if t == 'decimal':
            d = Dec()
            lib.hyoka_record_decimal(h, f, byref(d))
            return dec_out(d)
        if t == 'flag':
            v = c_int()
            lib.hyoka_record_flag(h, f, byref(v))
            return bool(v.value)
        if t == 'fiscal_year':
            y = c_int32()
            lib.hyoka_record_fiscal_year(h, f, byref(y))
            return y.value
        v = c_int64()
        getattr(lib, 'hyoka_record_money' if t == 'money' else 'hyoka_record_integer')(h, f, byref(v))
        return v.value

    def __setitem__(self, name, value):
        with self._hold():
            self._set(name, value)

    def _set(self, name, value):
        h, f, t = self._field(name)
        if value is None:
            lib.hyoka_record_clear(h, f)
        elif value is NOT_APPLICABLE:
            lib.hyoka_record_set_not_applicable(h, f)
        elif t == 'text':
            b, n = text_arg(value, name)
            lib.hyoka_record_set_text(h, f, b, n)
        elif t == 'decimal':
            lib.hyoka_record_set_decimal(h, f, byref(dec_in(value, name)))
        elif t == 'flag':
            if not isinstance(value, bool):
                raise TypeError('%s must be a bool' % name)
            lib.hyoka_record_set_flag(h, f, int(value))
        elif t == 'fiscal_year':
            lib.hyoka_record_set_fiscal_year(h, f, year_in(value, name))
        else:
            getattr(lib, 'hyoka_record_set_money' if t == 'money' else 'hyoka_record_set_integer')(
                h, f, int_in(value, name))

    def __delitem__(self, name):
        with self._hold():
            self._get(name)  # KeyError when missing
            self._set(name, None)

    def __iter__(self):
        """The names of the fields that are set or not applicable."""
        with self._hold():
            h = self._record._h()
            names = [name for name, (f, _) in _kind_fields(lib.hyoka_record_kind_of(h)).items()
                     if lib.hyoka_record_field_state(h, f) != 0]
        return iter(names)

    def __len__(self):
        return sum(1 for _ in self)

    def __repr__(self):
        return repr(dict(self))


class Record(_Extensions, _Node):
    """A record of typed fields (record.h): a budget line, a spending block,
    a recipient, a contract... ``kind`` is its kind's document name
    ('budgets'), ``fields`` a live dict-like view of its fields by document
    name, ``children(kind)`` the records that hang under it, ``extensions``
    the columns a reader kept by their header."""
    __slots__ = ()
    _ext = 'hyoka_record'

    def __repr__(self):
        if not self.alive:
            return '<hyoka.Record (freed)>'
        return '<hyoka.Record %s %r>' % (self.kind, dict(self.fields))

    @classmethod
    def _filled(cls, owner, ptr, fields, remove):
        """The wrapper of a new record of @p owner, its fields set (removed again when one is refused)."""
        r = owner._kid(cls, ptr)
        try:
            for name, value in fields.items():
                r.fields[name] = value
        except BaseException:
            remove(r)
            raise
        return r

    @property
    def kind(self):
        return enum_name(ENUM_RECORD_KIND, lib.hyoka_record_kind_of(self._h()))

    @property
    def fields(self):
        return _RecordFields(self)

    def __getitem__(self, name):
        return self.fields[name]

    def __setitem__(self, name, value):
        self.fields[name] = value

    def __delitem__(self, name):
        del self.fields[name]

    def get(self, name, default=None):
        return self.fields.get(name, default)

    @property
    def parent(self):
        """The record this one hangs under, or None for a project's own."""
        self._h()
        return self._parent if isinstance(self._parent, Record) else None

    @property
    def project(self):
        self._h()
        n = self._parent
        while isinstance(n, Record):
            n = n._parent
        return n

    def children(self, kind):
        """The child records of one kind ('items', 'recipients', 'contracts', 'expenses')."""
        k = enum_value(ENUM_RECORD_KIND, kind)
        return _Children(self, lambda h: lib.hyoka_record_child_count(h, k),
                         lambda h, i: lib.hyoka_record_child_at(h, k, i), Record)

    def add_child(self, kind, **fields):
        """Append a child record: ``block.add_child('recipients', name='...', corporate_number='...')``."""
        out = c_void_p()
        lib.hyoka_record_add_child(self._h(), enum_value(ENUM_RECORD_KIND, kind), byref(out))
        return Record._filled(self, out.value, fields, self.remove_child)

    def remove_child(self, record):
        _remove_record(self, record, lib.hyoka_record_child_at, lib.hyoka_record_remove_child)

    def figure(self, name):
        """A figure of the record ('unspent', 'appropriation_rate', 'account_share',
        'single_bidder_share', 'noncompetitive_share'): Figure(value, None) or Figure(None, reason)."""
        d = Dec()
        reason = c_int()
        rc = lib.hyoka_record_figure(self._h(), figure_value(name), byref(d), byref(reason))
        return _figure_result(rc, d, reason, name)



# --------------------------------------------------------------------------
# Evaluation
# --------------------------------------------------------------------------

def _etext(name, doc):
    return _text_prop(lambda h, f: lib.hyoka_evaluation_text(h, f),
                      lambda h, f, b, n: lib.hyoka_evaluation_set_text(h, f, b, n),
                      ENUM_EVALUATION_TEXT, name, doc)


class Evaluation(_Node):
    """An evaluation (評価) of a project."""
    __slots__ = ()

    def __repr__(self):
        if not self.alive:
            return '<hyoka.Evaluation (freed)>'
        return '<hyoka.Evaluation %s %s %s>' % (self.stage, self.fiscal_year, self.verdict)

    @property
    def project(self):
        self._h()
        return self._parent

    stage = _enum_prop(lambda h: lib.hyoka_evaluation_stage(h),
                       lambda h, v: lib.hyoka_evaluation_set_stage(h, v),
                       ENUM_STAGE, "'self', 'primary', 'secondary', 'external', 'committee'.")
    evaluator = _etext('evaluator', '記入者・評価者.')
    scheme = _etext('scheme', "Id of the scheme followed (None means 'jp-standard').")
    verdict = _etext('verdict', 'Code of the overall verdict (総合評価).')
    budget = _etext('budget', 'Code of the budget direction.')

    @property
    def fiscal_year(self):
        return lib.hyoka_evaluation_fiscal_year(self._h()) or None

    @fiscal_year.setter
    def fiscal_year(self, value):
        lib.hyoka_evaluation_set_fiscal_year(self._h(), year_in(value))

    @property
    def date(self):
        """ISO date '2008-05-15' (or '2008-12' for a month), or None."""
        return date_out(lib.hyoka_evaluation_date(self._h()))

    @date.setter
    def date(self, value):
        lib.hyoka_evaluation_set_date(self._h(), date_in(value))

    @property
    def expected_outcome(self):
        return enum_name(ENUM_EXPECTED_OUTCOME, lib.hyoka_evaluation_expected_outcome(self._h()))

    @expected_outcome.setter
    def expected_outcome(self, value):
        h = self._h()
        lib.hyoka_evaluation_set_expected(h, enum_value_or_unset(ENUM_EXPECTED_OUTCOME, value),
                                          lib.hyoka_evaluation_expected_cost(h))

    @property
    def expected_cost(self):
        return enum_name(ENUM_EXPECTED_COST, lib.hyoka_evaluation_expected_cost(self._h()))

    @expected_cost.setter
    def expected_cost(self, value):
        h = self._h()
        lib.hyoka_evaluation_set_expected(h, lib.hyoka_evaluation_expected_outcome(h),
                                          enum_value_or_unset(ENUM_EXPECTED_COST, value))

    def _pairs(self, count, at):
        h = self._h()
        out = {}
        k = c_char_p()
        v = c_char_p()
        for i in range(count(h)):
            at(h, i, byref(k), byref(v))
            out[text_out(k.value)] = text_out(v.value)
        return out

    @property
    def answers(self):
        """Criterion answers {criterion: answer} (a dict copy; assign a dict to replace)."""
        return self._pairs(lib.hyoka_evaluation_answer_count, lib.hyoka_evaluation_answer_at)

    @answers.setter
    def answers(self, mapping):
        mapping = dict(mapping)
        for key in list(self.answers):
            self.set_answer(key, None)
        for key, value in mapping.items():
            self.set_answer(key, value)

    def set_answer(self, criterion, value):
        """Answer a criterion (an option code such as 'A', or a number); None removes it."""
        h = self._h()
        kb, kn = text_arg(criterion, 'criterion')
        if value is not None and not isinstance(value, str):
            if isinstance(value, float):
                raise TypeError('answers are text or exact numbers (int, Decimal), not float')
            value = str(value)
        vb, vn = text_arg(value, 'answer')
        lib.hyoka_evaluation_set_answer(h, kb, kn, vb, vn)

    @property
    def comments(self):
        """Free comments {key: text} (a dict copy; assign a dict to replace)."""
        return self._pairs(lib.hyoka_evaluation_comment_count, lib.hyoka_evaluation_comment_at)

    @comments.setter
    def comments(self, mapping):
        mapping = dict(mapping)
        for key in list(self.comments):
            self.set_comment(key, None)
        for key, value in mapping.items():
            self.set_comment(key, value)

    def set_comment(self, key, text):
        h = self._h()
        kb, kn = text_arg(key, 'key')
        vb, vn = text_arg(text, 'comment')
        lib.hyoka_evaluation_set_comment(h, kb, kn, vb, vn)

    @property
    def goals(self):
        """Goals (今期目標) as a list of Goal(what, level, by) with ``by`` an ISO date or None."""
        h = self._h()
        out = []
        what = c_char_p()
        level = c_char_p()
        by = c_int32()
        for i in range(lib.hyoka_evaluation_goal_count(h)):
            lib.hyoka_evaluation_goal_at(h, i, byref(what), byref(level), byref(by))
            out.append(Goal(text_out(what.value), text_out(level.value), date_out(by.value)))
        return out

    def add_goal(self, what=None, level=None, by=None):
        h = self._h()
        wb, wn = text_arg(what, 'what')
        lb, ln = text_arg(level, 'level')
        lib.hyoka_evaluation_add_goal(h, wb, wn, lb, ln, date_in(by))

    def remove_goal(self, index):
        lib.hyoka_evaluation_remove_goal(self._h(), int_in(index, 'index', check_size))

    def score(self):
        """The scheme's weighted score: Figure(Decimal, None) or Figure(None, reason)."""
        d = Dec()
        reason = c_int()
        rc = lib.hyoka_evaluation_score(self._h(), byref(d), byref(reason))
        return _figure_result(rc, d, reason, 'score')

    def rating(self):
        """The rating band: Rating(code, label, None) or Rating(None, None, reason)."""
        code = c_char_p()
        label = c_char_p()
        reason = c_int()
        rc = lib.hyoka_evaluation_rating(self._h(), byref(code), byref(label), byref(reason))
        if rc < 0:
            return Rating(None, None, enum_name(ENUM_REASON, reason.value))
        return Rating(text_out(code.value), text_out(label.value), None)


# --------------------------------------------------------------------------
# Scheme
# --------------------------------------------------------------------------

class Scheme(_Owned):
    """The vocabulary of an evaluation practice.

    ``Scheme('city-3point', name=...)`` makes one owned by Python until added
    to a portfolio; :meth:`builtin` returns a read-only built-in scheme.
    """
    __slots__ = ()
    _free, _copier, _equal = 'hyoka_scheme_free', 'hyoka_scheme_copy', 'hyoka_scheme_equal'

    def __init__(self, scheme_id, name=None):
        b, n = text_arg(scheme_id, 'scheme id')
        out = c_void_p()
        lib.hyoka_scheme_new(byref(out), b, n)
        self._init_owned(out.value)
        if name is not None:
            try:
                self.name = name
            except BaseException:
                self._release()
                raise

    @classmethod
    def _builtin(cls, ptr):
        return cls._wrap(ptr, None)

    @classmethod
    def builtin(cls, scheme_id):
        """A built-in scheme ('jp-standard', 'us-omb-part', 'oecd-dac'); None when unknown."""
        b, n = text_arg(scheme_id, 'scheme id')
        ptr = lib.hyoka_scheme_builtin(b, n)
        return cls._builtin(ptr) if ptr else None

    @classmethod
    def builtins(cls):
        return [cls._builtin(lib.hyoka_scheme_builtin_at(i)) for i in range(lib.hyoka_scheme_builtin_count())]

    def __repr__(self):
        return '<hyoka.Scheme %s>' % (self.id if self.alive else '(freed)')

    @property
    def id(self):
        return text_out(lib.hyoka_scheme_id(self._h()))

    @property
    def name(self):
        return text_out(lib.hyoka_scheme_name(self._h()))

    @name.setter
    def name(self, value):
        b, n = text_arg(value, 'name')
        lib.hyoka_scheme_set_name(self._h(), b, n)

    @property
    def is_builtin(self):
        return bool(lib.hyoka_scheme_is_builtin(self._h()))

    def _criterion_index(self, criterion):
        if isinstance(criterion, int):
            return int_in(criterion, 'criterion', check_size)
        b, n = text_arg(criterion, 'criterion')
        idx = c_size_t()
        lib.hyoka_scheme_find_criterion(self._h(), b, n, byref(idx))
        return idx.value

    @property
    def criteria(self):
        """Criteria with their options or numeric range."""
        h = self._h()
        out = []
        code = c_char_p()
        label = c_char_p()
        w = Dec()
        for i in range(lib.hyoka_scheme_criterion_count(h)):
            lib.hyoka_scheme_criterion_at(h, i, byref(code), byref(label), byref(w))
            options = []
            oc = c_char_p()
            ol = c_char_p()
            sc = Dec()
            has = c_int()
            for j in range(lib.hyoka_scheme_option_count(h, i)):
                lib.hyoka_scheme_option_at(h, i, j, byref(oc), byref(ol), byref(sc), byref(has))
                options.append(Option(text_out(oc.value), text_out(ol.value),
                                      dec_out(sc) if has.value else None))
            mn = Dec()
            mx = Dec()
            hmn = c_int()
            hmx = c_int()
            rng = None
            if lib.hyoka_scheme_range(h, i, byref(mn), byref(hmn), byref(mx), byref(hmx)) == 1:
                rng = (dec_out(mn) if hmn.value else None, dec_out(mx) if hmx.value else None)
            out.append(Criterion(text_out(code.value), text_out(label.value), dec_out(w),
                                 bool(lib.hyoka_scheme_required(h, i)), options, rng))
        return out

    def add_criterion(self, code, label=None, weight=None, required=False, options=None, range=None):
        """Append a criterion; ``options`` a list of (code, label, score) or Option,
        ``range`` a (min, max) pair for a numeric one. Returns its index."""
        h = self._h()
        cb, cn = text_arg(code, 'code')
        lb, ln = text_arg(label, 'label')
        w = dec_in_opt(weight, 'weight')
        idx = c_size_t()
        lib.hyoka_scheme_add_criterion(h, cb, cn, lb, ln, None if w is None else byref(w), byref(idx))
        i = idx.value
        if required:
            lib.hyoka_scheme_set_required(h, i, 1)
        for opt in options or ():
            self.add_option(i, *opt)
        if range is not None:
            self.set_range(i, *range)
        return i

    def set_required(self, criterion, required=True):
        lib.hyoka_scheme_set_required(self._h(), self._criterion_index(criterion), 1 if required else 0)

    def add_option(self, criterion, code, label=None, score=None):
        h = self._h()
        i = self._criterion_index(criterion)
        cb, cn = text_arg(str(code), 'code')
        lb, ln = text_arg(label, 'label')
        s = dec_in_opt(score, 'score')
        lib.hyoka_scheme_add_option(h, i, cb, cn, lb, ln, None if s is None else byref(s))

    def set_range(self, criterion, min=None, max=None):
        h = self._h()
        i = self._criterion_index(criterion)
        a = dec_in_opt(min, 'min')
        b = dec_in_opt(max, 'max')
        lib.hyoka_scheme_set_range(h, i, None if a is None else byref(a), None if b is None else byref(b))

    def _triples(self, count, at, enum_id, cls):
        h = self._h()
        out = []
        code = c_char_p()
        label = c_char_p()
        kind = c_int()
        for i in range(count(h)):
            at(h, i, byref(code), byref(label), byref(kind))
            out.append(cls(text_out(code.value), text_out(label.value), enum_name(enum_id, kind.value)))
        return out

    @property
    def verdicts(self):
        return self._triples(lib.hyoka_scheme_verdict_count, lib.hyoka_scheme_verdict_at,
                             ENUM_VERDICT_GROUP, Verdict)

    def add_verdict(self, code, label=None, group='continue'):
        cb, cn = text_arg(code, 'code')
        lb, ln = text_arg(label, 'label')
        lib.hyoka_scheme_add_verdict(self._h(), cb, cn, lb, ln, enum_value(ENUM_VERDICT_GROUP, group))

    @property
    def budget_directions(self):
        return self._triples(lib.hyoka_scheme_budget_count, lib.hyoka_scheme_budget_at,
                             ENUM_BUDGET_KIND, BudgetDirection)

    def add_budget_direction(self, code, label=None, kind='same'):
        cb, cn = text_arg(code, 'code')
        lb, ln = text_arg(label, 'label')
        lib.hyoka_scheme_add_budget(self._h(), cb, cn, lb, ln, enum_value(ENUM_BUDGET_KIND, kind))

    @property
    def bands(self):
        """Rating bands, highest minimum first."""
        h = self._h()
        out = []
        mn = Dec()
        code = c_char_p()
        label = c_char_p()
        for i in range(lib.hyoka_scheme_band_count(h)):
            lib.hyoka_scheme_band_at(h, i, byref(mn), byref(code), byref(label))
            out.append(Band(dec_out(mn), text_out(code.value), text_out(label.value)))
        return out

    def add_band(self, min, code, label=None):
        d = dec_in(min, 'min')
        cb, cn = text_arg(code, 'code')
        lb, ln = text_arg(label, 'label')
        lib.hyoka_scheme_add_band(self._h(), byref(d), cb, cn, lb, ln)

    @property
    def missing_rating(self):
        """(code, label) given when a required criterion is unanswered, or None."""
        code = c_char_p()
        label = c_char_p()
        if lib.hyoka_scheme_missing_rating(self._h(), byref(code), byref(label)) == 1:
            return (text_out(code.value), text_out(label.value))
        return None

    def set_missing_rating(self, code, label=None):
        cb, cn = text_arg(code, 'code')
        lb, ln = text_arg(label, 'label')
        lib.hyoka_scheme_set_missing_rating(self._h(), cb, cn, lb, ln)
