# healgrid.fish — fish completion for healgrid: commands, options, sign,
# risk, care and format names, and treatment, flag, photo and action ids
# asked of healgrid itself (read-only commands, which never create a
# database).  Installed into $(datadir)/fish/vendor_completions.d.

set -l commands treatment checkin show flags action medicine photo profile report export import backup check due help

# The healgrid being completed, with the command line's --db.
function __healgrid_ask
    set -l words (commandline -opc)
    set -l db
    for i in (seq 2 (count $words))
        if test "$words[$i]" = --db; and test $i -lt (count $words)
            set db --db $words[(math $i + 1)]
        else if string match -q -- '--db=*' $words[$i]
            set db --db (string replace -- '--db=' '' $words[$i])
        end
    end
    $words[1] $db $argv 2>/dev/null
end

function __healgrid_treatment_opt
    set -l words (commandline -opc)
    for i in (seq 2 (count $words))
        if test "$words[$i]" = --treatment; and test $i -lt (count $words)
            echo --treatment=$words[(math $i + 1)]
        else if string match -q -- '--treatment=*' $words[$i]
            echo $words[$i]
        end
    end
end

function __healgrid_ids -a kind
    set -l out
    switch $kind
        case treatments
            set out (__healgrid_ask treatment list --format json)
        case flags
            set out (__healgrid_ask flags --format json (__healgrid_treatment_opt))
        case photos
            set out (__healgrid_ask photo list --format json (__healgrid_treatment_opt))
        case actions
            set out (__healgrid_ask action list --all --format json)
        case medicines
            set out (__healgrid_ask medicine list --all --format json)
    end
    set -l objects (string split -- '}, {' "$out")
    if test "$kind" = flags
        string replace -r -f -- '.*"rule": *"([^"]*)".*"day": *([0-9]+).*' '$1@$2' $objects
    else
        string replace -r -f -- '^(.*\{)?"id": *([0-9]+).*' '$2' $objects
    end
end

# A comma-separated list: the names, each after what is typed so far.
function __healgrid_list
    set -l token (commandline -ct)
    set -l head (string replace -r -- '[^,]*$' '' $token)
    for name in $argv
        echo $head$name
    end
end

# __healgrid_using CMD [SUB]: the command line names CMD (and SUB).
function __healgrid_using
    set -l words (commandline -opc)
    set -l found
    set -l skip 0
    for w in $words[2..-1]
        if test $skip -eq 1
            set skip 0
            continue
        end
        switch $w
            case --db --treatment --date --format -o --text --by --for --name --dose --from --to --days
                set skip 1
            case '-*'
            case '*'
                set found $found $w
        end
    end
    test "$found[1]" = "$argv[1]"; or return 1
    test (count $argv) -lt 2; and return 0
    test "$found[2]" = "$argv[2]"
end

function __healgrid_needs_sub -a cmd
    set -l words (commandline -opc)
    __healgrid_using $cmd; or return 1
    for sub in add edit list delete resolve export stop
        __healgrid_using $cmd $sub; and return 1
    end
    return 0
end

set -l signs warmth pus crusting spreading pain fever blisters rash dark-patches light-patches bumps lines lips eye unwell nonstop-bleeding
set -l risks active-infection active-acne bleeding-disorder blood-thinners cold-sores keloids isotretinoin dark-skin pregnancy weak-immunity
set -l care sunscreen sun actives makeup

complete -c healgrid -f
complete -c healgrid -n "not __fish_seen_subcommand_from $commands" -a "$commands"
complete -c healgrid -l db -r -F -d 'database file'
complete -c healgrid -l help -d 'show the usage'
complete -c healgrid -n "not __fish_seen_subcommand_from $commands" -l version -d 'show the version'
complete -c healgrid -n "not __fish_seen_subcommand_from $commands" -l demo -d 'a sample recovery'
complete -c healgrid -n '__fish_seen_subcommand_from help' -a "$commands"

# treatment
complete -c healgrid -n '__healgrid_needs_sub treatment' -a 'add edit list delete'
set -l tform '__healgrid_using treatment add; or __healgrid_using treatment edit'
complete -c healgrid -n $tform -l date -x -a 'today yesterday' -d 'treatment day'
complete -c healgrid -n $tform -l device -x -a 'professional home'
complete -c healgrid -n $tform -l depth -x -d 'needle depth in mm'
complete -c healgrid -n $tform -l area -x
complete -c healgrid -n $tform -l products -x
complete -c healgrid -n $tform -l skin-type -x -a '1 2 3 4 5 6 I II III IV V VI -'
complete -c healgrid -n $tform -l risk -x -a "(__healgrid_list $risks)"
complete -c healgrid -n $tform -l window -x -d 'days tracked'
complete -c healgrid -n $tform -l note -x
complete -c healgrid -n '__healgrid_using treatment edit; or __healgrid_using treatment delete' -a '(__healgrid_ids treatments)'
complete -c healgrid -n '__healgrid_using treatment list' -l format -x -a 'text json'
complete -c healgrid -n '__healgrid_using treatment delete; or __healgrid_using action delete; or __healgrid_using photo delete; or __healgrid_using medicine delete' -l yes

