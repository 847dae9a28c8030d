# tests/cli/gen_csv.awk — N check-ins (awk -v n=100000) in the CSV of
# `healgrid export`: 28 days per treatment, treatments 9 days apart from
# 1930-01-01 (so all before 2026), ratings fading day by day, a sign and a
# note now and then.
# Dates are computed here (civil-from-days) so the output is exact.
function civil(z,   era, doe, yoe, y, doy, mp, d, m) {
	z += 719468
	era = int((z >= 0 ? z : z - 146096) / 146097)
	doe = z - era * 146097
	yoe = int((doe - int(doe / 1460) + int(doe / 36524) - int(doe / 146096)) / 365)
	y = yoe + era * 400
	doy = doe - (365 * yoe + int(yoe / 4) - int(yoe / 100))
	mp = int((5 * doy + 2) / 153)
	d = doy - int((153 * mp + 2) / 5) + 1
	m = mp < 10 ? mp + 3 : mp - 9
	return sprintf("%04d-%02d-%02d", y + (m <= 2), m, d)
}
BEGIN {
	printf "treatment_date,device,depth_mm,area,risks,day,date,redness,swelling,bruising,bleeding,signs,note\r\n"
	start = -14610   # 1930-01-01
	for (i = 0; i < n; i++) {
		t = int(i / 28); day = i % 28
		td = start + t * 9
		r = day < 3 ? 3 - day : (day < 9 ? 1 : 0)
		s = day < 2 ? 2 - day : 0
		sign = (day == 4 && t % 3 == 0) ? "warmth;pain" : ""
		note = (day % 7 == 0) ? "\"day " day ", felt \"\"ok\"\"\"" : ""
		printf "%s,%s,%s,%s,%s,%d,%s,%d,%d,%s,%s,%s,%s\r\n", civil(td),
			t % 2 ? "home" : "professional", t % 2 ? "0.5" : "1.5",
			t % 4 ? "face" : "\"neck, left side\"", t % 5 ? "" : "cold-sores",
			day, civil(td + day), r, s, day == 10 ? "" : 0, day ? 0 : 1, sign, note
	}
}
