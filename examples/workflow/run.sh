#!/bin/sh
# The same workflow (load the extension, build articles, extract places and
# counts, aggregate) in every language: the sqlite3 shell, Python, Node, Go and C.
# Each output must equal expected.txt. A language whose runtime is missing is
# skipped (counted as passed, with a SKIP note), so a bare machine still passes.
# Usage: sh examples/workflow/run.sh dist/conflict.so
#   CONFLICT_STATIC_LIB=dist/libconflict_sqlite.a also builds the C example
#   with the extension linked in (SQLITE_CORE).
ext=${1:-dist/conflict.so}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
extabs=$(cd "$(dirname "$ext")" && pwd)/$(basename "${ext%.so}")
sqlite=${SQLITE3:-sqlite3}
tmp=${TMPDIR:-/tmp}/conflict-workflow.$$
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

check() { # name, output file, exit status
  if [ "$3" -ne 0 ]; then
    fail=$((fail+1)); echo "FAIL workflow/$1 (exit $3)"; tail -n 5 "$2"; return
  fi
  if diff -u "$here/expected.txt" "$2" > "$tmp/diff"; then
    pass=$((pass+1)); echo "ok   workflow/$1"
  else
    fail=$((fail+1)); echo "FAIL workflow/$1"; head -n 30 "$tmp/diff"
  fi
}
skip() { pass=$((pass+1)); echo "SKIP workflow/$1 ($2)"; }

# sqlite3 shell
$sqlite -batch -cmd ".load $extabs" :memory: ".read $here/articles.sql" ".read $here/workflow.sql" \
  > "$tmp/shell.out" 2>&1
check shell "$tmp/shell.out" $?

# under a sanitizer run (LD_PRELOAD=libasan...) only the shell runs: the other
# runtimes are not built for it and their own leaks would be reported
if [ -n "$LD_PRELOAD" ]; then
  for l in python node go c; do skip $l "sanitizer run: shell only"; done
  echo "workflow: $pass passed, $fail failed"
  [ "$fail" -eq 0 ]; exit
fi

# Python: Debian's /usr/bin/python3 has enable_load_extension; PYTHON overrides
py=${PYTHON:-/usr/bin/python3}
[ -x "$py" ] || py=$(command -v python3)
if [ -z "$py" ]; then skip python "python3 not found"
elif ! "$py" -c 'import sqlite3,sys; sys.exit(not hasattr(sqlite3.connect(":memory:"), "enable_load_extension"))' 2>/dev/null; then
  skip python "$py cannot load SQLite extensions"
else
  "$py" "$here/workflow.py" "$extabs" "$here/articles.sql" > "$tmp/python.out" 2>&1
  check python "$tmp/python.out" $?
fi

# Node with better-sqlite3 (installed on first use; offline: skipped)
if ! command -v node >/dev/null 2>&1; then skip node "node not found"
else
  nd="$here/node"
  if [ ! -d "$nd/node_modules/better-sqlite3" ] && command -v npm >/dev/null 2>&1; then
    # without a prebuilt binary, node-gyp compiles against the local headers
    # (no prebuilt download here: build from source against the local headers)
    [ -f /usr/include/node/node.h ] && export npm_config_nodedir=/usr npm_config_build_from_source=true
    (cd "$nd" && timeout 600 npm install --no-audit --no-fund --loglevel=error) > "$tmp/npm.log" 2>&1 ||
      { echo "  npm install failed:"; tail -n 3 "$tmp/npm.log"; }
  fi
  if [ ! -d "$nd/node_modules/better-sqlite3" ]; then skip node "better-sqlite3 not installed (npm unreachable?)"
  # a failed native build leaves the package without its binding
  elif ! (cd "$nd" && node -e 'require("better-sqlite3")') >/dev/null 2>&1; then
    skip node "better-sqlite3 installed without its native binding (npm build failed)"
  else
    (cd "$nd" && node workflow.js "$extabs" "$here/articles.sql") > "$tmp/node.out" 2>&1
    check node "$tmp/node.out" $?
  fi
fi

# Go with mattn/go-sqlite3 from Debian (golang-go, golang-github-mattn-go-sqlite3-dev):
# GOPATH mode, no module download; -tags libsqlite3 links the system SQLite
gosrc=/usr/share/gocode/src/github.com/mattn/go-sqlite3
if ! command -v go >/dev/null 2>&1; then skip go "go not found: apt-get install golang-go"
elif [ ! -d "$gosrc" ]; then skip go "apt-get install golang-github-mattn-go-sqlite3-dev"
else
  if GO111MODULE=off GOPATH=/usr/share/gocode GOCACHE="${GOCACHE:-$tmp/gocache}" GOFLAGS= \
       go build -tags libsqlite3 -o "$tmp/workflow-go" "$here/workflow.go" > "$tmp/go.out" 2>&1; then
    "$tmp/workflow-go" "$extabs" "$here/articles.sql" > "$tmp/go.out" 2>&1
    check go "$tmp/go.out" $?
  else
    check go "$tmp/go.out" 1
  fi
fi

# C with the system libsqlite3: loadable extension, then linked in (SQLITE_CORE)
cc=${CC:-cc}
if ! command -v "$cc" >/dev/null 2>&1 || ! pkg-config --exists sqlite3 2>/dev/null; then
  skip c "no C compiler or libsqlite3-dev"
else
  if "$cc" -o "$tmp/workflow" "$here/workflow.c" $(pkg-config --cflags --libs sqlite3) 2> "$tmp/c.out"; then
    "$tmp/workflow" "$extabs" "$here/articles.sql" > "$tmp/c.out" 2>&1
    check c "$tmp/c.out" $?
  else
    check c "$tmp/c.out" 1
  fi
  if [ -n "$CONFLICT_STATIC_LIB" ]; then
    if "$cc" -DCONFLICT_STATIC -DSQLITE_CORE -I"$root/include" -o "$tmp/workflow-static" "$here/workflow.c" \
         "$CONFLICT_STATIC_LIB" $(pkg-config --libs libpcre2-8 libutf8proc sqlite3) -lm 2> "$tmp/cs.out"; then
      "$tmp/workflow-static" - "$here/articles.sql" > "$tmp/cs.out" 2>&1
      check c-static "$tmp/cs.out" $?
    else
      check c-static "$tmp/cs.out" 1
    fi
    # the same, over an SQLite built without FTS5 (the amalgamation better-sqlite3
    # ships): the tokenizer is skipped and everything else registers
    amal="$here/node/node_modules/better-sqlite3/deps/sqlite3"
    obj="$(dirname "$ext")/sqlite3-nofts5.o"
    if [ -f "$amal/sqlite3.c" ]; then
      [ -f "$obj" ] || "$cc" -O0 -w -DSQLITE_THREADSAFE=0 -c -o "$obj" "$amal/sqlite3.c" 2> "$tmp/cn.out"
      if "$cc" -DCONFLICT_STATIC -DSQLITE_CORE -I"$amal" -I"$root/include" -o "$tmp/workflow-nofts5" \
           "$here/workflow.c" "$obj" "$CONFLICT_STATIC_LIB" $(pkg-config --libs libpcre2-8 libutf8proc) \
           -lm -lpthread -ldl 2>> "$tmp/cn.out"; then
        "$tmp/workflow-nofts5" - "$here/articles.sql" > "$tmp/cn.out" 2>&1
        check c-static-nofts5 "$tmp/cn.out" $?
      else
        check c-static-nofts5 "$tmp/cn.out" 1
      fi
    else
      skip c-static-nofts5 "no SQLite amalgamation (it comes with better-sqlite3)"
    fi
  fi
fi

echo "workflow: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
