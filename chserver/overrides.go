package chserver

import (
	"os"
	"path/filepath"
)

// withOverrides copies the config file and its users.xml into Dir/conf and
// adds config.d/credwatch.xml with cfg.Overrides and users.d/credwatch.xml
// with cfg.UserOverrides; it returns the new config file. clickhouse-server
// reads config.d and users.d next to the files they extend.
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
	if err := writeOverride(filepath.Join(conf, "config.d"), cfg.Overrides); err != nil {
		return "", err
	}
	if err := writeOverride(filepath.Join(conf, "users.d"), cfg.UserOverrides); err != nil {
		return "", err
	}
	return filepath.Join(conf, filepath.Base(cfg.ConfigFile)), nil
}

// writeOverride writes xml inside <yandex> to dir/credwatch.xml.
func writeOverride(dir, xml string) error {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "credwatch.xml"), []byte("<yandex>\n"+xml+"\n</yandex>\n"), 0o640)
}
