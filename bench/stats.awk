# stats.awk — the statistics the benchmark scripts print: values are put
# under a key with put(k, x); median(k) and range(k, digits) summarise them.
# Prepended to a script's own awk program (POSIX awk, mawk included).

# add value x under key k
function put(k, x) { val[k, ++cnt[k]] = x }

# the median of the values under key k (insertion sort of a copy)
function median(k,    m, i, j, x, a) {
	m = cnt[k]
	for (i = 1; i <= m; i++)
		a[i] = val[k, i]
	for (i = 2; i <= m; i++) {
		x = a[i]
		for (j = i - 1; j >= 1 && a[j] > x; j--)
			a[j + 1] = a[j]
		a[j + 1] = x
	}
	return m % 2 ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2
}

# "lo-hi" of the values under key k, with d decimals
function range(k, d,    i, lo, hi) {
	lo = hi = val[k, 1]
	for (i = 2; i <= cnt[k]; i++) {
		if (val[k, i] < lo) lo = val[k, i]
		if (val[k, i] > hi) hi = val[k, i]
	}
	return sprintf("%." d "f-%." d "f", lo, hi)
}
