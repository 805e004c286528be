package webhook

import (
	"fmt"
	"net/http"
	"strconv"
)

// maxTimestampLength bounds the webhook-timestamp header (int64 has 19 digits).
const maxTimestampLength = 19

// headers are a webhook's parsed Standard Webhooks headers.
type headers struct {
	id   string
	unix int64
	sigs []Signature
}

// parseHeaders reads and checks the three headers.
func parseHeaders(h http.Header) (headers, error) {
	id, err := single(h, HeaderID, ReasonBadID)
	if err != nil {
		return headers{}, err
	}
	ts, err := single(h, HeaderTimestamp, ReasonBadTimestamp)
	if err != nil {
		return headers{}, err
	}
	sig, err := single(h, HeaderSignature, ReasonMalformedSignature)
	if err != nil {
		return headers{}, err
	}
	if err := ValidateID(id); err != nil {
		return headers{}, reject(ReasonBadID, err.Error())
	}
	unix, err := parseUnix(ts)
	if err != nil {
		return headers{}, err
	}
	sigs, err := ParseSignatureHeader(sig)
	if err != nil {
		return headers{}, reject(ReasonMalformedSignature, err.Error())
	}
	return headers{id: id, unix: unix, sigs: sigs}, nil
}

// single returns header name's one non-empty value; a repeated header is
// rejected with repeatedReason, as a sender never repeats it.
func single(h http.Header, name, repeatedReason string) (string, error) {
	all := h.Values(name)
	switch {
	case len(all) == 0 || all[0] == "":
		return "", reject(ReasonMissingHeader, name+" header is missing or empty")
	case len(all) > 1:
		return "", reject(repeatedReason, fmt.Sprintf("%s header is given %d times", name, len(all)))
	}
	return all[0], nil
}

// parseUnix reads canonical decimal unix seconds: digits only, no sign,
// no leading zero, so that the signed content is exactly what was sent.
func parseUnix(s string) (int64, error) {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || len(s) > maxTimestampLength || n < 0 || strconv.FormatInt(n, 10) != s {
		return 0, reject(ReasonBadTimestamp, "webhook-timestamp must be unix seconds in decimal digits")
	}
	return n, nil
}
