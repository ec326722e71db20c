/*
 * base64.c — standard base64 (RFC 4648 alphabet, '=' padding, no line
 * breaks) of the simulation text form: table-driven both ways, and the
 * decoder accepts only the canonical encoding.
 */
#include <string.h>

#include "base64.h"

static const char b64chars[] =
"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* base64 (with padding) of n bytes into dst; returns the length */
size_t
abz_b64_encode(const unsigned char *src, size_t n, char *dst)
{
	char	   *d = dst;
	size_t		i;

	for (i = 0; i + 3 <= n; i += 3)
	{
		uint32_t	w = ((uint32_t) src[i] << 16) | ((uint32_t) src[i + 1] << 8) | src[i + 2];

		*d++ = b64chars[(w >> 18) & 63];
		*d++ = b64chars[(w >> 12) & 63];
		*d++ = b64chars[(w >> 6) & 63];
		*d++ = b64chars[w & 63];
	}
	if (i < n)
	{
		uint32_t	w = (uint32_t) src[i] << 16;

		if (i + 1 < n)
			w |= (uint32_t) src[i + 1] << 8;
		*d++ = b64chars[(w >> 18) & 63];
		*d++ = b64chars[(w >> 12) & 63];
		*d++ = i + 1 < n ? b64chars[(w >> 6) & 63] : '=';
		*d++ = '=';
	}
	return (size_t) (d - dst);
}

/*
 * value of each base64 character XOR 0xFF, 0 for any other byte: after the
 * XOR back a valid character is 0..63 and any other byte 0xFF, so one OR of
 * four decoded characters tells whether all four were valid
 */
static const unsigned char b64_inv[256] = {
	['A'] = 0 ^ 0xFF, ['B'] = 1 ^ 0xFF, ['C'] = 2 ^ 0xFF, ['D'] = 3 ^ 0xFF,
	['E'] = 4 ^ 0xFF, ['F'] = 5 ^ 0xFF, ['G'] = 6 ^ 0xFF, ['H'] = 7 ^ 0xFF,
	['I'] = 8 ^ 0xFF, ['J'] = 9 ^ 0xFF, ['K'] = 10 ^ 0xFF, ['L'] = 11 ^ 0xFF,
	['M'] = 12 ^ 0xFF, ['N'] = 13 ^ 0xFF, ['O'] = 14 ^ 0xFF, ['P'] = 15 ^ 0xFF,
	['Q'] = 16 ^ 0xFF, ['R'] = 17 ^ 0xFF, ['S'] = 18 ^ 0xFF, ['T'] = 19 ^ 0xFF,
	['U'] = 20 ^ 0xFF, ['V'] = 21 ^ 0xFF, ['W'] = 22 ^ 0xFF, ['X'] = 23 ^ 0xFF,
	['Y'] = 24 ^ 0xFF, ['Z'] = 25 ^ 0xFF, ['a'] = 26 ^ 0xFF, ['b'] = 27 ^ 0xFF,
	['c'] = 28 ^ 0xFF, ['d'] = 29 ^ 0xFF, ['e'] = 30 ^ 0xFF, ['f'] = 31 ^ 0xFF,
	['g'] = 32 ^ 0xFF, ['h'] = 33 ^ 0xFF, ['i'] = 34 ^ 0xFF, ['j'] = 35 ^ 0xFF,
	['k'] = 36 ^ 0xFF, ['l'] = 37 ^ 0xFF, ['m'] = 38 ^ 0xFF, ['n'] = 39 ^ 0xFF,
	['o'] = 40 ^ 0xFF, ['p'] = 41 ^ 0xFF, ['q'] = 42 ^ 0xFF, ['r'] = 43 ^ 0xFF,
	['s'] = 44 ^ 0xFF, ['t'] = 45 ^ 0xFF, ['u'] = 46 ^ 0xFF, ['v'] = 47 ^ 0xFF,
	['w'] = 48 ^ 0xFF, ['x'] = 49 ^ 0xFF, ['y'] = 50 ^ 0xFF, ['z'] = 51 ^ 0xFF,
	['0'] = 52 ^ 0xFF, ['1'] = 53 ^ 0xFF, ['2'] = 54 ^ 0xFF, ['3'] = 55 ^ 0xFF,
	['4'] = 56 ^ 0xFF, ['5'] = 57 ^ 0xFF, ['6'] = 58 ^ 0xFF, ['7'] = 59 ^ 0xFF,
	['8'] = 60 ^ 0xFF, ['9'] = 61 ^ 0xFF, ['+'] = 62 ^ 0xFF, ['/'] = 63 ^ 0xFF
};

/* 24 bits of four base64 characters, or a value with bit 31 set if one is invalid */
static inline uint32_t
b64_quad(const char *src)
{
	uint32_t	a = b64_inv[(unsigned char) src[0]] ^ 0xFFu;
	uint32_t	b = b64_inv[(unsigned char) src[1]] ^ 0xFFu;
	uint32_t	c = b64_inv[(unsigned char) src[2]] ^ 0xFFu;
	uint32_t	d = b64_inv[(unsigned char) src[3]] ^ 0xFFu;

	if ((a | b | c | d) & 0x80u)
		return UINT32_C(1) << 31;
	return (a << 18) | (b << 12) | (c << 6) | d;
}

/*
 * Decode canonical base64 of exactly n bytes (the length abz_b64_len(n), '='
 * padding, zero unused bits) into dst; false if anything else.  Every group
 * but the last is four characters of the alphabet; the last carries the
 * padding ("xx==" for one byte, "xxx=" for two).
 */
bool
abz_b64_decode(const char *src, size_t len, unsigned char *dst, size_t n)
{
	size_t		full = n / 3;
	size_t		rest = n - full * 3;
	char		last[4];
	uint32_t	w;

	if (len != abz_b64_len(n))
		return false;
	for (size_t i = 0; i < full; i++)
	{
		w = b64_quad(src + 4 * i);
		if (w >> 31)
			return false;
		dst[3 * i] = (unsigned char) (w >> 16);
		dst[3 * i + 1] = (unsigned char) (w >> 8);
		dst[3 * i + 2] = (unsigned char) w;
	}
	if (rest == 0)
		return true;
	/* the padded group: '=' stands for zero bits, which must be unused */
	memcpy(last, src + 4 * full, 4);
	if (last[3] != '=' || (rest == 1 && last[2] != '='))
		return false;
	last[3] = 'A';
	if (rest == 1)
		last[2] = 'A';
	w = b64_quad(last);
	if ((w >> 31) || (rest == 1 && (w & 0xFFFF)) || (rest == 2 && (w & 0xFF)))
		return false;
	dst[3 * full] = (unsigned char) (w >> 16);
	if (rest == 2)
		dst[3 * full + 1] = (unsigned char) (w >> 8);
	return true;
}
