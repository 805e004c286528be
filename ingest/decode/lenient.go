package decode

import (
	"errors"
	"net/netip"
	"strconv"
	"strings"
	"time"
)

// isPlaceholder reports values that vendors write for "none": the field is
// blanked (with a warning) instead of rejecting the event.
func isPlaceholder(s string) bool {
	if len(s) > 12 {
		return false
	}
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "-", "--", "n/a", "na", "null", "(null)", "<null>", "nil", "none", "undefined", "null sid", "s-1-0-0", "0x0":
		return true
	}
	return false
}

// lenientIP makes an address of what enrichment pipelines write: a port
// ("1.2.3.4:443", "[::1]:80"), leading zeros ("010.001.002.003"), or
// "unknown". Anything else is blanked with a warning.
func (r *reader) lenientIP(s, path string) string {
	if ap, err := netip.ParseAddrPort(s); err == nil {
		r.warn(path, ReasonNormalised)
		return ap.Addr().Unmap().String()
	}
	if a, ok := dottedWithZeros(s); ok {
		r.warn(path, ReasonNormalised)
		return a.String()
	}
	if strings.EqualFold(s, "unknown") {
		r.warn(path, ReasonPlaceholder)
		return ""
	}
	r.warn(path, ReasonInvalid)
	return ""
}

// dottedWithZeros parses an IPv4 address whose parts have leading zeros.
func dottedWithZeros(s string) (netip.Addr, bool) {
	parts := strings.Split(s, ".")
	if len(parts) != 4 {
		return netip.Addr{}, false
	}
	var b [4]byte
	for i, p := range parts {
		n, err := strconv.ParseUint(p, 10, 8)
		if err != nil || len(p) > 3 {
			return netip.Addr{}, false
		}
		b[i] = byte(n)
	}
	return netip.AddrFrom4(b), true
}

// lenientTimeLayouts are the non-RFC 3339 forms vendors write; a time
// without a zone is UTC. The US form with AM/PM is how Log Analytics
// (Microsoft Sentinel) exports and the Azure portal write its times
// (month first: that locale's order).
var lenientTimeLayouts = []string{
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02T15:04:05.999999999",
	time.RFC1123Z, time.RFC1123,
	"1/2/2006 3:04:05.999999999 PM",
}

func parseLenientTime(s string) (time.Time, error) {
	for _, layout := range lenientTimeLayouts {
		if t, err := time.Parse(layout, s); err == nil && knownZone(t) {
			return t, nil
		}
	}
	return time.Time{}, errors.New("no known time layout")
}

// knownZone reports whether t's zone is the one its text named: time.Parse
// reads an abbreviation it cannot resolve ("EST", "IST": ambiguous) as UTC
// under that name. GMT and UTC are UTC; offsets are exact.
func knownZone(t time.Time) bool {
	name, offset := t.Zone()
	return offset != 0 || name == "UTC" || name == "GMT" || name == ""
}

// arnAccount is the account of an AWS ARN ("arn:aws:sts::123456789012:
// assumed-role/…" → "123456789012"), or "" when s is not an ARN.
func arnAccount(s string) string {
	parts := strings.SplitN(s, ":", 6)
	if len(parts) == 6 && parts[0] == "arn" {
		return parts[4]
	}
	return ""
}

// httpOutcome is the outcome an HTTP status reports: 401 and 403 are
// denied, other codes from 400 a failure, the rest a success.
func httpOutcome(code float64) string {
	switch {
	case code == 401 || code == 403:
		return "denied"
	case code >= 400:
		return "failure"
	}
	return "success"
}
