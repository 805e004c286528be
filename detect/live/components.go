package live

// Components named in health and retry metrics.
const (
	componentWriter     = "alert_writer"
	componentCommit     = "kafka_commit"
	componentRekey      = "rekey_produce"
	componentClickHouse = "clickhouse"
	componentGroup      = "kafka_group"
)

// maxCommitAttempts bounds commit retries: after a rebalance a commit fails
// for good; the alerts are written and the new owner replays idempotently.
const maxCommitAttempts = 5

// healthName is a component's name in the health registry, apart from
// ingest's components when both run in one process.
func healthName(component string) string { return "detect_" + component }
