package console

import (
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestSearchFilters: equality and prefix over fields, attributes, numbers
// and lists; alternatives on one field, all of different fields.
func TestSearchFilters(t *testing.T) {
	x := newForensicRig(t)
	for q, want := range map[string]int{
		"eq=actor.id:mallory": 4, "eq=actor.id:mallory&eq=tenant:globex": 2, "eq=source.country:RO&eq=source.country:US": 10,
		"prefix=resource.id:globex/": 2, "eq=source.asn:9009": 4, "eq=attrs.region:eu-initech": 11, "prefix=attrs.region:eu-g": 13,
		"eq=source.internal:false&eq=action:secret.read": 7, "eq=token.tenant:globex&prefix=token.id:tok_g": 1,
		"eq=secret.id:sec_db&eq=workload.build_id:bld_2": 2, "eq=actor.id:mallory&eq=actor.id:pager&eq=tenant:acme": 11,
		"eq=token.kind:fine_grained&eq=id:csv-evil": 1, "eq=attrs.nosuch:": 0, "prefix=actor.tenants:a": 0,
		"eq=actor.id:" + url.QueryEscape("' OR 1=1 --"): 0, "eq=tenant:" + url.QueryEscape("acme' OR '1'='1"): 0,
	} {
		var r SearchResult
		x.getJSON(t, "tok-admin", "/api/v1/events/search?limit=1000&"+dayRange+"&"+q, &r)
		require.Len(t, r.Events, want, q)
	}
	var r SearchResult
	x.getJSON(t, "tok-admin", "/api/v1/events/search?"+dayRange+"&eq=id:csv-evil", &r)
	require.Equal(t, `=HYPERLINK("http://x","y")`, r.Events[0].Resource.ID, "JSON carries the value as it is")
	require.Equal(t, map[string]string{"region": "eu-acme"}, r.Events[0].Attrs)
	e := x.actions.entries[len(x.actions.entries)-1]
	require.Equal(t, "events.search", e.Action)
	require.Contains(t, e.Detail, `{"field":"id","op":"eq","value":"csv-evil"}`)
}

// TestSearchPages: pages of 4 in either order have no gaps or repeats,
// three events to a millisecond; a scoped user pages through its own.
func TestSearchPages(t *testing.T) {
	x := newForensicRig(t)
	for _, c := range []struct {
		token, order string
		tenants      []string
	}{{"tok-admin", "desc", nil}, {"tok-admin", "asc", nil}, {"tok-two", "desc", []string{"acme", "globex"}},
		{"tok-initech-investigator", "asc", []string{"initech"}}} {
		var ids []string
		next := ""
		for range 20 {
			var r SearchResult
			x.getJSON(t, c.token, "/api/v1/events/search?"+dayRange+"&eq=actor.id:pager&limit=4&order="+c.order+
				"&before="+url.QueryEscape(next), &r)
			require.LessOrEqual(t, len(r.Events), 4)
			ids = append(ids, eventIDs2(r.Events)...)
			if next = r.Next; next == "" {
				break
			}
		}
		require.Equal(t, pagerIDs(c.order == "desc", c.tenants), ids, "%s %s", c.token, c.order)
	}
}

// TestSearchRejectsBadInput: 400 naming the parameter, for unknown fields
// and values a field cannot hold too; never a server error.
func TestSearchRejectsBadInput(t *testing.T) {
	x := newForensicRig(t)
	for q, field := range map[string]string{
		"": "from", "from=" + rfc(now.Add(-time.Hour)): "to", "from=" + rfc(now.Add(-91*24*time.Hour)) + "&to=" + rfc(now): "from",
		"from=yesterday&to=" + rfc(now): "from", dayRange + "&eq=nosuch:1": "eq", dayRange + "&eq=raw:x": "eq",
		dayRange + "&eq=time:1": "eq", dayRange + "&eq=actor_id:x": "eq", dayRange + "&eq=source.asn:abc": "eq",
		dayRange + "&eq=source.asn:-1": "eq", dayRange + "&prefix=source.asn:9": "prefix", dayRange + "&eq=novalue": "eq",
		dayRange + "&prefix=actor.id:": "prefix", dayRange + "&eq=source.internal:yes": "eq", dayRange + "&format=xml": "format",
		dayRange + "&format=jsonl": "format", dayRange + "&order=sideways": "order", dayRange + "&before=1%20OR%201=1": "before",
		dayRange + "&limit=1001": "limit", dayRange + "&limit=-1": "limit", dayRange + "&sort=tenant": "sort",
		dayRange + "&eq=" + url.QueryEscape("tenant) OR (1=1:x"): "eq", dayRange + "&eq=actor.id:a;b": "eq",
		dayRange + "&eq=actor.id:%ff%fe": "eq", dayRange + "&order=asc&order=desc": "order",
		dayRange + "&eq=" + url.QueryEscape("attrs.:x"): "eq",
	} {
		x.requireBadParam(t, "tok-admin", "/api/v1/events/search?"+q, field)
	}
	many := dayRange
	for range 21 {
		many += "&eq=actor.id:x"
	}
	x.requireBadParam(t, "tok-admin", "/api/v1/events/search?"+many, "eq")
	code, _ := x.get(t, "tok-admin", "/api/v1/events/search?"+dayRange+"&eq=actor.id:"+url.QueryEscape(string(make([]byte, 2049))))
	require.Equal(t, http.StatusBadRequest, code)
}
