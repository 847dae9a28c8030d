/* model.c — names and labels of symptoms, signs, risks and devices, list
 * parsing, and freeing the plain structs of model.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "healgrid/model.h"
#include "healgrid/util.h"

static const char *const symptom_names[HG_SYMPTOM_COUNT] = {
	"redness", "swelling", "bruising", "bleeding"
};

static const struct { const char *name, *label; } signs[HG_SIGN_COUNT] = {
	[HG_SIGN_WARMTH]        = { "warmth", "skin hot to touch" },
	[HG_SIGN_PUS]           = { "pus", "pus or cloudy discharge" },
	[HG_SIGN_CRUSTING]      = { "crusting", "yellow or honey-coloured crusts" },
	[HG_SIGN_SPREADING]     = { "spreading", "redness spreading past the area" },
	[HG_SIGN_PAIN]          = { "pain", "pain getting worse, not better" },
	[HG_SIGN_FEVER]         = { "fever", "fever (38.0 C or more)" },
	[HG_SIGN_BLISTERS]      = { "blisters", "clustered small blisters" },
	[HG_SIGN_RASH]          = { "rash", "itchy rash or hives" },
	[HG_SIGN_DARK_PATCHES]  = { "dark-patches", "darker patches" },
	[HG_SIGN_LIGHT_PATCHES] = { "light-patches", "lighter patches" },
	[HG_SIGN_BUMPS]         = { "bumps", "firm bumps or nodules" },
	[HG_SIGN_LINES]         = { "lines", "lines or track marks" },
	[HG_SIGN_LIPS_AIRWAY]   = { "lips-airway", "swollen lips, tongue or throat" },
	[HG_SIGN_EYE]           = { "eye", "eye pain or changed vision" },
	[HG_SIGN_UNWELL]        = { "unwell", "feeling very unwell: confused, fainting, a fit, racing heart, vomiting" },
	[HG_SIGN_NONSTOP_BLEEDING] = { "nonstop-bleeding", "bleeding that does not stop after 10 minutes of firm pressure" },
	[HG_SIGN_AIRWAY]        = { "airway", "swollen tongue or throat, trouble breathing or swallowing, wheezing" },
	[HG_SIGN_NUMB_MOUTH]    = { "numb-mouth", "numb mouth with metallic taste, ringing ears, dizziness or twitching" },
	[HG_SIGN_LIPS]          = { "lips", "swollen lips or face, more than the usual puffiness" },
};

static const struct { const char *name, *label; } cares[HG_CARE_COUNT] = {
	[HG_CARE_SUNSCREEN] = { "sunscreen", "SPF 30+ applied" },
	[HG_CARE_SUN]       = { "sun", "strong sun, unprotected" },
	[HG_CARE_ACTIVES]   = { "actives", "retinoid, acid or vitamin C" },
	[HG_CARE_MAKEUP]    = { "makeup", "make-up" },
};

static const char *const risk_names[HG_RISK_COUNT] = {
	"active-infection", "active-acne", "bleeding-disorder",
	"blood-thinners", "cold-sores", "keloids", "isotretinoin",
	"dark-skin", "pregnancy", "weak-immunity", "metal-allergy",
	"cancer-treatment"
};

static const char *const device_names[HG_DEVICE_COUNT] = {
	"professional", "home"
};

static const char *const rating_labels[HG_RATING_MAX + 1] = {
	"none", "mild", "moderate", "severe"
};

const char *model_symptom_name(enum hg_symptom s) { return symptom_names[s]; }
const char *model_sign_name(enum hg_sign s) { return signs[s].name; }
const char *model_sign_label(enum hg_sign s) { return signs[s].label; }
const char *model_risk_name(enum hg_risk r) { return risk_names[r]; }
const char *model_device_name(enum hg_device d) { return device_names[d]; }
const char *model_care_name(enum hg_care c) { return cares[c].name; }
const char *model_care_label(enum hg_care c) { return cares[c].label; }

const char *model_rating_label(int rating)
{
	if (rating < 0 || rating > HG_RATING_MAX)
		return "not rated";
	return rating_labels[rating];
}

static int lookup(const char *(*name)(int), int count, const char *want)
{
	for (int i = 0; i < count; i++)
		if (strcmp(name(i), want) == 0)
			return i;
	return -1;
}

static const char *symptom_name_int(int i) { return symptom_names[i]; }
static const char *sign_name_int(int i) { return signs[i].name; }
static const char *risk_name_int(int i) { return risk_names[i]; }
static const char *device_name_int(int i) { return device_names[i]; }
static const char *care_name_int(int i) { return cares[i].name; }

int model_symptom_lookup(const char *name) { return lookup(symptom_name_int, HG_SYMPTOM_COUNT, name); }
int model_sign_lookup(const char *name) { return lookup(sign_name_int, HG_SIGN_COUNT, name); }
int model_risk_lookup(const char *name) { return lookup(risk_name_int, HG_RISK_COUNT, name); }
int model_device_lookup(const char *name) { return lookup(device_name_int, HG_DEVICE_COUNT, name); }
int model_care_lookup(const char *name) { return lookup(care_name_int, HG_CARE_COUNT, name); }

/* Split on ',' or ';', trimming spaces; empty items are skipped. */
static int parse_list(const char *list, int (*find)(const char *),
		      unsigned *out, char **bad)
{
	unsigned bits = 0;
	const char *p = list;

	*bad = NULL;
	while (*p) {
		size_t n = strcspn(p, ",;");
		const char *start = p, *end = p + n;

		while (start < end && *start == ' ')
			start++;
		while (end > start && end[-1] == ' ')
			end--;
		if (end > start) {
			char *item = xmalloc((size_t)(end - start) + 1);
			memcpy(item, start, (size_t)(end - start));
			item[end - start] = '\0';
			int v = find(item);
			if (v < 0) {
				*bad = item;
				return -1;
			}
			free(item);
			bits |= HG_BIT(v);
		}
		p += n;
		if (*p)
			p++;
	}
	*out = bits;
	return 0;
}

