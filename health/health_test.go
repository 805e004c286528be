package health_test

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/health"
)

func get(t *testing.T, h http.Handler) (int, map[string]any) {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	var body map[string]any
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &body))
	return rec.Code, body
}

func TestHealthAndReadiness(t *testing.T) {
	now := time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)
	r := health.New(func() time.Time { return now })
	code, _ := get(t, r.ReadyHandler())
	require.Equal(t, http.StatusServiceUnavailable, code, "not ready before start")

	r.SetReady(true)
	r.OK("clickhouse")
	code, body := get(t, r.ReadyHandler())
	require.Equal(t, http.StatusOK, code)
	require.Equal(t, "ok", body["status"])

	r.Degraded("clickhouse", errors.New("connection refused"))
	code, _ = get(t, r.ReadyHandler())
	require.Equal(t, http.StatusServiceUnavailable, code)
	code, body = get(t, r)
	require.Equal(t, http.StatusOK, code, "liveness stays 200 while degraded")
	require.Equal(t, "degraded", body["status"])
	c := body["components"].(map[string]any)["clickhouse"].(map[string]any)
	require.Equal(t, "connection refused", c["error"])
}
