"""Read the public API out of hyoka's headers and version script.

Shared by check_headers.py, check_symbols.py, check_bindings.py,
abi/update-map.py and tools/gen_debian_symbols.py. Only the standard library
is used. The parsers are deliberately small: they
understand the shapes the project writes (plain prototypes, typedef'd
structs, enums with their values, function-pointer typedefs and integer
macros; see "API conventions" in docs/guide.md) and fail loudly on anything
else rather than guess.
"""

import ast
import os
import re

API_MACRO = "HYOKA_API"

_C_KEYWORDS = {
    "auto", "bool", "char", "const", "double", "enum", "extern", "float",
    "inline", "int", "long", "register", "restrict", "short", "signed",
    "static", "struct", "union", "unsigned", "void", "volatile",
    "_Bool", "_Noreturn", "noreturn", "_Atomic", "_Thread_local",
}


class ParseError(Exception):
    pass


def strip_comments(text):
    """Remove /* */ and // comments, keeping string literals and line count."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == '"' or c == "'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            out.append(text[i:j + 1])
            i = j + 1
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            if j < 0:
                raise ParseError("unterminated comment")
            out.append(" " + "\n" * text.count("\n", i, j))
            i = j + 2
        elif text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        else:
            out.append(c)
            i += 1
    return "".join(out)


def strip_preprocessor(text):
    """Blank out preprocessor directives, continuation lines included.

    This removes `#define HYOKA_API ...` itself, so that what is left of
    HYOKA_API are its uses in declarations."""
    lines = text.split("\n")
    out = []
    cont = False
    for line in lines:
        if cont or line.lstrip().startswith("#"):
            cont = line.rstrip().endswith("\\")
            out.append("")
        else:
            out.append(line)
    return "\n".join(out)


def _declared_name(decl):
    """The name declared by one `HYOKA_API ... ;` declaration.

    Returns (name, kind) where kind is 'function' or 'object'. Handles
    prototypes over several lines, functions returning function pointers
    (`void (*hyoka_x(int))(void)`) and attribute-like macros after
    HYOKA_API (`HYOKA_DEPRECATED("...")`)."""
    # Attribute-like things and keywords may be followed by '(' too;
    # the declared name is the first other identifier followed by '('.
    for m in re.finditer(r"\b([A-Za-z_]\w*)\s*\(", decl):
        ident = m.group(1)
        if ident in _C_KEYWORDS or ident.startswith("__") or ident.isupper():
            continue
        return ident, "function"
    # No parameter list: an exported object, `HYOKA_API extern const int x;`
    # or an array `... x[4];`. Its name is the last identifier.
    m = re.search(r"\b([A-Za-z_]\w*)\s*(\[[^\]]*\]\s*)*$", decl)
    if not m or m.group(1) in _C_KEYWORDS:
        raise ParseError("cannot find the declared name in: %s" % decl)
    return m.group(1), "object"


def _api_declarations(path):
    """(declaration text after HYOKA_API, line) for every HYOKA_API use."""
    with open(path, encoding="utf-8") as f:
        raw = f.read()
    text = strip_preprocessor(strip_comments(raw))
    for m in re.finditer(r"\b%s\b" % API_MACRO, text):
        line = text.count("\n", 0, m.start()) + 1
        end = text.find(";", m.end())
        brace = text.find("{", m.end())
        if end < 0:
            raise ParseError("%s:%d: HYOKA_API declaration without ';'"
                             % (path, line))
        if 0 <= brace < end:
            raise ParseError("%s:%d: HYOKA_API on a definition or a struct; "
                             "declare functions only" % (path, line))
        yield " ".join(text[m.end():end].split()), line


def header_declarations(path):
    """List of (name, kind, line) for every HYOKA_API declaration in a header."""
    found = []
    for decl, line in _api_declarations(path):
        name, kind = _declared_name(decl)
        found.append((name, kind, line))
    return found


# --- Types of the declarations (for check_bindings.py) ---------------------

_QUALIFIERS = {"const", "volatile", "restrict"}


class CType:
    """A C type as a declaration spells it, qualifiers aside.

    base:  the type name ("int", "char", "size_t", "hyoka_portfolio");
    const: whether the base is const-qualified (`const char *`);
    stars: the pointer depth; dim: the array size as written, or None.
    """

    __slots__ = ("base", "const", "stars", "dim")

    def __init__(self, base, const=False, stars=0, dim=None):
        self.base, self.const, self.stars, self.dim = base, const, stars, dim

    def __eq__(self, other):
        return (isinstance(other, CType) and (self.base, self.const, self.stars, self.dim)
                == (other.base, other.const, other.stars, other.dim))

    def __hash__(self):
        return hash((self.base, self.const, self.stars, self.dim))

    def __str__(self):
        text = ("const " if self.const else "") + self.base
        if self.stars:
            text += " " + "*" * self.stars
        if self.dim is not None:
            text += "[%s]" % self.dim
        return text

    __repr__ = __str__


def parse_declarator(text, where="?"):
    """Split `const char *name` or `size_t lens[N]` into (CType, name or None).

    One array dimension at most; a qualifier after a '*' (`char *const p`)
    is dropped, as it does not change how the value is passed."""
    text = " ".join(text.split())
    dims = re.findall(r"\[([^\]]*)\]", text)
    if len(dims) > 1:
        raise ParseError("%s: arrays of arrays are not supported: %s" % (where, text))
    text = re.sub(r"\[[^\]]*\]", " ", text)
    tokens = re.findall(r"[A-Za-z_]\w*|\S", text)
    for t in tokens:
        if t != "*" and not re.match(r"[A-Za-z_]\w*$", t):
            raise ParseError("%s: cannot read the type %r" % (where, text))
    name = None
    kinds = [t for t in tokens if t not in _QUALIFIERS]
    if (len(kinds) >= 2 and kinds[-1] != "*" and kinds[-1] not in _C_KEYWORDS):
        name = kinds[-1]
        del tokens[len(tokens) - 1 - tokens[::-1].index(name)]
    first_star = tokens.index("*") if "*" in tokens else len(tokens)
    head = tokens[:first_star]
    base = " ".join(t for t in head if t not in _QUALIFIERS)
    if not base or any(t not in _QUALIFIERS and t != "*" for t in tokens[first_star:]):
        raise ParseError("%s: cannot read the type %r" % (where, text))
    return CType(base, "const" in head, tokens.count("*"),
                 dims[0].strip() if dims else None), name


def _split_params(text, where):
    """The parameters of a prototype's parenthesised list, as CTypes."""
    text = text.strip()
    if text in ("", "void"):
        return []
    if "(" in text or "..." in text:
        raise ParseError("%s: function-pointer or variadic parameter; "
                         "use a typedef" % where)
    return [parse_declarator(p, where)[0] for p in text.split(",")]


