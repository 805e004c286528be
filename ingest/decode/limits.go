package decode

import "time"

// Limits bound what one event may carry.
type Limits struct {
	MaxMessage   int           // bytes of one message
	MaxID        int           // characters of id
	MaxString    int           // characters of an ordinary string field
	MaxText      int           // characters of free text (user agent, attr values)
	MaxList      int           // items of a list (scopes, tenants)
	MaxAttrs     int           // attributes
	FutureWindow time.Duration // how far ahead of now an event time may be
}

// DefaultLimits are the contract's limits.
func DefaultLimits() Limits {
	return Limits{
		MaxMessage:   1 << 20,
		MaxID:        128,
		MaxString:    256,
		MaxText:      2048,
		MaxList:      256,
		MaxAttrs:     64,
		FutureWindow: 24 * time.Hour,
	}
}
