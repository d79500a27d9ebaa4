/* buffer_codec.c - byte codecs behind Buffer and TextDecoder: base64, hex,
 * ascii, UTF-8 validation, substring search, pattern fill, byte swaps. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "buffer_codec.h"

#include <string.h>
#if defined(__x86_64__)
#include <immintrin.h>
#endif

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

/* Bytes of the longest prefix of p[0..avail) (avail >= 1, p[0] >= 0x80)
 * that could start a valid sequence: 1 for a byte that never can. */
static size_t utf8_maximal_prefix(const uint8_t *p, size_t avail) {
  int len = utf8_sequence(p, avail);
  if (len < 0) return (size_t)-len;
  if (p[0] < 0xc2 || p[0] > 0xf4) return 1;
  /* Invalid: count the continuation bytes accepted before the failure. */
  uint8_t lo = 0x80, hi = 0xbf;
  if (p[0] == 0xe0) lo = 0xa0;
  if (p[0] == 0xed) hi = 0x9f;
  if (p[0] == 0xf0) lo = 0x90;
  if (p[0] == 0xf4) hi = 0x8f;
  size_t k = 1;
  while (k < avail && k < 4 && p[k] >= lo && p[k] <= hi) {
    k++;
    lo = 0x80;
    hi = 0xbf;
  }
  return k;
}

size_t nd_codec_utf8_to_utf16(uint16_t *dst, const uint8_t *src, size_t n,
                              uint16_t *all) {
  size_t i = 0, o = 0;
  uint16_t acc = 0;
  while (i < n) {
    if (i + 8 <= n && !(load64(src + i) & HIGH_BITS)) {
      for (int k = 0; k < 8; k++) dst[o + k] = src[i + k];
      i += 8;
      o += 8;
      continue;
    }
    uint32_t c = src[i];
    if (c < 0x80) {
      dst[o++] = (uint16_t)c;
      i++;
      continue;
    }
    int len = utf8_sequence(src + i, n - i);
    if (len <= 0) {
      dst[o++] = 0xFFFD;
      acc |= 0xFFFD;
      i += utf8_maximal_prefix(src + i, n - i);
      continue;
    }
    if (len == 2) {
      c = (c & 0x1f) << 6 | (src[i + 1] & 0x3f);
    } else if (len == 3) {
      c = (c & 0x0f) << 12 | (uint32_t)(src[i + 1] & 0x3f) << 6 |
          (src[i + 2] & 0x3f);
    } else {
      c = (c & 0x07) << 18 | (uint32_t)(src[i + 1] & 0x3f) << 12 |
          (uint32_t)(src[i + 2] & 0x3f) << 6 | (src[i + 3] & 0x3f);
      c -= 0x10000;
      dst[o++] = (uint16_t)(0xD800 | c >> 10);
      c = 0xDC00 | (c & 0x3ff);
    }
    dst[o++] = (uint16_t)c;
    acc |= (uint16_t)c;
    i += (size_t)len;
  }
  *all = acc;
  return o;
}

