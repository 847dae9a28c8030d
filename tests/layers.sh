#!/bin/bash
# tests/layers.sh — the house in rooms, checked: every source file lives in
# a folder of one layer (HACKING's module map), and includes only headers
# of its own layer or of a lower one.  Also: no UI file includes cli.h, and
# no two modules include each other's headers (no cycle, within a folder
# or across).  Speaks TAP.  With a directory argument, checks that tree
# instead of the source tree (the test breaks a copy to see itself fail).
set -u
top=${1:-${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}}
cd "$top" || exit 1

# Layers, lowest first.  A folder may include its own headers and those
# of every folder of a lower rank; equal ranks may not include each other.
declare -A rank=(
	[core]=0 [image]=1 [engine]=1 [store]=2 [record]=3 [io]=4 [report]=5
	[ui]=6 [cli]=7 [main]=8
)

n=0
fails=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; }

# The layer a header belongs to: the folder of its .c file; ui_*.h, and
# headers shared by a folder's files (NAME_int.h beside them), by name.
declare -A hlayer=()
for c in src/*/*.c; do
	d=${c#src/}
	d=${d%%/*}
	b=$(basename "$c" .c)
	hlayer[$b]=$d
done
hlayer[main]=main
for h in include/healgrid/*.h; do
	b=$(basename "$h" .h)
	[ -n "${hlayer[$b]:-}" ] && continue
	case $b in
	ui_* | ui) hlayer[$b]=ui ;;
	esac
done

# Files with their folder.
files=$(ls src/*.c src/*/*.[ch] 2>/dev/null)
bad_folder=""
for f in $files; do
	case $f in
	src/main.c) ;;
	src/*/*)
		d=${f#src/}
		d=${d%%/*}
		[ -n "${rank[$d]:-}" ] || bad_folder="$bad_folder $f"
		;;
	*) bad_folder="$bad_folder $f" ;;
	esac
done
if [ -z "$bad_folder" ]; then
	ok "every source file is in a layer's folder"
else
	notok "files outside the layers' folders:$bad_folder"
fi

unknown=""
upward=""
uicli=""
edges=""
for f in $files; do
	if [ "$f" = src/main.c ]; then
		d=main
	else
		d=${f#src/}
		d=${d%%/*}
	fi
	self=$(basename "$f")
	self=${self%.*}
	for h in $(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"healgrid\/\([^"]*\)\.h".*/\1/p' "$f"); do
		hl=${hlayer[$h]:-}
		if [ -z "$hl" ]; then
			unknown="$unknown $f:$h.h"
			continue
		fi
		if [ "$d" = ui ] && [ "$h" = cli ]; then
			uicli="$uicli $f"
		fi
		if [ "$hl" != "$d" ] && [ "${rank[$hl]}" -ge "${rank[$d]}" ]; then
			upward="$upward $f($d)->$h.h($hl)"
		fi
		[ "$h" != "$self" ] && edges="$edges $self>$h"
	done
done
if [ -z "$unknown" ]; then
	ok "every included header belongs to a layer"
else
	notok "headers of no layer:$unknown"
fi
if [ -z "$upward" ]; then
	ok "no file includes a header of its own rank in another folder, or of a higher layer"
else
	notok "includes that reach up or sideways:$upward"
fi
if [ -z "$uicli" ]; then
	ok "no UI file includes cli.h"
else
	notok "UI files including cli.h:$uicli"
fi

# Cycles between modules (a module: a .c and its .h, report_*.c counted as
# their own modules).  A depth-first search over the include edges.
cycle=$(printf '%s\n' $edges | sort -u | awk -F'>' '
	{ adj[$1] = adj[$1] " " $2; nodes[$1] = 1; nodes[$2] = 1 }
	function dfs(u,   i, n, a, v) {
		state[u] = 1; path[++depth] = u
		n = split(adj[u], a, " ")
		for (i = 1; i <= n; i++) {
			v = a[i]
			if (state[v] == 1) { found = v " <- " u; return 1 }
			if (state[v] == 0 && dfs(v)) return 1
		}
		state[u] = 2; depth--
		return 0
	}
	END { for (u in nodes) if (state[u] == 0 && dfs(u)) { print found; exit } }')
if [ -z "$cycle" ]; then
	ok "no cycle between modules"
else
	notok "a cycle between modules: $cycle"
fi

echo "1..$n"
[ "$fails" = 0 ]
