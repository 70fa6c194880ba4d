# `vnkg repl` on a real terminal (tmux): a statement over several lines, Tab
# completing a prefix typed without diacritics to a Vietnamese name, .mode csv,
# Ctrl-C cancelling a running statement and clearing a half-typed line without
# ending the REPL, Ctrl-D quitting, history surviving a restart; and stdin that
# is no terminal run as a script that stops at its first error.
source "$(dirname "$0")/lib/common.sh"
export LC_ALL=C.UTF-8  # tmux and libedit need a UTF-8 locale to pass Vietnamese through

"$VNKG_BIN" repl --help >/dev/null 2>&1 || fail "$VNKG_BIN has no 'repl' subcommand"
command -v tmux >/dev/null || fail "tmux is not installed (scripts/install-deps.sh installs it)"

db="$SCRATCH/db"
"$VNKG_BIN" ingest -q --db "$db" "$VNKG_SOURCE/examples/articles" 2>/dev/null

# ------------------------------------------------------------ script mode
printf '.mode csv\nwho bui thanh son\n' | "$VNKG_BIN" repl --db "$db" >"$SCRATCH/script.out"
expect_contains "$SCRATCH/script.out" "relation,what,date,sources"
expect_contains "$SCRATCH/script.out" "office,Bộ trưởng Bộ Ngoại giao,2023-01-10"
printf '.mode csv\n\n.bogus\nwho bui thanh son\n' >"$SCRATCH/bad.vnkg"
expect_status 1 "$VNKG_BIN" repl --db "$db" <"$SCRATCH/bad.vnkg" >"$SCRATCH/bad.out" 2>"$SCRATCH/bad.err"
expect_contains "$SCRATCH/bad.err" "<stdin>:3: unknown command .bogus"
expect_not_contains "$SCRATCH/bad.out" "Bộ trưởng"  # nothing after the error ran

# ------------------------------------------------------------ on a terminal
socket="vnkg-e2e-$$-$RANDOM"
T() { tmux -u -L "$socket" "$@"; }
trap 'tmux -L "$socket" kill-server >/dev/null 2>&1 || true; rm -rf "$SCRATCH"' EXIT

mkdir -p "$SCRATCH/home" "$SCRATCH/state"
start_repl() {
  T new-session -d -s repl -x 160 -y 50 \
    "env HOME=$(printf %q "$SCRATCH/home") XDG_STATE_HOME=$(printf %q "$SCRATCH/state") \
     VNKG_RC=$(printf %q "$SCRATCH/no-rc") LC_ALL=C.UTF-8 TERM=xterm \
     $(printf %q "$VNKG_BIN") repl --db $(printf %q "$db") 2>&1"
}
screen() { T capture-pane -p -J -S -300 -t repl 2>/dev/null || true; }
dump_and_fail() { echo "--- terminal:" >&2; screen >&2; fail "$*"; }
wait_for() {  # TEXT: until the terminal shows it (10 s at most)
  for _ in $(seq 100); do
    screen | grep -qF -- "$1" && return 0
    sleep 0.1
  done
  dump_and_fail "the terminal never showed '$1'"
}
wait_last_line() {  # TEXT: until the last non-empty line is TEXT (the line being edited)
  for _ in $(seq 100); do
    [ "$(screen | grep -v '^ *$' | tail -n 1 | sed 's/ *$//')" = "$1" ] && return 0
    sleep 0.1
  done
  dump_and_fail "the last line never became '$1'"
}
wait_running() {  # TEXT: until the line TEXT was entered (the cursor is below it)
  for _ in $(seq 100); do
    local row cursor
    row=$(T capture-pane -p -t repl | grep -nF -- "$1" | tail -n 1 | cut -d: -f1)
    cursor=$(T display-message -p -t repl '#{cursor_y}')
    [ -n "$row" ] && [ "$cursor" -ge "$row" ] && return 0
    sleep 0.1
  done
  dump_and_fail "'$1' never started"
}
wait_exit() {
  for _ in $(seq 100); do
    T has-session -t repl 2>/dev/null || return 0
    sleep 0.1
  done
  dump_and_fail "the REPL did not end"
}

start_repl
wait_last_line "vnkg>"

# Tab completes a prefix typed without diacritics to the Vietnamese name.
T send-keys -t repl "who bui"
wait_last_line "vnkg> who bui"
T send-keys -t repl Tab
wait_last_line "vnkg> who Bùi Thanh Sơn"
T send-keys -t repl Enter
wait_for "Bùi Thanh Sơn (Person)"
wait_for "Bộ trưởng Bộ Ngoại giao"

# A statement over several lines: continuation prompt until ';'.
T send-keys -t repl "SELECT ?name" Enter
wait_last_line "   ...>"
T send-keys -t repl "WHERE { ?person vn:chaired ?event ; rdfs:label ?name }" Enter
wait_last_line "   ...>"
T send-keys -t repl "ORDER BY ?name" Enter "\\;" Enter
wait_for "Phạm Minh Chính"
wait_last_line "vnkg>"

# .mode csv
T send-keys -t repl ".mode csv" Enter
wait_last_line "vnkg>"
T send-keys -t repl 'bridges --province "ha tinh"' Enter
wait_for "2025-01-06,Hội nghị tổng kết công tác năm 2024,Hà Tĩnh,chủ trì (chaired),Nguyễn Hồng Lĩnh"

# Ctrl-C cancels a running statement, and clears a half-typed line; the REPL lives on.
T send-keys -t repl ".sleep 60" Enter
wait_running "vnkg> .sleep 60"
sleep 0.2
T send-keys -t repl C-c
wait_for "cancelled (Ctrl-C)"
wait_last_line "vnkg>"
T send-keys -t repl "who half typed"
wait_last_line "vnkg> who half typed"
T send-keys -t repl C-c
wait_for "vnkg> who half typed^C"
wait_last_line "vnkg>"
T send-keys -t repl "top -n 1" Enter
wait_for "degree,entity,type"
wait_last_line "vnkg>"

# Ctrl-D quits.
T send-keys -t repl C-d
wait_exit
[ -s "$SCRATCH/state/vnkg/history" ] || fail "no history file in \$XDG_STATE_HOME/vnkg/history"

# History survives a restart: Up brings back the last line of the last session.
start_repl
wait_last_line "vnkg>"
T send-keys -t repl Up
wait_last_line "vnkg> top -n 1"
T send-keys -t repl Up Up Up
wait_last_line "vnkg> .mode csv"
T send-keys -t repl Enter
wait_last_line "vnkg>"
T send-keys -t repl ".quit" Enter
wait_exit
echo ok
