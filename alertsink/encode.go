package alertsink

import (
	"github.com/segmentio/kafka-go"

	"github.com/credwatch/credwatch/detect"
)

// encoded is a batch ready to write: a row per update, a message per
// published update.
type encoded struct {
	alerts    [][]any
	published []detect.Update
	msgs      []kafka.Message
}

// encode checks every update and renders its row and, when published, its
// message; nothing is written unless every update encodes.
func (s *Sink) encode(updates []detect.Update) (*encoded, error) {
	now := s.cfg.Clock.Now()
	enc := &encoded{alerts: make([][]any, 0, len(updates))}
	for i, u := range updates {
		if err := checkUpdate(i, u); err != nil {
			return nil, err
		}
		row, err := alertRow(u, now)
		if err != nil {
			return nil, err
		}
		enc.alerts = append(enc.alerts, row)
		if !u.Publish() {
			continue
		}
		value, err := OCSF(u.Alert)
		if err != nil {
			return nil, permanentf("updates[%d]: %v", i, err)
		}
		enc.published = append(enc.published, u)
		enc.msgs = append(enc.msgs, Message(s.cfg.Topic, u, value))
	}
	return enc, nil
}
