package redact

import "bytes"

// dumpPatterns are credentials as credential-dumping, roasting and relaying
// tools print them, each of which replays as a login: pwdump lines
// (secretsdump, hashdump, CrackMapExec: user:rid:LM:NT:::, the LM hash
// empty since Vista), mimikatz's NTLM lines, Kerberos TGS and AS-REP hashes
// (Rubeus, GetUserSPNs, GetNPUsers) and NetNTLMv1/v2 captures (Responder,
// Inveigh: user::domain:challenge:response[:blob]).
var dumpPatterns = [...]legacyPattern{
	{KindPasswordHash, `(?i)aad3b435b51404eeaad3b435b51404ee:([0-9a-f]{32})`, nil},
	{KindPasswordHash, `(?i)ntlm\s{0,16}:\s{0,16}([0-9a-f]{32})`, nil},
	{KindPasswordHash, `(?i)\$krb5(?:tgs|asrep|pa)\$[0-9]{1,2}\$([^\s"'\\]{16,1000})`, nil},
	{KindPasswordHash, `::[^\s:"'\\]{1,64}:[0-9a-fA-F]{16,48}:([0-9a-fA-F]{32,48}(?::[0-9a-fA-F]{1,1000})?)`, netNTLM},
}

// KindPasswordHash is the kind of a dumped or captured password hash.
const KindPasswordHash = "password_hash"

// netNTLM is the precheck of the NetNTLM pattern, anchored on "::" (IPv6
// addresses, C++ and Rust paths hold it too): a domain of at most 64 bytes,
// then ':' and 16 hex digits.
func netNTLM(w []byte) bool {
	w = w[min(len(w), 2):]
	i := bytes.IndexByte(w[:min(len(w), 65)], ':')
	if i < 1 || len(w) < i+18 {
		return false
	}
	for _, c := range w[i+1 : i+17] {
		if !hexDigit(c) {
			return false
		}
	}
	return true
}
