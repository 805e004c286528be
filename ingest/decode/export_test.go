package decode

// GeneralOnly turns the fast path off: tests hold the two paths to the same events.
func (d *Decoder) GeneralOnly() *Decoder {
	d.general = true
	return d
}

// TakesFast reports whether the fast path takes msg (already scrubbed).
func (d *Decoder) TakesFast(msg []byte) bool {
	_, ok := d.fast(msg, "")
	return ok
}
