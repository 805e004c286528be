package receiver

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/credwatch/credwatch/respond/webhook"
)

// emitTimeout bounds one emit, well inside a sender's request timeout.
const emitTimeout = 10 * time.Second

// ServeHTTP handles one webhook delivery (see the package documentation).
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		h.refuse(w, r, http.StatusMethodNotAllowed, ReasonMethod, "only POST is accepted", "")
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBody))
	if tooLarge := new(http.MaxBytesError); errors.As(err, &tooLarge) {
		h.refuse(w, r, http.StatusRequestEntityTooLarge, ReasonTooLarge, "body larger than "+strconv.Itoa(MaxBody)+" bytes", "")
		return
	} else if err != nil {
		h.refuse(w, r, http.StatusBadRequest, ReasonUnreadable, "body could not be read", err.Error())
		return
	}
	if err := h.verifier.Verify(r.Header, body); err != nil {
		reason := webhook.ReasonOf(err)
		h.refuse(w, r, http.StatusUnauthorized, reason, reason, err.Error())
		return
	}
	id := r.Header.Get(webhook.HeaderID)
	release, handled, err := h.claims.claim(r.Context(), id, h.journal)
	if err != nil {
		h.unavailable(w, "waiting for the same webhook-id", id, err)
		return
	}
	if handled {
		h.refuse(w, r, http.StatusConflict, ReasonReplayed, "replayed webhook-id", "webhook-id "+id)
		return
	}
	defer release()
	p, err := parsePayload(body)
	if err != nil {
		h.refusePayload(w, r, err)
		return
	}
	h.act(r.Context(), w, id, p)
}

// act carries out a verified, new, valid webhook: a revoke is emitted
// first, then journaled; anything else is journaled only.
func (h *Handler) act(ctx context.Context, w http.ResponseWriter, id string, p webhook.Payload) {
	d := p.Data
	rec := Record{WebhookID: id, Type: p.Type, IntentID: d.IntentID, Credential: d.Credential,
		Tenant: d.Tenant, Rule: d.Rule, DryRun: d.DryRun, Received: h.now().UTC()}
	if rec.Revoked() {
		ectx, cancel := context.WithTimeout(ctx, emitTimeout)
		err := h.emitter.Emit(ectx, revokeEvent(id, d, rec.Received))
		cancel()
		if err != nil {
			h.metrics.failures.WithLabelValues(stageEmit).Inc()
			h.unavailable(w, "emit failed", id, err)
			return
		}
	}
	if err := h.journal.Append(rec); err != nil {
		h.metrics.failures.WithLabelValues(stageJournal).Inc()
		h.unavailable(w, "journal failed", id, err)
		return
	}
	status := statusOf(rec)
	if rec.Revoked() {
		h.metrics.revocations.Inc()
	}
	h.log.Info("webhook handled", "status", status, "webhook_id", id, "intent_id", d.IntentID,
		"tenant", d.Tenant, "credential", d.Credential, "rule", d.Rule)
	writeJSON(w, http.StatusOK, map[string]string{"status": status})
}

// statusOf is the status a handled record is answered with.
func statusOf(rec Record) string {
	switch {
	case rec.Revoked():
		return "revoked"
	case rec.Type == webhook.TypeRevoke:
		return "dry_run"
	}
	return "recorded"
}