size_t nd_codec_utf16_utf8_length(const uint16_t *s, size_t n) {
  size_t len = 0, surrogates = 0, i = 0;
#if defined(__x86_64__)
  /* Per unit 3 + (-1 if < 0x80) + (-1 if < 0x800), summed in 16-bit lanes
   * (flushed before they can overflow). */
  const __m128i m80 = _mm_set1_epi16((short)0xff80);
  const __m128i m800 = _mm_set1_epi16((short)0xf800);
  const __m128i d800 = _mm_set1_epi16((short)0xd800);
  const __m128i zero = _mm_setzero_si128();
  while (i + 8 <= n) {
    __m128i acc = _mm_setzero_si128(), surr = _mm_setzero_si128();
    size_t stop = i + 8 * 8192 < n ? i + 8 * 8192 : n;
    for (; i + 8 <= stop; i += 8) {
      __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
      __m128i hi = _mm_and_si128(v, m800);
      acc = _mm_add_epi16(acc, _mm_cmpeq_epi16(_mm_and_si128(v, m80), zero));
      acc = _mm_add_epi16(acc, _mm_cmpeq_epi16(hi, zero));
      surr = _mm_or_si128(surr, _mm_cmpeq_epi16(hi, d800));
    }
    uint16_t lanes[8];
    _mm_storeu_si128((__m128i *)(void *)lanes, acc);
    for (int k = 0; k < 8; k++) len -= (uint16_t)(0x10000 - lanes[k]);
    surrogates |= (size_t)_mm_movemask_epi8(surr);
  }
  len += 3 * i;
#endif
  for (size_t j = i; j < n; j++) {
    uint16_t u = s[j];
    len += 1 + (u >= 0x80) + (u >= 0x800);
    surrogates |= (u & 0xf800) == 0xd800;
  }
  if (surrogates) {
    /* A valid pair is 4 bytes, not 3 + 3. */
    for (size_t j = 0; j + 1 < n; j++) {
      if ((s[j] & 0xfc00) == 0xd800 && (s[j + 1] & 0xfc00) == 0xdc00) {
        len -= 2;
        j++;
      }
    }
  }
  return len;
}

/* Encodes the character at s[*i] into dst[*o..cap); returns 0 when it
 * does not fit. */
static int utf16_encode_one(uint8_t *dst, size_t cap, size_t *o,
                            const uint16_t *s, size_t n, size_t *i) {
  uint32_t u = s[*i];
  size_t at = *o;
  if (u < 0x80) {
    if (at + 1 > cap) return 0;
    dst[at] = (uint8_t)u;
    *o = at + 1;
  } else if (u < 0x800) {
    if (at + 2 > cap) return 0;
    dst[at] = (uint8_t)(0xc0 | u >> 6);
    dst[at + 1] = (uint8_t)(0x80 | (u & 0x3f));
    *o = at + 2;
  } else if ((u & 0xfc00) == 0xd800 && *i + 1 < n &&
             (s[*i + 1] & 0xfc00) == 0xdc00) {
    if (at + 4 > cap) return 0;
    u = 0x10000 + ((u - 0xd800) << 10) + (s[*i + 1] - 0xdc00u);
    dst[at] = (uint8_t)(0xf0 | u >> 18);
    dst[at + 1] = (uint8_t)(0x80 | ((u >> 12) & 0x3f));
    dst[at + 2] = (uint8_t)(0x80 | ((u >> 6) & 0x3f));
    dst[at + 3] = (uint8_t)(0x80 | (u & 0x3f));
    *o = at + 4;
    *i += 1;
  } else {
    if (at + 3 > cap) return 0;
    if ((u & 0xf800) == 0xd800) u = 0xfffd; /* unpaired surrogate */
    dst[at] = (uint8_t)(0xe0 | u >> 12);
    dst[at + 1] = (uint8_t)(0x80 | ((u >> 6) & 0x3f));
    dst[at + 2] = (uint8_t)(0x80 | (u & 0x3f));
    *o = at + 3;
  }
  *i += 1;
  return 1;
}

#if defined(__x86_64__)
/* 8 BMP characters per round with AVX2 + BMI2: each unit becomes a 32-bit
 * lane holding its 1-3 UTF-8 bytes, and pext squeezes out the unused bytes
 * of each pair of lanes. The 8-byte stores scribble up to 7 bytes past the
 * output. Stops at a surrogate, or while 8 units and 40 bytes of room
 * remain. Returns the units consumed; *out gets the bytes written. */
