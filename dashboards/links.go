package dashboards

// DataLink is a link from a table cell (Grafana's data link): its URL may
// name the row's fields (${__data.fields.<name>}) and the dashboard's
// variables.
type DataLink struct {
	Title       string `json:"title"`
	URL         string `json:"url"`
	TargetBlank bool   `json:"targetBlank,omitempty"`
}

// FieldLinks are the links of one column's cells.
type FieldLinks struct {
	Field string
	Links []DataLink
}

// CredentialDashboard is the uid of the credential investigation.
const CredentialDashboard = "credwatch-credential"

// field is a row's value of column name, percent-encoded for a URL path
// segment or query value.
func field(name string) string { return "${__data.fields." + name + ":percentencode}" }

// consoleCredential links a credential cell to the console's credential
// page and to the investigation dashboard.
func consoleCredential(col string) FieldLinks {
	return FieldLinks{col, []DataLink{
		{Title: "Console: credential timeline", URL: "${console}/ui/credentials/" + field(col), TargetBlank: true},
		{Title: "Investigate in Grafana", URL: "/d/" + CredentialDashboard + "?var-credential=" + field(col) + "&${__url_time_range}"},
	}}
}

// consoleAlert links an alert id cell to the console's alert page.
func consoleAlert(col, tenantCol string) FieldLinks {
	return FieldLinks{col, []DataLink{{Title: "Console: alert",
		URL: "${console}/ui/alerts/" + field(tenantCol) + "/" + field(col), TargetBlank: true}}}
}

// consoleAlerts links a cell to the console's alert queue filtered on the
// cell's value (param is tenant, actor or credential).
func consoleAlerts(col, param string) FieldLinks {
	return FieldLinks{col, []DataLink{{Title: "Console: alerts of this " + param,
		URL: "${console}/ui/alerts?" + param + "=" + field(col), TargetBlank: true}}}
}
