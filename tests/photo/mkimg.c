/* mkimg.c — makes and inspects the images the photo tests use, with
 * libjpeg and libpng directly (nothing of healgrid's own image code, so a
 * bug there cannot hide itself).
 *
 *   mkimg jpeg FILE W H                plain JPEG: a red 1/8 square at the
 *                                      top left, a blue one at the top right,
 *                                      a grey gradient elsewhere
 *   mkimg exif FILE W H ORIENTATION    the same with an EXIF segment (camera
 *                                      make and model, DateTimeOriginal, a GPS
 *                                      block, the orientation), an ICC
 *                                      segment and a comment, all carrying
 *                                      the marker strings below
 *   mkimg prog FILE W H                a progressive JPEG (flat colour)
 *   mkimg png FILE W H                 RGBA PNG: left half fully transparent,
 *                                      right half opaque green
 *   mkimg png16 FILE W H               16-bit grey PNG
 *   mkimg pngpal FILE W H              palette PNG: left half transparent,
 *                                      right half red
 *   mkimg pnghdr FILE W H              just the signature and an IHDR chunk
 *   mkimg info FILE                    "W H" of a JPEG
 *   mkimg pixel FILE X Y               "R G B" of a JPEG's pixel
 *   mkimg segments FILE                the JPEG's segment markers, one a line
 *
 * Marker strings: HGCAMERAMAKE, HGCAMERAMODEL, 2026:11:05 09:41:07,
 * HGGPSAREA, HGICCPROFILE, HGSECRETCOMMENT.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>
#include <png.h>

static void die(const char *what)
{
	fprintf(stderr, "mkimg: %s\n", what);
	exit(1);
}

static unsigned char *picture(int w, int h)
{
	unsigned char *p = malloc((size_t)w * h * 3);

	if (!p)
		die("out of memory");
	for (int y = 0; y < h; y++)
		for (int x = 0; x < w; x++) {
			unsigned char *q = p + ((size_t)y * w + x) * 3;
			int corner = y < h / 8 && (x < w / 8 || x >= w - w / 8);

			if (corner && x < w / 8) {
				q[0] = 255; q[1] = 0; q[2] = 0;
			} else if (corner) {
				q[0] = 0; q[1] = 0; q[2] = 255;
			} else {
				q[0] = q[1] = q[2] = (unsigned char)(64 + (x * 7 + y * 3) % 128);
			}
		}
	return p;
}

/* A little-endian TIFF block builder. */
struct buf {
	unsigned char d[4096];
	size_t n;
};

static void put16(struct buf *b, size_t at, unsigned v)
{
	b->d[at] = v & 0xff;
	b->d[at + 1] = (v >> 8) & 0xff;
}

static void put32(struct buf *b, size_t at, unsigned long v)
{
	for (int i = 0; i < 4; i++)
		b->d[at + i] = (v >> (8 * i)) & 0xff;
}

/* An IFD entry at `at`; data longer than 4 bytes goes to *data. */
static void entry(struct buf *b, size_t at, unsigned tag, unsigned type, unsigned long count,
		  const void *val, size_t len, size_t *data)
{
	put16(b, at, tag);
	put16(b, at + 2, type);
	put32(b, at + 4, count);
	if (len <= 4) {
		memcpy(b->d + at + 8, val, len);
	} else {
		put32(b, at + 8, *data - 6);    /* offsets count from the TIFF header */
		memcpy(b->d + *data, val, len);
		*data += len + (len & 1);
	}
}

static size_t exif_block(struct buf *b, int orientation)
{
	static const char make[] = "HGCAMERAMAKE", model[] = "HGCAMERAMODEL";
	static const char when[] = "2026:11:05 09:41:07";
	static const char area[] = "ASCII\0\0\0HGGPSAREA";
	unsigned char o[2] = { (unsigned char)orientation, 0 };
	unsigned char lat[24] = { 0 };
	size_t ifd0 = 6 + 8, exif, gps, data;

	memset(b, 0, sizeof *b);
	memcpy(b->d, "Exif\0\0II*\0", 10);
	put32(b, 10, 8);
	/* IFD0: 5 entries */
	exif = ifd0 + 2 + 5 * 12 + 4;
	gps = exif + 2 + 1 * 12 + 4;
	data = gps + 2 + 3 * 12 + 4;
	put16(b, ifd0, 5);
	entry(b, ifd0 + 2, 0x010F, 2, sizeof make, make, sizeof make, &data);
	entry(b, ifd0 + 14, 0x0110, 2, sizeof model, model, sizeof model, &data);
	entry(b, ifd0 + 26, 0x0112, 3, 1, o, 2, &data);
	{
		unsigned char off[4] = { (unsigned char)(exif - 6), 0, 0, 0 };
		entry(b, ifd0 + 38, 0x8769, 4, 1, off, 4, &data);
		off[0] = (unsigned char)(gps - 6);
		entry(b, ifd0 + 50, 0x8825, 4, 1, off, 4, &data);
	}
	put16(b, exif, 1);
	entry(b, exif + 2, 0x9003, 2, sizeof when, when, sizeof when, &data);
	put16(b, gps, 3);
	entry(b, gps + 2, 0x0001, 2, 2, "N", 2, &data);
	lat[0] = 48; lat[4] = 1; lat[8] = 51; lat[12] = 1; lat[16] = 30; lat[20] = 1;
	entry(b, gps + 14, 0x0002, 5, 3, lat, sizeof lat, &data);
	entry(b, gps + 26, 0x001C, 7, sizeof area - 1, area, sizeof area - 1, &data);
	b->n = data;
	return b->n;
}