int model_parse_signs(const char *list, unsigned *out, char **bad)
{
	return parse_list(list, model_sign_lookup, out, bad);
}

int model_parse_risks(const char *list, unsigned *out, char **bad)
{
	return parse_list(list, model_risk_lookup, out, bad);
}

int model_parse_care(const char *list, unsigned *out, char **bad)
{
	return parse_list(list, model_care_lookup, out, bad);
}

static size_t format_list(unsigned bits, const char *(*name)(int), int count,
			  char sep, char *buf, size_t len)
{
	size_t need = 0;

	if (len)
		buf[0] = '\0';
	for (int i = 0; i < count; i++) {
		if (!(bits & HG_BIT(i)))
			continue;
		const char *s = name(i);
		size_t n = strlen(s) + (need ? 1 : 0);

		if (need + n < len) {
			if (need)
				buf[need] = sep;
			memcpy(buf + need + (need ? 1 : 0), s, strlen(s) + 1);
		}
		need += n;
	}
	return need;
}

size_t model_format_signs(unsigned s, char sep, char *buf, size_t len)
{
	return format_list(s, sign_name_int, HG_SIGN_COUNT, sep, buf, len);
}

size_t model_format_risks(unsigned r, char sep, char *buf, size_t len)
{
	return format_list(r, risk_name_int, HG_RISK_COUNT, sep, buf, len);
}

size_t model_format_care(unsigned c, char sep, char *buf, size_t len)
{
	return format_list(c, care_name_int, HG_CARE_COUNT, sep, buf, len);
}

/* Digits, an optional dot and one digit, as a count of tenths; -1 when the
 * text is not such a number (or absurdly long). */
static long parse_tenths(const char *s, size_t len)
{
	long v = 0;
	size_t i = 0, digits = 0;

	while (i < len && s[i] >= '0' && s[i] <= '9' && digits < 6) {
		v = v * 10 + (s[i++] - '0');
		digits++;
	}
	if (digits == 0)
		return -1;
	v *= 10;
	if (i < len && s[i] == '.') {
		i++;
		if (i >= len || s[i] < '0' || s[i] > '9')
			return -1;
		v += s[i++] - '0';
	}
	return i == len ? v : -1;
}

int model_parse_temp(const char *s, int *out, const char **why)
{
	size_t len = strlen(s);
	char unit = 0;
	long v;

	if (len > 0 && strchr("CcFf", s[len - 1])) {
		unit = (char)(s[len - 1] == 'c' || s[len - 1] == 'C' ? 'C' : 'F');
		len--;
	}
	v = parse_tenths(s, len);
	if (v < 0) {
		*why = "expected a temperature like 38.2, 38.2C or 100.8F"
		       " (a dot before at most one decimal)";
		return -1;
	}
	if (unit == 'F') {
		/* (F - 32) * 5 / 9, in tenths, rounded half away from zero */
		long n = (v - 320) * 5;
		v = n >= 0 ? (n + 4) / 9 : -((-n + 4) / 9);
	}
	if (v < HG_TEMP_MIN || v > HG_TEMP_MAX) {
		*why = unit ? "expected a body temperature from 34.0 to 43.0 C"
		            " (93.2 to 109.4 F)"
		            : "expected a body temperature from 34.0 to 43.0 C"
		            " (add F for Fahrenheit, as in 100.8F)";
		return -1;
	}
	*out = (int)v;
	return 0;
}

