package decode_test

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// An HTTP status decides a GitHub or Kubernetes outcome. Any number went:
// 403.5 and 4030 were failures, -403 and 0 successes. A status is a whole
// number from 100 to 599; anything else is blanked with a warning and the
// outcome is unknown (as for a status of the wrong type), never guessed.
func TestHTTPStatusMustBeOne(t *testing.T) {
	for _, code := range []any{200, 201, 302} {
		require.Equal(t, "success", ghOutcome(t, code), "%v", code)
		require.Equal(t, "success", k8sOutcome(t, code), "%v", code)
	}
	for code, want := range map[any]string{403: "denied", 401.0: "denied", 404: "failure", 599: "failure"} {
		require.Equal(t, want, ghOutcome(t, code), "%v", code)
		require.Equal(t, want, k8sOutcome(t, code), "%v", code)
	}
	for _, code := range []any{403.5, 4030, -403, 0, 99, 600, 1e300, "403"} {
		require.Equal(t, "unknown", ghOutcome(t, code), "%v", code)
		require.Equal(t, "unknown", k8sOutcome(t, code), "%v", code)
	}
}

func ghOutcome(t *testing.T, code any) string {
	ev := decodeOK(t, newDecoder(t), ghEntry(`,"action":"api.request","status_code":`+mustJSON(t, code)))
	return ev.Outcome
}

func k8sOutcome(t *testing.T, code any) string {
	ev, _, err := decodeAs(t, "", k8sEvent("get", secretRef, set("responseStatus.code", code)))
	require.NoError(t, err)
	return ev.Outcome
}

// A Kubernetes event whose code is unusable falls back on what else tells.
func TestK8sUnusableCodeFallsBack(t *testing.T) {
	for _, code := range []any{403.5, 4030, "403"} {
		ev, _, err := decodeAs(t, "", k8sEvent("get", secretRef, set("responseStatus.code", code),
			setKey("forbid", "annotations", "authorization.k8s.io/decision")))
		require.NoError(t, err)
		require.Equal(t, "denied", ev.Outcome, "%v", code)
	}
}