__attribute__((target("avx2,bmi2,popcnt"))) static size_t
utf16_to_utf8_avx2(uint8_t *dst, size_t cap, const uint16_t *s, size_t n,
                   size_t *out) {
  const __m256i m3f = _mm256_set1_epi32(0x3f);
  const __m256i c80 = _mm256_set1_epi32(0x80);
  size_t i = 0, o = 0;
  while (i + 16 <= n && o + 64 <= cap) {
    __m128i raw = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
    __m128i top = _mm_and_si128(raw, _mm_set1_epi16((short)0xf800));
    if (_mm_movemask_epi8(_mm_cmpeq_epi16(top, _mm_set1_epi16((short)0xd800))))
      break;
    if (_mm_movemask_epi8(_mm_cmpeq_epi16(
          _mm_and_si128(raw, _mm_set1_epi16((short)0xff80)),
          _mm_setzero_si128())) == 0xffff) {
      _mm_storel_epi64((__m128i *)(void *)(dst + o),
                       _mm_packus_epi16(raw, raw));
      i += 8;
      o += 8;
      continue;
    }
    __m256i u = _mm256_cvtepu16_epi32(raw);
    __m256i low6 = _mm256_or_si256(c80, _mm256_and_si256(u, m3f));
    __m256i mid6 = _mm256_or_si256(
      c80, _mm256_and_si256(_mm256_srli_epi32(u, 6), m3f));
    __m256i w2 = _mm256_or_si256(
      _mm256_or_si256(_mm256_set1_epi32(0xc0), _mm256_srli_epi32(u, 6)),
      _mm256_slli_epi32(low6, 8));
    __m256i w3 = _mm256_or_si256(
      _mm256_or_si256(_mm256_set1_epi32(0xe0), _mm256_srli_epi32(u, 12)),
      _mm256_or_si256(_mm256_slli_epi32(mid6, 8),
                      _mm256_slli_epi32(low6, 16)));
    __m256i one = _mm256_cmpgt_epi32(c80, u);
    __m256i two = _mm256_cmpgt_epi32(_mm256_set1_epi32(0x800), u);
    __m256i w = _mm256_blendv_epi8(_mm256_blendv_epi8(w3, w2, two), u, one);
    __m256i keep = _mm256_blendv_epi8(
      _mm256_blendv_epi8(_mm256_set1_epi32(0xffffff),
                         _mm256_set1_epi32(0xffff), two),
      _mm256_set1_epi32(0xff), one);
    /* One bit per output byte kept, 8 per pair of lanes. */
    uint32_t kept = (uint32_t)_mm256_movemask_epi8(keep);
    size_t c0 = (size_t)__builtin_popcount(kept & 0xff);
    size_t c1 = (size_t)__builtin_popcount(kept & 0xff00);
    size_t c2 = (size_t)__builtin_popcount(kept & 0xff0000);
    size_t c3 = (size_t)__builtin_popcount(kept >> 24);
    __m128i lo = _mm256_castsi256_si128(w), hi = _mm256_extracti128_si256(w, 1);
    __m128i klo = _mm256_castsi256_si128(keep);
    __m128i khi = _mm256_extracti128_si256(keep, 1);
    uint64_t p0 = _pext_u64((uint64_t)_mm_cvtsi128_si64(lo),
                            (uint64_t)_mm_cvtsi128_si64(klo));
    uint64_t p1 = _pext_u64((uint64_t)_mm_extract_epi64(lo, 1),
                            (uint64_t)_mm_extract_epi64(klo, 1));
    uint64_t p2 = _pext_u64((uint64_t)_mm_cvtsi128_si64(hi),
                            (uint64_t)_mm_cvtsi128_si64(khi));
    uint64_t p3 = _pext_u64((uint64_t)_mm_extract_epi64(hi, 1),
                            (uint64_t)_mm_extract_epi64(khi, 1));
    memcpy(dst + o, &p0, 8);
    memcpy(dst + o + c0, &p1, 8);
    memcpy(dst + o + c0 + c1, &p2, 8);
    memcpy(dst + o + c0 + c1 + c2, &p3, 8);
    o += c0 + c1 + c2 + c3;
    i += 8;
  }
  *out = o;
  return i;
}
#endif

#if defined(__x86_64__)
/* 16 BMP characters per round with AVX-512 VBMI2: each unit becomes a
 * 32-bit lane holding its 1-3 UTF-8 bytes and vpcompressb packs the bytes
 * in use; a masked store writes exactly those. Stops at a surrogate or
 * when 48 bytes of room are not left. Returns the units consumed; *out
 * gets the bytes written. */
