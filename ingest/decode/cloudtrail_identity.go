package decode

import (
	"strings"

	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// ctIdentity is what a record's userIdentity says of the caller.
type ctIdentity struct {
	typ, arn, account, issuer string
	session                   *fastjson.Value // userIdentity.sessionContext
}

// identity maps userIdentity onto the actor, the credential used (token)
// and attributes; the caller's account is the tenant when the record names
// no recipient account.
func (c ctRecord) identity(ev *event.Event) {
	ui := c.obj(c.v, "userIdentity", "userIdentity")
	if ui == nil {
		return
	}
	id := ctIdentity{
		typ:     c.str(ui, "type", "userIdentity.type"),
		arn:     c.str(ui, "arn", "userIdentity.arn"),
		account: c.str(ui, "accountId", "userIdentity.accountId"),
		session: c.obj(ui, "sessionContext", "userIdentity.sessionContext"),
	}
	id.issuer = c.str(c.obj(id.session, "sessionIssuer", "userIdentity.sessionContext.sessionIssuer"), "arn", "userIdentity.sessionContext.sessionIssuer.arn")
	invokedBy := c.str(ui, "invokedBy", "userIdentity.invokedBy")
	if ev.Actor.ID = c.actorID(ui, id, invokedBy); ev.Actor.ID != "" {
		ev.Actor.Type = ctActorType(id)
	}
	if id.account != "" {
		ev.Actor.Tenants = []string{id.account}
	}
	if ev.Tenant == "" {
		ev.Tenant = id.account
	}
	setAttr(ev, "aws.user_type", id.typ)
	setAttr(ev, "aws.invoked_by", invokedBy)
	delivery := c.str(id.session, "ec2RoleDelivery", "userIdentity.sessionContext.ec2RoleDelivery")
	setAttr(ev, "aws.ec2_role_delivery", delivery) // the metadata service's version: 1.0 is IMDSv1
	setAttr(ev, "aws.ec2_instance", instance(id, delivery != ""))
	c.credential(ev, ui, id)
}

// instance is the EC2 instance whose role credentials (from its instance
// metadata service) signed the call: a role session named by an instance
// id, or one EC2 delivered. Such a key is bound to its instance; ""
// otherwise.
func instance(id ctIdentity, delivered bool) string {
	if id.typ != "AssumedRole" {
		return ""
	}
	session := id.arn[strings.LastIndexByte(id.arn, '/')+1:]
	if !instanceID(session) && !(delivered && session != "") {
		return ""
	}
	return session
}

// instanceID reports whether s is an EC2 instance id: "i-" and 8 or 17
// lower-case hex digits.
func instanceID(s string) bool {
	hex := strings.TrimPrefix(s, "i-")
	if len(hex) == len(s) || len(hex) != 8 && len(hex) != 17 {
		return false
	}
	return strings.Trim(hex, "0123456789abcdef") == ""
}

// actorID: the caller's ARN, else its principal id, else the service that
// called (AWSService), else its user name, else the Identity Center user.
// A user name AWS hid (a sign-in with an unknown name) is no actor.
func (c ctRecord) actorID(ui *fastjson.Value, id ctIdentity, invokedBy string) string {
	if id.arn != "" {
		return id.arn
	}
	if p := c.str(ui, "principalId", "userIdentity.principalId"); p != "" {
		return p
	}
	if id.typ == "AWSService" && invokedBy != "" {
		return invokedBy
	}
	switch u := c.str(ui, "userName", "userIdentity.userName"); u {
	case "HIDDEN_DUE_TO_SECURITY_REASONS":
		c.r.warn(c.at+"userIdentity.userName", ReasonPlaceholder)
	case "":
	default:
		return u
	}
	return c.str(c.obj(ui, "onBehalfOf", "userIdentity.onBehalfOf"), "userId", "userIdentity.onBehalfOf.userId")
}

// ctActorType: people sign in as IAM users, the root user, Identity Center,
// SAML and directory (Directory Service, WorkDocs) users; roles, services, other accounts, web identities (CI,
// Kubernetes service accounts) and federated users are services, unless
// the role session is a person's: an Identity Center permission set
// (AWSReservedSSO_ role) or a session named by an e-mail address.
func ctActorType(id ctIdentity) string {
	switch id.typ {
	case "IAMUser", "Root", "IdentityCenterUser", "SAMLUser", "Directory":
		return "user"
	case "AssumedRole", "FederatedUser":
		session := id.arn[strings.LastIndexByte(id.arn, '/')+1:]
		if strings.Contains(id.issuer, "/AWSReservedSSO_") || strings.Contains(session, "@") {
			return "user"
		}
		return "service"
	case "AWSService", "AWSAccount", "WebIdentityUser", "Role":
		return "service"
	}
	return "" // Unknown: CloudTrail could not tell
}

// credential maps the access key the caller signed with: temporary (a role
// or federated session, or any key with a session context) is "session";
// a long-term IAM key has no kind the contract names. Its owner is the
// role (or user) that issued the session, else the caller.
func (c ctRecord) credential(ev *event.Event, ui *fastjson.Value, id ctIdentity) {
	attrs := c.obj(id.session, "attributes", "userIdentity.sessionContext.attributes")
	setAttr(ev, "aws.mfa", ctBool(c.str(attrs, "mfaAuthenticated", "userIdentity.sessionContext.attributes.mfaAuthenticated")))
	setAttr(ev, "aws.source_identity", c.str(id.session, "sourceIdentity", "userIdentity.sessionContext.sourceIdentity"))
	key := c.str(ui, "accessKeyId", "userIdentity.accessKeyId")
	if key == "" && id.typ == "IdentityCenterUser" {
		key = c.str(ui, "credentialId", "userIdentity.credentialId")
	}
	if key == "" {
		return
	}
	ev.Token = event.Token{ID: key, Owner: firstNonEmpty(id.issuer, ev.Actor.ID), Tenant: id.account}
	switch {
	case id.session != nil, id.typ == "AssumedRole", id.typ == "FederatedUser", id.typ == "IdentityCenterUser":
		ev.Token.Kind = "session"
	}
	ev.Token.CreatedAt = c.time(attrs, "creationDate", "userIdentity.sessionContext.attributes.creationDate")
}
