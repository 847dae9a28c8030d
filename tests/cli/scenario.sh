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
			--bruising "${b[$d]}" --bleeding "${l[$d]}" --sign '' --care ''   # looked: none
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

# fill_followup: treatment 2 as a doctor sees it at the follow-up, on top
# of fill_scenario: ten flags (four resolved by three actions by a
# clinician), two medicines, a measured
# temperature, unprotected sun and actives, notes of about 1,000 bytes in
# all, seven days with photos (the first one a camera JPEG with EXIF GPS
# and a comment, see tests/photo/mkimg), and a profile.  Needs $MKIMG.
fill_followup() {
	local h=("$HEALGRID" --db "$DB") d
	"$MKIMG" exif "$T/camera.jpg" 1200 900 1
	"${h[@]}" checkin --treatment 2 --day 0 --photo "$T/camera.jpg" >/dev/null
	for d in 2 3 5 7 10 14; do
		"$MKIMG" jpeg "$T/day$d.jpg" 1000 750
		"${h[@]}" checkin --treatment 2 --day "$d" --photo "$T/day$d.jpg" >/dev/null
	done
	"${h[@]}" checkin --treatment 2 --day 4 --temp 37.8 --care sun,actives \
		--note 'Sat in the garden at noon without a hat; used my vitamin C serum again because the skin felt tight and dry.' >/dev/null
	"${h[@]}" checkin --treatment 2 --day 6 --sign crusting \
		--note 'Yellow crusts at the corner of the mouth this morning, a little sticky.' >/dev/null
	"${h[@]}" checkin --treatment 2 --day 7 --sign pus --temp 38.4 \
		--note 'Some cloudy fluid from two needle marks on the chin; felt hot and shivery in the evening.' >/dev/null
	"${h[@]}" checkin --treatment 2 --day 9 \
		--note 'Antibiotics started yesterday; crusts are drying, no new fluid. Temperature back to normal this morning.' >/dev/null
	"${h[@]}" checkin --treatment 2 --day 14 \
		--note 'Crusts gone, skin smooth again. The brown patch on the left cheek is lighter; I photograph it every few days in the same window light so the dermatologist can compare.' >/dev/null
	"${h[@]}" checkin --treatment 2 --day 24 \
		--note 'Finished the cefalexin on day 15. No redness, no marks. Back to make-up; sunscreen every morning.' >/dev/null
	"${h[@]}" action add --treatment 2 --date 2026-10-08 \
		--text 'Saw the clinic: valaciclovir 500 mg twice a day for 5 days' --by clinician --for cold-sore@2 >/dev/null
	"${h[@]}" action add --treatment 2 --date 2026-10-14 \
		--text 'GP: impetigo and a wound infection; cefalexin 500 mg four times a day for 7 days' \
		--by clinician --for infection@7,cold-sore@6 >/dev/null
	"${h[@]}" action add --treatment 2 --date 2026-10-19 \
		--text 'Dermatologist checked the patch: post-inflammatory; SPF 50 daily, no actives for 4 weeks' \
		--by clinician --for pigment@5 >/dev/null
	"${h[@]}" medicine add --treatment 2 --name valaciclovir --dose '500 mg twice a day' \
		--from 2026-10-08 --days 5 >/dev/null
	"${h[@]}" medicine add --treatment 2 --name cefalexin --dose '500 mg four times a day' \
		--from 2026-10-14 --days 7 >/dev/null
	"${h[@]}" profile --name 'Ana Lima' --born 1990-04-12 --clinic 'Skin & Co, Lisbon' >/dev/null
}