void model_format_temp(int tenths, char *buf, size_t len)
{
	if (tenths == HG_TEMP_NONE)
		snprintf(buf, len, "%s", "");
	else
		snprintf(buf, len, "%d.%d", tenths / 10, tenths % 10);
}

static const char *const skin_names[HG_SKIN_MAX + 1] = {
	"", "I", "II", "III", "IV", "V", "VI"
};

/* Case-insensitive for ASCII letters only, whatever the locale (a Turkish
 * locale would not fold 'i' to 'I'). */
static int ascii_caseeq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		int x = *a >= 'a' && *a <= 'z' ? *a - 'a' + 'A' : *a;
		int y = *b >= 'a' && *b <= 'z' ? *b - 'a' + 'A' : *b;
		if (x != y)
			return 0;
	}
	return *a == *b;
}

int model_parse_skin_type(const char *s)
{
	if (s[0] >= '1' && s[0] <= '6' && s[1] == '\0')
		return s[0] - '0';
	for (int i = HG_SKIN_MIN; i <= HG_SKIN_MAX; i++)
		if (ascii_caseeq(s, skin_names[i]))
			return i;
	return -1;
}

const char *model_skin_type_name(int type)
{
	return type >= HG_SKIN_MIN && type <= HG_SKIN_MAX ? skin_names[type] : "";
}

void model_format_depth(double depth, char *buf, size_t len)
{
	long hundredths = (long)(depth * 100 + 0.5);

	if (depth <= 0)
		snprintf(buf, len, "unknown");
	else if (hundredths % 10 == 0)
		snprintf(buf, len, "%.1f", depth);
	else
		snprintf(buf, len, "%.2f", depth);
}

void model_treatment_init(struct hg_treatment *t)
{
	memset(t, 0, sizeof *t);
	t->device = HG_DEVICE_PROFESSIONAL;
	t->window = HG_WINDOW_DEFAULT;
}

void model_treatment_free(struct hg_treatment *t)
{
	free(t->area);
	free(t->products);
	free(t->note);
	t->area = t->products = t->note = NULL;
}

void model_checkin_init(struct hg_checkin *c)
{
	memset(c, 0, sizeof *c);
	for (int i = 0; i < HG_SYMPTOM_COUNT; i++)
		c->rating[i] = HG_UNRATED;
}

void model_checkin_free(struct hg_checkin *c)
{
	free(c->note);
	c->note = NULL;
}

void model_recovery_free(struct hg_recovery *r)
{
	model_treatment_free(&r->t);
	for (size_t i = 0; i < r->ndays; i++)
		model_checkin_free(&r->days[i]);
	free(r->days);
	r->days = NULL;
	r->ndays = 0;
}

int model_checkin_is_empty(const struct hg_checkin *c)
{
	for (int i = 0; i < HG_SYMPTOM_COUNT; i++)
		if (c->rating[i] != HG_UNRATED)
			return 0;
	return c->signs == 0 && c->temp == HG_TEMP_NONE && c->care == 0 &&
	       (!c->note || !c->note[0]);
}

void model_action_init(struct hg_action *a)
{
	memset(a, 0, sizeof *a);
}

void model_action_free(struct hg_action *a)
{
	free(a->text);
	for (size_t i = 0; i < a->nresolves; i++) {
		free(a->resolves[i].rule);
		free(a->resolves[i].kind);
	}
	free(a->resolves);
	model_action_init(a);
}

void model_actions_free(struct hg_action *a, size_t n)
{
	for (size_t i = 0; i < n; i++)
		model_action_free(&a[i]);
	free(a);
}

const struct hg_checkin *model_recovery_day(const struct hg_recovery *r, int day)
{
	size_t lo = 0, hi = r->ndays;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (r->days[mid].day < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < r->ndays && r->days[lo].day == day ? &r->days[lo] : NULL;
}

void model_medicine_free(struct hg_medicine *m)
{
	free(m->name);
	free(m->dose);
	memset(m, 0, sizeof *m);
}

void model_medicines_free(struct hg_medicine *m, size_t n)
{
	for (size_t i = 0; i < n; i++)
		model_medicine_free(&m[i]);
	free(m);
}

/* ---- who did an action ------------------------------------------------ */

const char *model_by_name(enum hg_by by)
{
	switch (by) {
	case HG_BY_CLINICIAN:
		return "clinician";
	case HG_BY_SELF:
		return "self";
	default:
		return NULL;
	}
}

int model_by_lookup(const char *name)
{
	if (strcmp(name, "clinician") == 0)
		return HG_BY_CLINICIAN;
	if (strcmp(name, "self") == 0)
		return HG_BY_SELF;
	return -1;
}
