// Package enrich adds to events what their vendors leave out and a local
// database knows: the autonomous system of a source address, from a
// MaxMind DB (GeoLite2-ASN, DB-IP's IP to ASN Lite, ip-location-db's ASN
// databases), which the network rules judge by.
package enrich

import (
	"fmt"
	"net/netip"
	"os"

	"github.com/oschwald/maxminddb-golang/v2"
)

// ASNs looks up autonomous systems in a MaxMind DB held in memory.
type ASNs struct {
	db *maxminddb.Reader
}

// asRecord is a record of GeoLite2-ASN and of the databases that share its
// layout.
type asRecord struct {
	Number uint32 `maxminddb:"autonomous_system_number"`
	Org    string `maxminddb:"autonomous_system_organization"`
}

// OpenASNs reads the database at path into memory. It fails when the file
// is no MaxMind DB, or when its records name no autonomous system (a
// country or city database).
func OpenASNs(path string) (*ASNs, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("AS database: %w", err)
	}
	db, err := maxminddb.OpenBytes(b)
	if err != nil {
		return nil, fmt.Errorf("AS database %s: %w", path, err)
	}
	if !namesASNs(db) {
		return nil, fmt.Errorf("AS database %s: its records (%s) name no autonomous_system_number", path, db.Metadata.DatabaseType)
	}
	return &ASNs{db: db}, nil
}

// namesASNs reports whether any record of db holds an AS number: it checks
// the first networks, as a country database holds none.
func namesASNs(db *maxminddb.Reader) bool {
	checked := 0
	for result := range db.Networks() {
		var rec asRecord
		if result.Decode(&rec) == nil && rec.Number != 0 {
			return true
		}
		if checked++; checked == 1000 {
			break
		}
	}
	return false
}

// Lookup returns addr's AS number and organisation; ok is false when the
// database has no AS for it.
func (a *ASNs) Lookup(addr netip.Addr) (asn uint32, org string, ok bool) {
	var rec asRecord
	if err := a.db.Lookup(addr.Unmap()).Decode(&rec); err != nil || rec.Number == 0 {
		return 0, "", false
	}
	return rec.Number, rec.Org, true
}
