package decode

import (
	"cmp"
	"strings"

	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// objPath follows a dotted path of objects ("actor.user").
func (r *reader) objPath(v *fastjson.Value, path string) *fastjson.Value {
	at := ""
	for key := range strings.SplitSeq(path, ".") {
		at = strings.TrimPrefix(at+"."+key, ".")
		if v = r.obj(v, key, at); v == nil {
			return nil
		}
	}
	return v
}

// ocsfUser maps an OCSF user object onto the actor: uid, else name, else
// email_addr (placeholders such as "NULL SID" are skipped), its type and org.
func (r *reader) ocsfUser(ev *event.Event, u *fastjson.Value, path string) {
	if u == nil {
		return
	}
	for _, key := range []string{"uid", "name", "email_addr"} {
		if ev.Actor.ID == "" {
			ev.Actor.ID = r.str(u, key, path+"."+key, r.limits.MaxString)
		}
	}
	ev.Actor.Type = ocsfUserType(u)
	if ev.Token.ID == "" {
		ev.Token.ID = r.str(u, "credential_uid", path+".credential_uid", r.limits.MaxString)
	}
	setAttr(ev, "aws.ec2_instance", ocsfInstance(u))
	org := r.obj(u, "org", path+".org")
	if o := firstNonEmpty(r.str(org, "uid", path+".org.uid", r.limits.MaxString), r.str(org, "name", path+".org.name", r.limits.MaxString)); o != "" {
		ev.Actor.Tenants = []string{o}
	}
}

// ocsfInstance is the EC2 instance of a CloudTrail role session mapped to
// OCSF (type AssumedRole, the session named by an instance id at the end
// of uid or uid_alt), as the CloudTrail mapping reads it; else "".
func ocsfInstance(u *fastjson.Value) string {
	if !strings.EqualFold(string(u.GetStringBytes("type")), "AssumedRole") {
		return ""
	}
	for _, key := range []string{"uid", "uid_alt"} {
		id := string(u.GetStringBytes(key))
		if session := id[strings.LastIndexAny(id, "/:")+1:]; instanceID(session) {
			return session
		}
	}
	return ""
}

// ocsfUserType reads type_id (1 User, 2 Admin, 3 System) or a vendor's type:
// CloudTrail's identity types (userIdentity.type, which OCSF mappings of
// CloudTrail put in actor.user.type) as the CloudTrail mapping reads them.
func ocsfUserType(u *fastjson.Value) string {
	switch u.GetInt("type_id") {
	case 1, 2:
		return "user"
	case 3:
		return "service"
	}
	switch strings.ToLower(string(u.GetStringBytes("type"))) {
	case "iamuser", "root", "identitycenteruser", "samluser", "directory", "user", "admin":
		return "user"
	case "assumedrole", "awsservice", "awsaccount", "webidentityuser", "federateduser", "role", "serviceaccount", "service", "system":
		return "service"
	}
	return ""
}

// ocsfSession maps a session: uid, credential_uid (the token id), and its
// issuer, MFA and creation time.
func (r *reader) ocsfSession(ev *event.Event, s *fastjson.Value, path string) {
	if s == nil {
		return
	}
	if ev.SessionID == "" {
		ev.SessionID = r.str(s, "uid", path+".uid", r.limits.MaxString)
	}
	if ev.Token.ID == "" {
		ev.Token.ID = r.str(s, "credential_uid", path+".credential_uid", r.limits.MaxString)
	}
	if ev.Token.CreatedAt.IsZero() {
		ev.Token.CreatedAt = r.epochTime(s, "created_time", path+".created_time", false)
	}
	issuer := r.str(s, "issuer", path+".issuer", r.limits.MaxString)
	setAttr(ev, "session.issuer", issuer)
	if mfa := s.Get("is_mfa"); mfa != nil && mfa.Type() == fastjson.TypeTrue {
		setAttr(ev, "session.mfa", "true")
	} else if mfa != nil && mfa.Type() == fastjson.TypeFalse {
		setAttr(ev, "session.mfa", "false")
	}
}

// ocsfTenant finds the tenant where vendors put it when metadata.tenant_uid
// is absent: the cloud account, the user's account, the unmapped field the
// vendor's mapping documents, then the user's org.
func (r *reader) ocsfTenant(v, unmapped *fastjson.Value, ev *event.Event) string {
	for _, path := range []string{"cloud.account.uid", "actor.user.account.uid", "user.account.uid"} {
		acct := r.objPath(v, path[:strings.LastIndexByte(path, '.')])
		if ocsfLocalAccount(acct) || ocsfOwnAccount(v, path, acct) {
			continue
		}
		if t := r.str(acct, "uid", path, r.limits.MaxString); t != "" {
			return cmp.Or(arnAccount(t), t)
		}
	}
	for _, path := range []string{"actor.user", "user"} {
		if t := r.str(r.objPath(v, path), "account_uid", path+".account_uid", r.limits.MaxString); t != "" {
			return t
		}
	}
	for _, key := range ocsfUnmappedTenants {
		if t := r.str(unmapped, key, "unmapped."+key, r.limits.MaxString); t != "" {
			return t
		}
	}
	if len(ev.Actor.Tenants) > 0 {
		return ev.Actor.Tenants[0]
	}
	return ""
}

// ocsfUnmappedTenants are the unmapped keys vendors' OCSF mappings put the
// tenant in: AWS recipientAccountId, GitHub org and business, others.
var ocsfUnmappedTenants = []string{"tenant_uid", "tenant", "recipientAccountId", "org", "business", "organization", "account_id"}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// ocsfLocalAccount reports a user's account that is no tenant: one of a
// machine or a directory (OCSF account type_id 1 LDAP, 2 Windows, 7 Mac
// OS, 9 Linux) or of a type the producer did not know (0): Windows writes
// the user's SID there, Okta the user's own id.
func ocsfLocalAccount(acct *fastjson.Value) bool {
	if acct == nil {
		return false
	}
	if id := acct.Get("type_id"); id != nil && id.Type() == fastjson.TypeNumber {
		switch id.GetInt() {
		case 0, 1, 2, 7, 9:
			return true
		}
		return false
	}
	switch strings.ToLower(string(acct.GetStringBytes("type"))) {
	case "unknown", "ldap account", "windows account", "mac os account", "linux account":
		return true
	}
	return false
}

// ocsfOwnAccount reports a user's account whose uid is the user's own
// (Box writes the user's id there): the user, not a tenant.
func ocsfOwnAccount(v *fastjson.Value, path string, acct *fastjson.Value) bool {
	user, ok := strings.CutSuffix(path, ".account.uid")
	if !ok || acct == nil {
		return false
	}
	uid := v.Get(strings.Split(user, ".")...)
	return uid != nil && len(acct.GetStringBytes("uid")) > 0 && string(uid.GetStringBytes("uid")) == string(acct.GetStringBytes("uid"))
}
