/*
 * base64.h — standard base64 with padding, canonical decoding.
 */
#ifndef ABZ_BASE64_H
#define ABZ_BASE64_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* characters of the base64 of n bytes: 4 per started group of 3 */
static inline size_t
abz_b64_len(size_t n)
{
	return (n + 2) / 3 * 4;
}

/* base64 (with padding) of n bytes into dst (abz_b64_len(n) bytes); returns the length */
size_t		abz_b64_encode(const unsigned char *src, size_t n, char *dst);

/*
 * Decode canonical base64 of exactly n bytes (len must be abz_b64_len(n),
 * '=' padding, zero unused bits) into dst; false if anything else.
 */
bool		abz_b64_decode(const char *src, size_t len, unsigned char *dst, size_t n);

#endif							/* ABZ_BASE64_H */
