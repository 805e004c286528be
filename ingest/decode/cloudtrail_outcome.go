package decode

import (
	"bytes"
	"strings"
	"time"

	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// maxErrorMessage bounds attrs aws.error_message (bytes): AWS messages quote
// ARNs and policies; the whole message stays in the raw record.
const maxErrorMessage = 256

// outcome: an authorization errorCode is "denied", any other errorCode a
// "failure"; without one, a sign-in event's own result decides (ConsoleLogin
// "Failure"), else "success". The code and message go to attrs.
func (c ctRecord) outcome(ev *event.Event, name string) {
	code := c.str(c.v, "errorCode", "errorCode")
	setAttr(ev, "aws.error_code", code)
	setAttr(ev, "aws.error_message", c.message("errorMessage"))
	switch {
	case code != "" && isDeniedCode(code):
		ev.Outcome = "denied"
	case code != "":
		ev.Outcome = "failure"
	default:
		ev.Outcome = c.signInResult(ev, name)
	}
}

// isDeniedCode reports the errorCodes of a request refused for want of
// permission: AccessDenied, AccessDeniedException, Client.UnauthorizedOperation,
// NotAuthorizedException …
func isDeniedCode(code string) bool {
	return strings.Contains(code, "AccessDenied") || strings.Contains(code, "Unauthorized") ||
		strings.Contains(code, "NotAuthorized")
}

// signInResult reads the result a sign-in event reports under its own name
// (responseElements.ConsoleLogin, serviceEventDetails.CredentialChallenge:
// "Success" or "Failure"), and a console login's MFA use as attrs aws.mfa.
func (c ctRecord) signInResult(ev *event.Event, name string) string {
	if name == "ConsoleLogin" {
		extra := c.obj(c.v, "additionalEventData", "additionalEventData")
		setAttr(ev, "aws.mfa", ctBool(c.str(extra, "MFAUsed", "additionalEventData.MFAUsed")))
	}
	for _, key := range []string{"responseElements", "serviceEventDetails"} {
		x := c.v.Get(key, name)
		if x == nil || x.Type() != fastjson.TypeString {
			continue
		}
		switch strings.ToLower(string(x.GetStringBytes())) {
		case "success":
			return "success"
		case "failure":
			return "failure"
		}
	}
	return "success"
}

// message reads a free-text string of any length, cut to maxErrorMessage
// bytes on one line; a wrong type is blanked with a warning.
func (c ctRecord) message(key string) string {
	x := c.v.Get(key)
	if x == nil || x.Type() == fastjson.TypeNull {
		return ""
	}
	if x.Type() != fastjson.TypeString {
		c.r.fail(fieldErr(c.at+key, ReasonType, "must be a string, got %s", x.Type()))
		return ""
	}
	return bounded(string(bytes.ToValidUTF8(x.GetStringBytes(), []byte("\uFFFD"))), maxErrorMessage)
}

// time reads an optional RFC 3339 time, or the basic form AWS also writes
// ("20131102T010628Z"); a bad one is blanked with a warning.
func (c ctRecord) time(o *fastjson.Value, key, path string) time.Time {
	s := c.str(o, key, path)
	if s == "" {
		return time.Time{}
	}
	t, err := parseRFC3339(s)
	if err != nil {
		t, err = time.Parse("20060102T150405Z", s)
	}
	if err == nil {
		return c.r.inRangeTime(t.UTC().Truncate(time.Millisecond), c.at+path, false)
	}
	c.r.fail(fieldErr(c.at+path, ReasonBadTime, "%q is not an RFC 3339 time", s))
	return time.Time{}
}

// ctBool normalises AWS's boolean strings ("true", "Yes") to "true"/"false".
func ctBool(s string) string {
	switch strings.ToLower(s) {
	case "true", "yes":
		return "true"
	case "false", "no":
		return "false"
	}
	return s
}
