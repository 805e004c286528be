//lint:file-ignore SA1019 schema v1 (dashboard.Dashboard) is what Grafana's file provisioning loads in every version; dashboardv2 needs Grafana 12's v2 API.

package dashboards

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/grafana/grafana-foundation-sdk/go/dashboard"
)

// Dashboard is one generated dashboard: the file it is written to and
// its builder.
type Dashboard struct {
	File  string
	Build func() *dashboard.DashboardBuilder
}

// All are credwatch's dashboards, in the order README lists them.
func All() []Dashboard {
	return []Dashboard{
		{"credwatch-soc-overview.json", Overview},
		{"credwatch-credential.json", Credential},
		{"credwatch-pipeline.json", Pipeline},
	}
}

// Built is d's dashboard, its panels and rows numbered from 1 in order.
func (d Dashboard) Built() (dashboard.Dashboard, error) {
	out, err := d.Build().Build()
	if err != nil {
		return out, fmt.Errorf("%s: %w", d.File, err)
	}
	for i := range out.Links {
		out.Links[i].Placement = nil // on the dashboard's bar, not in the controls menu
	}
	for i, p := range out.Panels {
		id := uint32(i + 1)
		if p.Panel != nil {
			p.Panel.Id = &id
		} else {
			p.RowPanel.Id = id
		}
	}
	return out, nil
}

// Render is d's JSON as committed: indented, ending in a newline.
func (d Dashboard) Render() ([]byte, error) {
	built, err := d.Built()
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(built); err != nil {
		return nil, fmt.Errorf("%s: %w", d.File, err)
	}
	return b.Bytes(), nil
}

// WriteAll writes every dashboard's JSON into dir.
func WriteAll(dir string) error {
	for _, d := range All() {
		b, err := d.Render()
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, d.File), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}
