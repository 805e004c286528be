package decode

import (
	"strings"
	"time"

	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// gitHub maps one GitHub audit log entry: the organization or enterprise
// audit log REST API, an export, or audit log streaming. The mapping is
// documented in docs/input/github.md.
func (r *reader) gitHub(v *fastjson.Value) event.Event {
	l := r.limits
	ev := event.Event{
		Format:    event.FormatGitHub,
		ID:        r.str(v, "_document_id", "_document_id", l.MaxID),
		Time:      r.gitHubTime(v),
		Action:    r.required(v, "action", "action", l.MaxString),
		Tenant:    firstNonEmpty(r.str(v, "org", "org", l.MaxString), r.str(v, "business", "business", l.MaxString)),
		Outcome:   r.gitHubOutcome(v),
		Actor:     r.gitHubActor(v),
		SessionID: r.scalarText(v, "actor_session", "actor_session"),
		RequestID: r.str(v, "request_id", "request_id", l.MaxString),
		Resource:  r.gitHubRepo(v),
	}
	if r.err != nil {
		return ev
	}
	ev.Source = event.Source{
		IP:        r.ip(v, "actor_ip", "actor_ip"),
		Country:   r.country(r.obj(v, "actor_location", "actor_location"), "country_code", "actor_location.country_code"),
		UserAgent: r.str(v, "user_agent", "user_agent", l.MaxText),
	}
	if action, ok := gitHubAction(ev.Action); ok {
		setAttr(&ev, "github.action", ev.Action)
		ev.Action = action
	}
	r.gitHubServerData(v, &ev)
	r.gitHubToken(v, &ev)
	r.gitHubSubject(v, &ev)
	setAttr(&ev, "github.actor_id", r.scalarText(v, "actor_id", "actor_id"))
	setAttr(&ev, "github.user", r.str(v, "user", "user", l.MaxString))
	setAttr(&ev, "github.operation_type", r.str(v, "operation_type", "operation_type", l.MaxString))
	setAttr(&ev, "github.transport", r.str(v, "transport_protocol_name", "transport_protocol_name", l.MaxString))
	return ev
}

// gitHubTime reads @timestamp, else created_at: milliseconds since the
// epoch (any other epoch unit, or an RFC 3339 string, is accepted too).
func (r *reader) gitHubTime(v *fastjson.Value) time.Time {
	for _, key := range []string{"@timestamp", "created_at"} {
		if x := v.Get(key); x != nil && x.Type() != fastjson.TypeNull {
			return r.epochTime(v, key, key, true)
		}
	}
	r.reject(fieldErr("@timestamp", ReasonMissing, "is required (or created_at)"))
	return time.Time{}
}

// gitHubOutcome: entries record what happened; an API request's HTTP status
// says otherwise (401, 403 → denied; other 4xx, 5xx → failure; an unusable
// status → unknown).
func (r *reader) gitHubOutcome(v *fastjson.Value) string {
	if outcome, ok := r.httpStatus(v, "status_code", "status_code"); ok {
		return outcome
	}
	return "success"
}

// gitHubActor: the actor's login; bots ("dependabot[bot]", actor_is_bot)
// and GitHub itself ("github", which raises secret scanning alerts) are
// services, everyone else a user.
func (r *reader) gitHubActor(v *fastjson.Value) event.Actor {
	login := r.str(v, "actor", "actor", r.limits.MaxString)
	if login == "" {
		return event.Actor{}
	}
	bot := v.Get("actor_is_bot")
	isBot := bot != nil && (bot.Type() == fastjson.TypeTrue ||
		bot.Type() == fastjson.TypeString && strings.EqualFold(string(bot.GetStringBytes()), "true"))
	if isBot || strings.HasSuffix(login, "[bot]") || login == "github" {
		return event.Actor{ID: login, Type: "service"}
	}
	return event.Actor{ID: login, Type: "user"}
}

// gitHubRepo is the repository acted on, its visibility from visibility
// ("internal" counts as private) or public_repo / repository_public.
func (r *reader) gitHubRepo(v *fastjson.Value) event.Resource {
	repo := firstNonEmpty(r.str(v, "repo", "repo", r.limits.MaxString), r.str(v, "repository", "repository", r.limits.MaxString))
	if repo == "" {
		return event.Resource{}
	}
	res := event.Resource{Type: "repo", ID: repo}
	switch strings.ToLower(r.str(v, "visibility", "visibility", r.limits.MaxString)) {
	case "public":
		res.Visibility = "public"
	case "private", "internal":
		res.Visibility = "private"
	default:
		for _, key := range []string{"public_repo", "repository_public"} {
			if x := v.Get(key); x != nil && x.Type() == fastjson.TypeTrue {
				res.Visibility = "public"
			} else if x != nil && x.Type() == fastjson.TypeFalse {
				res.Visibility = "private"
			}
		}
	}
	return res
}
