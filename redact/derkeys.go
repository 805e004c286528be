package redact

// derKeyBody is the rest of a base64 key: base64, its padding and line
// breaks, plain or escaped as JSON writes them.
const derKeyBody = `(?:[A-Za-z0-9+/=\r\n]|\\[nr])*`

// derKeyPatterns are private keys written as bare base64 DER, without the
// PEM armour (a JWK-less "key" field, a keystore in a CI variable), known by
// how their ASN.1 starts: PKCS#8 (RSA; EC; Ed25519), PKCS#1 RSA, SEC1 EC,
// PKCS#12 and Java KeyStore files.
var derKeyPatterns = [...]legacyPattern{
	{"private_key", `(?:MII[A-Za-z0-9+/]{3}IBA(?:DANBgkqhkiG9w0BAQEFAAS|AKC|zCC)|MIG[A-Za-z0-9+/]AgEAMBMGByqGSM49AgEG` +
		`|MC4CAQAwBQYDK2VwBCIEI|MHcCAQEEI|/u3\+7QAAAA)` + derKeyBody, nil},
}
