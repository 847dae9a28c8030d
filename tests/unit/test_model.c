/* test_model.c — names, lists of signs and risks, validation helpers. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "healgrid/model.h"
#include "healgrid/util.h"

static void names_round_trip(void **state)
{
	(void)state;
	for (int i = 0; i < HG_SIGN_COUNT; i++)
		assert_int_equal(model_sign_lookup(model_sign_name((enum hg_sign)i)), i);
	for (int i = 0; i < HG_RISK_COUNT; i++)
		assert_int_equal(model_risk_lookup(model_risk_name((enum hg_risk)i)), i);
	for (int i = 0; i < HG_SYMPTOM_COUNT; i++)
		assert_int_equal(model_symptom_lookup(model_symptom_name((enum hg_symptom)i)), i);
	assert_int_equal(model_sign_lookup("Pus"), -1);
	assert_int_equal(model_device_lookup("home"), HG_DEVICE_HOME);
	assert_string_equal(model_rating_label(HG_UNRATED), "not rated");
	assert_string_equal(model_rating_label(0), "none");
}

static void sign_lists_parse_and_format(void **state)
{
	unsigned bits = 99;
	char *bad = NULL, buf[256];

	(void)state;
	assert_int_equal(model_parse_signs("pus, fever;lines", &bits, &bad), 0);
	assert_int_equal(bits, HG_BIT(HG_SIGN_PUS) | HG_BIT(HG_SIGN_FEVER) | HG_BIT(HG_SIGN_LINES));
	model_format_signs(bits, ';', buf, sizeof buf);
	assert_string_equal(buf, "pus;fever;lines");
	assert_int_equal(model_parse_signs("", &bits, &bad), 0);
	assert_int_equal(bits, 0);
	assert_int_equal(model_parse_signs("pus,itchy", &bits, &bad), -1);
	assert_string_equal(bad, "itchy");
	free(bad);
	/* A short buffer still ends in NUL and reports the length it needed. */
	size_t need = model_format_risks(HG_BIT(HG_RISK_COLD_SORES) | HG_BIT(HG_RISK_DARK_SKIN),
					 ',', buf, 8);
	assert_int_equal(need, strlen("cold-sores,dark-skin"));
	assert_true(strlen(buf) < 8);
}

static void sanitize_strips_terminal_controls(void **state)
{
	char *s;

	(void)state;
	s = hg_sanitize("red\x1b[2J\x1b]0;pwned\x07 ok caf\xc3\xa9 \xff");
	assert_null(strchr(s, '\x1b'));
	assert_null(strchr(s, '\x07'));
	assert_non_null(strstr(s, "caf\xc3\xa9"));
	assert_non_null(strchr(s, '?'));
	free(s);
	assert_true(hg_utf8_valid("caf\xc3\xa9", 5));
	assert_false(hg_utf8_valid("\xc3", 1));
	assert_false(hg_utf8_valid("\xed\xa0\x80", 3));   /* surrogate */
	assert_int_equal(hg_utf8_width("caf\xc3\xa9"), 4);
}

static void strbuf_grows(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	assert_string_equal(sb_str(&sb), "");
	for (int i = 0; i < 1000; i++)
		sb_printf(&sb, "%d,", i);
	assert_int_equal(strncmp(sb_str(&sb), "0,1,2,", 6), 0);
	assert_int_equal(sb.len, strlen(sb.s));
	char *s = sb_detach(&sb);
	assert_null(sb.s);
	free(s);
}

static int temp_of(const char *s)
{
	const char *why = NULL;
	int t = -1;

	if (model_parse_temp(s, &t, &why) != 0) {
		assert_non_null(why);
		return -1;
	}
	return t;
}

