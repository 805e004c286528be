package console

import "net/http"

// decodeTriageAction reads the body action takes.
func decodeTriageAction(action string, w http.ResponseWriter, r *http.Request) (triageAction, error) {
	a := triageAction{Action: action}
	var err error
	switch action {
	case "note":
		var b struct {
			Text string `json:"text"`
		}
		err = decodeBody(w, r, &b, false)
		a.Note = b.Text
	case "assign":
		var b struct {
			Assignee string `json:"assignee"`
			Note     string `json:"note"`
		}
		err = decodeBody(w, r, &b, false)
		a.Assignee, a.Note = b.Assignee, b.Note
	case "close":
		var b struct {
			Reason string `json:"reason"`
			Note   string `json:"note"`
		}
		err = decodeBody(w, r, &b, false)
		a.Reason, a.Note = b.Reason, b.Note
	default:
		var b struct {
			Note string `json:"note"`
		}
		err = decodeBody(w, r, &b, true)
		a.Note = b.Note
	}
	return a, err
}
