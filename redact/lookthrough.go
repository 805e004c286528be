package redact

// Marks of text that spells credentials in another encoding, found by the
// prefilter like any literal (lower case): percent-encoded or HTML-escaped
// quotes, colons, equals signs and line breaks (JSON, YAML or a script in a
// URL's query, JSON in an HTML attribute; also encoded twice, which the
// second look decodes), and the base64 of how documents start: a JSON
// object or list ({" {' {\n {\r\n { " { ' [{ [\n [ {), a script (#!/,
// export), cloud-init (#cloud-config), EC2 Windows user data (<powershell>,
// <script>), a YAML document or manifest (---, apiVersion), PEM (-----BEGIN),
// XML (<?xml), a MIME multipart (Content-Type, MIME-Version) and gzip.
var (
	escapedMarks = []string{"%22", "%27", "%3a", "%3d", "%0a", "%2522", "%253a", "%253d", "&quot;", "&#3", "&#03", "&#x2", "&apos;", "&amp;quot;", "&amp;#"}
	base64Marks  = []string{"eyj", "eyd", "ewo", "ew0k", "eyai", "eyan", "w3s", "wwog", "wwp7", "wyb7", "iyev", "zxhwb3j0i",
		"i2nsb3vk", "phbvd2vyc2hlbg", "phnjcmlwd", "ls0t", "yxbpvmvyc2lvb", "pd94bwwg", "q29udgvudc1uexbl", "tulnrs1wzxjzaw9u", "h4si"}
)

// Trigger marks.
const (
	markEscaped = 1 + iota
	markBase64
)

// maxLookDepth bounds how many encodings deep find looks (base64 in a
// percent-encoded query, and no further).
const maxLookDepth = 2

// lookThrough adds the secrets that the text's escapes or base64 blobs
// hide: an escaped secret where the text spells it, and a base64 blob
// holding one as a whole.
func (s *scan) lookThrough(escaped bool, blobs []int32) {
	if escaped {
		view, at := decodeEscapes(s.b)
		for _, sp := range s.c.findDepth(view, s.depth-1) {
			forPieces(view, int(sp.start), int(sp.end), func(lo, hi int) { s.addSpan(sp.rule, int(at[lo]), int(at[hi])) })
		}
	}
	for _, at := range blobs {
		s.base64At(int(at))
	}
}
