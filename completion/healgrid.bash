# healgrid.bash — bash completion for healgrid: commands, options, sign,
# risk, care and format names, and treatment, flag, photo and action ids
# asked of healgrid itself (the commands that only read, which never
# create a database).  Installed by `make install`; to try it by hand:
#   . completion/healgrid.bash

_healgrid_signs='warmth pus crusting spreading pain fever blisters rash dark-patches light-patches bumps lines lips eye unwell nonstop-bleeding'
_healgrid_risks='active-infection active-acne bleeding-disorder blood-thinners cold-sores keloids isotretinoin dark-skin pregnancy weak-immunity'
_healgrid_care='sunscreen sun actives makeup'

# _healgrid_ask ARGS...: run the healgrid being completed, with the
# command line's --db, on a read-only command; its stdout.
_healgrid_ask() {
	local prog=${COMP_WORDS[0]}
	command -v -- "$prog" >/dev/null 2>&1 || prog=healgrid
	if [[ -n $_healgrid_db ]]; then
		"$prog" --db "$_healgrid_db" "$@" 2>/dev/null
	else
		"$prog" "$@" 2>/dev/null
	fi
}

# _healgrid_ids KIND: the ids of KIND (treatments, flags, photos, actions,
# medicines).
_healgrid_ids() {
	local out
	case $1 in
	treatments) out=$(_healgrid_ask treatment list --format json) ;;
	flags) out=$(_healgrid_ask flags --format json ${_healgrid_treatment:+--treatment "$_healgrid_treatment"}) ;;
	photos) out=$(_healgrid_ask photo list --format json ${_healgrid_treatment:+--treatment "$_healgrid_treatment"}) ;;
	actions) out=$(_healgrid_ask action list --all --format json) ;;
	medicines) out=$(_healgrid_ask medicine list --all --format json) ;;
	esac
	if [[ $1 == flags ]]; then
		# A flag's id is RULE@DAY: its "rule" and "day" fields.
		printf '%s\n' "$out" | sed 's/}, {/}\n{/g' |
			sed -n 's/.*"rule": *"\([^"]*\)".*"day": *\([0-9]*\).*/\1@\2/p'
	else
		printf '%s\n' "$out" | sed 's/}, {/}\n{/g' | sed -n 's/.*{"id": *\([0-9][0-9]*\).*/\1/p'
	fi
}

# _healgrid_list WORDS: complete one name of a comma-separated list.
_healgrid_list() {
	local cur=$1 words=$2 head=
	[[ $cur == *,* ]] && head=${cur%,*},
	COMPREPLY=($(compgen -P "$head" -W "$words" -- "${cur##*,}"))
}

# The options of each command (and subcommand).
_healgrid_options() {
	case $1 in
	'') echo '--db --help --version --demo' ;;
	'treatment add'|'treatment edit')
		echo '--date --device --depth --area --products --skin-type --risk --window --note --db --help' ;;
	'treatment list') echo '--format --db --help' ;;
	'treatment delete') echo '--yes --db --help' ;;
	checkin)
		echo '--treatment --day --date --redness --swelling --bruising --bleeding --sign --temp --care --photo --note --clear --format --db --help' ;;
	show) echo '--treatment --db --help' ;;
	flags) echo '--treatment --all --open --format --db --help' ;;
	'flags resolve') echo '--treatment --text --by --date --db --help' ;;
	'action add') echo '--treatment --date --text --by --for --resolves --db --help' ;;
	'action list'|'medicine list') echo '--treatment --all --format --db --help' ;;
	'action delete'|'photo delete'|'medicine delete') echo '--yes --db --help' ;;
	'medicine add') echo '--treatment --name --dose --from --to --days --db --help' ;;
	'medicine stop') echo '--date --db --help' ;;
	'photo list') echo '--treatment --format --db --help' ;;
	'photo export') echo '-o --db --help' ;;
	profile) echo '--name --born --clinic --clear --format --db --help' ;;
	report) echo '--treatment --all --format --paper -o --db --help' ;;
	export) echo '--format -o --db --help' ;;
	import|check|due) echo '--db --help' ;;
	backup) echo '--force --db --help' ;;
	esac
}

