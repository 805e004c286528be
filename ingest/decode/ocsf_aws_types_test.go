package decode_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// ocsfIdentityCenterCall is the IAM Identity Center user's ListApplications
// record of the IAM Identity Center User Guide ("Understanding CloudTrail
// events for IAM Identity Center") as the OCSF project's CloudTrail mapping
// writes it: userIdentity.type → actor.user.type, credentialId →
// actor.user.credential_uid, onBehalfOf.userId → actor.user.uid.
const ocsfIdentityCenterCall = `{"class_uid":6003,"activity_id":2,"category_uid":6,
"actor":{"user":{"account":{"uid":"111122223333"},"credential_uid":"cdee2490-82ed-43b3-96ee-b75fbf0b97a5",
"type":"IdentityCenterUser","uid":"94d00cd8-e9e6-4810-b177-b08e84775435"}},
"api":{"operation":"ListApplications","request":{"uid":"de6c0435-ce4b-49c7-9bcc-bc5ed631ce04"},"service":{"name":"sso.amazonaws.com"}},
"cloud":{"account":{"uid":"111122223333"},"provider":"AWS","region":"us-east-1"},
"metadata":{"product":{"name":"CloudTrail","vendor_name":"AWS","version":"1.05"},"uid":"e6e1f3df-9528-4c6d-a877-6b2b895d1f91","version":"1.1.0"},
"src_endpoint":{"ip":"203.0.113.0"},"status":"Success","status_id":1,"time":1511981308000}`

// TestOCSFAWSIdentityTypes: the CloudTrail identity types an OCSF record
// carries in actor.user.type give the actor type the CloudTrail mapping
// gives them: Identity Center and SAML users are people; web identities
// (CI, Kubernetes service accounts), federated users and other accounts are
// services.
func TestOCSFAWSIdentityTypes(t *testing.T) {
	for typ, want := range map[string]string{
		"IdentityCenterUser": "user", "SAMLUser": "user", "IAMUser": "user", "Root": "user", "Directory": "user", "Role": "service",
		"WebIdentityUser": "service", "FederatedUser": "service", "AWSAccount": "service", "AWSService": "service",
	} {
		msg := strings.Replace(ocsfIdentityCenterCall, `"IdentityCenterUser"`, `"`+typ+`"`, 1)
		ev, err := decodeWith(t, "t", []byte(msg))
		require.NoError(t, err, typ)
		require.Equal(t, want, ev.Actor.Type, typ)
		require.Equal(t, "cdee2490-82ed-43b3-96ee-b75fbf0b97a5", ev.Token.ID, typ)
		require.Equal(t, "111122223333", ev.Tenant, typ)
	}
	// Another Identity Center user, later, from elsewhere: still a person.
	other := strings.NewReplacer("94d00cd8", "5a1b2c3d", "203.0.113.0", "198.51.100.77", "1511981308000", "1512081308000").
		Replace(ocsfIdentityCenterCall)
	ev, err := decodeWith(t, "t", []byte(other))
	require.NoError(t, err)
	require.Equal(t, "user", ev.Actor.Type)
	require.Equal(t, "198.51.100.77", ev.Source.IP)
}