static void temperatures_parse(void **state)
{
	char buf[16];

	(void)state;
	assert_int_equal(temp_of("38"), 380);
	assert_int_equal(temp_of("38.2"), 382);
	assert_int_equal(temp_of("38.2C"), 382);
	assert_int_equal(temp_of("38.2c"), 382);
	assert_int_equal(temp_of("100.4F"), 380);
	assert_int_equal(temp_of("100.8f"), 382);      /* 38.22 rounds to 38.2 */
	assert_int_equal(temp_of("99.9F"), 377);       /* 37.72 rounds to 37.7 */
	assert_int_equal(temp_of("100.1F"), 378);      /* 37.83 rounds to 37.8 */
	assert_int_equal(temp_of("93.2F"), 340);       /* the lowest, after conversion */
	assert_int_equal(temp_of("34"), 340);
	assert_int_equal(temp_of("43.0"), 430);
	assert_int_equal(temp_of("43.1"), -1);
	assert_int_equal(temp_of("33.9"), -1);
	assert_int_equal(temp_of("45"), -1);
	assert_int_equal(temp_of("100"), -1);          /* a bare Fahrenheit number */
	assert_int_equal(temp_of("38,2"), -1);
	assert_int_equal(temp_of("38.25"), -1);
	assert_int_equal(temp_of("38."), -1);
	assert_int_equal(temp_of(".5"), -1);
	assert_int_equal(temp_of("-38"), -1);
	assert_int_equal(temp_of("38.2K"), -1);
	assert_int_equal(temp_of("C"), -1);
	assert_int_equal(temp_of(""), -1);
	assert_int_equal(temp_of("0000038.2"), -1);     /* absurdly long */
	model_format_temp(382, buf, sizeof buf);
	assert_string_equal(buf, "38.2");
	model_format_temp(380, buf, sizeof buf);
	assert_string_equal(buf, "38.0");
	model_format_temp(HG_TEMP_NONE, buf, sizeof buf);
	assert_string_equal(buf, "");
}

static void skin_types_parse(void **state)
{
	(void)state;
	assert_int_equal(model_parse_skin_type("1"), 1);
	assert_int_equal(model_parse_skin_type("6"), 6);
	assert_int_equal(model_parse_skin_type("IV"), 4);
	assert_int_equal(model_parse_skin_type("iv"), 4);
	assert_int_equal(model_parse_skin_type("vi"), 6);
	assert_int_equal(model_parse_skin_type("i"), 1);
	assert_int_equal(model_parse_skin_type("0"), -1);
	assert_int_equal(model_parse_skin_type("7"), -1);
	assert_int_equal(model_parse_skin_type("VII"), -1);
	assert_int_equal(model_parse_skin_type("IIII"), -1);
	assert_int_equal(model_parse_skin_type(""), -1);
	assert_int_equal(model_parse_skin_type("4 "), -1);
	assert_string_equal(model_skin_type_name(5), "V");
}

static void empty_checkins(void **state)
{
	struct hg_checkin c;

	(void)state;
	model_checkin_init(&c);
	assert_true(model_checkin_is_empty(&c));
	c.note = (char *)"";
	assert_true(model_checkin_is_empty(&c));
	c.temp = 372;
	assert_false(model_checkin_is_empty(&c));
	c.temp = HG_TEMP_NONE;
	c.care = HG_BIT(HG_CARE_SUN);
	assert_false(model_checkin_is_empty(&c));
	c.care = 0;
	c.rating[HG_BLEEDING] = 0;                      /* rated none is recorded */
	assert_false(model_checkin_is_empty(&c));
	c.rating[HG_BLEEDING] = HG_UNRATED;
	c.note = (char *)"x";
	assert_false(model_checkin_is_empty(&c));
}

static void who_did_an_action(void **state)
{
	(void)state;
	assert_int_equal(model_by_lookup("clinician"), HG_BY_CLINICIAN);
	assert_int_equal(model_by_lookup("self"), HG_BY_SELF);
	assert_int_equal(model_by_lookup("doctor"), -1);
	assert_null(model_by_name(HG_BY_UNRECORDED));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(names_round_trip),
		cmocka_unit_test(sign_lists_parse_and_format),
		cmocka_unit_test(sanitize_strips_terminal_controls),
		cmocka_unit_test(strbuf_grows),
		cmocka_unit_test(temperatures_parse),
		cmocka_unit_test(skin_types_parse),
		cmocka_unit_test(empty_checkins),
		cmocka_unit_test(who_did_an_action),
	};

	return cmocka_run_group_tests_name("model", tests, NULL, NULL);
}
