package receiver

import (
	"cmp"
	"encoding/json"
	"errors"
	"net/http"

	"github.com/credwatch/credwatch/respond/webhook"
)

// retryAfterSeconds is the Retry-After of a 503.
const retryAfterSeconds = "5"

// refuse answers status with {"error": message}, counts reason and logs
// it with detail (or message when detail is empty).
func (h *Handler) refuse(w http.ResponseWriter, r *http.Request, status int, reason, message, detail string) {
	h.metrics.rejected.WithLabelValues(reason).Inc()
	h.log.Warn("webhook rejected", "reason", reason, "detail", cmp.Or(detail, message), "remote", r.RemoteAddr)
	writeJSON(w, status, map[string]string{"error": message})
}

// refusePayload answers 400 naming the payload's bad field.
func (h *Handler) refusePayload(w http.ResponseWriter, r *http.Request, err error) {
	h.metrics.rejected.WithLabelValues(ReasonBadPayload).Inc()
	h.log.Warn("webhook rejected", "reason", ReasonBadPayload, "detail", err.Error(), "remote", r.RemoteAddr,
		"webhook_id", r.Header.Get(webhook.HeaderID))
	reply := map[string]string{"error": err.Error()}
	var fe *webhook.FieldError
	if errors.As(err, &fe) && fe.Field != "" {
		reply["field"] = fe.Field
	}
	writeJSON(w, http.StatusBadRequest, reply)
}

// unavailable answers 503 so that the sender retries later.
func (h *Handler) unavailable(w http.ResponseWriter, what, id string, err error) {
	h.log.Error("webhook not handled, sender will retry", "webhook_id", id, "what", what, "err", err)
	w.Header().Set("Retry-After", retryAfterSeconds)
	writeJSON(w, http.StatusServiceUnavailable, map[string]string{"error": what + ", retry later"})
}

// writeJSON writes v as the JSON response body with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// parsePayload decodes and validates body; an error names the bad field
// (*webhook.FieldError) when it can.
func parsePayload(body []byte) (webhook.Payload, error) {
	var p webhook.Payload
	if err := json.Unmarshal(body, &p); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) && te.Field != "" {
			return p, &webhook.FieldError{Field: te.Field, Problem: "wrong type, want " + te.Type.String()}
		}
		return p, errors.New("payload is not a JSON object of the expected shape")
	}
	return p, p.Validate()
}
