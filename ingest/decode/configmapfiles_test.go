package decode_test

import (
	"encoding/base64"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/ingest/decode"
)

// TestConfigMapFilesWithSecrets: a binaryData file whose text holds a
// secret (an .env, a properties file) is replaced in raw, attrs and dead
// letters, in a Kubernetes audit request or response and an OCSF event's
// unmapped part; an image, a file without a secret and a binaryData value
// that is not base64 stay.
func TestConfigMapFilesWithSecrets(t *testing.T) {
	b64 := base64.StdEncoding.EncodeToString
	env := b64([]byte("DATABASE_URL=postgres://app:Zk29xLmq7Tt@db.internal:5432/app\nLOG_LEVEL=info\n"))
	props := b64([]byte("smtp.host=mail.acme.io\nsmtp.password=q8Lw2vN0xYt\n"))
	keep := map[string]string{"png": b64([]byte{0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d}),
		"readme": b64([]byte("LOG_LEVEL=info\nREGION=eu-west-1\n")), "odd": "not base64!"}
	cm := `{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"app"},"binaryData":{"app.env":"` + env +
		`","mail.properties":"` + props + `","logo.png":"` + keep["png"] + `","README":"` + keep["readme"] + `","odd":"` + keep["odd"] + `"}}`
	msgs := map[string]string{
		"k8s request":   `{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"RequestResponse","auditID":"c1","stage":"ResponseComplete","verb":"create","user":{"username":"alice"},"sourceIPs":["203.0.113.4"],"objectRef":{"resource":"configmaps","namespace":"web","name":"app"},"responseStatus":{"code":201},"requestObject":` + cm + `,"stageTimestamp":"2026-11-20T08:00:00Z"}`,
		"k8s list":      `{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"RequestResponse","auditID":"c2","stage":"ResponseComplete","verb":"list","user":{"username":"bob"},"objectRef":{"resource":"configmaps","namespace":"web"},"responseStatus":{"code":200},"responseObject":{"kind":"ConfigMapList","items":[` + cm + `]},"stageTimestamp":"2026-11-20T09:00:00Z"}`,
		"ocsf unmapped": `{"class_uid":6003,"time":1795162530000,"metadata":{"uid":"o1"},"api":{"operation":"update"},"actor":{"user":{"uid":"carol"}},"unmapped":{"requestObject":` + cm + `}}`,
	}
	d := newDecoder(t).WithSources(decode.Sources{DefaultTenant: "acme"})
	for name, msg := range msgs {
		for _, kept := range storedTexts(t, d, name, msg) {
			for _, secret := range []string{env, props} {
				require.NotContains(t, kept, secret, name)
			}
			for _, v := range keep {
				require.Contains(t, kept, v, name)
			}
		}
		dead := string(d.Scrub([]byte(msg)))
		require.NotContains(t, dead, env, name+": dead letter")
		require.NotContains(t, dead, props, name+": dead letter")
	}
}
