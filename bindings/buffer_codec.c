/* buffer_codec.c - byte codecs behind Buffer and TextDecoder: base64, hex,
 * ascii, UTF-8 validation, substring search, pattern fill, byte swaps. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "buffer_codec.h"

#include <string.h>

/* 16 invalid entries of a decode table. */
#define BAD16                                                                  \
  255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,   \
      255

/* Both base64 alphabets: '+' and '-' are 62, '/' and '_' are 63. */
static const uint8_t unbase64[256] = {
  BAD16, BAD16,
  255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 62, 255, 62, 255, 63,
  52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 255, 255, 255, 255, 255, 255,
  255, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
  15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 255, 255, 255, 255, 63,
  255, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40,
  41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 255, 255, 255, 255, 255,
  BAD16, BAD16, BAD16, BAD16, BAD16, BAD16, BAD16, BAD16,
};

static const uint8_t unhex[256] = {
  BAD16, BAD16, BAD16,
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 255, 255, 255, 255, 255, 255,
  255, 10, 11, 12, 13, 14, 15, 255, 255, 255, 255, 255, 255, 255, 255, 255,
  BAD16,
  255, 10, 11, 12, 13, 14, 15, 255, 255, 255, 255, 255, 255, 255, 255, 255,
  BAD16, BAD16, BAD16, BAD16, BAD16, BAD16, BAD16, BAD16, BAD16,
};

static const char base64_std[] =
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
static const char base64_url[] =
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

static const char hex_pairs[] =
  "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
  "202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f"
  "404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f"
  "606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f"
  "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f"
  "a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebf"
  "c0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4d5d6d7d8d9dadbdcdddedf"
  "e0e1e2e3e4e5e6e7e8e9eaebecedeeeff0f1f2f3f4f5f6f7f8f9fafbfcfdfeff";

#define HIGH_BITS 0x8080808080808080ULL

static uint64_t load64(const uint8_t *p) {
  uint64_t w;
  memcpy(&w, p, 8);
  return w;
}

int nd_codec_is_ascii(const uint8_t *p, size_t n) {
  size_t i = 0;
  uint64_t acc = 0;
  for (; i + 32 <= n; i += 32)
    acc |= load64(p + i) | load64(p + i + 8) | load64(p + i + 16) |
           load64(p + i + 24);
  for (; i + 8 <= n; i += 8) acc |= load64(p + i);
  if (acc & HIGH_BITS) return 0;
  uint8_t tail = 0;
  for (; i < n; i++) tail |= p[i];
  return tail < 0x80;
}

/* Length of the valid UTF-8 sequence starting at p[0] (a non-ASCII byte)
 * with `avail` bytes available, 0 when invalid, or -k when the k available
 * bytes are a valid but incomplete prefix. */
static int utf8_sequence(const uint8_t *p, size_t avail) {
  uint8_t c = p[0], lo = 0x80, hi = 0xbf;
  int need;
  if (c < 0xc2) return 0;
  if (c < 0xe0) {
    need = 2;
  } else if (c < 0xf0) {
    need = 3;
    if (c == 0xe0) lo = 0xa0;
    if (c == 0xed) hi = 0x9f;
  } else if (c < 0xf5) {
    need = 4;
    if (c == 0xf0) lo = 0x90;
    if (c == 0xf4) hi = 0x8f;
  } else {
    return 0;
  }
  for (int k = 1; k < need; k++) {
    if ((size_t)k >= avail) return -k;
    if (p[k] < lo || p[k] > hi) return 0;
    lo = 0x80;
    hi = 0xbf;
  }
  return need;
}

int nd_codec_is_utf8(const uint8_t *p, size_t n) {
  size_t i = 0;
  while (i < n) {
    if (i + 16 <= n && !((load64(p + i) | load64(p + i + 8)) & HIGH_BITS)) {
      i += 16;
      continue;
    }
    if (p[i] < 0x80) {
      i++;
      continue;
    }
    int len = utf8_sequence(p + i, n - i);
    if (len <= 0) return 0;
    i += (size_t)len;
  }
  return 1;
}

size_t nd_codec_utf8_incomplete_tail(const uint8_t *p, size_t n) {
  for (size_t k = 1; k <= 3 && k <= n; k++) {
    uint8_t c = p[n - k];
    if ((c & 0xc0) == 0x80) continue; /* continuation byte: look further */
    if (c < 0x80) return 0;
    int len = utf8_sequence(p + n - k, k);
    return len < 0 ? k : 0;
  }
  return 0;
}

