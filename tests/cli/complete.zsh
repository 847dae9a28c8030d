# complete.zsh — run zsh's completion of a command line in a pseudo-terminal
# and print what zsh showed below the prompt (for tests/cli/completion.sh).
#   zsh -f complete.zsh FPATH_DIR PATH_DIR 'COMMAND LINE' WAIT_FOR
# FPATH_DIR holds _healgrid; PATH_DIR the healgrid to run.  Reads until
# WAIT_FOR appears after the last prompt, or 30 seconds pass.
setopt extendedglob
zmodload zsh/zpty || exit 1
zpty z 'zsh -f -i'
zpty -w z "PROMPT='> '; fpath=('$1' \$fpath); autoload -U compinit; compinit -u -D; setopt nobeep; zstyle ':completion:*' list-prompt ''; LISTMAX=1000; path=('$2' \$path)"
zpty -w -n z "$3"$'\t\t'
out= screen=
for i in {1..300}; do
	while zpty -r -t z chunk; do out+=$chunk; done
	screen=${${out//$'\e'\[[0-9;?]#[a-zA-Z]/}//$'\r'/}
	screen=${screen##*$'\n'> }
	[[ $screen == *"$4"* ]] && break
	sleep 0.1
done
zpty -d z
print -r -- "$screen"
