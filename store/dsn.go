package store

import (
	"fmt"
	"net/url"
	"strconv"
)

// defaultHTTPPort is ClickHouse's HTTP interface port.
const defaultHTTPPort = 8123

// splitHTTPPort removes credwatch's own DSN parameter http_port (the HTTP
// interface used for inserts; "off" inserts over the native protocol) and
// returns the rest for clickhouse-go.
func splitHTTPPort(dsn string) (string, int, error) {
	u, err := url.Parse(dsn)
	if err != nil {
		return "", 0, fmt.Errorf("clickhouse dsn: %w", err)
	}
	q := u.Query()
	v := q.Get("http_port")
	q.Del("http_port")
	u.RawQuery = q.Encode()
	switch v {
	case "":
		return u.String(), defaultHTTPPort, nil
	case "off":
		return u.String(), 0, nil
	}
	port, err := strconv.Atoi(v)
	if err != nil || port <= 0 || port > 65535 {
		return "", 0, fmt.Errorf("clickhouse dsn: http_port %q is not a port or \"off\"", v)
	}
	return u.String(), port, nil
}
