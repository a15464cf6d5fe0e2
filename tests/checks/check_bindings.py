#!/usr/bin/env python3
"""The Python and Ruby bindings must declare the C API as the headers do.

Each binding keeps the C API as data, in a file that loads no library:
bindings/python/hyoka/_api.py (ctypes) and bindings/ruby/lib/hyoka/api.rb
(ffi-gem type names, printed as JSON by dump_ruby_api.rb). Against the
public headers, parsed by hyokadecls.py, this check fails, naming the
function, type or constant, when:

  1. a public function has no declaration in the binding;
  2. the binding declares a function the headers do not have;
  3. a declaration's argument count, an argument type or the return type
     differs from the header's;
  4. a struct layout (options structs, hyoka_decimal) or a callback type
     (the allocator's) differs, or a public struct has no layout;
  5. a HYOKA_* constant of the binding (enumeration ids, limits, flags,
     encodings, sizes) is not in the headers or has another value.

How C types map: int, unsigned, int32_t, int64_t, size_t and double to the
integer or floating type of the same size and signedness (ctypes) or to the
ffi type of the same name (:int, :uint, :int32, :int64, :size_t, :double);
`const char *` to c_char_p (Python) or :string / :pointer (Ruby); `char *`
(a buffer to fill) to c_char_p or c_void_p, or :pointer; a handle `hyoka_x *` to
c_void_p or :pointer; out-pointers to POINTER(the pointee) or :pointer,
`char **` (a buffer to hyoka_free()) and `hyoka_x **` to POINTER(c_void_p),
`const char **` to POINTER(c_char_p); a struct by pointer to POINTER(the
Structure) or :pointer, by value to the Structure or the struct's C name;
an array parameter `T a[N]` to a ctypes array of N or :pointer; a function
pointer typedef to a CFUNCTYPE of that signature or the callback's C name.

Usage:
  check_bindings.py --lang python --api bindings/python/hyoka/_api.py HEADER...
  check_bindings.py --lang ruby --ruby RUBY --dump dump_ruby_api.rb \\
                    --api bindings/ruby/lib/hyoka/api.rb HEADER...

Exit status: 0 pass, 1 failure, 77 skipped (no ruby).
"""

import argparse
import ctypes
import importlib.util
import itertools
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import hyokadecls  # noqa: E402
from hyokadecls import CType  # noqa: E402

SKIP = 77
SIZE_MAX = ctypes.c_size_t(-1).value


class Unsupported(Exception):
    """A C type this check has no mapping for (extend the mapping)."""


class Headers:
    """Prototypes and types of the public headers."""

    def __init__(self, paths):
        self.prototypes = {}
        for path in paths:
            for p in hyokadecls.header_prototypes(path):
                self.prototypes[p.name] = p
        self.types = hyokadecls.header_types(paths, SIZE_MAX)

    def dim(self, ct):
        """The array size of @p ct as a number."""
        text = ct.dim
        if text in self.types.constants:
            return self.types.constants[text]
        try:
            return int(text, 0)
        except ValueError:
            raise Unsupported("array size %r is not a known constant" % text) from None

    def kind(self, base):
        """'opaque', 'struct', 'callback' or None for a type name."""
        if base in self.types.opaque:
            return "opaque"
        if base in self.types.structs:
            return "struct"
        if base in self.types.callbacks:
            return "callback"
        return None


# --- Python (ctypes) --------------------------------------------------------

def _int_name(signed, size):
    return "%sint%d" % ("" if signed else "u", 8 * size)


PY_SCALARS = {
    "int": _int_name(True, ctypes.sizeof(ctypes.c_int)),
    "unsigned": _int_name(False, ctypes.sizeof(ctypes.c_uint)),
    "unsigned int": _int_name(False, ctypes.sizeof(ctypes.c_uint)),
    "int32_t": "int32", "int64_t": "int64",
    "size_t": _int_name(False, ctypes.sizeof(ctypes.c_size_t)),
    "double": "double",
}