static void write_jpeg(const char *file, int w, int h, int orientation)
{
	struct jpeg_compress_struct c;
	struct jpeg_error_mgr err;
	unsigned char *pic = picture(w, h);
	FILE *f = fopen(file, "wb");

	if (!f)
		die("cannot write the file");
	c.err = jpeg_std_error(&err);
	jpeg_create_compress(&c);
	jpeg_stdio_dest(&c, f);
	c.image_width = (JDIMENSION)w;
	c.image_height = (JDIMENSION)h;
	c.input_components = 3;
	c.in_color_space = JCS_RGB;
	jpeg_set_defaults(&c);
	jpeg_set_quality(&c, 92, TRUE);
	jpeg_start_compress(&c, TRUE);
	if (orientation) {
		struct buf b;
		static const char icc[] = "ICC_PROFILE\0\1\1HGICCPROFILE";
		static const char com[] = "HGSECRETCOMMENT taken at home";

		exif_block(&b, orientation);
		jpeg_write_marker(&c, JPEG_APP0 + 1, b.d, (unsigned)b.n);
		jpeg_write_marker(&c, JPEG_APP0 + 2, (const JOCTET *)icc, sizeof icc - 1);
		jpeg_write_marker(&c, JPEG_COM, (const JOCTET *)com, sizeof com - 1);
	}
	while (c.next_scanline < c.image_height) {
		JSAMPROW row = pic + (size_t)c.next_scanline * w * 3;
		jpeg_write_scanlines(&c, &row, 1);
	}
	jpeg_finish_compress(&c);
	jpeg_destroy_compress(&c);
	if (fclose(f) != 0)
		die("cannot write the file");
	free(pic);
}

static void write_progressive(const char *file, int w, int h)
{
	struct jpeg_compress_struct c;
	struct jpeg_error_mgr err;
	unsigned char *row = malloc((size_t)w * 3);
	FILE *f = fopen(file, "wb");

	if (!f || !row)
		die("cannot write the file");
	memset(row, 0x80, (size_t)w * 3);
	c.err = jpeg_std_error(&err);
	jpeg_create_compress(&c);
	jpeg_stdio_dest(&c, f);
	c.image_width = (JDIMENSION)w;
	c.image_height = (JDIMENSION)h;
	c.input_components = 3;
	c.in_color_space = JCS_RGB;
	jpeg_set_defaults(&c);
	jpeg_simple_progression(&c);
	jpeg_start_compress(&c, TRUE);
	while (c.next_scanline < c.image_height)
		jpeg_write_scanlines(&c, &row, 1);
	jpeg_finish_compress(&c);
	jpeg_destroy_compress(&c);
	if (fclose(f) != 0)
		die("cannot write the file");
	free(row);
}