_healgrid() {
	local cur=${COMP_WORDS[COMP_CWORD]} prev=
	local cmd= sub= i w n_args=0
	local _healgrid_db= _healgrid_treatment=
	local commands='treatment checkin show flags action medicine photo profile report export import backup check due help'
	local -A subs=([treatment]='add edit list delete' [flags]='resolve' [action]='add list delete'
		[medicine]='add stop list delete' [photo]='list export delete')
	local -A takes_value=([--db]=1 [--date]=1 [--device]=1 [--depth]=1 [--area]=1 [--products]=1
		[--skin-type]=1 [--risk]=1 [--window]=1 [--note]=1 [--format]=1 [--treatment]=1 [--day]=1
		[--redness]=1 [--swelling]=1 [--bruising]=1 [--bleeding]=1 [--sign]=1 [--temp]=1 [--care]=1
		[--photo]=1 [--text]=1 [--resolves]=1 [--name]=1 [--born]=1 [--clinic]=1 [-o]=1 [--output]=1
		[--by]=1 [--for]=1 [--dose]=1 [--from]=1 [--to]=1 [--days]=1 [--paper]=1)

	COMPREPLY=()
	((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
	# Read the words before the cursor: the command, its subcommand, how
	# many other words, and --db/--treatment for asking healgrid.
	for ((i = 1; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		if [[ -n ${takes_value[$w]:-} ]]; then
			((i + 1 < COMP_CWORD)) || break
			case $w in
			--db) _healgrid_db=${COMP_WORDS[i + 1]} ;;
			--treatment) _healgrid_treatment=${COMP_WORDS[i + 1]} ;;
			esac
			((i++))
		elif [[ $w == --db=* ]]; then
			_healgrid_db=${w#--db=}
		elif [[ $w == --treatment=* ]]; then
			_healgrid_treatment=${w#--treatment=}
		elif [[ $w == -* ]]; then
			:
		elif [[ -z $cmd ]]; then
			cmd=$w
		elif [[ -z $sub && -n ${subs[$cmd]:-} ]]; then
			sub=$w
		else
			((n_args++))
		fi
	done

	# The value of an option.
	case $prev in
	--db|-o|--output|--photo) COMPREPLY=($(compgen -f -- "$cur")); compopt -o filenames 2>/dev/null; return ;;
	--date|--born|--from|--to) COMPREPLY=($(compgen -W 'today yesterday' -- "$cur")); return ;;
	--by) COMPREPLY=($(compgen -W 'clinician self' -- "$cur")); return ;;
	--device) COMPREPLY=($(compgen -W 'professional home' -- "$cur")); return ;;
	--redness|--swelling|--bruising|--bleeding) COMPREPLY=($(compgen -W '0 1 2 3 -' -- "$cur")); return ;;
	--skin-type) COMPREPLY=($(compgen -W '1 2 3 4 5 6 I II III IV V VI -' -- "$cur")); return ;;
	--sign) _healgrid_list "$cur" "$_healgrid_signs"; return ;;
	--risk) _healgrid_list "$cur" "$_healgrid_risks"; return ;;
	--care) _healgrid_list "$cur" "$_healgrid_care"; return ;;
	--resolves|--for) _healgrid_list "$cur" "$(_healgrid_ids flags)"; return ;;
	--treatment) COMPREPLY=($(compgen -W "$(_healgrid_ids treatments)" -- "$cur")); return ;;
	--paper) COMPREPLY=($(compgen -W 'a4 letter' -- "$cur")); return ;;
	--format)
		case $cmd in
		report) COMPREPLY=($(compgen -W 'text markdown html pdf csv json' -- "$cur")) ;;
		export) COMPREPLY=($(compgen -W 'csv json' -- "$cur")) ;;
		*) COMPREPLY=($(compgen -W 'text json' -- "$cur")) ;;
		esac
		return ;;
	esac
	[[ -n ${takes_value[$prev]:-} ]] && return      # free text: nothing to offer

	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$(_healgrid_options "$cmd${sub:+ $sub}")" -- "$cur"))
		return
	fi
	if [[ -z $cmd ]]; then
		COMPREPLY=($(compgen -W "$commands" -- "$cur"))
		return
	fi
	if [[ -n ${subs[$cmd]:-} && -z $sub ]]; then
		COMPREPLY=($(compgen -W "${subs[$cmd]}" -- "$cur"))
		return
	fi
	# Words that are not options: ids, files, command names.
	case "$cmd${sub:+ $sub}" in
	'treatment edit'|'treatment delete')
		((n_args == 0)) && COMPREPLY=($(compgen -W "$(_healgrid_ids treatments)" -- "$cur")) ;;
	'flags resolve') COMPREPLY=($(compgen -W "$(_healgrid_ids flags)" -- "$cur")) ;;
	'photo export'|'photo delete')
		((n_args == 0)) && COMPREPLY=($(compgen -W "$(_healgrid_ids photos)" -- "$cur")) ;;
	'action delete')
		((n_args == 0)) && COMPREPLY=($(compgen -W "$(_healgrid_ids actions)" -- "$cur")) ;;
	'medicine stop'|'medicine delete')
		((n_args == 0)) && COMPREPLY=($(compgen -W "$(_healgrid_ids medicines)" -- "$cur")) ;;
	import|backup)
		((n_args == 0)) && { COMPREPLY=($(compgen -f -- "$cur")); compopt -o filenames 2>/dev/null; } ;;
	help) ((n_args == 0)) && COMPREPLY=($(compgen -W "$commands" -- "$cur")) ;;
	esac
}

complete -F _healgrid healgrid