def py_expected(ct, hdr, in_array=False):
    """The set of binding descriptions (see py_describe) that fit @p ct."""
    if ct.dim is not None:
        element = CType(ct.base, ct.const, ct.stars)
        return {"array(%d,%s)" % (hdr.dim(ct), e) for e in py_expected(element, hdr, True)}
    kind = hdr.kind(ct.base)
    if ct.stars == 0:
        if ct.base == "void":
            return {"void"}
        if ct.base in PY_SCALARS:
            return {PY_SCALARS[ct.base]}
        if kind == "struct":
            return {"struct(%s)" % ct.base}
        if kind == "callback":
            ret, params = hdr.types.callbacks[ct.base]
            options = [sorted(py_expected(t, hdr)) for t in [ret] + params]
            return {"fn(%s;%s)" % (o[0], ",".join(o[1:])) for o in itertools.product(*options)}
    elif ct.stars == 1:
        if ct.base == "char":
            # (a buffer to fill may be a plain pointer: ctypes gives a
            # callback's c_char_p argument as a copy, not the buffer)
            return {"char_p", "void_p"} if in_array or not ct.const else {"char_p"}
        if ct.base == "void" or kind == "opaque":
            return {"void_p"}
        if kind == "struct":
            return {"ptr(struct(%s))" % ct.base}
        if ct.base in PY_SCALARS:
            return {"ptr(%s)" % PY_SCALARS[ct.base]}
    elif ct.stars == 2:
        if ct.base == "char":
            # const char **: a borrowed string; char **: a buffer to hyoka_free()
            return {"ptr(char_p)"} if ct.const else {"ptr(void_p)"}
        if ct.base == "void" or kind == "opaque":
            return {"ptr(void_p)"}
    raise Unsupported("no ctypes mapping for `%s`" % ct)


PY_CODES = {"z": "char_p", "P": "void_p", "d": "double", "f": "float", "c": "char", "?": "bool"}


def py_describe(t, struct_names):
    """A ctypes type as the ABI sees it: 'int32', 'uint64', 'char_p',
    'ptr(int64)', 'array(14,void_p)', 'struct(hyoka_decimal)',
    'fn(void_p;uint64,void_p)'..."""
    if t is None:
        return "void"
    if isinstance(t, type):
        if issubclass(t, ctypes._SimpleCData):
            code = t._type_
            if code in PY_CODES:
                return PY_CODES[code]
            if code in "bhilq":
                return _int_name(True, ctypes.sizeof(t))
            if code in "BHILQ":
                return _int_name(False, ctypes.sizeof(t))
        elif issubclass(t, ctypes._Pointer):
            return "ptr(%s)" % py_describe(t._type_, struct_names)
        elif issubclass(t, ctypes.Array):
            return "array(%d,%s)" % (t._length_, py_describe(t._type_, struct_names))
        elif issubclass(t, ctypes.Structure):
            return "struct(%s)" % struct_names.get(t, "?" + t.__name__)
        elif issubclass(t, ctypes._CFuncPtr):
            return "fn(%s;%s)" % (py_describe(t._restype_, struct_names),
                                  ",".join(py_describe(a, struct_names) for a in t._argtypes_))
    return "unknown(%r)" % (t,)


