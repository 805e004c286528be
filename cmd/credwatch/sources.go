package main

import (
	"github.com/credwatch/credwatch/ingest/decode"
	"github.com/credwatch/credwatch/ingest/enrich"
)

// sourceFlags say what messages may leave unsaid: their format and tenant.
// ingest and detect take the same ones, so that both read a topic alike.
type sourceFlags struct {
	Format        string            `default:"auto" env:"CREDWATCH_FORMAT" help:"Input format of the events topic: auto (detected per message), credwatch, ocsf, vault, k8s, cloudtrail, github, gcp or azure."`
	TopicFormat   map[string]string `name:"topic-format" env:"CREDWATCH_TOPIC_FORMAT" mapsep:"," help:"Per-topic format, TOPIC=FORMAT (overrides --format)."`
	DefaultTenant string            `name:"default-tenant" env:"CREDWATCH_DEFAULT_TENANT" help:"Tenant of events that name none (most vendors' events don't: Windows, Okta, Kubernetes, a root Vault namespace)."`
	TopicTenant   map[string]string `name:"topic-tenant" env:"CREDWATCH_TOPIC_TENANT" mapsep:"," help:"Per-topic default tenant, TOPIC=TENANT (overrides --default-tenant)."`
	ASNDB         string            `name:"asn-db" env:"CREDWATCH_ASN_DB" type:"path" help:"MaxMind DB of autonomous systems (GeoLite2-ASN, DB-IP IP to ASN Lite): an event whose source has a public address and no AS (CloudTrail, Key Vault, GitHub …) gets its AS, which the network rules judge by."`
}

// sources returns the decoder's Sources, or an error naming a bad format
// or AS database.
func (f sourceFlags) sources() (decode.Sources, error) {
	s := decode.Sources{Format: f.Format, TopicFormats: f.TopicFormat, DefaultTenant: f.DefaultTenant, TopicTenants: f.TopicTenant}
	if f.ASNDB != "" {
		asns, err := enrich.OpenASNs(f.ASNDB)
		if err != nil {
			return s, err
		}
		s.Networks = asns
	}
	return s, s.Check()
}