class Prototype:
    """A declared function: name, return CType, parameter CTypes, where."""

    __slots__ = ("name", "ret", "params", "where")

    def __init__(self, name, ret, params, where):
        self.name, self.ret, self.params, self.where = name, ret, params, where


def header_prototypes(path):
    """Every HYOKA_API function of a header as a Prototype."""
    found = []
    for decl, line in _api_declarations(path):
        where = "%s:%d" % (os.path.basename(path), line)
        name, kind = _declared_name(decl)
        if kind != "function":
            raise ParseError("%s: %s is not a function" % (where, name))
        m = re.search(r"\b%s\s*\(" % re.escape(name), decl)
        close = decl.rfind(")")
        if close != len(decl) - 1 or decl.count("(", m.end()) != 0:
            raise ParseError("%s: %s: only plain prototypes are supported "
                             "(a function returning a function pointer "
                             "needs a typedef)" % (where, name))
        head = re.sub(r"\b[A-Z][A-Z0-9_]*\s*\([^)]*\)", " ", decl[:m.start()])
        ret = parse_declarator(head, where)[0]
        found.append(Prototype(name, ret, _split_params(decl[m.end():close], where), where))
    return found


class HeaderTypes:
    """What the headers define besides functions.

    opaque:    names of handle types (`typedef struct x x;`);
    structs:   {name: [(field, CType)]} of structs with a body;
    callbacks: {name: (return CType, [parameter CTypes])};
    constants: {name: int} of enumerators and integer macros."""

    def __init__(self):
        self.opaque = set()
        self.structs = {}
        self.callbacks = {}
        self.constants = {}


def _eval_int(expr, known, size_max):
    """Value of an integer constant expression of the headers, or None.

    Takes literals (suffixes u/l), known names, + - * / % << >> | & ~ and
    parentheses, and the cast `(size_t)` (modulo SIZE_MAX + 1)."""
    expr = re.sub(r"\b(0[xX][0-9A-Fa-f]+|\d+)[uUlL]+\b", r"\1", expr)
    expr = re.sub(r"\(\s*size_t\s*\)\s*(\(?-?[\w]+\)?)",
                  r"((\1) & %d)" % size_max, expr)
    try:
        tree = ast.parse(expr.strip(), mode="eval")
    except SyntaxError:
        return None
    ops = {ast.Add: lambda a, b: a + b, ast.Sub: lambda a, b: a - b,
           ast.Mult: lambda a, b: a * b, ast.LShift: lambda a, b: a << b,
           ast.RShift: lambda a, b: a >> b, ast.BitOr: lambda a, b: a | b,
           ast.BitAnd: lambda a, b: a & b, ast.Mod: lambda a, b: a % b,
           ast.Div: lambda a, b: int(a / b)}

    def ev(node):
        if isinstance(node, ast.Expression):
            return ev(node.body)
        if isinstance(node, ast.Constant) and type(node.value) is int:
            return node.value
        if isinstance(node, ast.Name) and node.id in known:
            return known[node.id]
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd, ast.Invert)):
            v = ev(node.operand)
            return -v if isinstance(node.op, ast.USub) else ~v if isinstance(node.op, ast.Invert) else v
        if isinstance(node, ast.BinOp) and type(node.op) in ops:
            return ops[type(node.op)](ev(node.left), ev(node.right))
        raise ValueError(ast.dump(node))

    try:
        return ev(tree)
    except (ValueError, ZeroDivisionError):
        return None


