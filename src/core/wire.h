/*
 * wire.h — big-endian readers and writers of the binary forms (network byte
 * order, as PostgreSQL's pq_send* writes them).  Readers never check the
 * length: every decoder checks the bytes present before it reads.
 */
#ifndef ABZ_WIRE_H
#define ABZ_WIRE_H

#include <stdint.h>
#include <string.h>

/* a big-endian 32-bit word */
static inline uint32_t
abz_get32(const unsigned char *p)
{
	return ((uint32_t) p[0] << 24) | ((uint32_t) p[1] << 16) |
		((uint32_t) p[2] << 8) | (uint32_t) p[3];
}

/* a big-endian 64-bit word */
static inline uint64_t
abz_get64(const unsigned char *p)
{
	return ((uint64_t) abz_get32(p) << 32) | abz_get32(p + 4);
}

/* a big-endian float8 */
static inline double
abz_getf8(const unsigned char *p)
{
	uint64_t	bits = abz_get64(p);
	double		v;

	memcpy(&v, &bits, sizeof(v));
	return v;
}

/* write a big-endian 32-bit word; returns the next position */
static inline unsigned char *
abz_put32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char) (v >> 24);
	p[1] = (unsigned char) (v >> 16);
	p[2] = (unsigned char) (v >> 8);
	p[3] = (unsigned char) v;
	return p + 4;
}

/* write a big-endian 64-bit word */
static inline unsigned char *
abz_put64(unsigned char *p, uint64_t v)
{
	return abz_put32(abz_put32(p, (uint32_t) (v >> 32)), (uint32_t) v);
}

/* write a big-endian float8 */
static inline unsigned char *
abz_putf8(unsigned char *p, double v)
{
	uint64_t	bits;

	memcpy(&bits, &v, sizeof(bits));
	return abz_put64(p, bits);
}

#endif							/* ABZ_WIRE_H */
