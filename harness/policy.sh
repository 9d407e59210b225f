#!/usr/bin/env bash
# policy.sh -- what a student's objects may define and use, read with nm and
# readelf before anything is linked (harness/README.md § Integrity).
#
#   harness/policy.sh LESSON WORKNAME CHECKS_O CORE_DIR OBJECT...
#
# The checker is one program: the kit's checks and core, and the student's
# objects.  So that the student's code can only be called, never change the
# checks, an object may not:
#   - define main, _start, _init or _fini (the kit brings the program's
#     entry), nor any symbol the checks or the core define or use -- that
#     would replace a C library function under the checks' feet (waitpid,
#     read, ...) or the harness's own (fl_*);
#   - use any symbol of the harness (fl_*, or one the core or checks define);
#   - carry constructors, destructors or other start-up code (.init_array,
#     .fini_array, .preinit_array, .ctors, .dtors, .init, .fini): code that
#     would run in the checker before any sandbox;
#   - define an indirect function (ifunc), which runs at load time.
# The functions of the lesson's header are what the checks call: those the
# student must define.  Prints one line per violation, naming the file and
# the rule; exit status 1 when there is any.
#
#   harness/policy.sh --sets LESSON CHECKS_O CORE_DIR OUTDIR
#
# writes the kit's side of the rules (which names an object may not
# define or use, and the lesson's API) into OUTDIR once: they depend on the
# kit alone, so every build of the lesson reads them instead of asking nm
# about the whole kit again (make builds them as
# build/harness/lessons/LESSON/policy).  A check run finds them there, or
# else makes them for itself.
set -u
NM=${NM:-nm}
READELF=${READELF:-readelf}

