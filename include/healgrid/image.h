/* image.h — photos: load a JPEG or PNG from a file or from memory, apply
 * its EXIF orientation, scale it to at most HG_IMAGE_LONG_SIDE pixels on
 * the long side and re-encode it as a plain baseline JPEG (a JFIF header
 * and nothing else: no EXIF, no ICC profile, no comment), with a thumbnail
 * of at most HG_IMAGE_THUMB_SIDE pixels.  No SQL and no curses here.
 *
 * Untrusted input is refused, never trusted: a file that is not a whole
 * readable JPEG or PNG, larger than HG_IMAGE_MAX_BYTES, or wider or taller
 * than HG_IMAGE_MAX_SIDE gives HG_ERR_INPUT with one line naming the file
 * and the reason.  Memory stays bounded: dimensions are checked before
 * decoding, large JPEGs are decoded already scaled down, and rows stream
 * through the resampler so the full-size image never sits in memory.
 */
#ifndef HEALGRID_IMAGE_H
#define HEALGRID_IMAGE_H

#include <stddef.h>

enum {
	HG_IMAGE_MAX_BYTES = 50000000,  /* largest file accepted */
	HG_IMAGE_MAX_SIDE = 20000,      /* widest or tallest image accepted, px */
	HG_IMAGE_LONG_SIDE = 1600,      /* stored photo: long side at most, px */
	HG_IMAGE_THUMB_SIDE = 320,      /* thumbnail: long side at most, px */
	HG_IMAGE_QUALITY = 85           /* JPEG quality of both */
};

/* A photo made ready to store: two JPEG files in memory. */
struct hg_image {
	unsigned char *jpeg;            /* the photo, malloc'd */
	size_t jpeg_len;
	int width, height;              /* upright, after orientation */
	unsigned char *thumb;           /* the thumbnail, malloc'd */
	size_t thumb_len;
	int thumb_width, thumb_height;
};

/* Read the file at path (a regular file, at most HG_IMAGE_MAX_BYTES) and
 * make it ready to store.  The file is only read. */
int image_load_file(const char *path, struct hg_image *out);

/* The same from bytes in memory; name is what messages call them. */
int image_load_mem(const unsigned char *data, size_t len, const char *name,
		   struct hg_image *out);

void image_free(struct hg_image *img);

/* Decode a JPEG (a stored photo) to 8-bit RGB, upright, scaled down to at
 * most `side` pixels on its long side (never up): *rgb is w*h*3 bytes,
 * malloc'd, the caller's to free.  For drawing a photo on the terminal. */
int image_decode_rgb(const unsigned char *data, size_t len, const char *name, int side,
		     unsigned char **rgb, int *w, int *h);

/* The orientation (1-8, 1 when absent or unreadable) recorded in the
 * payload of a JPEG APP1 segment (starting "Exif\0\0"). */
int image_exif_orientation(const unsigned char *app1, size_t len);

/* 1 when data is a photo as healgrid stores it: a decodable baseline JPEG
 * whose only segments besides the image data are a JFIF header (no EXIF,
 * ICC, comment or other application segment) and the tables and headers
 * a baseline JPEG needs, each holding exactly that (no byte hidden in a
 * quantisation or Huffman table), at most HG_IMAGE_LONG_SIDE px on each
 * side; sets *w and *h.  Otherwise 0 and a
 * message naming `name` recorded with hg_fail (HG_ERR_INPUT). */
int image_is_clean_jpeg(const unsigned char *data, size_t len, const char *name,
			int *w, int *h);

#endif
