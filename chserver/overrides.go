package chserver

import (
	"os"
	"path/filepath"
)

// withOverrides copies the config file and its users.xml into Dir/conf and
// adds config.d/credwatch.xml with cfg.Overrides; it returns the new config
// file. clickhouse-server reads config.d next to the config file it is given.
func withOverrides(cfg Config) (string, error) {
	conf := filepath.Join(cfg.Dir, "conf")
	if err := os.MkdirAll(filepath.Join(conf, "config.d"), 0o750); err != nil {
		return "", err
	}
	srcDir := filepath.Dir(cfg.ConfigFile)
	for _, name := range []string{filepath.Base(cfg.ConfigFile), "users.xml"} {
		b, err := os.ReadFile(filepath.Join(srcDir, name))
		if err != nil {
			return "", err
		}
		if err := os.WriteFile(filepath.Join(conf, name), b, 0o640); err != nil {
			return "", err
		}
	}
	xml := "<yandex>\n" + cfg.Overrides + "\n</yandex>\n"
	if err := os.WriteFile(filepath.Join(conf, "config.d", "credwatch.xml"), []byte(xml), 0o640); err != nil {
		return "", err
	}
	return filepath.Join(conf, filepath.Base(cfg.ConfigFile)), nil
}