def load_python_api(path):
    """Import _api.py by its path, without the hyoka package (which loads
    the library)."""
    sys.dont_write_bytecode = True
    spec = importlib.util.spec_from_file_location("hyoka_api_under_check", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def check_python(api_path, hdr, fail):
    api = load_python_api(api_path)
    struct_names = {cls: name for name, cls in api.STRUCTS.items()}
    checks = {api.RAW: "RAW", api.STATUS: "STATUS", api.FIGURE: "FIGURE"}
    counts = compare_functions(
        hdr, fail, "python",
        {name: (entry[0], entry[1]) for name, entry in api.PROTOTYPES.items()},
        lambda ct, ret: py_expected(ct, hdr),
        lambda t: py_describe(t, struct_names),
        lambda t: getattr(t, "__name__", repr(t)))
    for name, (restype, _args, check) in api.PROTOTYPES.items():
        if check not in checks:
            fail("python: %s: unknown check kind %r" % (name, check))
        elif check != api.RAW and py_describe(restype, struct_names) != PY_SCALARS["int"]:
            fail("python: %s: %s check on a function that does not return int"
                 % (name, checks[check]))
    compare_structs(hdr, fail, "python",
                    {name: list(cls._fields_) for name, cls in api.STRUCTS.items()},
                    lambda ct: py_expected(ct, hdr),
                    lambda t: py_describe(t, struct_names))
    consts = {n: getattr(api, n) for n in dir(api) if n.startswith("HYOKA_")}
    compare_constants(hdr, fail, "python", consts)
    return counts + (len(api.STRUCTS), len(consts))


# --- Ruby (ffi gem) ---------------------------------------------------------

RB_SCALARS = {"int": "int", "unsigned": "uint", "unsigned int": "uint", "int32_t": "int32",
              "int64_t": "int64", "size_t": "size_t", "double": "double"}


def rb_expected(ct, hdr, field=False):
    """The set of ffi type names that fit @p ct (a parameter, a return
    type or, with @p field, a struct field)."""
    if ct.dim is not None:
        if field and ct.stars == 0 and ct.base in RB_SCALARS:
            return {"%s[%d]" % (RB_SCALARS[ct.base], hdr.dim(ct))}
        if not field:
            return {"pointer"}  # array parameters are passed as pointers
        raise Unsupported("no ffi mapping for the field type `%s`" % ct)
    if ct.stars == 0:
        if ct.base == "void":
            return {"void"}
        if ct.base in RB_SCALARS:
            return {RB_SCALARS[ct.base]}
        if hdr.kind(ct.base) in ("struct", "callback"):
            return {ct.base}
        raise Unsupported("no ffi mapping for `%s`" % ct)
    if ct.stars == 1 and ct.base == "char" and ct.const:
        return {"string", "pointer"}
    return {"pointer"}


def rb_describe(t):
    if isinstance(t, list) and len(t) == 2:
        return "%s[%s]" % (t[0], t[1])
    return str(t)


def check_ruby(ruby, dump, api_path, hdr, fail):
    res = subprocess.run([ruby, dump, api_path], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         universal_newlines=True)
    if res.returncode != 0:
        fail("ruby: %s cannot be read:\n%s" % (api_path, res.stderr))
        return None
    api = json.loads(res.stdout)
    for name, entry in api["functions"].items():
        if len(entry) == 3 and entry[2] != "blocking":
            fail("ruby: %s: unknown option %r (only blocking)" % (name, entry[2]))
    counts = compare_functions(
        hdr, fail, "ruby",
        {name: (entry[1], entry[0]) for name, entry in api["functions"].items()},
        lambda ct, ret: rb_expected(ct, hdr), rb_describe, lambda t: ":%s" % rb_describe(t))
    # Callback types the functions name must be declared with the header's signature.
    for name, (args, ret) in api["callbacks"].items():
        if name not in hdr.types.callbacks:
            fail("ruby: callback type %s is not a typedef of the headers" % name)
            continue
        c_ret, c_params = hdr.types.callbacks[name]
        compare_signature(fail, "ruby: callback type %s" % name, c_ret, c_params, ret, args,
                          lambda ct, r: rb_expected(ct, hdr), rb_describe,
                          lambda t: ":%s" % rb_describe(t))
    for proto in hdr.prototypes.values():
        for ct in proto.params:
            if hdr.kind(ct.base) == "callback" and ct.stars == 0 and ct.base not in api["callbacks"]:
                fail("ruby: %s (%s) takes the callback type %s, which CALLBACKS does not declare"
                     % (proto.name, proto.where, ct.base))
    compare_structs(hdr, fail, "ruby", api["structs"], lambda ct: rb_expected(ct, hdr, field=True),
                    rb_describe)
    compare_constants(hdr, fail, "ruby", api["constants"])
    return counts + (len(api["structs"]), len(api["constants"]))


# --- Comparisons shared by both ---------------------------------------------

def compare_signature(fail, what, c_ret, c_params, ret, args, expected, describe, spell):
    if len(args) != len(c_params):
        fail("%s: takes %d argument(s), the header %d (%s)"
             % (what, len(args), len(c_params), ", ".join(map(str, c_params)) or "void"))
        return
    pairs = [("the return type", c_ret, ret, True)]
    pairs += [("argument %d" % (i + 1), ct, t, False) for i, (ct, t) in enumerate(zip(c_params, args))]
    for label, ct, t, is_ret in pairs:
        try:
            ok = expected(ct, is_ret)
        except Unsupported as e:
            fail("%s: %s: %s" % (what, label, e))
            continue
        got = describe(t)
        if got not in ok:
            name = spell(t)
            if name.lstrip(":") != got:
                name += " (%s)" % got
            fail("%s: %s is %s but the header says `%s` (expected %s)"
                 % (what, label, name, ct, " or ".join(sorted(ok))))


def compare_functions(hdr, fail, lang, declared, expected, describe, spell):
    """declared: {name: (return, [arguments])} in the binding's own types."""
    for name in sorted(set(hdr.prototypes) - set(declared)):
        p = hdr.prototypes[name]
        fail("%s: %s (%s) has no declaration in the binding" % (lang, name, p.where))
    for name in sorted(set(declared) - set(hdr.prototypes)):
        fail("%s: %s is declared by the binding but is not a function of the headers" % (lang, name))
    for name in sorted(set(declared) & set(hdr.prototypes)):
        p = hdr.prototypes[name]
        ret, args = declared[name]
        compare_signature(fail, "%s: %s (%s)" % (lang, name, p.where), p.ret, p.params, ret, list(args),
                          expected, describe, spell)
    return (len(declared),)


def compare_structs(hdr, fail, lang, declared, expected, describe):
    """declared: {C struct name: [(field, binding type)]}."""
    for name in sorted(set(hdr.types.structs) - set(declared)):
        fail("%s: struct %s has no layout in the binding" % (lang, name))
    for name in sorted(declared):
        if name not in hdr.types.structs:
            fail("%s: struct %s is not a struct of the headers" % (lang, name))
            continue
        c_fields = hdr.types.structs[name]
        fields = [tuple(f) for f in declared[name]]
        if [f[0] for f in fields] != [f[0] for f in c_fields]:
            fail("%s: struct %s has the fields %s, the header %s"
                 % (lang, name, [f[0] for f in fields], [f[0] for f in c_fields]))
            continue
        for (field, t), (_, ct) in zip(fields, c_fields):
            try:
                ok = expected(ct)
            except Unsupported as e:
                fail("%s: struct %s: field %s: %s" % (lang, name, field, e))
                continue
            if describe(t) not in ok:
                fail("%s: struct %s: field %s is %s but the header says `%s` (expected %s)"
                     % (lang, name, field, describe(t), ct, " or ".join(sorted(ok))))


def compare_constants(hdr, fail, lang, declared):
    for name in sorted(declared):
        value = declared[name]
        if name not in hdr.types.constants:
            fail("%s: %s is not a constant of the headers" % (lang, name))
        elif value != hdr.types.constants[name]:
            fail("%s: %s is %r in the binding but %r in the headers"
                 % (lang, name, value, hdr.types.constants[name]))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--lang", choices=("python", "ruby"), required=True)
    ap.add_argument("--api", required=True, help="the binding's table of the C API")
    ap.add_argument("--ruby", default="", help="the ruby program (--lang ruby)")
    ap.add_argument("--dump", default="", help="dump_ruby_api.rb (--lang ruby)")
    ap.add_argument("headers", nargs="+")
    args = ap.parse_args()

    try:
        hdr = Headers(args.headers)
    except (OSError, hyokadecls.ParseError) as e:
        print("FAIL: cannot read the headers: %s" % e)
        return 1

    failures = []
    if args.lang == "python":
        counts = check_python(args.api, hdr, failures.append)
    else:
        if not args.ruby:
            print("SKIP: ruby not found")
            return SKIP
        counts = check_ruby(args.ruby, args.dump, args.api, hdr, failures.append)

    for f in failures:
        print("FAIL: " + f)
    if failures:
        print("%d difference(s) between the %s binding and the headers" % (len(failures), args.lang))
        return 1
    print("OK: the %s binding declares the %d functions of the headers as they do; "
          "%d struct layouts and %d constants match" % ((args.lang,) + counts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
