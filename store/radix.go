package store

// radixSort sorts keys by (hi, lo), keeping the given order of equal keys,
// with tmp (as long as keys) as scratch; it returns whichever of the two
// holds the result. A least-significant-digit radix sort over bytes: one
// pass counts every byte position, then each position whose byte differs
// between keys takes one stable pass. A batch's keys share most of their
// bytes (few tenants, a few minutes, ids with a common prefix), so a few
// passes remain.
func radixSort(keys, tmp []sortKey) []sortKey {
	var counts [16][256]int32
	for i := range keys {
		k := &keys[i]
		for d := range 8 {
			counts[d][byte(k.lo>>(8*d))]++
			counts[8+d][byte(k.hi>>(8*d))]++
		}
	}
	for d := range counts {
		if varies(&counts[d], len(keys)) {
			radixPass(keys, tmp, &counts[d], d)
			keys, tmp = tmp, keys
		}
	}
	return keys
}

// varies reports whether a byte position's counts hold more than one value.
func varies(counts *[256]int32, n int) bool {
	for _, c := range counts {
		if c != 0 {
			return int(c) != n
		}
	}
	return false
}

// radixPass moves keys into out, stably ordered by byte position d (0–7 of
// lo, then 8–15 of hi), whose counts are given.
func radixPass(keys, out []sortKey, counts *[256]int32, d int) {
	var at [256]int32
	sum := int32(0)
	for b, c := range counts {
		at[b] = sum
		sum += c
	}
	for i := range keys {
		b := byte(keys[i].lo >> (8 * d))
		if d >= 8 {
			b = byte(keys[i].hi >> (8 * (d - 8)))
		}
		out[at[b]] = keys[i]
		at[b]++
	}
}
