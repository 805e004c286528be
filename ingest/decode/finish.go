package decode

import (
	"strings"
	"time"

	"github.com/credwatch/credwatch/event"
)

// checkTime rejects a time more than FutureWindow ahead of the clock. The
// clock is read only for a time at or past the bound an earlier read set
// (clocks move forward): reading it for every event was 1% of decoding.
func (d *Decoder) checkTime(t time.Time) *Error {
	if t.Before(d.present) {
		return nil
	}
	d.present = d.now().Add(d.limits.FutureWindow)
	if t.After(d.present) {
		return fieldErr("time", ReasonFuture, "%s is more than %s ahead of now", t.Format(time.RFC3339), d.limits.FutureWindow)
	}
	return nil
}

// asTokenUse makes a vendor's call made with a credential ("s3:GetObject",
// "git.clone", "k8s.pods.get") a token.use, the action detection judges
// credentials by, keeping the vendor's name in attrs["operation"]. Catalogue
// actions, logons and actions on a token (token.lookup, token.review: the
// token named is the one acted on, not the caller's) keep their own.
func asTokenUse(ev *event.Event) {
	if ev.Token.ID == "" || event.OneOf(ev.Action, event.Actions) ||
		strings.HasPrefix(ev.Action, "auth.") || strings.HasPrefix(ev.Action, "token.") {
		return
	}
	setAttr(ev, "operation", ev.Action)
	ev.Action = "token.use"
}

// Scrub returns msg with credential material replaced, for storing a rejected
// message (dead letter) or logging it. A gzip message is returned
// inflated, or empty when it does not inflate within the message limit:
// compressed bytes cannot be scrubbed, nor can a secret cut short.
func (d *Decoder) Scrub(msg []byte) []byte {
	msg, gerr := d.gunzip(msg)
	if gerr != nil {
		return nil
	}
	out, _ := d.scrub(msg)
	v, err := d.parser.ParseBytes(out)
	if err != nil {
		return out
	}
	objects := len(d.scrubObjects(v, out, FormatAuto)) > 0
	if isLogsEnvelope(v) && d.scrubLogEvents(v) || objects {
		return appendJSON(nil, v)
	}
	return out
}

// scrub redacts msg, escapes and all, whether or not it parses.
func (d *Decoder) scrub(msg []byte) ([]byte, []string) {
	return d.redactor.Message(msg)
}

// keep is the bytes an event keeps as Raw: none when originals are
// dropped, clean itself when the caller shares its input (clean is then the message or a copy the redactor made
// for this message alone), else a copy.
func (d *Decoder) keep(clean []byte) []byte {
	if d.drop {
		return nil
	}
	if d.share {
		return clean[:len(clean):len(clean)]
	}
	return append([]byte(nil), clean...)
}
