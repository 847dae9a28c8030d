/* image.c — photos in and out: JPEG (libjpeg-turbo) and PNG (libpng)
 * decoding with bounded memory, the EXIF orientation tag, an area-average
 * resampler fed one row at a time, and a clean baseline JPEG encoder.
 * No SQL and no curses here; see include/healgrid/image.h for the promises.
 *
 * Both libraries report errors by calling back; the callbacks longjmp to
 * the decoder, which frees what it holds (kept in one heap context, so
 * nothing lives in a register across the jump) and returns an hg_status.
 * A libjpeg warning (a cut file gives "Premature end of JPEG file") is
 * taken as an error: a photo is stored only when the whole file decodes.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jpeglib.h>
#include <jerror.h>
#include <png.h>

#include "healgrid/image.h"
#include "healgrid/util.h"

/* Memory libjpeg may use for one decode (a progressive JPEG keeps every
 * coefficient: about 3 bytes a pixel).  Larger ones are refused. */
#ifndef HG_IMAGE_MAX_MEMORY
#define HG_IMAGE_MAX_MEMORY (256L * 1024 * 1024)
#endif
/* An interlaced PNG is decoded whole (4 bytes a pixel) before scaling. */
#ifndef HG_IMAGE_MAX_INTERLACED_PIXELS
#define HG_IMAGE_MAX_INTERLACED_PIXELS (40L * 1000 * 1000)
#endif
/* A progressive JPEG with more scans than this is refused: a few hundred
 * tiny scans are a known way to make a small file decode for minutes. */
#define HG_JPEG_MAX_SCANS 100

static int oom(void)
{
	return hg_fail(HG_ERR_RUNTIME, "out of memory");
}

/* ---- area-average resampler ------------------------------------------- */

/* Each destination pixel is the average of the source area it covers
 * (fractional edges weighted), the right filter for shrinking: no
 * aliasing, no ringing.  Source rows are pushed one at a time, so the
 * source image never needs to be in memory. */
struct resampler {
	int sw, sh, dw, dh;
	int *x0, *xn;           /* per destination column: first source column, count */
	size_t *xoff;           /* ... and where its weights start in xw */
	float *xw;
	float *hrow;            /* one source row shrunk horizontally, dw * 3 */
	float *acc;             /* the destination row being summed */
	double wsum;
	int oy;                 /* destination rows done */
	int sy;                 /* source rows pushed */
	unsigned char *out;     /* dw * dh * 3 */
};

static void rs_free(struct resampler *r)
{
	free(r->x0);
	free(r->xn);
	free(r->xoff);
	free(r->xw);
	free(r->hrow);
	free(r->acc);
	free(r->out);
	memset(r, 0, sizeof *r);
}

static int rs_init(struct resampler *r, int sw, int sh, int dw, int dh)
{
	size_t nw = 0, k = 0;
	double ratio = (double)sw / dw;

	memset(r, 0, sizeof *r);
	if (sw < 1 || sh < 1 || dw < 1 || dh < 1)
		return hg_fail(HG_ERR_INPUT, "not a readable image (no pixels)");
	r->sw = sw;
	r->sh = sh;
	r->dw = dw;
	r->dh = dh;
	r->x0 = calloc((size_t)dw, sizeof *r->x0);
	r->xn = calloc((size_t)dw, sizeof *r->xn);
	r->xoff = calloc((size_t)dw, sizeof *r->xoff);
	/* each column reads at most ceil(ratio) + 1 source columns */
	nw = (size_t)dw * ((size_t)ratio + 2);
	r->xw = malloc(nw * sizeof *r->xw);
	r->hrow = malloc((size_t)dw * 3 * sizeof *r->hrow);
	r->acc = calloc((size_t)dw * 3, sizeof *r->acc);
	r->out = malloc((size_t)dw * (size_t)dh * 3);
	if (!r->x0 || !r->xn || !r->xoff || !r->xw || !r->hrow || !r->acc || !r->out)
		return oom();    /* the caller's rs_free() frees what was made */
	for (int x = 0; x < dw; x++) {
		double a = x * ratio, b = x == dw - 1 ? sw : (x + 1) * ratio;
		int i0 = (int)a, i1 = (int)b;

		if (i1 < b)
			i1++;           /* ceil */
		if (i1 > sw)
			i1 = sw;
		r->x0[x] = i0;
		r->xn[x] = 0;
		r->xoff[x] = k;
		for (int i = i0; i < i1 && k < nw; i++) {
			double lo = i > a ? i : a, hi = i + 1 < b ? i + 1 : b;

			if (hi <= lo)
				continue;
			if (r->xn[x] == 0)
				r->x0[x] = i;
			r->xw[k++] = (float)((hi - lo) / (b - a));
			r->xn[x]++;
		}
	}
	return HG_OK;
}