size_t nd_codec_utf8_units(const uint8_t *p, size_t n) {
  size_t units = 0;
  for (size_t i = 0; i < n; i++) {
    units += (p[i] & 0xc0) != 0x80;
    units += p[i] >= 0xf0;
  }
  return units;
}

void nd_codec_ascii_strip(uint8_t *dst, const uint8_t *src, size_t n) {
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w = load64(src + i) & ~HIGH_BITS;
    memcpy(dst + i, &w, 8);
  }
  for (; i < n; i++) dst[i] = src[i] & 0x7f;
}

size_t nd_codec_base64_encoded_len(size_t n, int url) {
  if (!url) return (n + 2) / 3 * 4;
  return n / 3 * 4 + (n % 3 ? n % 3 + 1 : 0);
}

size_t nd_codec_base64_encode(uint8_t *dst, const uint8_t *src, size_t n,
                              int url) {
  const char *tab = url ? base64_url : base64_std;
  uint8_t *out = dst;
  size_t i = 0;
  /* 6 input bytes -> 8 output characters per round. */
  for (; i + 6 <= n; i += 6) {
    uint32_t a = (uint32_t)src[i] << 16 | (uint32_t)src[i + 1] << 8 |
                 src[i + 2];
    uint32_t b = (uint32_t)src[i + 3] << 16 | (uint32_t)src[i + 4] << 8 |
                 src[i + 5];
    out[0] = (uint8_t)tab[a >> 18];
    out[1] = (uint8_t)tab[(a >> 12) & 63];
    out[2] = (uint8_t)tab[(a >> 6) & 63];
    out[3] = (uint8_t)tab[a & 63];
    out[4] = (uint8_t)tab[b >> 18];
    out[5] = (uint8_t)tab[(b >> 12) & 63];
    out[6] = (uint8_t)tab[(b >> 6) & 63];
    out[7] = (uint8_t)tab[b & 63];
    out += 8;
  }
  for (; i + 3 <= n; i += 3) {
    uint32_t a = (uint32_t)src[i] << 16 | (uint32_t)src[i + 1] << 8 |
                 src[i + 2];
    out[0] = (uint8_t)tab[a >> 18];
    out[1] = (uint8_t)tab[(a >> 12) & 63];
    out[2] = (uint8_t)tab[(a >> 6) & 63];
    out[3] = (uint8_t)tab[a & 63];
    out += 4;
  }
  if (i < n) {
    uint32_t a = (uint32_t)src[i] << 16;
    if (i + 1 < n) a |= (uint32_t)src[i + 1] << 8;
    *out++ = (uint8_t)tab[a >> 18];
    *out++ = (uint8_t)tab[(a >> 12) & 63];
    if (i + 1 < n)
      *out++ = (uint8_t)tab[(a >> 6) & 63];
    else if (!url)
      *out++ = '=';
    if (!url) *out++ = '=';
  }
  return (size_t)(out - dst);
}

size_t nd_codec_base64_decode(uint8_t *dst, size_t cap, const uint8_t *src,
                              size_t n) {
  size_t i = 0, o = 0;
  /* Fast path: 8 valid characters -> 6 bytes. */
  while (i + 8 <= n && o + 6 <= cap) {
    uint32_t a = unbase64[src[i]], b = unbase64[src[i + 1]],
             c = unbase64[src[i + 2]], d = unbase64[src[i + 3]],
             e = unbase64[src[i + 4]], f = unbase64[src[i + 5]],
             g = unbase64[src[i + 6]], h = unbase64[src[i + 7]];
    if ((a | b | c | d | e | f | g | h) & 0x80) break;
    uint32_t x = a << 18 | b << 12 | c << 6 | d;
    uint32_t y = e << 18 | f << 12 | g << 6 | h;
    dst[o] = (uint8_t)(x >> 16);
    dst[o + 1] = (uint8_t)(x >> 8);
    dst[o + 2] = (uint8_t)x;
    dst[o + 3] = (uint8_t)(y >> 16);
    dst[o + 4] = (uint8_t)(y >> 8);
    dst[o + 5] = (uint8_t)y;
    i += 8;
    o += 6;
  }
  /* General path: skip foreign characters, stop at '='. */
  uint32_t acc = 0;
  int k = 0;
  for (; i < n && o < cap; i++) {
    uint8_t v = unbase64[src[i]];
    if (v & 0x80) {
      if (src[i] == '=') break;
      continue;
    }
    acc = acc << 6 | v;
    if (++k == 4) {
      dst[o++] = (uint8_t)(acc >> 16);
      if (o < cap) dst[o++] = (uint8_t)(acc >> 8);
      if (o < cap) dst[o++] = (uint8_t)acc;
      acc = 0;
      k = 0;
    }
  }
  if (k >= 2 && o < cap) {
    acc <<= 6 * (4 - k);
    dst[o++] = (uint8_t)(acc >> 16);
    if (k == 3 && o < cap) dst[o++] = (uint8_t)(acc >> 8);
  }
  return o;
}

