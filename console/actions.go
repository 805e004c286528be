package console

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/credwatch/credwatch/console/audit"
	"github.com/credwatch/credwatch/detect/suppressions"
	"github.com/credwatch/credwatch/respond"
)

// analystWork is what the write endpoints (triage, suppressions,
// approvals) share: one lock that serialises each read-then-append, so one
// console process never writes an alert's or an intent's next step twice.
type analystWork struct {
	mu           sync.Mutex
	approvals    respond.Approvals
	suppressions *suppressions.Store
}

func newAnalystWork(cfg Config) *analystWork {
	return &analystWork{
		approvals:    respond.Approvals{Outbox: respond.NewOutbox(cfg.Store), Events: cfg.ResponseEvents, Log: cfg.Log, Now: cfg.Now},
		suppressions: suppressions.NewStore(cfg.Store),
	}
}

// maxBody bounds every request body.
const maxBody = 64 << 10

// decodeBody reads r's JSON body into dst (an empty body leaves dst as it
// is when optional): unknown fields and malformed JSON are a fieldError.
func decodeBody(w http.ResponseWriter, r *http.Request, dst any, optional bool) error {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBody))
	dec.DisallowUnknownFields()
	err := dec.Decode(dst)
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.EOF) && optional:
		return nil
	case errors.Is(err, io.EOF):
		return &fieldError{"body", "a JSON object is required"}
	case errors.As(err, &typ):
		return &fieldError{cmp.Or(typ.Field, "body"), "has the wrong type"}
	case errors.As(err, &syntax):
		return &fieldError{"body", "is not valid JSON"}
	case err != nil && strings.HasPrefix(err.Error(), "json: unknown field "):
		return &fieldError{strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`), "is not a field of this body"}
	case err != nil:
		return &fieldError{"body", fmt.Sprintf("must be one JSON object of at most %d bytes", maxBody)}
	}
	if dec.More() {
		return &fieldError{"body", "must be one JSON object"}
	}
	return nil
}

// checkText refuses v (the field named field) when required and empty,
// longer than limit bytes, not UTF-8, or holding control characters other
// than newlines and tabs.
func checkText(field, v string, limit int, required bool) error {
	if required && strings.TrimSpace(v) == "" {
		return &fieldError{field, "is required"}
	}
	if len(v) > limit || !utf8.ValidString(v) || strings.IndexFunc(v, func(c rune) bool {
		return unicode.IsControl(c) && c != '\n' && c != '\t'
	}) >= 0 {
		return &fieldError{field, fmt.Sprintf("must be text of at most %d bytes without control characters", limit)}
	}
	return nil
}

// validName reports whether a path value (tenant, alert or intent id) can
// name anything: bounded UTF-8. Others answer as missing ones do.
func validName(v string) bool {
	return v != "" && len(v) <= maxParamLen && utf8.ValidString(v)
}

// record appends the request user's action on target to the action log.
func (s *Server) record(ctx context.Context, r *http.Request, action, tenant, target string, detail any) error {
	u := userOf(r)
	b, _ := json.Marshal(detail)
	_, err := s.cfg.Actions.Append(ctx, audit.Entry{Actor: u.Name, Role: string(u.Role), Action: action,
		Tenant: tenant, Target: target, Detail: string(b)})
	if err != nil {
		s.cfg.Log.Error("action log", "err", err)
		return errActionLog
	}
	return nil
}

// errActionLog is the action log failing: nothing is done, 503.
var errActionLog = errors.New("the action log is unavailable")