/* Push the next source row (sw RGB pixels). */
static void rs_push(struct resampler *r, const unsigned char *row)
{
	size_t dw = (size_t)r->dw;

	for (size_t x = 0; x < dw; x++) {
		const unsigned char *p = row + (size_t)r->x0[x] * 3;
		const float *w = r->xw + r->xoff[x];
		float s0 = 0, s1 = 0, s2 = 0;

		for (int i = 0; i < r->xn[x]; i++, p += 3) {
			s0 += w[i] * (float)p[0];
			s1 += w[i] * (float)p[1];
			s2 += w[i] * (float)p[2];
		}
		r->hrow[x * 3] = s0;
		r->hrow[x * 3 + 1] = s1;
		r->hrow[x * 3 + 2] = s2;
	}

	/* This source row covers [sy, sy + 1) in source rows; hand each part
	 * to the destination row whose span it falls in. */
	static const double eps = 1e-9;
	double a = r->sy, end = r->sy + 1.0;

	r->sy++;
	while (a < end && r->oy < r->dh) {
		double y1 = r->oy == r->dh - 1 ? r->sh : (double)(r->oy + 1) * r->sh / r->dh;
		double b = end < y1 ? end : y1;
		float w = (float)(b - a);

		if (w > 0) {
			for (size_t i = 0; i < dw * 3; i++)
				r->acc[i] += w * r->hrow[i];
			r->wsum += w;
		}
		a = b;
		if (b >= y1 - eps) {
			unsigned char *o = r->out + (size_t)r->oy * dw * 3;
			float inv = r->wsum > 0 ? (float)(1.0 / r->wsum) : 0;

			for (size_t i = 0; i < dw * 3; i++) {
				float v = r->acc[i] * inv + 0.5f;
				o[i] = v <= 0 ? 0 : v >= 255 ? 255 : (unsigned char)v;
				r->acc[i] = 0;
			}
			r->wsum = 0;
			r->oy++;
		}
	}
}

/* The largest size within `side` px on the long side (never enlarged). */
static void fit(int w, int h, int side, int *dw, int *dh)
{
	int lng = w > h ? w : h;

	if (lng <= side) {
		*dw = w;
		*dh = h;
		return;
	}
	*dw = (int)(((long)w * side + lng / 2) / lng);
	*dh = (int)(((long)h * side + lng / 2) / lng);
	if (*dw < 1)
		*dw = 1;
	if (*dh < 1)
		*dh = 1;
}

/* ---- EXIF orientation --------------------------------------------------- */

static unsigned get16(const unsigned char *p, int le)
{
	return le ? (unsigned)p[0] | (unsigned)p[1] << 8 : (unsigned)p[0] << 8 | p[1];
}

