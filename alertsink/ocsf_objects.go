package alertsink

import "github.com/credwatch/credwatch/detect"

// The OCSF 1.4.0 objects a Detection Finding from credwatch uses; field names
// are the schema's (https://schema.ocsf.io/1.4.0/classes/detection_finding).

// finding is the Detection Finding event (class_uid 2004).
type finding struct {
	ActivityID   int           `json:"activity_id"`
	ActivityName string        `json:"activity_name"`
	CategoryUID  int           `json:"category_uid"`
	CategoryName string        `json:"category_name"`
	ClassUID     int           `json:"class_uid"`
	ClassName    string        `json:"class_name"`
	TypeUID      int           `json:"type_uid"`
	TypeName     string        `json:"type_name"`
	SeverityID   int           `json:"severity_id"`
	Severity     string        `json:"severity"`
	StatusID     int           `json:"status_id"`
	Status       string        `json:"status"`
	Time         int64         `json:"time"`
	StartTime    int64         `json:"start_time"`
	EndTime      int64         `json:"end_time"`
	Count        int           `json:"count"`
	Message      string        `json:"message"`
	IsAlert      bool          `json:"is_alert"`
	FindingInfo  findingInfo   `json:"finding_info"`
	Evidences    []evidence    `json:"evidences,omitempty"`
	Observables  []observable  `json:"observables,omitempty"`
	Resources    []resource    `json:"resources,omitempty"`
	Metadata     metadata      `json:"metadata"`
	Unmapped     unmappedAlert `json:"unmapped"`
}

type findingInfo struct {
	UID                string         `json:"uid"`
	Title              string         `json:"title"`
	Desc               string         `json:"desc"`
	FirstSeenTime      int64          `json:"first_seen_time"`
	LastSeenTime       int64          `json:"last_seen_time"`
	Analytic           analytic       `json:"analytic"`
	RelatedEventsCount int            `json:"related_events_count"`
	RelatedEvents      []relatedEvent `json:"related_events,omitempty"`
}

type analytic struct {
	UID    string `json:"uid"`
	Name   string `json:"name"`
	Desc   string `json:"desc,omitempty"`
	TypeID int    `json:"type_id"`
	Type   string `json:"type"`
}

type relatedEvent struct {
	UID string `json:"uid"`
}

type evidence struct {
	Actor actor `json:"actor"`
}

type actor struct {
	User user `json:"user"`
}

type user struct {
	UID           string `json:"uid"`
	CredentialUID string `json:"credential_uid,omitempty"`
}

type observable struct {
	Name   string `json:"name"`
	TypeID int    `json:"type_id"`
	Value  string `json:"value"`
}

type resource struct {
	UID  string `json:"uid"`
	Type string `json:"type"`
}

type metadata struct {
	Version        string  `json:"version"`
	Product        product `json:"product"`
	UID            string  `json:"uid"`
	CorrelationUID string  `json:"correlation_uid"`
	TenantUID      string  `json:"tenant_uid"`
}

type product struct {
	Name       string `json:"name"`
	VendorName string `json:"vendor_name"`
}

// unmappedAlert holds what OCSF has no attribute for.
type unmappedAlert struct {
	Revision    int                 `json:"revision"`
	Tier        string              `json:"tier"`
	Shadow      bool                `json:"shadow"`
	Suppressed  bool                `json:"suppressed"`
	Suppression *detect.Suppression `json:"suppression,omitempty"`
	Severity    string              `json:"severity"`
	Tenant      string              `json:"tenant"`
	Credential  string              `json:"credential"`
	Actor       string              `json:"actor,omitempty"`
	Held        detect.Held         `json:"held"`
	Explanation detect.Explanation  `json:"explanation"`
}
