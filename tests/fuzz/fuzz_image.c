/* fuzz_image.c — libFuzzer harness for the photo loader (JPEG through
 * libjpeg-turbo, PNG through libpng, the EXIF orientation parser) and the
 * clean-JPEG check the importer uses.
 *
 * Whatever the bytes: no crash, no leak, no hang, memory bounded.  When
 * the loader accepts them, its promises hold: the photo fits 1600 px and
 * the thumbnail 320 px, and both pass image_is_clean_jpeg (a JFIF header
 * and image data, nothing else) with the sizes the loader reported.
 *
 * Build: see run.sh (clang -fsanitize=fuzzer,address,undefined).
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "healgrid/image.h"
#include "healgrid/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond) do { if (!(cond)) abort(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct hg_image img;
	int o, w, h, rc;

	/* The EXIF parser, on the input as is and as the payload of an APP1
	 * segment (so random bytes reach the TIFF structure). */
	o = image_exif_orientation(data, size);
	CHECK(o >= 1 && o <= 8);
	{
		unsigned char *app1 = malloc(size + 6);

		CHECK(app1 != NULL);
		static const unsigned char exif[6] = { 'E', 'x', 'i', 'f', 0, 0 };

		memcpy(app1, exif, sizeof exif);
		if (size)
			memcpy(app1 + 6, data, size);
		o = image_exif_orientation(app1, size + 6);
		CHECK(o >= 1 && o <= 8);
		free(app1);
	}

	hg_error_clear();
	if (image_is_clean_jpeg(data, size, "fuzz", &w, &h))
		CHECK(w >= 1 && h >= 1 && w <= HG_IMAGE_LONG_SIDE && h <= HG_IMAGE_LONG_SIDE);
	else
		CHECK(*hg_error() != '\0');

	hg_error_clear();
	rc = image_load_mem(data, size, "fuzz", &img);
	if (rc != HG_OK) {
		CHECK(rc == HG_ERR_INPUT || rc == HG_ERR_RUNTIME);
		CHECK(*hg_error() != '\0');
		CHECK(img.jpeg == NULL && img.thumb == NULL);
		return 0;
	}
	CHECK(img.width >= 1 && img.height >= 1);
	CHECK(img.width <= HG_IMAGE_LONG_SIDE && img.height <= HG_IMAGE_LONG_SIDE);
	CHECK(img.thumb_width <= HG_IMAGE_THUMB_SIDE && img.thumb_height <= HG_IMAGE_THUMB_SIDE);
	hg_error_clear();
	CHECK(image_is_clean_jpeg(img.jpeg, img.jpeg_len, "photo", &w, &h));
	CHECK(w == img.width && h == img.height);
	CHECK(image_is_clean_jpeg(img.thumb, img.thumb_len, "thumb", &w, &h));
	CHECK(w == img.thumb_width && h == img.thumb_height);
	image_free(&img);
	return 0;
}