__attribute__((target("avx512f,avx512bw,avx512vbmi2,popcnt"))) static size_t
utf16_to_utf8_vbmi2(uint8_t *dst, size_t cap, const uint16_t *s, size_t n,
                    size_t *out) {
  const __m512i m3f = _mm512_set1_epi32(0x3f);
  const __m512i c80 = _mm512_set1_epi32(0x80);
  const __m512i byte_in_lane = _mm512_set1_epi32(0x03020100);
  size_t i = 0, o = 0;
  while (i + 16 <= n && o + 48 <= cap) {
    __m512i u = _mm512_cvtepu16_epi32(
      _mm256_loadu_si256((const __m256i *)(const void *)(s + i)));
    __mmask16 surrogate = _mm512_cmpeq_epi32_mask(
      _mm512_and_si512(u, _mm512_set1_epi32(0xf800)),
      _mm512_set1_epi32(0xd800));
    if (surrogate) break;
    __mmask16 one = _mm512_cmplt_epu32_mask(u, c80);
    __mmask16 two = _mm512_cmplt_epu32_mask(u, _mm512_set1_epi32(0x800));
    __m512i low6 = _mm512_or_si512(c80, _mm512_and_si512(u, m3f));
    __m512i mid6 = _mm512_or_si512(
      c80, _mm512_and_si512(_mm512_srli_epi32(u, 6), m3f));
    __m512i w2 = _mm512_or_si512(
      _mm512_or_si512(_mm512_set1_epi32(0xc0), _mm512_srli_epi32(u, 6)),
      _mm512_slli_epi32(low6, 8));
    __m512i w3 = _mm512_or_si512(
      _mm512_or_si512(_mm512_set1_epi32(0xe0), _mm512_srli_epi32(u, 12)),
      _mm512_or_si512(_mm512_slli_epi32(mid6, 8),
                      _mm512_slli_epi32(low6, 16)));
    __m512i w = _mm512_mask_blend_epi32(
      one, _mm512_mask_blend_epi32(two, w3, w2), u);
    /* Lane length 1-3, copied into each of its bytes, against 0,1,2,3. */
    __m512i len = _mm512_mask_blend_epi32(
      one, _mm512_mask_blend_epi32(two, _mm512_set1_epi32(0x03030303),
                                   _mm512_set1_epi32(0x02020202)),
      _mm512_set1_epi32(0x01010101));
    __mmask64 keep = _mm512_cmplt_epu8_mask(byte_in_lane, len);
    size_t count = (size_t)__builtin_popcountll(keep);
    _mm512_mask_storeu_epi8(dst + o, _cvtu64_mask64((1ULL << count) - 1),
                            _mm512_maskz_compress_epi8(keep, w));
    o += count;
    i += 16;
  }
  *out = o;
  return i;
}
#endif

