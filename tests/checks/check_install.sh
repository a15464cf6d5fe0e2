#!/bin/bash
# Install test: install the build into a scratch DESTDIR and use hyoka from
# there the way a user does -- pkg-config, a C compiler, examples/embed.c.
#
# Checks:
#   - `meson install --no-rebuild --destdir` succeeds;
#   - the installed headers are exactly the public headers, byte for byte;
#   - libhyoka.so -> libhyoka.so.1 -> libhyoka.so.VERSION is a chain of
#     relative symlinks in libdir ending at a regular file whose SONAME is
#     libhyoka.so.1, and libdir holds no other libhyoka* file than those and
#     libhyoka.a;
#   - pkg-config finds hyoka.pc with the project's version and points only
#     inside the installation;
#   - embed.c builds with `cc $(pkg-config --cflags --libs hyoka)`, runs
#     against the installed libhyoka.so.1 and prints the version;
#   - embed.c links statically against the installed libhyoka.a with
#     `pkg-config --static --libs hyoka` and runs without libhyoka.so;
#   - with --bindir, the hyoka program is installed there and runs against
#     the installed library; with --rpath true, it also runs without
#     LD_LIBRARY_PATH and loads the installed library (its RUNPATH); with
#     --mandir too, its manual page is installed in man1 and is the page
#     the installed program prints;
#   - with --docdir, every --guide is installed there byte for byte; with
#     --html true too, the API reference is in DOCDIR/html: index.html (the
#     main guide) and NAME.html for each other guide's page anchor {#NAME}.
#
# usage: check_install.sh --builddir DIR --meson P --pkg-config P
#          --libdir ABS --includedir ABS --version V --soname S
#          --example embed.c [--readelf P] [--sanitize V] [--coverage B]
#          [--bindir ABS [--rpath true|false] [--mandir ABS]]
#          [--docdir ABS [--html true|false] --guide G...]
#          --header H... -- CC [CC-ARGS...]
#
# Exit status: 0 pass, 1 failure, 77 skipped (meson or pkg-config missing).
set -u

builddir='' meson='' pkgconfig='' readelf='' libdir='' includedir='' version=''
soname='' example='' sanitize=none coverage=false bindir='' mandir=''
rpath=false docdir='' html=false
headers=() guides=()
while [ $# -gt 0 ]; do
    case $1 in
        --builddir) builddir=$2; shift 2 ;;
        --meson) meson=$2; shift 2 ;;
        --pkg-config) pkgconfig=$2; shift 2 ;;
        --readelf) readelf=$2; shift 2 ;;
        --libdir) libdir=$2; shift 2 ;;
        --includedir) includedir=$2; shift 2 ;;
        --version) version=$2; shift 2 ;;
        --soname) soname=$2; shift 2 ;;
        --example) example=$2; shift 2 ;;
        --sanitize) sanitize=$2; shift 2 ;;
        --coverage) coverage=$2; shift 2 ;;
        --bindir) bindir=$2; shift 2 ;;
        --mandir) mandir=$2; shift 2 ;;
        --rpath) rpath=$2; shift 2 ;;
        --docdir) docdir=$2; shift 2 ;;
        --html) html=$2; shift 2 ;;
        --guide) guides+=("$2"); shift 2 ;;
        --header) headers+=("$(basename "$2")"); shift 2 ;;
        --) shift; break ;;
        *) echo "check_install.sh: unknown argument $1" >&2; exit 1 ;;
    esac
done
cc=("$@")

# Run the meson that configured this build directory (another meson in PATH
# may refuse the directory); the build's regenerate rule names it.
meson_cmd=()
if [ -f "$builddir/build.ninja" ]; then
    read -ra meson_cmd <<<"$(sed -n 's/^ *command = \(.*\) --internal regenerate .*/\1/p' "$builddir/build.ninja" | head -n 1)"
