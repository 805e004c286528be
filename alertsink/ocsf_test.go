package alertsink_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/alertsink"
	"github.com/credwatch/credwatch/detect"
)

var update = flag.Bool("update", false, "rewrite golden files")

const goldenDir = "../testdata/alerts"

// TestOCSFGolden renders each testdata/alerts/*.json alert and compares it
// with its .golden file (go test ./alertsink -update rewrites them).
func TestOCSFGolden(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join(goldenDir, "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, inputs)
	for _, in := range inputs {
		t.Run(filepath.Base(in), func(t *testing.T) {
			b, err := os.ReadFile(in)
			require.NoError(t, err)
			var a detect.Alert
			require.NoError(t, json.Unmarshal(b, &a))
			got, err := alertsink.OCSF(&a)
			require.NoError(t, err)
			var pretty bytes.Buffer
			require.NoError(t, json.Indent(&pretty, got, "", "  "))
			golden := strings.TrimSuffix(in, ".json") + ".golden"
			if *update {
				require.NoError(t, os.WriteFile(golden, append(pretty.Bytes(), '\n'), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "run go test ./alertsink -update to create it")
			require.JSONEq(t, string(want), string(got))
			requireDetectionFinding(t, &a, got)
		})
	}
}

// requireDetectionFinding checks what OCSF 1.4.0 requires of class 2004 and
// how credwatch fills it, independently of the golden bytes.
func requireDetectionFinding(t *testing.T, a *detect.Alert, b []byte) {
	var f struct {
		ActivityID  int   `json:"activity_id"`
		CategoryUID int   `json:"category_uid"`
		ClassUID    int   `json:"class_uid"`
		TypeUID     int   `json:"type_uid"`
		SeverityID  int   `json:"severity_id"`
		Time        int64 `json:"time"`
		IsAlert     bool  `json:"is_alert"`
		FindingInfo struct {
			UID           string `json:"uid"`
			Title         string `json:"title"`
			RelatedEvents []struct {
				UID string `json:"uid"`
			} `json:"related_events"`
			RelatedEventsCount int `json:"related_events_count"`
			Analytic           struct {
				UID    string `json:"uid"`
				TypeID int    `json:"type_id"`
			} `json:"analytic"`
		} `json:"finding_info"`
		Metadata struct {
			Version string `json:"version"`
			UID     string `json:"uid"`
			Product struct {
				Name string `json:"name"`
			} `json:"product"`
		} `json:"metadata"`
		Unmapped map[string]any `json:"unmapped"`
	}
	require.NoError(t, json.Unmarshal(b, &f))
	require.Equal(t, 2004, f.ClassUID)
	require.Equal(t, 2, f.CategoryUID)
	require.Equal(t, 200400+f.ActivityID, f.TypeUID)
	require.Equal(t, map[bool]int{true: 1, false: 2}[a.Revision == 1], f.ActivityID)
	require.Equal(t, a.LastSeen.UnixMilli(), f.Time)
	require.Equal(t, a.Respond(), f.IsAlert)
	require.Equal(t, a.ID, f.FindingInfo.UID)
	require.Equal(t, a.Title, f.FindingInfo.Title)
	require.Equal(t, a.Rule, f.FindingInfo.Analytic.UID)
	require.Equal(t, 1, f.FindingInfo.Analytic.TypeID)
	require.Equal(t, a.Count, f.FindingInfo.RelatedEventsCount)
	require.Len(t, f.FindingInfo.RelatedEvents, len(a.EventIDs))
	require.Equal(t, alertsink.OCSFVersion, f.Metadata.Version)
	require.Equal(t, "credwatch", f.Metadata.Product.Name)
	require.NotEmpty(t, f.Metadata.UID)
	for _, k := range []string{"tier", "shadow", "suppressed", "revision", "explanation", "credential", "tenant"} {
		require.Contains(t, f.Unmapped, k)
	}
}

func TestOCSFSeverityIDs(t *testing.T) {
	for sev, want := range map[string]int{"info": 1, "low": 2, "medium": 3, "high": 4, "critical": 5, "": 99} {
		b, err := alertsink.OCSF(&detect.Alert{ID: "alr_x", Revision: 1, Severity: sev})
		require.NoError(t, err)
		var f struct {
			SeverityID int `json:"severity_id"`
		}
		require.NoError(t, json.Unmarshal(b, &f))
		require.Equal(t, want, f.SeverityID, "severity %q", sev)
	}
	for _, sev := range detect.Severities {
		b, err := alertsink.OCSF(&detect.Alert{ID: "alr_x", Revision: 1, Severity: sev})
		require.NoError(t, err)
		require.NotContains(t, string(b), `"severity_id":99`, "every detect severity maps (%s)", sev)
	}
	_, err := alertsink.OCSF(nil)
	require.Error(t, err)
}