size_t nd_codec_utf16_to_utf8(uint8_t *dst, size_t cap, const uint16_t *s,
                              size_t n, size_t *read) {
  size_t i = 0, o = 0;
  int wide = 0;
#if defined(__x86_64__)
  if (n >= 16 && __builtin_cpu_supports("avx512vbmi2")) {
    /* Exact stores: no scribbling, so it may run to the end. */
    size_t wrote;
    for (;;) {
      i += utf16_to_utf8_vbmi2(dst + o, cap - o, s + i, n - i, &wrote);
      o += wrote;
      if (i + 16 > n || o + 48 > cap) break;
      /* A surrogate in the next 16 units: take them one by one. */
      for (size_t stop = i + 16; i < stop;) {
        if (!utf16_encode_one(dst, cap, &o, s, n, &i)) goto done;
      }
    }
  }
  wide = n - i >= 16 && __builtin_cpu_supports("avx2") &&
         __builtin_cpu_supports("bmi2") && !__builtin_cpu_is("amd");
#endif
  /* Fast loops: whole-word stores, branch free, that scribble a few bytes
   * past the last character written. They stop while at least 8 units and
   * 24 bytes of room remain, so the exact loop below always writes 7 or
   * more bytes and covers the scribbles. */
  while (i + 10 <= n && o + 28 <= cap) {
#if defined(__x86_64__)
    if (wide) {
      size_t wrote;
      i += utf16_to_utf8_avx2(dst + o, cap - o, s + i, n - i, &wrote);
      o += wrote;
    }
#endif
    for (int k = 0; k < 8 && i + 10 <= n && o + 28 <= cap; k++) {
      uint32_t u = s[i];
      if ((u & 0xf800) == 0xd800) {
        utf16_encode_one(dst, cap, &o, s, n, &i);
        continue;
      }
      uint32_t w1 = u;
      uint32_t w2 = (0xc0 | u >> 6) | (0x80 | (u & 0x3f)) << 8;
      uint32_t w3 = (0xe0 | u >> 12) | (0x80 | ((u >> 6) & 0x3f)) << 8 |
                    (0x80 | (u & 0x3f)) << 16;
      uint32_t w = u < 0x80 ? w1 : u < 0x800 ? w2 : w3;
      memcpy(dst + o, &w, 4);
      o += 1 + (u >= 0x80) + (u >= 0x800);
      i++;
    }
  }
  while (i < n && utf16_encode_one(dst, cap, &o, s, n, &i)) {
  }
#if defined(__x86_64__)
done:
#endif
  *read = i;
  return o;
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

#if defined(__x86_64__)
/* 24 input bytes -> 32 characters per round with AVX2: a byte shuffle
 * gathers each 3-byte group into a 32-bit lane, two multiplies move the
 * four 6-bit fields into separate bytes, and a 16-entry table of offsets
 * (picked by pshufb on a reduced index) turns them into ASCII. Returns the
 * number of input bytes consumed (a multiple of 24). */
__attribute__((target("avx2"))) static size_t
base64_encode_avx2(uint8_t *dst, const uint8_t *src, size_t n, int url) {
  const __m256i shuffle = _mm256_setr_epi8(
    1, 0, 2, 1, 4, 3, 5, 4, 7, 6, 8, 7, 10, 9, 11, 10,
    1, 0, 2, 1, 4, 3, 5, 4, 7, 6, 8, 7, 10, 9, 11, 10);
  const int8_t c62 = url ? '-' - 62 : '+' - 62;
  const int8_t c63 = url ? '_' - 63 : '/' - 63;
  const __m256i offsets = _mm256_setr_epi8(
    'a' - 26, '0' - 52, '0' - 52, '0' - 52, '0' - 52, '0' - 52, '0' - 52,
    '0' - 52, '0' - 52, '0' - 52, '0' - 52, c62, c63, 'A', 0, 0,
    'a' - 26, '0' - 52, '0' - 52, '0' - 52, '0' - 52, '0' - 52, '0' - 52,
    '0' - 52, '0' - 52, '0' - 52, '0' - 52, c62, c63, 'A', 0, 0);
  size_t i = 0;
  for (; i + 28 <= n; i += 24) {
    __m128i lo = _mm_loadu_si128((const __m128i *)(const void *)(src + i));
    __m128i hi =
      _mm_loadu_si128((const __m128i *)(const void *)(src + i + 12));
    __m256i in =
      _mm256_inserti128_si256(_mm256_castsi128_si256(lo), hi, 1);
    in = _mm256_shuffle_epi8(in, shuffle);
    __m256i a = _mm256_mulhi_epu16(
      _mm256_and_si256(in, _mm256_set1_epi32(0x0fc0fc00)),
      _mm256_set1_epi32(0x04000040));
    __m256i b = _mm256_mullo_epi16(
      _mm256_and_si256(in, _mm256_set1_epi32(0x003f03f0)),
      _mm256_set1_epi32(0x01000010));
    __m256i idx = _mm256_or_si256(a, b);
    __m256i reduced = _mm256_subs_epu8(idx, _mm256_set1_epi8(51));
    __m256i upper = _mm256_cmpgt_epi8(_mm256_set1_epi8(26), idx);
    reduced = _mm256_or_si256(
      reduced, _mm256_and_si256(upper, _mm256_set1_epi8(13)));
    __m256i out =
      _mm256_add_epi8(idx, _mm256_shuffle_epi8(offsets, reduced));
    _mm256_storeu_si256((__m256i *)(void *)(dst + i / 3 * 4), out);
  }
  return i;
}
#endif

#if defined(__x86_64__)
/* 48 input bytes -> 64 characters per round with AVX-512 VBMI: vpermb
 * puts each 3-byte group a,b,c as c,b,a in a 32-bit lane (so the lane
 * holds the 24-bit value), vpmultishiftqb pulls the four 6-bit fields out
 * at bit offsets 18, 12, 6, 0 (vpermb only looks at the low 6 bits of an
 * index), and a second vpermb maps them through the 64-character alphabet.
 * Returns the input consumed (a multiple of 48). */
__attribute__((target("avx512f,avx512bw,avx512vbmi"))) static size_t
base64_encode_vbmi(uint8_t *dst, const uint8_t *src, size_t n, int url) {
  static const uint8_t gather[64] = {
    2, 1, 0, 0, 5, 4, 3, 3, 8, 7, 6, 6, 11, 10, 9, 9,
    14, 13, 12, 12, 17, 16, 15, 15, 20, 19, 18, 18, 23, 22, 21, 21,
    26, 25, 24, 24, 29, 28, 27, 27, 32, 31, 30, 30, 35, 34, 33, 33,
    38, 37, 36, 36, 41, 40, 39, 39, 44, 43, 42, 42, 47, 46, 45, 45,
  };
  const __m512i order = _mm512_loadu_si512((const void *)gather);
  const __m512i alphabet =
    _mm512_loadu_si512((const void *)(url ? base64_url : base64_std));
  const __m512i shifts = _mm512_set1_epi64(0x20262c3200060c12LL);
  size_t i = 0;
  for (; i + 64 <= n; i += 48) {
    __m512i in = _mm512_loadu_si512((const void *)(src + i));
    in = _mm512_permutexvar_epi8(order, in);
    __m512i idx = _mm512_multishift_epi64_epi8(shifts, in);
    _mm512_storeu_si512((void *)(dst + i / 3 * 4),
                        _mm512_permutexvar_epi8(idx, alphabet));
  }
  return i;
}
#endif

size_t nd_codec_base64_encode(uint8_t *dst, const uint8_t *src, size_t n,
                              int url) {
  const char *tab = url ? base64_url : base64_std;
  size_t i = 0;
#if defined(__x86_64__)
  if (n >= 64) {
    if (__builtin_cpu_supports("avx512vbmi"))
      i = base64_encode_vbmi(dst, src, n, url);
    if (n - i >= 28 && __builtin_cpu_supports("avx2"))
      i += base64_encode_avx2(dst + i / 3 * 4, src + i, n - i, url);
  }
#endif
  uint8_t *out = dst + i / 3 * 4;
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

#if defined(__x86_64__)
#define REPEAT16(...) __VA_ARGS__, __VA_ARGS__

/* Sextet values of 32 characters of either base64 alphabet. A character is
 * valid when the bit of its high-nibble class is clear in the mask looked
 * up by its low nibble; *bad gets a nonzero byte for each invalid one. The
 * value is the character plus an offset chosen by the high nibble (by the
 * low nibble for '+', '-', '/'; '_' is patched). */
__attribute__((target("avx2"))) static inline __m256i
base64_values_avx2(__m256i in, __m256i *bad) {
  const __m256i lut_lo = _mm256_setr_epi8(REPEAT16(
    (char)0x85, (char)0x81, (char)0x81, (char)0x81, (char)0x81, (char)0x81,
    (char)0x81, (char)0x81, (char)0x81, (char)0x81, (char)0x83, (char)0x9A,
    (char)0x9B, (char)0x9A, (char)0x9B, (char)0x92));
  const __m256i lut_hi = _mm256_setr_epi8(REPEAT16(
    (char)0x80, (char)0x80, 0x01, 0x02, 0x04, 0x08, 0x04, 0x10, (char)0x80,
    (char)0x80, (char)0x80, (char)0x80, (char)0x80, (char)0x80, (char)0x80,
    (char)0x80));
  const __m256i roll_hi = _mm256_setr_epi8(REPEAT16(
    0, 0, 0, 4, -65, -65, -71, -71, 0, 0, 0, 0, 0, 0, 0, 0));
  const __m256i roll_sym = _mm256_setr_epi8(REPEAT16(
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 19, 0, 17, 0, 16));
  const __m256i nibble = _mm256_set1_epi8(0x0f);
  __m256i hi = _mm256_and_si256(_mm256_srli_epi32(in, 4), nibble);
  __m256i lo = _mm256_and_si256(in, nibble);
  *bad = _mm256_and_si256(_mm256_shuffle_epi8(lut_lo, lo),
                          _mm256_shuffle_epi8(lut_hi, hi));
  __m256i off = _mm256_shuffle_epi8(roll_hi, hi);
  __m256i sym = _mm256_cmpeq_epi8(hi, _mm256_set1_epi8(2));
  off = _mm256_add_epi8(
    off, _mm256_and_si256(sym, _mm256_shuffle_epi8(roll_sym, lo)));
  __m256i under = _mm256_cmpeq_epi8(in, _mm256_set1_epi8(0x5f));
  off = _mm256_add_epi8(off, _mm256_and_si256(under, _mm256_set1_epi8(33)));
  return _mm256_add_epi8(in, off);
}

/* Packs 32 sextets into 24 bytes at dst. */
__attribute__((target("avx2"))) static inline void
base64_pack_avx2(uint8_t *dst, __m256i v) {
  const __m256i pack = _mm256_setr_epi8(REPEAT16(
    2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, -1, -1, -1, -1));
  v = _mm256_maddubs_epi16(v, _mm256_set1_epi32(0x01400140));
  v = _mm256_madd_epi16(v, _mm256_set1_epi32(0x00011000));
  v = _mm256_shuffle_epi8(v, pack);
  v = _mm256_permutevar8x32_epi32(v, _mm256_setr_epi32(0, 1, 2, 4, 5, 6, 7,
                                                       7));
  _mm_storeu_si128((__m128i *)(void *)dst, _mm256_castsi256_si128(v));
  _mm_storel_epi64((__m128i *)(void *)(dst + 16),
                   _mm256_extracti128_si256(v, 1));
}

/* 32 characters -> 24 bytes per round while every character is valid.
 * Returns the input consumed; *out gets the bytes written. */
__attribute__((target("avx2"))) static size_t
base64_decode_avx2(uint8_t *dst, size_t cap, const uint8_t *src, size_t n,
                   size_t *out) {
  size_t i = 0, o = 0;
  for (; i + 32 <= n && o + 24 <= cap; i += 32, o += 24) {
    __m256i bad;
    __m256i v = base64_values_avx2(
      _mm256_loadu_si256((const __m256i *)(const void *)(src + i)), &bad);
    if (!_mm256_testz_si256(bad, bad)) break;
    base64_pack_avx2(dst + o, v);
  }
  *out = o;
  return i;
}

/* Appends the sextets of the valid characters of src[0..n) (n a multiple
 * of 32) to sx, which has 8 bytes of slack; returns how many. pext does
 * the left-packing, 8 characters at a time. */
__attribute__((target("avx2,bmi2,popcnt"))) static size_t
base64_gather_avx2(uint8_t *sx, const uint8_t *src, size_t n) {
  size_t have = 0;
  for (size_t i = 0; i < n; i += 32) {
    __m256i bad;
    __m256i v = base64_values_avx2(
      _mm256_loadu_si256((const __m256i *)(const void *)(src + i)), &bad);
    uint32_t valid = (uint32_t)_mm256_movemask_epi8(
      _mm256_cmpeq_epi8(bad, _mm256_setzero_si256()));
    uint64_t lanes[4];
    _mm256_storeu_si256((__m256i *)(void *)lanes, v);
    for (int q = 0; q < 4; q++) {
      uint64_t m = (valid >> (8 * q)) & 0xff;
      uint64_t bytes = _pdep_u64(m, 0x0101010101010101ULL) * 0xff;
      uint64_t packed = _pext_u64(lanes[q], bytes);
      memcpy(sx + have, &packed, 8);
      have += (size_t)__builtin_popcountll(m);
    }
  }
  return have;
}

/* Decodes sextets 32 at a time while 24 more bytes fit; returns how many
 * sextets were used and advances *o. */
__attribute__((target("avx2"))) static size_t
base64_pack_sextets_avx2(uint8_t *dst, size_t cap, const uint8_t *sx,
                         size_t have, size_t *o) {
  size_t g = 0;
  for (; g + 32 <= have && *o + 24 <= cap; g += 32, *o += 24)
    base64_pack_avx2(dst + *o,
                     _mm256_loadu_si256((const __m256i *)(const void *)
                                          (sx + g)));
  return g;
}

#undef REPEAT16
#endif

/* Appends the sextets of the valid characters of src[0..n) to sx (which
 * has 8 bytes of slack); returns how many. */
static size_t base64_gather(uint8_t *sx, const uint8_t *src, size_t n,
                            int fast) {
  size_t have = 0, j = 0;
#if defined(__x86_64__)
  if (fast) {
    j = n & ~(size_t)31;
    have = base64_gather_avx2(sx, src, j);
  }
#else
  (void)fast;
#endif
  for (; j < n; j++) {
    uint8_t v = unbase64[src[j]];
    sx[have] = v;
    have += v < 64;
  }
  return have;
}

/* Writes the bytes of one group of four sextets, as far as cap allows. */
static size_t put_group(uint8_t *dst, size_t o, size_t cap, uint32_t acc) {
  dst[o++] = (uint8_t)(acc >> 16);
  if (o < cap) dst[o++] = (uint8_t)(acc >> 8);
  if (o < cap) dst[o++] = (uint8_t)acc;
  return o;
}

size_t nd_codec_base64_decode(uint8_t *dst, size_t cap, const uint8_t *src,
                              size_t n) {
  size_t i = 0, o = 0;
  int fast = 0;
#if defined(__x86_64__)
  if (n >= 64 && __builtin_cpu_supports("avx2")) {
    fast = __builtin_cpu_supports("bmi2") && !__builtin_cpu_is("amd");
    if (cap >= 48) i = base64_decode_avx2(dst, cap, src, n, &o);
  }
#endif
  /* 8 valid characters -> 6 bytes. */
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
  /* The rest may hold foreign characters: '=' ends the data, the others
   * are dropped. The sextets of each chunk are gathered into `sx` and
   * decoded four at a time. */
  const uint8_t *eq = memchr(src + i, '=', n - i);
  size_t end = eq ? (size_t)(eq - src) : n;
  uint8_t sx[1024 + 3 + 8];
  size_t have = 0;
  while (i < end && o < cap) {
    size_t chunk = end - i < 1024 ? end - i : 1024;
    have += base64_gather(sx + have, src + i, chunk, fast);
    i += chunk;
    size_t g = 0;
#if defined(__x86_64__)
    if (fast) g = base64_pack_sextets_avx2(dst, cap, sx, have, &o);
#endif
    for (; g + 4 <= have && o < cap; g += 4) {
      uint32_t acc = (uint32_t)sx[g] << 18 | (uint32_t)sx[g + 1] << 12 |
                     (uint32_t)sx[g + 2] << 6 | sx[g + 3];
      o = put_group(dst, o, cap, acc);
    }
    memmove(sx, sx + g, have - g);
    have -= g;
  }
  if (have >= 2 && have < 4 && o < cap) {
    uint32_t acc = (uint32_t)sx[0] << 18 | (uint32_t)sx[1] << 12;
    if (have == 3) acc |= (uint32_t)sx[2] << 6;
    dst[o++] = (uint8_t)(acc >> 16);
    if (have == 3 && o < cap) dst[o++] = (uint8_t)(acc >> 8);
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