# The kit's sets for lesson $1, checks $2, core $3, into folder $4.
kit_sets() {
    local lesson=$1 checks_o=$2 core=$3 tmp=$4
    # Symbols of the kit: defined, and used (undefined) by the checks and core.
    "$NM" -g --defined-only "$checks_o" "$core"/*.o 2>/dev/null | awk 'NF == 3 {print $3}' |
        sort -u >"$tmp/kit-defs"
    "$NM" -g --undefined-only "$core"/*.o 2>/dev/null | awk '{print $NF}' | sort -u >"$tmp/core-uses"
    "$NM" -g --undefined-only "$checks_o" | awk '{print $NF}' | sort -u >"$tmp/checks-uses"
    # What the checks call that the kit does not define: the lesson's header
    # functions, and C library functions.  The header's are those named in
    # the kit's copy of the header.
    # The kit is two levels above its build of the core (KIT/build/harness).
    cat "$core"/../../harness/lessons/"$lesson"/*.h 2>/dev/null |
        grep -o '[A-Za-z_][A-Za-z0-9_]*' | sort -u >"$tmp/header-words"
    comm -12 "$tmp/checks-uses" "$tmp/header-words" | comm -23 - "$tmp/kit-defs" >"$tmp/api"
    # Forbidden to define: the kit's, what the kit uses (less the API), entries.
    {
        cat "$tmp/kit-defs" "$tmp/core-uses"
        comm -23 "$tmp/checks-uses" "$tmp/api"
        printf '%s\n' main _start _init _fini
    } | sort -u >"$tmp/no-define"
    # Forbidden to use: the kit's own symbols.
    grep -v -x -E "main|_start|_init|_fini" "$tmp/kit-defs" | sort -u >"$tmp/no-use"
}

if [ "${1:-}" = --sets ]; then
    [ $# -eq 5 ] || { echo "usage: $0 --sets LESSON CHECKS_O CORE_DIR OUTDIR" >&2; exit 2; }
    # Each file replaced by a rename, no-use last (it is what a build looks
    # for): several makes may make the same sets at once.
    out=$5 part=$5.$$
    mkdir -p "$out" "$part" && kit_sets "$2" "$3" "$4" "$part" || { rm -rf "$part"; exit 1; }
    for f in api no-define kit-defs core-uses checks-uses header-words no-use; do
        mv -f "$part/$f" "$out/$f" || { rm -rf "$part"; exit 1; }
    done
    rm -rf "$part"
    exit 0
fi

lesson=$1 workname=$2 checks_o=$3 core=$4
shift 4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The kit's sets: made by make for these checks, else here.
sets=$core/lessons/$lesson/policy
if [ -f "$sets/no-use" ] && [ "$checks_o" = "$core/lessons/$lesson/checks.o" ] &&
    [ -z "$(find "$checks_o" "$core"/*.o -newer "$sets/no-use" -print -quit 2>/dev/null)" ]; then
    cp "$sets"/api "$sets"/no-define "$sets"/no-use "$tmp"/
else
    kit_sets "$lesson" "$checks_o" "$core" "$tmp"
fi

# The objects, each read once by nm (globals, then every symbol) and once
# by readelf (sections and symbols), in one awk: a build runs few
# programs.  Each violation is printed with a sort key (object, rule,
# name), so that the messages come in the same order every time.
for o in "$@"; do
    printf '%s\t%s\n' "$o" "$workname/$lesson/$(basename "${o%.o}").c"
done | awk -F '\t' -v sets="$tmp" -v nm="$NM" -v readelf="$READELF" '
function q(s) { gsub(/\047/, "\047\\\047\047", s); return "\047" s "\047" }
function load(file, into,   l) { while ((getline l < file) > 0) into[l] = 1; close(file) }
function say(rule, sym, text) { if (!((NR, rule, sym) in said)) print NR "\t" rule "\t" sym "\t" text; said[NR, rule, sym] = 1 }
BEGIN { load(sets "/no-define", nodef); load(sets "/no-use", nouse); load(sets "/api", api) }
{
    o = $1; name = $2
    cmd = nm " -g " q(o)
    while ((cmd | getline l) > 0) {
        n = split(l, f, " ")
        if (n == 3) {   # defined
            if (f[3] in nodef) {
                if (f[3] ~ /^(main|_start|_init|_fini)$/)
                    say(1, f[3], name " defines " f[3] ": the checker brings its own program entry; a lesson\047s files hold the header\047s functions and your helpers, not a main (rule: no program entry).")
                else
                    say(1, f[3], name " defines " f[3] ", which the checks or the harness use themselves: name your function differently (rule: never replace a function the checks rely on).")
            }
            if ((f[3] in nouse) && !(f[3] in api))
                say(2, f[3], name " uses " f[3] ", which belongs to the harness: student code calls only its own functions and the system\047s (rule: no harness symbol).")
        } else if (n >= 1 && (f[n] in nouse) && !(f[n] in api))
            say(2, f[n], name " uses " f[n] ", which belongs to the harness: student code calls only its own functions and the system\047s (rule: no harness symbol).")
    }
    close(cmd)
    cmd = nm " " q(o)
    while ((cmd | getline l) > 0) {
        n = split(l, f, " ")
        if (n >= 1 && f[n] ~ /^(fl_|FL_|__gcov)/)
            say(3, f[n], name " names " f[n] ": names starting fl_, FL_ or __gcov belong to the kit (rule: no harness symbol).")
    }
    close(cmd)
    cmd = readelf " -SsW " q(o)
    while ((cmd | getline l) > 0) {
        if (match(l, /\.(preinit_array|init_array|fini_array|ctors|dtors|init|fini)(\.[0-9]+)?( |$)/)) {
            sec = substr(l, RSTART, RLENGTH); sub(/ $/, "", sec)
            say(4, sec, name " has a " sec " section: code that runs before or after main (a constructor or destructor) would run in the checker itself, outside any sandbox (rule: no start-up code).")
        }
        n = split(l, f, " ")
        if (n >= 4 && f[4] == "IFUNC")
            say(5, "", name " defines an indirect function (ifunc): its resolver would run while the checker loads (rule: no start-up code).")
    }
    close(cmd)
}' | sort -t "$(printf '\t')" -k1,1n -k2,2n -k3,3 | cut -f4- >"$tmp/said"
cat "$tmp/said"
[ ! -s "$tmp/said" ]