static void write_png(const char *file, int w, int h, int kind)
{
	png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
	png_infop info = png_create_info_struct(png);
	FILE *f = fopen(file, "wb");
	unsigned char *row = malloc((size_t)w * 8);

	if (!f || !png || !info || !row)
		die("cannot write the file");
	if (setjmp(png_jmpbuf(png)))
		die("libpng failed");
	png_init_io(png, f);
	if (kind == 0) {
		png_set_IHDR(png, info, (png_uint_32)w, (png_uint_32)h, 8, PNG_COLOR_TYPE_RGBA,
			     PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
	} else if (kind == 1) {
		png_set_IHDR(png, info, (png_uint_32)w, (png_uint_32)h, 16, PNG_COLOR_TYPE_GRAY,
			     PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
	} else {
		png_color pal[2] = { { 240, 10, 10 }, { 0, 0, 0 } };
		png_byte trans[2] = { 255, 0 };
		png_set_IHDR(png, info, (png_uint_32)w, (png_uint_32)h, 8, PNG_COLOR_TYPE_PALETTE,
			     PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
		png_set_PLTE(png, info, pal, 2);
		png_set_tRNS(png, info, trans, 2, NULL);
	}
	png_write_info(png, info);
	for (int y = 0; y < h; y++) {
		for (int x = 0; x < w; x++) {
			if (kind == 0) {
				unsigned char *q = row + x * 4;
				int opaque = x >= w / 2;
				q[0] = 0; q[1] = opaque ? 200 : 0; q[2] = 0; q[3] = opaque ? 255 : 0;
			} else if (kind == 1) {
				unsigned v = (unsigned)(x * 65535 / (w > 1 ? w - 1 : 1));
				row[x * 2] = (unsigned char)(v >> 8);
				row[x * 2 + 1] = (unsigned char)v;
			} else {
				row[x] = x < w / 2;     /* left: transparent; right: red */
			}
		}
		png_write_row(png, row);
	}
	png_write_end(png, NULL);
	png_destroy_write_struct(&png, &info);
	if (fclose(f) != 0)
		die("cannot write the file");
	free(row);
}

static void write_png_header(const char *file, unsigned long w, unsigned long h)
{
	unsigned char d[33] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13,
				'I', 'H', 'D', 'R' };
	FILE *f = fopen(file, "wb");
	unsigned long crc;

	for (int i = 0; i < 4; i++) {
		d[16 + i] = (w >> (24 - 8 * i)) & 0xff;
		d[20 + i] = (h >> (24 - 8 * i)) & 0xff;
	}
	d[24] = 8;
	d[25] = 6;
	crc = 0xFFFFFFFFUL;     /* CRC-32 of type and data, as PNG wants */
	for (int i = 12; i < 29; i++) {
		crc ^= d[i];
		for (int k = 0; k < 8; k++)
			crc = (crc >> 1) ^ (0xEDB88320UL & (0UL - (crc & 1)));
	}
	crc ^= 0xFFFFFFFFUL;
	for (int i = 0; i < 4; i++)
		d[29 + i] = (crc >> (24 - 8 * i)) & 0xff;
	if (!f || fwrite(d, 1, sizeof d, f) != sizeof d || fclose(f) != 0)
		die("cannot write the file");
}

static unsigned char *read_jpeg(const char *file, int *w, int *h)
{
	struct jpeg_decompress_struct c;
	struct jpeg_error_mgr err;
	FILE *f = fopen(file, "rb");
	unsigned char *pic;

	if (!f)
		die("cannot read the file");
	c.err = jpeg_std_error(&err);
	jpeg_create_decompress(&c);
	jpeg_stdio_src(&c, f);
	jpeg_read_header(&c, TRUE);
	c.out_color_space = JCS_RGB;
	jpeg_start_decompress(&c);
	*w = (int)c.output_width;
	*h = (int)c.output_height;
	pic = malloc((size_t)*w * *h * 3);
	if (!pic)
		die("out of memory");
	while (c.output_scanline < c.output_height) {
		JSAMPROW row = pic + (size_t)c.output_scanline * *w * 3;
		jpeg_read_scanlines(&c, &row, 1);
	}
	jpeg_finish_decompress(&c);
	jpeg_destroy_decompress(&c);
	fclose(f);
	return pic;
}

static void segments(const char *file)
{
	FILE *f = fopen(file, "rb");
	int a, b;

	if (!f)
		die("cannot read the file");
	if (fgetc(f) != 0xFF || fgetc(f) != 0xD8)
		die("not a JPEG");
	puts("SOI");
	while ((a = fgetc(f)) == 0xFF) {
		b = fgetc(f);
		if (b == 0xDA) {
			puts("SOS");
			break;
		}
		int hi = fgetc(f), lo = fgetc(f);
		long len = (long)hi << 8 | lo;
		if (b >= 0xE0 && b <= 0xEF)
			printf("APP%d\n", b - 0xE0);
		else if (b == 0xFE)
			puts("COM");
		else
			printf("%02X\n", b);
		fseek(f, len - 2, SEEK_CUR);
	}
	fclose(f);
}

int main(int argc, char **argv)
{
	if (argc < 3)
		die("usage: see the comment at the top of mkimg.c");
	const char *what = argv[1], *file = argv[2];
	int w = argc > 3 ? atoi(argv[3]) : 0, h = argc > 4 ? atoi(argv[4]) : 0;

	if (strcmp(what, "jpeg") == 0 && argc == 5)
		write_jpeg(file, w, h, 0);
	else if (strcmp(what, "exif") == 0 && argc == 6)
		write_jpeg(file, w, h, atoi(argv[5]));
	else if (strcmp(what, "prog") == 0 && argc == 5)
		write_progressive(file, w, h);
	else if (strcmp(what, "png") == 0 && argc == 5)
		write_png(file, w, h, 0);
	else if (strcmp(what, "png16") == 0 && argc == 5)
		write_png(file, w, h, 1);
	else if (strcmp(what, "pngpal") == 0 && argc == 5)
		write_png(file, w, h, 2);
	else if (strcmp(what, "pnghdr") == 0 && argc == 5)
		write_png_header(file, strtoul(argv[3], NULL, 10), strtoul(argv[4], NULL, 10));
	else if (strcmp(what, "info") == 0 && argc == 3) {
		unsigned char *p = read_jpeg(file, &w, &h);
		printf("%d %d\n", w, h);
		free(p);
	} else if (strcmp(what, "pixel") == 0 && argc == 5) {
		int x = w, y = h;
		unsigned char *p = read_jpeg(file, &w, &h);
		if (x < 0 || y < 0 || x >= w || y >= h)
			die("pixel outside the image");
		const unsigned char *q = p + ((size_t)y * w + x) * 3;
		printf("%d %d %d\n", q[0], q[1], q[2]);
		free(p);
	} else if (strcmp(what, "segments") == 0 && argc == 3)
		segments(file);
	else
		die("usage: see the comment at the top of mkimg.c");
	return 0;
}