fi
if [ ${#meson_cmd[@]} -eq 0 ] && [ -n "$meson" ]; then
    meson_cmd=("$meson")
fi
if [ ${#meson_cmd[@]} -eq 0 ]; then echo "SKIP: meson not found"; exit 77; fi
if [ -z "$pkgconfig" ]; then echo "SKIP: pkg-config not found"; exit 77; fi
if [ ${#cc[@]} -eq 0 ] || [ -z "$builddir" ] || [ -z "$libdir" ] ||
   [ -z "$includedir" ] || [ -z "$version" ] || [ -z "$example" ]; then
    echo "check_install.sh: missing arguments" >&2
    exit 1
fi

failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok   $*"; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/hyoka-install.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
root=$tmp/root

# Flags the library itself was built with that a user's link must repeat.
extra=()
[ "$sanitize" != none ] && extra+=("-fsanitize=$sanitize")
[ "$coverage" = true ] && extra+=(--coverage)

# --- install -----------------------------------------------------------------
if ! "${meson_cmd[@]}" install -C "$builddir" --no-rebuild --destdir "$root" >"$tmp/install.log" 2>&1; then
    cat "$tmp/install.log"
    echo "FAIL: meson install failed (is the whole tree built? run ninja first)"
    exit 1
fi
ok "meson install --destdir"

L=$root$libdir
I=$root$includedir

# --- headers -----------------------------------------------------------------
expected=$(printf '%s\n' "${headers[@]}" | sort)
if [ -d "$I/hyoka" ]; then
    got=$(cd "$I/hyoka" && find . -mindepth 1 | sed 's|^\./||' | sort)
else
    got=
fi
if [ "$got" = "$expected" ]; then
    ok "installed headers are the ${#headers[@]} public headers"
else
    fail "installed headers differ from the public headers (< expected, > installed):"
    diff <(echo "$expected") <(echo "$got") | grep '^[<>]'
fi
others=$(cd "$I" 2>/dev/null && find . -mindepth 1 -maxdepth 1 ! -name hyoka | sed 's|^\./||')
[ -z "$others" ] || fail "unexpected files next to hyoka/ in $includedir: $others"

# --- the library and its symlinks ---------------------------------------------
real=libhyoka.so.$version
chain() {  # follow symlinks from $1 within libdir; print "a -> b -> c"
    local f=$1 n=0 t out=$1
    while [ -L "$L/$f" ]; do
        t=$(readlink "$L/$f")
        case $t in
            */*) echo "$f is a symlink to '$t': must be a file name in the same directory"; return 1 ;;
        esac
        f=$t; out="$out -> $f"; n=$((n + 1))
        [ $n -lt 10 ] || { echo "symlink loop at $f"; return 1; }
    done
    echo "$out"
}
for link in "$soname" libhyoka.so; do
    if [ ! -L "$L/$link" ]; then
        fail "$L/$link is not a symlink (to $real)"
    elif ! c=$(chain "$link"); then
        fail "$c"
    elif [ "${c##* -> }" = "$real" ] && [ -f "$L/$real" ] && [ ! -L "$L/$real" ]; then
        ok "symlink chain $c"
    else
        fail "$link resolves as '$c', expected to end at the regular file $real"
    fi
done
case $(chain libhyoka.so 2>/dev/null) in
    "libhyoka.so -> $soname -> "*) ;;
    *) fail "libhyoka.so should point at $soname, which points at $real" ;;
esac
if [ -n "$readelf" ] && [ -f "$L/$real" ]; then
    s=$("$readelf" -d "$L/$real" | sed -n 's/.*Library soname: \[\(.*\)\].*/\1/p')
    if [ "$s" = "$soname" ]; then ok "installed SONAME $s"; else fail "installed SONAME is '$s', expected $soname"; fi
fi
if [ -f "$L/libhyoka.a" ]; then ok "libhyoka.a installed"; else fail "$L/libhyoka.a is missing"; fi
libs_found=$(cd "$L" 2>/dev/null && find . -maxdepth 1 -name 'libhyoka*' | sed 's|^\./||' | sort | tr '\n' ' ')
libs_want=$(printf '%s\n' libhyoka.a libhyoka.so "$soname" "$real" | sort -u | tr '\n' ' ')
[ "$libs_found" = "$libs_want" ] || fail "libdir holds '$libs_found', expected '$libs_want'"

# --- pkg-config -----------------------------------------------------------------
pc=$L/pkgconfig/hyoka.pc
if [ ! -f "$pc" ]; then
    fail "$pc is missing"
    echo "$failures failure(s)"; exit 1
fi
export PKG_CONFIG_PATH=$L/pkgconfig
export PKG_CONFIG_SYSROOT_DIR=$root
unset PKG_CONFIG_LIBDIR PKG_CONFIG_ALLOW_SYSTEM_CFLAGS PKG_CONFIG_ALLOW_SYSTEM_LIBS
v=$("$pkgconfig" --modversion hyoka) || fail "pkg-config cannot read hyoka.pc"
if [ "$v" = "$version" ]; then ok "pkg-config --modversion hyoka = $v"; else fail "hyoka.pc says version '$v', expected $version"; fi
cflags=$("$pkgconfig" --cflags hyoka) || fail "pkg-config --cflags hyoka"
libs=$("$pkgconfig" --libs hyoka) || fail "pkg-config --libs hyoka"
slibs=$("$pkgconfig" --static --libs hyoka) || fail "pkg-config --static --libs hyoka"
echo "     cflags: $cflags"
echo "     libs:   $libs"
echo "     static: $slibs"
for w in $cflags $libs $slibs; do
    case $w in
        -I*|-L*)
            case ${w#-?} in
                "$root"/*) ;;
                *) fail "hyoka.pc gives $w, which is outside the installation" ;;
            esac ;;
    esac
done

read -ra cflags_a <<<"$cflags"
read -ra libs_a <<<"$libs"
read -ra slibs_a <<<"$slibs"

# --- build and run the example against the shared library -----------------------
exe=$tmp/embed
if "${cc[@]}" "$example" -o "$exe" "${cflags_a[@]}" "${libs_a[@]}" "${extra[@]}" 2>"$tmp/cc.log"; then
    ok "embed.c builds with \$(pkg-config --cflags --libs hyoka)"
    if command -v ldd >/dev/null; then
        where=$(LD_LIBRARY_PATH=$L ldd "$exe" | sed -n 's/.*libhyoka\.so\.[^ ]* => \([^ ]*\).*/\1/p')
        case $where in
            "$L"/*) ok "embed loads $where" ;;
            *) fail "embed loads libhyoka from '$where', not from the installation" ;;
        esac
    fi
    out=$(LD_LIBRARY_PATH=$L "$exe" 2>&1); st=$?
    echo "$out" | sed 's/^/     | /'
    if [ $st -ne 0 ]; then
        fail "embed (shared) exited with status $st"
    else
        case $out in
            *"$version"*) ok "embed (shared) runs and names version $version" ;;
            *) fail "embed's output does not name version $version" ;;
        esac
    fi
else
    cat "$tmp/cc.log"
    fail "embed.c does not build against the installed hyoka"
fi

# --- and statically against libhyoka.a --------------------------------------------
# pkg-config --static adds Libs.private; -l:libhyoka.a picks the archive
# although libhyoka.so sits next to it.
static_a=()
found=0
for w in "${slibs_a[@]}"; do
    if [ "$w" = -lhyoka ]; then static_a+=(-l:libhyoka.a); found=1; else static_a+=("$w"); fi
done
[ $found = 1 ] || fail "pkg-config --static --libs hyoka has no -lhyoka"
sexe=$tmp/embed-static
if "${cc[@]}" "$example" -o "$sexe" -DHYOKA_STATIC "${cflags_a[@]}" "${static_a[@]}" "${extra[@]}" 2>"$tmp/cc.log"; then
    ok "embed.c links statically with \$(pkg-config --static --libs hyoka)"
    if [ -n "$readelf" ] && "$readelf" -d "$sexe" | grep -q 'NEEDED.*libhyoka'; then
        fail "embed-static still needs libhyoka.so"
    fi
    out=$(env -u LD_LIBRARY_PATH "$sexe" 2>&1); st=$?
    if [ $st -ne 0 ]; then
        echo "$out" | sed 's/^/     | /'
        fail "embed (static) exited with status $st"
    else
        case $out in
            *"$version"*) ok "embed (static) runs and names version $version" ;;
            *) echo "$out" | sed 's/^/     | /'; fail "embed-static's output does not name version $version" ;;
        esac
    fi
else
    cat "$tmp/cc.log"
    fail "embed.c does not link against the installed libhyoka.a"
fi

# --- the hyoka program and its manual page ------------------------------------
if [ -n "$bindir" ]; then
    prog=$root$bindir/hyoka
    if [ ! -x "$prog" ]; then
        fail "the hyoka program is not installed as $prog"
    else
        out=$(LD_LIBRARY_PATH=$L "$prog" --version 2>&1); st=$?
        if [ $st -eq 0 ] && [ "$out" = "hyoka $version" ]; then
            ok "$bindir/hyoka --version runs against the installed library: $out"
        else
            fail "installed hyoka --version exited $st and printed '$out', expected 'hyoka $version'"
        fi
        if [ "$rpath" = true ]; then
            out=$(env -u LD_LIBRARY_PATH "$prog" --version 2>&1); st=$?
            if [ $st -eq 0 ] && [ "$out" = "hyoka $version" ]; then
                ok "$bindir/hyoka runs without LD_LIBRARY_PATH"
            else
                fail "installed hyoka without LD_LIBRARY_PATH exited $st and printed '$out'"
            fi
            if command -v ldd >/dev/null; then
                where=$(env -u LD_LIBRARY_PATH ldd "$prog" | sed -n 's/.*libhyoka\.so\.[^ ]* => \([^ ]*\).*/\1/p')
                [ -n "$where" ] && where=$(readlink -f "$where")
                case $where in
                    "$(readlink -f "$L")"/*) ok "without LD_LIBRARY_PATH, hyoka loads $where" ;;
                    *) fail "without LD_LIBRARY_PATH, hyoka loads libhyoka from '$where', not from the installation" ;;
                esac
            fi
        fi
        if [ -n "$mandir" ]; then
            page=$root$mandir/man1/hyoka.1
            if [ ! -f "$page" ]; then
                fail "hyoka(1) is not installed as $page"
            elif LD_LIBRARY_PATH=$L "$prog" --man | cmp -s - "$page"; then
                ok "hyoka(1) installed in $mandir/man1, the page the installed program prints"
            else
                fail "$page differs from what the installed hyoka --man prints"
            fi
        fi
    fi
fi

# --- the guides and the API reference ------------------------------------------
if [ -n "$docdir" ]; then
    D=$root$docdir
    same=0
    for g in "${guides[@]}"; do
        name=$(basename "$g")
        if [ ! -f "$D/$name" ]; then
            fail "$docdir/$name is not installed"
        elif ! cmp -s "$g" "$D/$name"; then
            fail "$docdir/$name differs from $g"
        else
            same=$((same + 1))
        fi
    done
    [ ${#guides[@]} -gt 0 ] && [ $same -eq ${#guides[@]} ] && ok "the $same guides installed in $docdir"
    if [ "$html" = true ]; then
        # index.html is the main guide, hyoka_8h.html the umbrella header's page.
        pages=(index hyoka_8h)
        for g in "${guides[@]}"; do
            anchor=$(sed -n '1s/^# .*{#\([A-Za-z0-9_]*\)} *$/\1/p' "$g")
            if [ -z "$anchor" ]; then
                fail "$g: its first line has no page anchor {#name}"
            elif [ "$anchor" != mainpage ]; then
                pages+=("$anchor")
            fi
        done
        missing=()
        for p in "${pages[@]}"; do
            [ -f "$D/html/$p.html" ] || missing+=("$p.html")
        done
        if [ ${#missing[@]} -eq 0 ]; then
            ok "API reference in $docdir/html: ${pages[*]}"
        else
            fail "$docdir/html lacks ${missing[*]}"
        fi
    fi
fi

if [ $failures -ne 0 ]; then
    echo "$failures install check failure(s)"
    exit 1
fi
echo "install checks passed"
