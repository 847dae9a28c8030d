# tests/cli/scenario.sh — the fixed recovery the report tests (golden files,
# HTML to PDF) are made from.  Sourced after tests/lib.sh; fill_scenario
# fills $DB through the command line only.  Today is 2026-11-10.
#
#  1  2026-06-01 face, home roller 0.25 mm: healed in a few days.
#  2  2026-10-06 face, professional 1.5 mm, risks cold-sores and dark-skin:
#     a whole 28-day window (ended), with flags, gaps, unrated days and
#     awkward notes.
#  3  2026-11-05 neck, professional, depth unknown: day 5 today.

fill_scenario() {
	local h=("$HEALGRID" --db "$DB")
	"${h[@]}" treatment add --date 2026-06-01 --device home --depth 0.25 >/dev/null
	"${h[@]}" checkin --treatment 1 --day 0 --redness 2 --swelling 1 --bruising 0 --bleeding 1
	"${h[@]}" checkin --treatment 1 --day 1 --redness 1 --swelling 1 --bruising 0 --bleeding 0
	"${h[@]}" checkin --treatment 1 --day 2 --redness 1 --swelling 0 --bruising 0 --bleeding 0
	"${h[@]}" checkin --treatment 1 --day 3 --redness 0 --swelling 0 --bruising 0 --bleeding 0

	"${h[@]}" treatment add --date 2026-10-06 --depth 1.5 --risk cold-sores,dark-skin \
		--products 'hyaluronic serum; lidocaine numbing cream' \
		--note 'Clinic "Skin & Co", 3 passes' >/dev/null
	local r=(3 3 2 2 2 2 1 1 1 1 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0)
	local s=(2 2 1 1 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0)
	local b=(1 1 2 1 1 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0)
	local l=(1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0)
	for d in $(seq 0 27); do
		case $d in 8|15|16|22) continue ;; esac   # days not checked in
		"${h[@]}" checkin --treatment 2 --day "$d" --redness "${r[$d]}" --swelling "${s[$d]}" \
			--bruising "${b[$d]}" --bleeding "${l[$d]}"
	done
	"${h[@]}" checkin --treatment 2 --day 10 --bruising - --bleeding -   # rated only some
	"${h[@]}" checkin --treatment 2 --day 2 --sign blisters \
		--note 'Small blisters on the upper lip, like my cold sores. Called the clinic.'
	"${h[@]}" checkin --treatment 2 --day 3 --sign warmth,pain \
		--note 'Warm, sore; took "ibuprofen", 400 mg'
	"${h[@]}" checkin --treatment 2 --day 5 --sign dark-patches \
		--note "$(printf 'Brownish patch on the left cheek.\nPhoto taken.')"
	"${h[@]}" checkin --treatment 2 --day 12 --note '<script>alert(1)</script>'
	"${h[@]}" checkin --treatment 2 --day 20 --note 'Crème solaire SPF 50 every day; skin feels normal again — almost nothing left to see, and the patch has faded a lot since last week.'

	"${h[@]}" treatment add --date 2026-11-05 --area neck >/dev/null
	"${h[@]}" checkin --treatment 3 --day 0 --redness 2 --swelling 1 --bleeding 1
	"${h[@]}" checkin --treatment 3 --day 1 --redness 1 --swelling 1
	"${h[@]}" checkin --treatment 3 --day 3 --redness 1 --swelling 0 --bruising 0 --bleeding 0
}
