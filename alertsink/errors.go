package alertsink

import (
	"errors"
	"fmt"
	"slices"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/segmentio/kafka-go"

	"github.com/credwatch/credwatch/internal/retry"
)

// Stages of a write, named in errors and in the write-error metric.
const (
	StageEncode     = "encode"     // checking and encoding the updates
	StageClickHouse = "clickhouse" // inserting alerts and evidence
	StageKafka      = "kafka"      // publishing to the alerts topic
)

// Error is a failed Write: the stage that failed and whether writing the same
// updates again can succeed. Retrying is always safe: a retried write stores
// nothing twice as seen through the FINAL views.
type Error struct {
	Stage     string
	Err       error
	permanent bool
}

func (e *Error) Error() string {
	kind := "retryable"
	if e.permanent {
		kind = "permanent"
	}
	return fmt.Sprintf("alertsink %s (%s): %v", e.Stage, kind, e.Err)
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Permanent reports that retrying the same updates cannot help.
func (e *Error) Permanent() bool { return e.permanent }

// Retryable reports whether writing the same updates again may succeed:
// false only for an error that says it is permanent.
func Retryable(err error) bool { return err != nil && !retry.IsPermanent(err) }

// permanentf is an encode-stage error: the updates themselves are wrong.
func permanentf(format string, args ...any) *Error {
	return &Error{Stage: StageEncode, Err: fmt.Errorf(format, args...), permanent: true}
}

// clickHouseError classifies an insert failure: a server refusal about the
// schema, the data or access is permanent; anything else (refused
// connection, timeout, server restarting) is retryable.
func clickHouseError(err error) *Error {
	var ex *clickhouse.Exception
	permanent := errors.As(err, &ex) && slices.Contains(permanentClickHouseCodes, ex.Code)
	return &Error{Stage: StageClickHouse, Err: err, permanent: permanent}
}

// permanentClickHouseCodes are ClickHouse error codes a retry cannot cure:
// NO_SUCH_COLUMN_IN_TABLE, CANNOT_PARSE_INPUT_ASSERTION_FAILED, TYPE_MISMATCH,
// UNKNOWN_TABLE, SYNTAX_ERROR, UNKNOWN_DATABASE, UNKNOWN_USER,
// WRONG_PASSWORD, ACCESS_DENIED, AUTHENTICATION_FAILED.
var permanentClickHouseCodes = []int32{16, 27, 53, 60, 62, 81, 192, 193, 497, 516}

// kafkaError classifies a publish failure: a broker refusal a retry cannot
// cure (message too large, invalid topic, not authorised) is permanent;
// everything else retryable.
func kafkaError(err error) *Error {
	return &Error{Stage: StageKafka, Err: err, permanent: permanentKafka(err)}
}

func permanentKafka(err error) bool {
	var we kafka.WriteErrors
	if errors.As(err, &we) {
		return slices.ContainsFunc(we, func(e error) bool { return e != nil && permanentKafka(e) })
	}
	var ke kafka.Error
	return errors.As(err, &ke) && slices.Contains(permanentKafkaErrors, ke)
}

var permanentKafkaErrors = []kafka.Error{
	kafka.MessageSizeTooLarge, kafka.InvalidTopic, kafka.RecordListTooLarge, kafka.InvalidRequiredAcks,
	kafka.TopicAuthorizationFailed, kafka.ClusterAuthorizationFailed, kafka.SASLAuthenticationFailed,
}