# checkin
complete -c healgrid -n '__healgrid_using checkin' -l treatment -x -a '(__healgrid_ids treatments)'
complete -c healgrid -n '__healgrid_using checkin' -l day -x
complete -c healgrid -n '__healgrid_using checkin' -l date -x -a 'today yesterday'
for r in redness swelling bruising bleeding
    complete -c healgrid -n '__healgrid_using checkin' -l $r -x -a '0 1 2 3 -'
end
complete -c healgrid -n '__healgrid_using checkin' -l sign -x -a "(__healgrid_list $signs)"
complete -c healgrid -n '__healgrid_using checkin' -l temp -x -d 'temperature, e.g. 38.2 or 100.8F'
complete -c healgrid -n '__healgrid_using checkin' -l care -x -a "(__healgrid_list $care)"
complete -c healgrid -n '__healgrid_using checkin' -l photo -r -F
complete -c healgrid -n '__healgrid_using checkin' -l note -x
complete -c healgrid -n '__healgrid_using checkin' -l clear -d 'remove the day'
complete -c healgrid -n '__healgrid_using checkin' -l format -x -a 'text json'

# show, flags, action, photo
complete -c healgrid -n '__healgrid_using show; or __healgrid_using flags; or __healgrid_using report; or __healgrid_using action; or __healgrid_using photo list; or __healgrid_using medicine add; or __healgrid_using medicine list' -l treatment -x -a '(__healgrid_ids treatments)'
complete -c healgrid -n '__healgrid_needs_sub flags' -a resolve
complete -c healgrid -n '__healgrid_using flags; and not __healgrid_using flags resolve' -l all
complete -c healgrid -n '__healgrid_using flags; and not __healgrid_using flags resolve' -l open
complete -c healgrid -n '__healgrid_using flags; and not __healgrid_using flags resolve' -l format -x -a 'text json'
complete -c healgrid -n '__healgrid_using flags resolve' -a '(__healgrid_ids flags)'
complete -c healgrid -n '__healgrid_using flags resolve; or __healgrid_using action add' -l text -x
complete -c healgrid -n '__healgrid_using flags resolve; or __healgrid_using action add' -l date -x -a 'today yesterday'
complete -c healgrid -n '__healgrid_needs_sub action' -a 'add list delete'
complete -c healgrid -n '__healgrid_using flags resolve; or __healgrid_using action add' -l by -x -a 'clinician self' -d 'who did it'
complete -c healgrid -n '__healgrid_using action add' -l for -x -a '(__healgrid_list (__healgrid_ids flags))'
complete -c healgrid -n '__healgrid_using action add' -l resolves -x -a '(__healgrid_list (__healgrid_ids flags))'
complete -c healgrid -n '__healgrid_using action list; or __healgrid_using medicine list' -l all
complete -c healgrid -n '__healgrid_using action list; or __healgrid_using photo list; or __healgrid_using medicine list' -l format -x -a 'text json'
complete -c healgrid -n '__healgrid_using action delete' -a '(__healgrid_ids actions)'

# medicine
complete -c healgrid -n '__healgrid_needs_sub medicine' -a 'add stop list delete'
complete -c healgrid -n '__healgrid_using medicine add' -l name -x -d 'the medicine'
complete -c healgrid -n '__healgrid_using medicine add' -l dose -x -d 'e.g. 500 mg twice a day'
complete -c healgrid -n '__healgrid_using medicine add' -l from -x -a 'today yesterday'
complete -c healgrid -n '__healgrid_using medicine add' -l to -x -a 'today yesterday'
complete -c healgrid -n '__healgrid_using medicine add' -l days -x -d 'days taken'
complete -c healgrid -n '__healgrid_using medicine stop' -l date -x -a 'today yesterday'
complete -c healgrid -n '__healgrid_using medicine stop; or __healgrid_using medicine delete' -a '(__healgrid_ids medicines)'
complete -c healgrid -n '__healgrid_needs_sub photo' -a 'list export delete'
complete -c healgrid -n '__healgrid_using photo export; or __healgrid_using photo delete' -a '(__healgrid_ids photos)'
complete -c healgrid -n '__healgrid_using photo export; or __healgrid_using report; or __healgrid_using export' -s o -r -F

# profile, report, export, import, backup
complete -c healgrid -n '__healgrid_using profile' -l name -x
complete -c healgrid -n '__healgrid_using profile' -l born -x -a 'today yesterday'
complete -c healgrid -n '__healgrid_using profile' -l clinic -x
complete -c healgrid -n '__healgrid_using profile' -l clear
complete -c healgrid -n '__healgrid_using profile' -l format -x -a 'text json'
complete -c healgrid -n '__healgrid_using report' -l all
complete -c healgrid -n '__healgrid_using report' -l format -x -a 'text markdown html pdf csv json'
complete -c healgrid -n '__healgrid_using report' -l paper -x -a 'a4 letter'
complete -c healgrid -n '__healgrid_using export' -l format -x -a 'csv json'
complete -c healgrid -n '__healgrid_using import; or __healgrid_using backup' -F
complete -c healgrid -n '__healgrid_using backup' -l force
