/* buffer_codec.h - byte codecs (base64, hex, ascii, utf-8 checks, search)
 * shared by the buffer, encoding and string_decoder bindings. Pure C over
 * byte arrays: no Node-API, no allocation, no global state. */
#ifndef NODUS_BUFFER_CODEC_H
#define NODUS_BUFFER_CODEC_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* Returns 1 when every byte of p[0..n) is below 0x80, else 0. */
int nd_codec_is_ascii(const uint8_t *p, size_t n);

/* Returns 1 when p[0..n) is well-formed UTF-8 (no overlongs, no surrogates,
 * nothing above U+10FFFF), else 0. */
int nd_codec_is_utf8(const uint8_t *p, size_t n);

/* Returns how many bytes at the end of p[0..n) form the start of a UTF-8
 * sequence that is still incomplete but could become valid (0..3). */
size_t nd_codec_utf8_incomplete_tail(const uint8_t *p, size_t n);

/* Decodes UTF-8 to UTF-16 into dst (room for n units) the WHATWG way: each
 * maximal invalid subsequence becomes one U+FFFD. *all gets the OR of the
 * non-ASCII units written (< 0x100 means the text fits Latin-1). Returns
 * the number of units written. */
size_t nd_codec_utf8_to_utf16(uint16_t *dst, const uint8_t *src, size_t n,
                              uint16_t *all);

/* UTF-8 length of n UTF-16 code units: an unpaired surrogate counts as
 * U+FFFD (3 bytes), a pair as 4. */
size_t nd_codec_utf16_utf8_length(const uint16_t *s, size_t n);

/* Encodes UTF-16 as UTF-8 into dst[0..cap) without splitting a character;
 * unpaired surrogates become U+FFFD. *read gets the code units consumed.
 * Returns the bytes written. */
size_t nd_codec_utf16_to_utf8(uint8_t *dst, size_t cap, const uint16_t *s,
                              size_t n, size_t *read);

/* Returns the number of UTF-16 code units that the UTF-8 in p[0..n)
 * stands for (4-byte sequences count 2). p must be well-formed. */
size_t nd_codec_utf8_units(const uint8_t *p, size_t n);

/* Copies n bytes with the top bit cleared (Node's 'ascii' decoding). */
void nd_codec_ascii_strip(uint8_t *dst, const uint8_t *src, size_t n);

/* Length of the base64 text for n bytes: padded, or unpadded for url. */
size_t nd_codec_base64_encoded_len(size_t n, int url);

/* Encodes src[0..n) as base64 (url != 0: base64url, no padding) into dst,
 * which holds nd_codec_base64_encoded_len(n, url) bytes. Returns that. */
size_t nd_codec_base64_encode(uint8_t *dst, const uint8_t *src, size_t n,
                              int url);

/* Decodes base64 or base64url text leniently, as Node does: characters
 * outside both alphabets are skipped, '=' ends the data, a final group of
 * 2 or 3 characters yields 1 or 2 bytes. Writes at most cap bytes and
 * returns how many were written. */
size_t nd_codec_base64_decode(uint8_t *dst, size_t cap, const uint8_t *src,
                              size_t n);

/* Encodes src[0..n) as lowercase hex into dst (2n bytes). Returns 2n. */
size_t nd_codec_hex_encode(uint8_t *dst, const uint8_t *src, size_t n);

/* Decodes pairs of hex digits until the first invalid pair or the end
 * (an odd last digit is ignored); writes at most cap bytes. Returns the
 * number of bytes written. */
size_t nd_codec_hex_decode(uint8_t *dst, size_t cap, const uint8_t *src,
                           size_t n);

/* Finds needle[0..m) in hay[0..n), m >= 1. Forward: the first match at a
 * position >= from; backward: the last match at a position <= from.
 * step 2 only considers even positions. Returns the position or -1. */
ssize_t nd_codec_search(const uint8_t *hay, size_t n, const uint8_t *needle,
                        size_t m, size_t from, int forward, int step);

/* Fills dst[0..n) with repeats of pat[0..m), m >= 1. */
void nd_codec_fill_pattern(uint8_t *dst, size_t n, const uint8_t *pat,
                           size_t m);

/* Byte-swaps n/size elements of size 2, 4 or 8 in place. */
void nd_codec_swap(uint8_t *p, size_t n, int size);

#endif /* NODUS_BUFFER_CODEC_H */
