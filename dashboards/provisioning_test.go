package dashboards_test

import (
	"os"
	"testing"

	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/credwatch/credwatch/dashboards"
)

// provisioned reads a provisioning (or compose) YAML file into v.
func provisioned(t *testing.T, path string, v any) {
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	require.NoError(t, yaml.Unmarshal(b, v), path)
}

// TestProvisioningNeedsNoClicks: the provisioned data sources are the ones
// the dashboards' variables default to, with what the ClickHouse plugin
// needs to connect, and the dashboard provider reads the directory compose
// mounts this one on, with provisioning where Grafana looks for it.
func TestProvisioningNeedsNoClicks(t *testing.T) {
	var ds struct {
		Datasources []struct {
			UID, Type, URL string
			JSONData       map[string]any `yaml:"jsonData"`
		}
	}
	provisioned(t, "provisioning/datasources/credwatch.yaml", &ds)
	byUID := map[string]string{}
	for _, d := range ds.Datasources {
		byUID[d.UID] = d.Type
		if d.Type == dashboards.ClickHouseType {
			for _, k := range []string{"host", "port", "protocol", "username"} {
				require.NotEmpty(t, d.JSONData[k], "jsonData.%s", k)
			}
			require.Equal(t, "credwatch", d.JSONData["defaultDatabase"], "the tables' database")
		} else {
			require.NotEmpty(t, d.URL)
		}
	}
	require.Equal(t, map[string]string{dashboards.ClickHouseUID: dashboards.ClickHouseType,
		dashboards.PrometheusUID: dashboards.PrometheusType}, byUID)
	var dp struct {
		Providers []struct {
			Type    string
			Options struct{ Path string }
		}
	}
	provisioned(t, "provisioning/dashboards/credwatch.yaml", &dp)
	require.Len(t, dp.Providers, 1)
	require.Equal(t, "file", dp.Providers[0].Type)
	require.Equal(t, "${CREDWATCH_DASHBOARDS}", dp.Providers[0].Options.Path)
	var compose struct {
		Services map[string]struct {
			Environment map[string]string
			Volumes     []string
		}
	}
	provisioned(t, "compose.yaml", &compose)
	grafana := compose.Services["grafana"]
	require.Equal(t, dashboards.ClickHouseType, grafana.Environment["GF_PLUGINS_PREINSTALL_SYNC"])
	dir := grafana.Environment["CREDWATCH_DASHBOARDS"]
	require.Contains(t, grafana.Volumes, ".:"+dir+":ro", "this directory, where the provider reads")
	require.Contains(t, grafana.Volumes, "./provisioning:/etc/grafana/provisioning:ro")
}
