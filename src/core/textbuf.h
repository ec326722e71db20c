/*
 * textbuf.h — a bounded text buffer for the core's printers, snprintf-style:
 * it writes what fits (always leaving room for the NUL) and counts the length
 * the whole text needs, so a caller can size a second attempt exactly.
 */
#ifndef ABZ_TEXTBUF_H
#define ABZ_TEXTBUF_H

#include <stddef.h>
#include <string.h>

typedef struct AbzText
{
	char	   *buf;
	size_t		room;			/* bytes of text that fit (cap - 1) */
	size_t		len;			/* length the full text needs */
} AbzText;

/* start writing into buf of cap bytes */
static inline void
abz_text_init(AbzText *t, char *buf, size_t cap)
{
	t->buf = buf;
	t->room = cap > 0 ? cap - 1 : 0;
	t->len = 0;
}

/* append n bytes */
static inline void
abz_text_put(AbzText *t, const char *s, size_t n)
{
	if (t->len < t->room)
	{
		size_t		left = t->room - t->len;

		memcpy(t->buf + t->len, s, n < left ? n : left);
	}
	t->len += n;
}

/* append a NUL-terminated string */
static inline void
abz_text_puts(AbzText *t, const char *s)
{
	abz_text_put(t, s, strlen(s));
}

/* NUL-terminate what was written (when there is a buffer); return the full length */
static inline size_t
abz_text_end(AbzText *t, size_t cap)
{
	if (cap > 0)
		t->buf[t->len < t->room ? t->len : t->room] = '\0';
	return t->len;
}

#endif							/* ABZ_TEXTBUF_H */
