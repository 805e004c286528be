package decode_test

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/ingest/decode"
)

// Numbers with an exponent were read by fastfloat, which is not correctly
// rounded there: 5.1111e4 read as 51111.00000000001, so a whole number was
// "not a whole number", a 403 not a 403. Every number reads as
// strconv.ParseFloat reads it, on both paths.
func TestExponentNumbersReadExactly(t *testing.T) {
	v1 := `{"id":"e1","time":"2026-11-20T08:00:00Z","action":"a","tenant":"acme","actor":{"id":"alice"},"source":{"asn":%s,"lat":%s,"lon":0}}`
	for _, lit := range []string{"5.1111e4", "6.4512e4", "1.3335e4", "2.00003e5", "4.2949e9"} {
		want, err := strconv.ParseFloat(lit, 64)
		require.NoError(t, err)
		for _, d := range []*decode.Decoder{newDecoder(t), newDecoder(t).GeneralOnly()} {
			ev := decodeOK(t, d, fmt.Sprintf(v1, lit, "4.1111e1"))
			require.Equal(t, uint32(want), ev.Source.ASN, lit)
			require.Equal(t, 41.111, ev.Source.Lat, lit)
		}
	}
	for _, lit := range []string{"4.03e2", "40.3e1", "4030e-1", "0.403e3"} {
		ev := decodeOK(t, newDecoder(t), ghEntry(`,"status_code":`+lit))
		require.Equal(t, "denied", ev.Outcome, "github %s", lit)
		ev, _, err := decodeAs(t, "", k8sEvent("get", secretRef, set("responseStatus.code", jsonNumber(lit))))
		require.NoError(t, err)
		require.Equal(t, "denied", ev.Outcome, "k8s %s", lit)
	}
	for _, lit := range []string{"6.003e3", "3.002e3"} {
		msg := string(ocsfMsg(t, 6003, obj{"class_uid": jsonNumber(lit), "api": obj{"operation": "x"}}))
		_, err := decodeWith(t, "t", []byte(msg))
		require.NoError(t, err, "class_uid %s", lit)
	}
}

// jsonNumber is a number literal as json.Marshal writes it.
type jsonNumber string

func (n jsonNumber) MarshalJSON() ([]byte, error) { return []byte(n), nil }