size_t nd_codec_hex_encode(uint8_t *dst, const uint8_t *src, size_t n) {
  for (size_t i = 0; i < n; i++) memcpy(dst + 2 * i, hex_pairs + 2 * src[i], 2);
  return 2 * n;
}

size_t nd_codec_hex_decode(uint8_t *dst, size_t cap, const uint8_t *src,
                           size_t n) {
  size_t o = 0, pairs = n / 2;
  if (pairs > cap) pairs = cap;
  for (; o < pairs; o++) {
    uint8_t hi = unhex[src[2 * o]], lo = unhex[src[2 * o + 1]];
    if ((hi | lo) & 0x80) break;
    dst[o] = (uint8_t)(hi << 4 | lo);
  }
  return o;
}

/* Reverse Boyer-Moore-Horspool for backward searches that memrchr alone
 * handles badly (many false first-byte hits). */
static ssize_t search_back_bmh(const uint8_t *hay, const uint8_t *needle,
                               size_t m, size_t start, int step) {
  size_t skip[256];
  for (int c = 0; c < 256; c++) skip[c] = m;
  for (size_t j = m - 1; j > 0; j--) skip[needle[j]] = j;
  size_t pos = start;
  for (;;) {
    if (memcmp(hay + pos, needle, m) == 0 && (step == 1 || !(pos & 1)))
      return (ssize_t)pos;
    size_t s = skip[hay[pos]];
    if (pos < s) return -1;
    pos -= s;
  }
}

ssize_t nd_codec_search(const uint8_t *hay, size_t n, const uint8_t *needle,
                        size_t m, size_t from, int forward, int step) {
  if (m == 0 || m > n) return -1;
  size_t last = n - m, misses = 0;
  if (forward) {
    size_t pos = from;
    while (pos <= last) {
      const uint8_t *p = memchr(hay + pos, needle[0], last - pos + 1);
      if (p == NULL) return -1;
      size_t i = (size_t)(p - hay);
      if ((step == 1 || !(i & 1)) && memcmp(p + 1, needle + 1, m - 1) == 0)
        return (ssize_t)i;
      pos = i + 1;
      if (++misses > 64 && misses * 32 > pos) {
        /* Many false hits: switch to glibc's linear-time two-way search. */
        while (pos <= last) {
          p = memmem(hay + pos, n - pos, needle, m);
          if (p == NULL) return -1;
          i = (size_t)(p - hay);
          if (step == 1 || !(i & 1)) return (ssize_t)i;
          pos = i + 1;
        }
        return -1;
      }
    }
    return -1;
  }
  size_t pos = from < last ? from : last;
  for (;;) {
    const uint8_t *p = memrchr(hay, needle[0], pos + 1);
    if (p == NULL) return -1;
    size_t i = (size_t)(p - hay);
    if ((step == 1 || !(i & 1)) && memcmp(p + 1, needle + 1, m - 1) == 0)
      return (ssize_t)i;
    if (i == 0) return -1;
    pos = i - 1;
    if (++misses > 64 && misses * 32 > last - pos)
      return search_back_bmh(hay, needle, m, pos, step);
  }
}

void nd_codec_fill_pattern(uint8_t *dst, size_t n, const uint8_t *pat,
                           size_t m) {
  if (m == 1) {
    memset(dst, pat[0], n);
    return;
  }
  size_t done = m < n ? m : n;
  memmove(dst, pat, done);
  while (done < n) {
    size_t chunk = done < n - done ? done : n - done;
    memcpy(dst + done, dst, chunk);
    done += chunk;
  }
}

void nd_codec_swap(uint8_t *p, size_t n, int size) {
  size_t i;
  if (size == 2) {
    for (i = 0; i + 2 <= n; i += 2) {
      uint8_t t = p[i];
      p[i] = p[i + 1];
      p[i + 1] = t;
    }
  } else if (size == 4) {
    for (i = 0; i + 4 <= n; i += 4) {
      uint32_t w;
      memcpy(&w, p + i, 4);
      w = __builtin_bswap32(w);
      memcpy(p + i, &w, 4);
    }
  } else {
    for (i = 0; i + 8 <= n; i += 8) {
      uint64_t w = __builtin_bswap64(load64(p + i));
      memcpy(p + i, &w, 8);
    }
  }
}
