package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/credwatch/credwatch/respond"
	"github.com/credwatch/credwatch/respond/webhook"
)

type respondCmd struct {
	Serve      respondServeCmd   `cmd:"" default:"withargs" help:"Answer alerts: decide, record, deliver (the default)."`
	Pending    respondPendingCmd `cmd:"" help:"List revocations waiting for approval."`
	Approve    respondAnswerCmd  `cmd:"" help:"Approve a proposed revocation."`
	Reject     respondRejectCmd  `cmd:"" help:"Reject a proposed revocation, with a reason."`
	KillSwitch respondKillCmd    `cmd:"" name:"kill-switch" help:"Hold (on) or release (off) every automatic revocation, at run time."`
}

// guardrailFlags configure what respond may do on its own.
type guardrailFlags struct {
	DryRun           bool          `default:"true" negatable:"" env:"CREDWATCH_DRY_RUN" help:"Record decisions, send nothing (--dry-run=false acts)."`
	DryRunTenant     []string      `env:"CREDWATCH_DRY_RUN_TENANTS" help:"Tenants kept in dry-run when acting."`
	AllowCredential  []string      `env:"CREDWATCH_ALLOW_CREDENTIALS" help:"Credentials never revoked automatically."`
	AllowTenant      []string      `env:"CREDWATCH_ALLOW_TENANTS" help:"Tenants whose credentials are never revoked automatically."`
	MaxAutoPerTenant int           `default:"5" env:"CREDWATCH_MAX_AUTO_PER_TENANT" help:"Automatic revocations per tenant per window before the circuit opens."`
	MaxAuto          int           `default:"20" env:"CREDWATCH_MAX_AUTO" help:"Automatic revocations in all per window before the circuit opens."`
	CapWindow        time.Duration `default:"10m" env:"CREDWATCH_CAP_WINDOW" help:"Window of the caps."`
	ResponsePolicy   string        `type:"existingdir" env:"CREDWATCH_RESPONSE_POLICY" help:"Directory of .rego replacing the embedded response policy."`
}

func (g guardrailFlags) guardrails() respond.Guardrails {
	return respond.Guardrails{DryRun: g.DryRun, DryRunTenants: g.DryRunTenant, AllowCredentials: g.AllowCredential,
		AllowTenants: g.AllowTenant, TenantCap: g.MaxAutoPerTenant, GlobalCap: g.MaxAuto, Window: g.CapWindow}
}

type respondServeCmd struct {
	Brokers       []string          `env:"CREDWATCH_BROKERS" help:"Kafka bootstrap brokers (host:port,...)."`
	AlertsTopic   string            `default:"credwatch.alerts" env:"CREDWATCH_ALERTS_TOPIC" help:"Alerts topic."`
	EventsTopic   string            `default:"credwatch.events" env:"CREDWATCH_TOPIC" help:"Events topic: respond's own response.* events go there."`
	Group         string            `default:"credwatch-respond" env:"CREDWATCH_RESPOND_GROUP" help:"Consumer group."`
	ClickHouse    string            `name:"clickhouse" default:"clickhouse://127.0.0.1:9000/credwatch" env:"CREDWATCH_CLICKHOUSE" help:"ClickHouse DSN (the outbox)."`
	Cluster       clusterFlag       `embed:""`
	WebhookURL    string            `env:"CREDWATCH_WEBHOOK_URL" help:"Where revocation webhooks go."`
	TenantWebhook map[string]string `env:"CREDWATCH_TENANT_WEBHOOKS" help:"Per-tenant endpoints (tenant=url)."`
	WebhookSecret []string          `env:"CREDWATCH_WEBHOOK_SECRET" help:"Signing secrets (whsec_...); several sign at once during rotation."`
	MetricsAddr   string            `default:"127.0.0.1:9467" env:"CREDWATCH_METRICS_ADDR" help:"Address for /metrics and /healthz (empty: off)."`
	FromFile      string            `type:"existingfile" help:"Print the decisions for the alerts in this file (JSON lines, OCSF findings) and exit."`
	guardrailFlags
}

func (c *respondServeCmd) Run(g *Globals, ctx context.Context) error {
	log := g.Logger()
	if c.FromFile != "" {
		return decideFromFile(ctx, c.FromFile, c.guardrailFlags, os.Stdout)
	}
	secrets, err := webhook.ParseSecrets(c.WebhookSecret)
	if err != nil {
		return fmt.Errorf("--webhook-secret: %w", err)
	}
	if len(c.Brokers) == 0 || (c.WebhookURL == "" && len(c.TenantWebhook) == 0) || len(secrets) == 0 {
		return fmt.Errorf("respond needs --brokers, --webhook-url (or --tenant-webhook) and --webhook-secret (or --from-file)")
	}
	dsn, err := c.Cluster.dsn(c.ClickHouse)
	if err != nil {
		return err
	}
	obs, err := startObservability(ctx, c.MetricsAddr, log)
	if err != nil {
		return err
	}
	return respond.Run(ctx, respond.Config{Brokers: c.Brokers, AlertsTopic: c.AlertsTopic, EventsTopic: c.EventsTopic,
		Group: c.Group, ClickHouseDSN: dsn, WebhookURL: c.WebhookURL, TenantURLs: c.TenantWebhook,
		Secrets: secrets, Policy: policyDir(c.ResponsePolicy), Guardrails: c.guardrails()},
		respond.Deps{Log: log, Metrics: obs.metrics, Health: obs.health, Clock: obs.clock})
}
