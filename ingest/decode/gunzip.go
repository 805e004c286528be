package decode

import (
	"bytes"
	"compress/gzip"
	"io"
)

// gzipMagic starts a gzip stream (RFC 1952); no JSON text starts so.
var gzipMagic = []byte{0x1f, 0x8b}

// gunzip returns msg inflated when it is a gzip stream, as CloudWatch Logs
// delivers a subscription's messages to Kinesis (a connector may pass them
// on as they are), else msg itself. What it inflates is bounded by
// MaxMessage, so a small message that inflates to gigabytes (a zip bomb)
// costs no more than a large plain one: past that it is rejected
// (too_large), as is a corrupt stream (not_json).
func (d *Decoder) gunzip(msg []byte) ([]byte, *Error) {
	if !bytes.HasPrefix(msg, gzipMagic) {
		return msg, nil
	}
	var e error
	if d.zr == nil {
		d.zr, e = gzip.NewReader(bytes.NewReader(msg))
	} else {
		e = d.zr.Reset(bytes.NewReader(msg))
	}
	if e != nil {
		return nil, fieldErr("", ReasonNotJSON, "gzip: %v", e)
	}
	limit := d.limits.MaxMessage
	out, e := io.ReadAll(io.LimitReader(d.zr, int64(limit)+1))
	switch {
	case len(out) > limit:
		return nil, fieldErr("", ReasonTooLarge, "message inflates past the limit of %d bytes", limit)
	case e != nil:
		return nil, fieldErr("", ReasonNotJSON, "gzip: %v", e)
	}
	return out, nil
}
