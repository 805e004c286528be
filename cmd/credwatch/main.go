// Command credwatch catches stolen credentials in use: it ingests secret-access
// and token-use audit events from Kafka into ClickHouse.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/alecthomas/kong"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// cli is the command line.
type cli struct {
	Globals
	Run      runCmd      `cmd:"" help:"Run everything on embedded defaults: Kafka, ClickHouse, generator, ingester."`
	Gen      genCmd      `cmd:"" help:"Generate realistic platform traffic (JSON lines or Kafka)."`
	Ingest   ingestCmd   `cmd:"" help:"Consume audit events from Kafka into ClickHouse."`
	Migrate  migrateCmd  `cmd:"" help:"Create or upgrade the ClickHouse schema."`
	Rules    rulesCmd    `cmd:"" help:"Detection rules: test, list."`
	Detect   detectCmd   `cmd:"" help:"Judge events with the rules and baselines (offline: --from-file)."`
	Respond  respondCmd  `cmd:"" help:"Answer alerts: response policy, guardrails, outbox, signed revocation webhooks."`
	Receiver receiverCmd `cmd:"" help:"The reference webhook receiver: verify, dedupe, record, emit token.revoke."`
	Serve    serveCmd    `cmd:"" help:"The console's API: alerts for analysts, scoped to their tenants, every call audited."`
	Audit    auditCmd    `cmd:"" help:"The console's action log: verify its hash chain."`
	Users    usersCmd    `cmd:"" help:"Console users and their API tokens: add, list, disable."`
	Version  versionCmd  `cmd:"" help:"Print the version."`
}

func main() {
	var c cli
	k := kong.Parse(&c, kong.Name("credwatch"),
		kong.Description("Catch stolen credentials in use."),
		kong.UsageOnError(), kong.Vars{"version": version})
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	k.BindTo(ctx, (*context.Context)(nil))
	err := k.Run(&c.Globals)
	k.FatalIfErrorf(err)
}
