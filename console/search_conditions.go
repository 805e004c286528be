package console

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"
)

// condition is one filter of a search: field op value.
type condition struct {
	Field string `json:"field"`
	Op    string `json:"op"` // eq or prefix
	Value string `json:"value"`
}

// parseConditions reads every eq=field:value and prefix=field:value.
func parseConditions(q url.Values) ([]condition, error) {
	out := []condition{}
	for _, op := range []string{searchOpEq, searchOpPrefix} {
		for _, v := range q[op] {
			name, value, ok := strings.Cut(v, ":")
			field, known := lookupField(name)
			switch {
			case !ok:
				return nil, &fieldError{op, "must be field:value"}
			case !known:
				return nil, &fieldError{op, "names a field that is not searchable (see the OpenAPI document for the fields)"}
			case len(value) > maxValueLen || !utf8.ValidString(value):
				return nil, &fieldError{op, fmt.Sprintf("values must be valid UTF-8 of at most %d bytes", maxValueLen)}
			case op == searchOpPrefix && (value == "" || field.kind == kindNumber || field.kind == kindFlag):
				return nil, &fieldError{op, "takes a non-empty value, and only on a text or list field"}
			}
			if err := checkValue(op, field, value); err != nil {
				return nil, err
			}
			out = append(out, condition{Field: name, Op: op, Value: value})
		}
	}
	if len(out) > maxConditions {
		return nil, &fieldError{searchOpEq, fmt.Sprintf("at most %d conditions (eq and prefix together)", maxConditions)}
	}
	return out, nil
}

// checkValue refuses a value its field cannot hold.
func checkValue(op string, f searchField, value string) error {
	switch f.kind {
	case kindNumber:
		if _, err := strconv.ParseUint(value, 10, 32); err != nil {
			return &fieldError{op, f.name + " takes a whole number from 0 to 4294967295"}
		}
	case kindFlag:
		if value != "true" && value != "false" {
			return &fieldError{op, f.name + " takes true or false"}
		}
	}
	return nil
}
