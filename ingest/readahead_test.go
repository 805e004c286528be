package ingest

import (
	"bytes"
	"errors"
	"io"
	"math/rand/v2"
	"net"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestReadAheadServesTheStreamAsItIs: whatever sizes the peer writes in and
// the reader asks for (smaller or larger than the buffer), the bytes come
// through whole and in order, and the peer's close is an EOF after them.
func TestReadAheadServesTheStreamAsItIs(t *testing.T) {
	for seed := range uint64(4) {
		rng := rand.New(rand.NewPCG(seed, 9))
		want := make([]byte, 3*readAheadSize+rng.IntN(5000))
		for i := range want {
			want[i] = byte(rng.Uint32())
		}
		server, client := net.Pipe()
		go func() {
			for rest := want; len(rest) > 0; {
				n := min(len(rest), 1+rng.IntN(2*readAheadSize))
				_, _ = server.Write(rest[:n])
				rest = rest[n:]
			}
			_ = server.Close()
		}()
		c := &readAheadConn{Conn: client, buf: make([]byte, readAheadSize)}
		var got bytes.Buffer
		for {
			p := make([]byte, []int{1, 700, 4096, readAheadSize, 2 * readAheadSize}[(seed+uint64(got.Len()))%5])
			n, err := c.Read(p)
			got.Write(p[:n])
			if errors.Is(err, io.EOF) {
				break
			}
			require.NoError(t, err)
		}
		require.Equal(t, want, got.Bytes(), "seed %d", seed)
	}
}
