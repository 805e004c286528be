package decode

import (
	"bytes"
	"strconv"

	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/redact"
)

// records decodes a file of records in one format, record by record (a
// CloudTrail file {"Records": [...]}, an Azure Monitor export
// {"records": [...]}): a bad record is reported (the first one, by index)
// without losing the rest.
func (d *Decoder) records(list *fastjson.Value, key, format string, kinds []string, topic string) ([]event.Event, error) {
	items, err := list.Array()
	if err != nil {
		return nil, fieldErr(key, ReasonType, "must be an array, got %s", list.Type())
	}
	var first *Error
	for i, item := range items {
		if item.Type() != fastjson.TypeObject {
			first = firstErr(first, fieldErr(key+"["+strconv.Itoa(i)+"]", ReasonType, "must be an object, got %s", item.Type()))
			continue
		}
		ev, derr := d.one(item, format, topic)
		if derr != nil {
			derr.Field = key + "[" + strconv.Itoa(i) + "]." + derr.Field
			first = firstErr(first, derr)
			continue
		}
		if ev.Format == "" { // skipped
			continue
		}
		record := appendJSON(nil, item)
		if len(kinds) > 0 && bytes.Contains(record, []byte(redact.Prefix)) {
			ev.Redactions = kinds
		}
		if !d.drop {
			ev.Raw = record
		}
		d.out = append(d.out, ev)
	}
	if first != nil {
		return d.out, first
	}
	return d.out, nil
}

func firstErr(have, e *Error) *Error {
	if have != nil {
		return have
	}
	return e
}
