"""Read the public API out of hyoka's headers and version script.

Shared by check_headers.py and check_symbols.py. Only the standard library
is used. The parsers are deliberately small: they understand the shapes the
project writes (DESIGN.md section 2) and fail loudly on anything else rather
than guess.
"""

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


def header_declarations(path):
    """List of (name, kind, line) for every HYOKA_API declaration in a header."""
    with open(path, encoding="utf-8") as f:
        raw = f.read()
    text = strip_preprocessor(strip_comments(raw))
    found = []
    for m in re.finditer(r"\b%s\b" % API_MACRO, text):
        end = text.find(";", m.end())
        brace = text.find("{", m.end())
        if end < 0:
            raise ParseError("%s:%d: HYOKA_API declaration without ';'"
                             % (path, text.count("\n", 0, m.start()) + 1))
        if 0 <= brace < end:
            raise ParseError("%s:%d: HYOKA_API on a definition or a struct; "
                             "declare functions only"
                             % (path, text.count("\n", 0, m.start()) + 1))
        decl = " ".join(text[m.end():end].split())
        name, kind = _declared_name(decl)
        found.append((name, kind, text.count("\n", 0, m.start()) + 1))
    return found


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