def header_types(paths, size_max):
    """The HeaderTypes of a set of headers. @p size_max is SIZE_MAX of the
    platform, for `(size_t)-1`."""
    out = HeaderTypes()
    macros = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            raw = strip_comments(f.read())
        name = os.path.basename(path)
        joined = re.sub(r"\\\n", " ", raw)
        for m in re.finditer(r"^[ \t]*#[ \t]*define[ \t]+(HYOKA_\w+)[ \t]+(.+)$", joined, re.M):
            macros.append((m.group(1), m.group(2)))
        text = strip_preprocessor(raw)
        for m in re.finditer(r"\btypedef\s+struct\s+(\w+)\s+(\w+)\s*;", text):
            out.opaque.add(m.group(2))
        for m in re.finditer(r"\btypedef\s+struct\s+\w*\s*\{([^}]*)\}\s*(\w+)\s*;", text):
            where = "%s: struct %s" % (name, m.group(2))
            fields = []
            for decl in m.group(1).split(";"):
                if decl.strip():
                    ct, field = parse_declarator(decl, where)
                    if field is None:
                        raise ParseError("%s: field without a name: %r" % (where, decl))
                    fields.append((field, ct))
            out.structs[m.group(2)] = fields
        for m in re.finditer(r"\benum\s+\w*\s*\{([^}]*)\}", text):
            value = -1
            for item in m.group(1).split(","):
                if not item.strip():
                    continue
                em = re.match(r"\s*(\w+)\s*(?:=\s*(.+?))?\s*$", item, re.S)
                if not em:
                    raise ParseError("%s: cannot read the enumerator %r" % (name, item))
                if em.group(2) is None:
                    value += 1
                else:
                    value = _eval_int(em.group(2), out.constants, size_max)
                    if value is None:
                        raise ParseError("%s: cannot evaluate %s = %s"
                                         % (name, em.group(1), em.group(2)))
                out.constants[em.group(1)] = value
        for m in re.finditer(r"\btypedef\s+([^;{}()]*?)\(\s*\*\s*(\w+)\s*\)\s*\(([^)]*)\)\s*;", text):
            where = "%s: %s" % (name, m.group(2))
            ret = parse_declarator(m.group(1), where)[0]
            out.callbacks[m.group(2)] = (ret, _split_params(m.group(3), where))
    # Macros may use each other and enumerators: evaluate until nothing changes.
    pending = macros
    while pending:
        left = []
        for macro, expr in pending:
            value = _eval_int(expr, out.constants, size_max)
            if value is None:
                left.append((macro, expr))
            else:
                out.constants[macro] = value
        if len(left) == len(pending):
            break  # the rest are strings, include guards, attribute macros
        pending = left
    return out


def map_nodes(path):
    """Parse a GNU ld version script.

    Returns a list of (node, parent, [global names]) in file order. Wildcards
    and extern "C++" blocks in global sections are rejected: every exported
    name must be listed by hand."""
    with open(path, encoding="utf-8") as f:
        text = strip_comments(f.read())
    # '#' comments are also allowed in version scripts.
    text = re.sub(r"#[^\n]*", "", text)
    nodes = []
    pos = 0
    node_re = re.compile(r"\s*([A-Za-z_][\w.]*)\s*\{", re.S)
    while True:
        rest = text[pos:]
        if not rest.strip():
            break
        m = node_re.match(text, pos)
        if not m:
            raise ParseError("%s: expected 'NODE {' near: %r"
                             % (path, rest.strip()[:40]))
        node = m.group(1)
        close = text.find("}", m.end())
        if close < 0:
            raise ParseError("%s: node %s is not closed" % (path, node))
        body = text[m.end():close]
        if "extern" in body:
            raise ParseError("%s: node %s: extern blocks are not supported"
                             % (path, node))
        tail = re.match(r"\s*([A-Za-z_][\w.]*)?\s*;", text[close + 1:])
        if not tail:
            raise ParseError("%s: node %s: expected '} [PARENT];'" % (path, node))
        parent = tail.group(1)
        pos = close + 1 + tail.end()
        names = []
        section = "global"  # ld's default when no label is given
        for tok in re.findall(r"[A-Za-z_][\w]*\s*:|[^\s;]+", body):
            tok = tok.strip()
            if tok.endswith(":"):
                section = tok[:-1].strip()
                if section not in ("global", "local"):
                    raise ParseError("%s: node %s: unknown section %r"
                                     % (path, node, section))
                continue
            if section == "global":
                if re.search(r"[*?\[]", tok):
                    raise ParseError("%s: node %s: wildcard %r in a global "
                                     "section; list names one by one"
                                     % (path, node, tok))
                names.append(tok)
        nodes.append((node, parent, names))
    return nodes