static uint32_t get32(const unsigned char *p, int le)
{
	return le ? (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
		(uint32_t)p[3] << 24
		: (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

int image_exif_orientation(const unsigned char *app1, size_t len)
{
	const unsigned char *t;
	size_t tlen, n;
	uint32_t ifd;
	int le;

	if (len < 6 + 8 || memcmp(app1, "Exif\0\0", 6) != 0)
		return 1;
	t = app1 + 6;                   /* the TIFF header; offsets count from here */
	tlen = len - 6;
	if (memcmp(t, "II*\0", 4) == 0)
		le = 1;
	else if (memcmp(t, "MM\0*", 4) == 0)
		le = 0;
	else
		return 1;
	ifd = get32(t + 4, le);
	if (ifd < 8 || ifd > tlen - 2)
		return 1;
	n = get16(t + ifd, le);
	if (n > (tlen - ifd - 2) / 12)
		return 1;
	for (size_t i = 0; i < n; i++) {
		const unsigned char *e = t + ifd + 2 + i * 12;

		/* tag 0x0112, type SHORT, count 1: the value sits in the entry */
		if (get16(e, le) == 0x0112 && get16(e + 2, le) == 3 && get32(e + 4, le) == 1) {
			unsigned v = get16(e + 8, le);
			return v >= 1 && v <= 8 ? (int)v : 1;
		}
	}
	return 1;
}

/* Turn an RGB image as stored into one as seen (orientations 1-8 as EXIF
 * defines them: 2 mirrored, 3 turned 180°, 4 flipped, 5 transposed, 6
 * turned 90° clockwise, 7 transversed, 8 turned 90° anticlockwise).
 * *img is replaced; *w and *h follow. */
static int orient(unsigned char **img, int *w, int *h, int o)
{
	int sw = *w, sh = *h, dw, dh;
	unsigned char *src = *img, *dst;

	if (o <= 1 || o > 8)
		return HG_OK;
	dw = o >= 5 ? sh : sw;
	dh = o >= 5 ? sw : sh;
	dst = malloc((size_t)dw * dh * 3);
	if (!dst)
		return oom();
	for (int y = 0; y < dh; y++)
		for (int x = 0; x < dw; x++) {
			int sx, sy;

			switch (o) {
			case 2: sx = sw - 1 - x; sy = y; break;
			case 3: sx = sw - 1 - x; sy = sh - 1 - y; break;
			case 4: sx = x; sy = sh - 1 - y; break;
			case 5: sx = y; sy = x; break;
			case 6: sx = y; sy = sh - 1 - x; break;
			case 7: sx = sw - 1 - y; sy = sh - 1 - x; break;
			default: sx = sw - 1 - y; sy = x; break;        /* 8 */
			}
			memcpy(dst + ((size_t)y * dw + x) * 3, src + ((size_t)sy * sw + sx) * 3, 3);
		}
	free(src);
	*img = dst;
	*w = dw;
	*h = dh;
	return HG_OK;
}

/* ---- libjpeg plumbing --------------------------------------------------- */

struct jerr {
	struct jpeg_error_mgr pub;
	jmp_buf jb;
	char msg[JMSG_LENGTH_MAX];
	int code;
};

static void j_error_exit(j_common_ptr c)
{
	struct jerr *e = (struct jerr *)c->err;

	(*c->err->format_message)(c, e->msg);
	e->code = c->err->msg_code;
	longjmp(e->jb, 1);
}

/* Warnings (level -1) become errors; trace messages are dropped. */
static void j_emit(j_common_ptr c, int level)
{
	if (level < 0)
		j_error_exit(c);
}

static void j_progress(j_common_ptr c)
{
	if (c->is_decompressor &&
	    ((j_decompress_ptr)c)->input_scan_number > HG_JPEG_MAX_SCANS) {
		c->err->msg_code = JERR_NOT_COMPILED;   /* any code: the text is ours */
		struct jerr *e = (struct jerr *)c->err;
		snprintf(e->msg, sizeof e->msg, "more than %d scans", HG_JPEG_MAX_SCANS);
		e->code = -1;
		longjmp(e->jb, 1);
	}
}

static int jpeg_failure(const struct jerr *e, const char *name)
{
	if (e->code == JERR_OUT_OF_MEMORY)
		return oom();
	if (e->code == JERR_NO_BACKING_STORE)
		return hg_fail(HG_ERR_INPUT, "%s: image too large to decode within %ld MB",
			       name, HG_IMAGE_MAX_MEMORY / (1024L * 1024));
	return hg_fail(HG_ERR_INPUT, "%s: not a whole readable JPEG image (%s)", name, e->msg);
}

/* ---- decoding ----------------------------------------------------------- */

/* What a decoder hands on: the image already shrunk to fit the photo. */
struct decoded {
	unsigned char *rgb;
	int w, h;
	int orientation;
};

struct jdec {
	struct jpeg_decompress_struct cinfo;
	struct jerr err;
	struct jpeg_progress_mgr progress;
	struct resampler rs;
	unsigned char *row;
	int created;
};

static int side_check(const char *name, long w, long h)
{
	if (w < 1 || h < 1)
		return hg_fail(HG_ERR_INPUT, "%s: not a readable image (no pixels)", name);
	if (w > HG_IMAGE_MAX_SIDE || h > HG_IMAGE_MAX_SIDE)
		return hg_fail(HG_ERR_INPUT, "%s: image is %ldx%ld px; at most 20,000 px on a"
			       " side are accepted", name, w, h);
	return HG_OK;
}

static void cmyk_to_rgb(unsigned char *row, size_t w, int inverted)
{
	for (size_t x = 0; x < w; x++) {
		unsigned c = row[x * 4], m = row[x * 4 + 1], y = row[x * 4 + 2], k = row[x * 4 + 3];

		if (!inverted) {
			c = 255 - c;
			m = 255 - m;
			y = 255 - y;
			k = 255 - k;
		}
		row[x * 3] = (unsigned char)(c * k / 255);
		row[x * 3 + 1] = (unsigned char)(m * k / 255);
		row[x * 3 + 2] = (unsigned char)(y * k / 255);
	}
}

static int decode_jpeg(const unsigned char *data, size_t len, const char *name, int side,
		       struct decoded *out)
{
	struct jdec *j = calloc(1, sizeof *j);
	struct jpeg_decompress_struct *ci;
	int rc, cmyk, dw, dh;

	if (!j)
		return oom();
	ci = &j->cinfo;
	ci->err = jpeg_std_error(&j->err.pub);
	j->err.pub.error_exit = j_error_exit;
	j->err.pub.emit_message = j_emit;
	if (setjmp(j->err.jb)) {
		rc = jpeg_failure(&j->err, name);
		goto done;
	}
	jpeg_create_decompress(ci);
	j->created = 1;
	ci->mem->max_memory_to_use = HG_IMAGE_MAX_MEMORY;
	j->progress.progress_monitor = j_progress;
	ci->progress = &j->progress;
	jpeg_save_markers(ci, JPEG_APP0 + 1, 0xFFFF);
	jpeg_mem_src(ci, data, (unsigned long)len);
	jpeg_read_header(ci, TRUE);
	rc = side_check(name, (long)ci->image_width, (long)ci->image_height);
	if (rc != HG_OK)
		goto done;

	out->orientation = 1;
	for (jpeg_saved_marker_ptr m = ci->marker_list; m; m = m->next)
		if (m->marker == JPEG_APP0 + 1 && m->data_length >= 6 &&
		    memcmp(m->data, "Exif\0\0", 6) == 0) {
			out->orientation = image_exif_orientation(m->data, m->data_length);
			break;
		}

	cmyk = ci->jpeg_color_space == JCS_CMYK || ci->jpeg_color_space == JCS_YCCK;
	ci->out_color_space = cmyk ? JCS_CMYK : JCS_RGB;
	/* Decode at the smallest of 1/8, 2/8 ... 8/8 that still gives at
	 * least the photo's size: the IDCT does most of the shrinking. */
	{
		unsigned lng = ci->image_width > ci->image_height ? ci->image_width
			: ci->image_height;
		unsigned num = 8;

		if (lng > (unsigned)side)
			for (num = 1; num < 8; num++)
				if ((lng * num + 7) / 8 >= (unsigned)side)
					break;
		ci->scale_num = num;
		ci->scale_denom = 8;
	}
	jpeg_start_decompress(ci);
	fit((int)ci->output_width, (int)ci->output_height, side, &dw, &dh);
	rc = rs_init(&j->rs, (int)ci->output_width, (int)ci->output_height, dw, dh);
	if (rc != HG_OK)
		goto done;
	j->row = malloc((size_t)ci->output_width * (size_t)ci->output_components);
	if (!j->row) {
		rc = oom();
		goto done;
	}
	while (ci->output_scanline < ci->output_height) {
		JSAMPROW rows[1] = { j->row };

		if (jpeg_read_scanlines(ci, rows, 1) != 1)
			continue;
		if (cmyk)
			cmyk_to_rgb(j->row, ci->output_width, ci->saw_Adobe_marker);
		rs_push(&j->rs, j->row);
	}
	jpeg_finish_decompress(ci);
	out->rgb = j->rs.out;
	out->w = dw;
	out->h = dh;
	j->rs.out = NULL;
	rc = HG_OK;
done:
	if (j->created)
		jpeg_destroy_decompress(ci);
	rs_free(&j->rs);
	free(j->row);
	free(j);
	return rc;
}

struct pdec {
	png_structp png;
	png_infop info;
	const unsigned char *data;
	size_t len, pos;
	const char *name;
	char msg[200];
	struct resampler rs;
	unsigned char *row;
	unsigned char *whole;
	png_bytep *rows;
};

static void p_error(png_structp png, png_const_charp msg)
{
	struct pdec *p = png_get_error_ptr(png);

	if (p->msg[0] == '\0')
		snprintf(p->msg, sizeof p->msg, "%s", msg);
	png_longjmp(png, 1);
}

static void p_warning(png_structp png, png_const_charp msg)
{
	(void)png;
	(void)msg;      /* ancillary-chunk trouble: the pixels are still whole */
}

static void p_read(png_structp png, png_bytep buf, size_t n)
{
	struct pdec *p = png_get_io_ptr(png);

	if (n > p->len - p->pos) {
		snprintf(p->msg, sizeof p->msg, "file ends too soon");
		png_error(png, "file ends too soon");
	}
	memcpy(buf, p->data + p->pos, n);
	p->pos += n;
}

static void *p_malloc(png_structp png, png_alloc_size_t n)
{
	(void)png;
	return malloc(n ? n : 1);
}

static void p_free(png_structp png, png_voidp ptr)
{
	(void)png;
	free(ptr);
}

/* RGBA on white, into RGB in place. */
static void flatten(unsigned char *row, size_t w)
{
	for (size_t x = 0; x < w; x++) {
		unsigned a = row[x * 4 + 3];

		for (int c = 0; c < 3; c++)
			row[x * 3 + c] = (unsigned char)((row[x * 4 + c] * a + 255 * (255 - a) + 127) / 255);
	}
}

static int decode_png(const unsigned char *data, size_t len, const char *name,
		      struct decoded *out)
{
	struct pdec *p;
	long w, h;
	int rc, dw, dh, passes;

	/* The size, from the header, before libpng allocates anything. */
	if (len < 33 || memcmp(data + 12, "IHDR", 4) != 0)
		return hg_fail(HG_ERR_INPUT, "%s: not a whole readable PNG image (no header)", name);
	w = (long)get32(data + 16, 0);
	h = (long)get32(data + 20, 0);
	rc = side_check(name, w, h);
	if (rc != HG_OK)
		return rc;
	/* Every chunk must fit in the file: libpng sizes (and clears) a
	 * chunk's buffer from its length field before reading it, so a
	 * 73-byte file could make it touch gigabytes. */
	for (size_t at = 8; ; ) {
		uint32_t n;

		if (len - at < 12)
			return hg_fail(HG_ERR_INPUT, "%s: not a whole readable PNG image (file ends"
				       " too soon)", name);
		n = get32(data + at, 0);
		if (n > len - at - 12)
			return hg_fail(HG_ERR_INPUT, "%s: not a whole readable PNG image (a chunk"
				       " runs past the end of the file)", name);
		if (memcmp(data + at + 4, "IEND", 4) == 0)
			break;
		at += 12 + (size_t)n;
	}

	p = calloc(1, sizeof *p);
	if (!p)
		return oom();
	p->data = data;
	p->len = len;
	p->name = name;
	p->png = png_create_read_struct_2(PNG_LIBPNG_VER_STRING, p, p_error, p_warning,
					  p, p_malloc, p_free);
	if (!p->png || !(p->info = png_create_info_struct(p->png))) {
		rc = oom();
		goto done;
	}
	if (setjmp(png_jmpbuf(p->png))) {
		if (strstr(p->msg, "memory"))
			rc = oom();
		else
			rc = hg_fail(HG_ERR_INPUT, "%s: not a whole readable PNG image (%s)", name,
				     p->msg);
		goto done;
	}
	png_set_user_limits(p->png, HG_IMAGE_MAX_SIDE, HG_IMAGE_MAX_SIDE);
	png_set_chunk_cache_max(p->png, 128);
	png_set_chunk_malloc_max(p->png, 8L * 1024 * 1024);
	png_set_read_fn(p->png, p, p_read);
	png_read_info(p->png, p->info);

	int color = png_get_color_type(p->png, p->info);
	int depth = png_get_bit_depth(p->png, p->info);

	png_set_expand(p->png);         /* palette and low-bit grey to 8 bits, tRNS to alpha */
	if (depth == 16)
		png_set_scale_16(p->png);
	if (color == PNG_COLOR_TYPE_GRAY || color == PNG_COLOR_TYPE_GRAY_ALPHA)
		png_set_gray_to_rgb(p->png);
	png_set_add_alpha(p->png, 0xff, PNG_FILLER_AFTER);     /* no-op when there is alpha */
	passes = png_set_interlace_handling(p->png);
	png_read_update_info(p->png, p->info);
	if (png_get_rowbytes(p->png, p->info) != (size_t)w * 4) {
		rc = hg_fail(HG_ERR_INPUT, "%s: not a readable PNG image (unexpected pixel format)",
			     name);
		goto done;
	}
	fit((int)w, (int)h, HG_IMAGE_LONG_SIDE, &dw, &dh);
	rc = rs_init(&p->rs, (int)w, (int)h, dw, dh);
	if (rc != HG_OK)
		goto done;
	if (passes > 1) {
		/* Interlaced rows arrive in seven passes over the whole image. */
		if (w * h > HG_IMAGE_MAX_INTERLACED_PIXELS) {
			rc = hg_fail(HG_ERR_INPUT, "%s: interlaced PNG of %ldx%ld px is too large"
				     " (at most %ld megapixels)", name, w, h,
				     HG_IMAGE_MAX_INTERLACED_PIXELS / 1000000);
			goto done;
		}
		p->whole = malloc((size_t)w * (size_t)h * 4);
		p->rows = malloc((size_t)h * sizeof *p->rows);
		if (!p->whole || !p->rows) {
			rc = oom();
			goto done;
		}
		for (long y = 0; y < h; y++)
			p->rows[y] = p->whole + (size_t)y * (size_t)w * 4;
		png_read_image(p->png, p->rows);
		for (long y = 0; y < h; y++) {
			flatten(p->rows[y], (size_t)w);
			rs_push(&p->rs, p->rows[y]);
		}
	} else {
		p->row = malloc((size_t)w * 4);
		if (!p->row) {
			rc = oom();
			goto done;
		}
		for (long y = 0; y < h; y++) {
			png_read_row(p->png, p->row, NULL);
			flatten(p->row, (size_t)w);
			rs_push(&p->rs, p->row);
		}
	}
	png_read_end(p->png, NULL);     /* the rest must be whole too */
	out->rgb = p->rs.out;
	out->w = dw;
	out->h = dh;
	out->orientation = 1;
	p->rs.out = NULL;
	rc = HG_OK;
done:
	if (p->png)
		png_destroy_read_struct(&p->png, p->info ? &p->info : NULL, NULL);
	rs_free(&p->rs);
	free(p->row);
	free(p->whole);
	free(p->rows);
	free(p);
	return rc;
}

/* ---- encoding ----------------------------------------------------------- */

struct jenc {
	struct jpeg_compress_struct cinfo;
	struct jerr err;
	unsigned char *buf;
	unsigned long len;
	int created;
};

/* A baseline JPEG with a JFIF header and nothing else. */
static int encode_jpeg(const unsigned char *rgb, int w, int h, unsigned char **out,
		       size_t *len)
{
	struct jenc *e = calloc(1, sizeof *e);
	struct jpeg_compress_struct *ci;
	int rc;

	if (!e)
		return oom();
	ci = &e->cinfo;
	ci->err = jpeg_std_error(&e->err.pub);
	e->err.pub.error_exit = j_error_exit;
	e->err.pub.emit_message = j_emit;
	if (setjmp(e->err.jb)) {
		rc = e->err.code == JERR_OUT_OF_MEMORY ? oom()
			: hg_fail(HG_ERR_RUNTIME, "cannot encode the photo: %s", e->err.msg);
		goto done;
	}
	jpeg_create_compress(ci);
	e->created = 1;
	jpeg_mem_dest(ci, &e->buf, &e->len);
	ci->image_width = (JDIMENSION)w;
	ci->image_height = (JDIMENSION)h;
	ci->input_components = 3;
	ci->in_color_space = JCS_RGB;
	jpeg_set_defaults(ci);
	jpeg_set_quality(ci, HG_IMAGE_QUALITY, TRUE);
	ci->optimize_coding = TRUE;     /* smaller, still baseline */
	ci->write_JFIF_header = TRUE;
	ci->write_Adobe_marker = FALSE;
	jpeg_start_compress(ci, TRUE);
	while (ci->next_scanline < ci->image_height) {
		JSAMPROW row[1] = { (JSAMPROW)(rgb + (size_t)ci->next_scanline * w * 3) };
		jpeg_write_scanlines(ci, row, 1);
	}
	jpeg_finish_compress(ci);
	*out = e->buf;
	*len = e->len;
	e->buf = NULL;
	rc = HG_OK;
done:
	if (e->created)
		jpeg_destroy_compress(ci);
	free(e->buf);
	free(e);
	return rc;
}

/* ---- the whole path ----------------------------------------------------- */

void image_free(struct hg_image *img)
{
	if (!img)
		return;
	free(img->jpeg);
	free(img->thumb);
	memset(img, 0, sizeof *img);
}

int image_load_mem(const unsigned char *data, size_t len, const char *name,
		   struct hg_image *out)
{
	static const unsigned char png_sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
	struct decoded d = { 0 };
	struct resampler rs = { 0 };
	int rc, tw, th;

	memset(out, 0, sizeof *out);
	if (len >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
		rc = decode_jpeg(data, len, name, HG_IMAGE_LONG_SIDE, &d);
	else if (len >= 8 && memcmp(data, png_sig, 8) == 0)
		rc = decode_png(data, len, name, &d);
	else
		rc = hg_fail(HG_ERR_INPUT, "%s: not a JPEG or PNG image", name);
	if (rc == HG_OK)
		rc = orient(&d.rgb, &d.w, &d.h, d.orientation);
	if (rc == HG_OK)
		rc = encode_jpeg(d.rgb, d.w, d.h, &out->jpeg, &out->jpeg_len);
	if (rc == HG_OK) {
		out->width = d.w;
		out->height = d.h;
		fit(d.w, d.h, HG_IMAGE_THUMB_SIDE, &tw, &th);
		rc = rs_init(&rs, d.w, d.h, tw, th);
	}
	if (rc == HG_OK) {
		for (int y = 0; y < d.h; y++)
			rs_push(&rs, d.rgb + (size_t)y * d.w * 3);
		rc = encode_jpeg(rs.out, tw, th, &out->thumb, &out->thumb_len);
		out->thumb_width = tw;
		out->thumb_height = th;
	}
	rs_free(&rs);
	free(d.rgb);
	if (rc != HG_OK)
		image_free(out);
	return rc;
}

int image_decode_rgb(const unsigned char *data, size_t len, const char *name, int side,
		     unsigned char **rgb, int *w, int *h)
{
	struct decoded d = { 0 };
	int rc;

	*rgb = NULL;
	*w = *h = 0;
	if (side < 1)
		side = 1;
	if (!(len >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF))
		return hg_fail(HG_ERR_INPUT, "%s: not a JPEG image", name);
	rc = decode_jpeg(data, len, name, side, &d);
	if (rc == HG_OK)
		rc = orient(&d.rgb, &d.w, &d.h, d.orientation);
	if (rc != HG_OK) {
		free(d.rgb);
		return rc;
	}
	*rgb = d.rgb;
	*w = d.w;
	*h = d.h;
	return HG_OK;
}

int image_load_file(const char *path, struct hg_image *out)
{
	struct stat st;
	unsigned char *buf;
	size_t got = 0;
	int fd, rc;

	memset(out, 0, sizeof *out);
	/* O_NONBLOCK: a FIFO must not hang the open; it is refused below. */
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd < 0)
		return hg_fail(errno == ENOMEM ? HG_ERR_RUNTIME : HG_ERR_INPUT, "%s: %s", path,
			       errno == ENOENT ? "no such file" : errno == EACCES
			       ? "permission denied" : strerror(errno));
	if (fstat(fd, &st) != 0) {
		rc = hg_fail(HG_ERR_RUNTIME, "%s: %s", path, strerror(errno));
		close(fd);
		return rc;
	}
	if (S_ISDIR(st.st_mode) || !S_ISREG(st.st_mode)) {
		close(fd);
		return hg_fail(HG_ERR_INPUT, "%s: %s, not an image file", path,
			       S_ISDIR(st.st_mode) ? "a folder" : "not a regular file");
	}
	if (st.st_size > HG_IMAGE_MAX_BYTES) {
		close(fd);
		return hg_fail(HG_ERR_INPUT, "%s: file of %lld bytes is larger than the"
			       " 50,000,000 bytes accepted", path, (long long)st.st_size);
	}
	if (st.st_size == 0) {
		close(fd);
		return hg_fail(HG_ERR_INPUT, "%s: empty file, not an image", path);
	}
	buf = malloc((size_t)st.st_size);
	if (!buf) {
		close(fd);
		return oom();
	}
	while (got < (size_t)st.st_size) {
		ssize_t n = read(fd, buf + got, (size_t)st.st_size - got);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			rc = hg_fail(HG_ERR_RUNTIME, "%s: %s", path, strerror(errno));
			free(buf);
			close(fd);
			return rc;
		}
		if (n == 0)
			break;  /* shrank while we read: decode what is there */
		got += (size_t)n;
	}
	close(fd);
	rc = image_load_mem(buf, got, path, out);
	free(buf);
	return rc;
}

/* ---- what an imported photo must be -------------------------------------- */

/* The tables a JPEG defines and the ones its frame and scans use: each
 * defined once, and every one used (an unused table is room for anything). */
struct jpeg_tables {
	unsigned q_defined, q_used;     /* bit i: quantisation table i */
	unsigned h_defined, h_used;     /* bit 2*id + class: Huffman DC/AC table id */
	int frames;
};

/* The body of a marker segment (its n bytes after the length) holds
 * exactly what a baseline JPEG puts there, not one byte more. */
static int baseline_segment(unsigned m, const unsigned char *b, size_t n,
			    struct jpeg_tables *t)
{
	size_t i = 0;

	switch (m) {
	case 0xDB:              /* quantisation tables: 8-bit, ids 0-3 */
		if (n == 0)
			return 0;
		while (i < n) {
			unsigned bit = 1u << (b[i] & 15);

			if ((b[i] >> 4) != 0 || (b[i] & 15) > 3 || n - i < 65 || (t->q_defined & bit))
				return 0;
			t->q_defined |= bit;
			i += 65;
		}
		return 1;
	case 0xC4:              /* Huffman tables: DC or AC, ids 0-1 */
		if (n == 0)
			return 0;
		while (i < n) {
			size_t values = 0;
			unsigned bit;

			if ((b[i] >> 4) > 1 || (b[i] & 15) > 1 || n - i < 17)
				return 0;
			bit = 1u << (2 * (b[i] & 15) + (b[i] >> 4));
			if (t->h_defined & bit)
				return 0;
			t->h_defined |= bit;
			for (size_t k = 1; k <= 16; k++)
				values += b[i + k];
			if (values > 256 || n - i - 17 < values)
				return 0;
			i += 17 + values;
		}
		return 1;
	case 0xC0:              /* the one baseline frame: 8 bits, 1 or 3 components */
		if (++t->frames != 1 || n < 6 || b[0] != 8 || (b[5] != 1 && b[5] != 3) ||
		    n != 6 + 3 * (size_t)b[5])
			return 0;
		for (i = 0; i < b[5]; i++) {
			if (b[6 + 3 * i + 2] > 3)
				return 0;
			t->q_used |= 1u << b[6 + 3 * i + 2];
		}
		return 1;
	case 0xDD:              /* restart interval */
		return n == 2;
	case 0xDA:              /* a scan header: every coefficient, no refinement */
		if (t->frames != 1 || n < 1 || b[0] < 1 || b[0] > 3 || n != 4 + 2 * (size_t)b[0] ||
		    b[n - 3] != 0 || b[n - 2] != 63 || b[n - 1] != 0)
			return 0;
		for (i = 0; i < b[0]; i++) {
			unsigned dc = b[2 + 2 * i] >> 4, ac = b[2 + 2 * i] & 15;

			if (dc > 1 || ac > 1)
				return 0;
			t->h_used |= 1u << (2 * dc) | 1u << (2 * ac + 1);
		}
		return 1;
	default:
		return 0;
	}
}

int image_is_clean_jpeg(const unsigned char *data, size_t len, const char *name,
			int *w, int *h)
{
	size_t i = 2;
	int seen_jfif = 0, in_scan = 0, rc;
	struct jpeg_tables tables = { 0, 0, 0, 0, 0 };
	struct jdec *j;

	*w = *h = 0;
	if (len < 4 || data[0] != 0xFF || data[1] != 0xD8)
		return hg_fail(HG_ERR_INPUT, "%s: not a JPEG image", name), 0;
	/* Walk every segment, the entropy-coded data between them included,
	 * up to EOI, which must end the file. */
	for (;;) {
		unsigned m;
		size_t seg;

		if (in_scan) {
			while (i + 1 < len && !(data[i] == 0xFF && data[i + 1] != 0 &&
						!(data[i + 1] >= 0xD0 && data[i + 1] <= 0xD7)))
				i++;
		}
		if (i + 1 >= len || data[i] != 0xFF)
			return hg_fail(HG_ERR_INPUT, "%s: not a whole JPEG image", name), 0;
		while (i + 1 < len && data[i + 1] == 0xFF)
			i++;            /* fill bytes */
		if (i + 1 >= len)
			return hg_fail(HG_ERR_INPUT, "%s: not a whole JPEG image", name), 0;
		m = data[i + 1];
		i += 2;
		if (m == 0xD9) {
			if (i != len)
				return hg_fail(HG_ERR_INPUT, "%s: data after the end of the JPEG"
					       " image", name), 0;
			if (tables.q_defined != tables.q_used || tables.h_defined != tables.h_used)
				return hg_fail(HG_ERR_INPUT, "%s: a JPEG table that the image does"
					       " not use; photos hold only what they need", name), 0;
			break;
		}
		if (i + 2 > len)
			return hg_fail(HG_ERR_INPUT, "%s: not a whole JPEG image", name), 0;
		seg = (size_t)data[i] << 8 | data[i + 1];
		if (seg < 2 || seg > len - i)
			return hg_fail(HG_ERR_INPUT, "%s: not a whole JPEG image", name), 0;
		if (m == 0xE0 && !seen_jfif && !in_scan && seg == 16 &&
		    memcmp(data + i + 2, "JFIF\0", 5) == 0 &&
		    data[i + 14] == 0 && data[i + 15] == 0) {
			seen_jfif = 1;  /* JFIF without a thumbnail */
		} else if (m == 0xDB || m == 0xC4 || m == 0xDD || m == 0xDA ||
			   (m == 0xC0 && !in_scan)) {
			/* tables, restart interval, frame and scan headers */
			if (!baseline_segment(m, data + i + 2, seg - 2, &tables))
				return hg_fail(HG_ERR_INPUT, "%s: JPEG segment 0x%02X holds more or"
					       " other than a baseline JPEG needs", name, m), 0;
			if (m == 0xDA)
				in_scan = 1;
		} else if (m >= 0xE0 && m <= 0xEF) {
			return hg_fail(HG_ERR_INPUT, "%s: holds metadata (an APP%u segment);"
				       " photos are stored without any", name, m - 0xE0), 0;
		} else if (m == 0xFE) {
			return hg_fail(HG_ERR_INPUT, "%s: holds a comment; photos are stored"
				       " without any", name), 0;
		} else {
			return hg_fail(HG_ERR_INPUT, "%s: JPEG segment 0x%02X is not one healgrid"
				       " writes", name, m), 0;
		}
		i += seg;
	}

	/* And it must decode, whole, to at most the photo's size. */
	j = calloc(1, sizeof *j);
	if (!j)
		return oom(), 0;
	j->cinfo.err = jpeg_std_error(&j->err.pub);
	j->err.pub.error_exit = j_error_exit;
	j->err.pub.emit_message = j_emit;
	if (setjmp(j->err.jb)) {
		jpeg_failure(&j->err, name);
		rc = 0;
		goto done;
	}
	jpeg_create_decompress(&j->cinfo);
	j->created = 1;
	j->cinfo.mem->max_memory_to_use = HG_IMAGE_MAX_MEMORY;
	j->progress.progress_monitor = j_progress;
	j->cinfo.progress = &j->progress;
	jpeg_mem_src(&j->cinfo, data, (unsigned long)len);
	jpeg_read_header(&j->cinfo, TRUE);
	if (j->cinfo.image_width > HG_IMAGE_LONG_SIDE || j->cinfo.image_height > HG_IMAGE_LONG_SIDE) {
		hg_fail(HG_ERR_INPUT, "%s: photo of %ux%u px is larger than %d px on a side",
			name, j->cinfo.image_width, j->cinfo.image_height, HG_IMAGE_LONG_SIDE);
		rc = 0;
		goto done;
	}
	j->cinfo.out_color_space = JCS_RGB;
	jpeg_start_decompress(&j->cinfo);
	j->row = malloc((size_t)j->cinfo.output_width * (size_t)j->cinfo.output_components);
	if (!j->row) {
		oom();
		rc = 0;
		goto done;
	}
	while (j->cinfo.output_scanline < j->cinfo.output_height) {
		JSAMPROW rows[1] = { j->row };
		jpeg_read_scanlines(&j->cinfo, rows, 1);
	}
	jpeg_finish_decompress(&j->cinfo);
	*w = (int)j->cinfo.image_width;
	*h = (int)j->cinfo.image_height;
	rc = 1;
done:
	if (j->created)
		jpeg_destroy_decompress(&j->cinfo);
	free(j->row);
	free(j);
	return rc;
}
