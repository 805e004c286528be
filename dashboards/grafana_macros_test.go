package dashboards_test

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"testing"
	"time"
)

// query is what the plugin's backend knows of a panel query: the range
// and Grafana's interval for it.
type query struct {
	from, to time.Time
	interval time.Duration
}

// macro expands one macro call of the ClickHouse plugin (v4,
// pkg/macros/macros.go) given its arguments.
type macro func(q query, args []string) (string, error)

// macros are the plugin's backend macros (macropro's defaults that the
// dashboards could meet are overridden by the plugin's ClickHouse forms).
var macros = map[string]macro{
	"fromTime":      func(q query, _ []string) (string, error) { return dateTime(q.from), nil },
	"toTime":        func(q query, _ []string) (string, error) { return dateTime(q.to), nil },
	"fromTime_ms":   func(q query, _ []string) (string, error) { return dateTime64(q.from), nil },
	"toTime_ms":     func(q query, _ []string) (string, error) { return dateTime64(q.to), nil },
	"timeFilter":    between(dateTime),
	"timeFilter_ms": between(dateTime64),
	"dateFilter":    between(date),
	"interval_s":    func(q query, _ []string) (string, error) { return fmt.Sprint(intervalSeconds(q)), nil },
	"timeInterval": oneArg(func(q query, c string) string {
		return fmt.Sprintf("toStartOfInterval(toDateTime(%s), INTERVAL %d second)", c, intervalSeconds(q))
	}),
	"timeInterval_ms": oneArg(func(q query, c string) string {
		return fmt.Sprintf("toStartOfInterval(toDateTime64(%s, 3), INTERVAL %d millisecond)", c, max(q.interval.Milliseconds(), 1))
	}),
	"timeFrom":       oneArg(func(q query, c string) string { return c + " >= " + dateTime(q.from) }),
	"timeTo":         oneArg(func(q query, c string) string { return c + " <= " + dateTime(q.to) }),
	"dateTimeFilter": dateTimeFilter,
	"dt":             dateTimeFilter,
}

func dateTime(t time.Time) string { return fmt.Sprintf("toDateTime(%d)", t.Unix()) }
func dateTime64(t time.Time) string {
	return fmt.Sprintf("fromUnixTimestamp64Milli(%d)", t.UnixMilli())
}
func date(t time.Time) string     { return fmt.Sprintf("toDate('%s')", t.Format("2006-01-02")) }
func intervalSeconds(q query) int { return int(math.Max(q.interval.Seconds(), 1)) }

// between is col >= f(from) AND col <= f(to).
func between(f func(time.Time) string) macro {
	return oneArg(func(q query, c string) string { return c + " >= " + f(q.from) + " AND " + c + " <= " + f(q.to) })
}

// oneArg is a macro of exactly one argument.
func oneArg(f func(q query, col string) string) macro {
	return func(q query, args []string) (string, error) {
		if len(args) != 1 {
			return "", fmt.Errorf("expected 1 argument, received %d", len(args))
		}
		return f(q, args[0]), nil
	}
}

func dateTimeFilter(q query, args []string) (string, error) {
	if len(args) != 2 {
		return "", fmt.Errorf("expected 2 arguments, received %d", len(args))
	}
	d, t := args[0], args[1]
	return fmt.Sprintf("(%s >= %s AND %s <= %s) AND (%s >= %s AND %s <= %s)", d, date(q.from), d, date(q.to),
		t, dateTime(q.from), t, dateTime(q.to)), nil
}

// expandMacros is the plugin's Interpolate (macropro): each known $__name,
// longest name first, with its optional argument list; unknown ones stay.
func expandMacros(t testing.TB, sql string, q query) string {
	t.Helper()
	if strings.Contains(sql, "--") || strings.Contains(sql, "/*") {
		t.Fatalf("comments are stripped by the plugin before expansion; keep them out of panel SQL: %q", sql)
	}
	names := make([]string, 0, len(macros))
	for n := range macros {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		return len(names[i]) > len(names[j]) || len(names[i]) == len(names[j]) && names[i] < names[j]
	})
	for _, n := range names {
		sql = replaceMacro(t, sql, "$__"+n, func(args []string) string {
			out, err := macros[n](q, args)
			if err != nil {
				t.Fatalf("$__%s(%s): %v", n, strings.Join(args, ", "), err)
			}
			return out
		})
	}
	return sql
}
