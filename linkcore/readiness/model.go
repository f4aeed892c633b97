package readiness

import (
	"cmp"
	"strings"
)

// accessPackage is what the package JSON says, read leniently.
type accessPackage struct {
	ID, Name         string
	Hidden           bool
	HiddenKnown      bool
	Catalog          *catalog // nil when not in the JSON
	Policies         []policy
	PoliciesExpanded bool
	GraphHost        string // host of the @odata.context URL, "" when absent
}

// catalog is the package's accessPackageCatalog.
type catalog struct {
	ID, Name      string
	State         string // as given: "published", "unpublished", … ("" when absent)
	External      bool
	ExternalKnown bool
}

// published reports whether the catalog state says published (v1.0
// "published", beta "Published").
func (c *catalog) published() bool { return strings.EqualFold(c.State, "published") }

// policy is one accessPackageAssignmentPolicy.
type policy struct {
	ID, Name string
	// Scope is the v1.0 allowedTargetScope; a beta scopeType is mapped to it.
	Scope     string
	BetaScope string // the beta scopeType as given, "" for v1.0 JSON
	Targets   []Subject
	Auto      bool // automaticRequestSettings present: an auto-assignment policy
	// SelfAdd is requestorSettings.enableTargetsToSelfAddAccess (beta:
	// acceptRequests): whether people in scope may request for themselves.
	SelfAdd        bool
	SelfAddKnown   bool
	OnBehalf       bool // enableOnBehalfRequestorsToAddAccess
	CustomSchedule bool // allowCustomAssignmentSchedule
	Approval       Approval
	Expiration     string // in words
	Questions      []Question
}

// label names a policy in a sentence.
func (p *policy) label() string {
	if p.Name != "" {
		return quote(p.Name)
	}
	if p.ID != "" {
		return "with ID " + p.ID
	}
	return "without a name"
}

// A Subject is a user, group, organization or role named in a policy, as the
// JSON names it: Type is the @odata.type without its namespace
// ("singleUser", "groupMembers", "requestorManager", "internalSponsors", …).
type Subject struct {
	Type        string `json:"type"`
	ID          string `json:"id,omitempty"`
	Description string `json:"description,omitempty"`
	Rule        string `json:"rule,omitempty"` // attributeRuleMembers' membership rule
}

// String writes the subject for people, naming it as the JSON does:
// `"Project owners" (groupMembers 1623f912-…)`, `internalSponsors`.
func (s Subject) String() string {
	kind := s.Type
	if kind == "" {
		kind = "subject"
	}
	if s.ID != "" {
		kind += " " + s.ID
	}
	if s.Rule != "" {
		kind += " rule " + quote(s.Rule)
	}
	if s.Description != "" {
		return quote(s.Description) + " (" + kind + ")"
	}
	return kind
}

// Approval is what happens to a request before access is granted.
type Approval struct {
	Required bool    `json:"required"`
	Stages   []Stage `json:"stages,omitempty"`
}

// A Stage is one approval stage.
type Stage struct {
	Approvers           []Subject `json:"approvers"`
	FallbackApprovers   []Subject `json:"fallbackApprovers,omitempty"`
	EscalationApprovers []Subject `json:"escalationApprovers,omitempty"`
	// DecideWithin is how long approvers have before the request is denied
	// automatically, in words ("14 days"); "" when not given.
	DecideWithin          string `json:"decideWithin,omitempty"`
	JustificationRequired bool   `json:"approverJustificationRequired"`
}

// Summary says in one line who decides at the stage and how:
// `requestorManager; fallback "Admins" (groupMembers …); decide within 14
// days; approvers must justify`. The page and the command line show it.
func (s Stage) Summary() string {
	parts := []string{cmp.Or(subjectNames(s.Approvers), "no approver named")}
	if len(s.FallbackApprovers) > 0 {
		parts = append(parts, "fallback "+subjectNames(s.FallbackApprovers))
	}
	if len(s.EscalationApprovers) > 0 {
		parts = append(parts, "escalation "+subjectNames(s.EscalationApprovers))
	}
	if s.DecideWithin != "" {
		parts = append(parts, "decide within "+s.DecideWithin)
	}
	if s.JustificationRequired {
		parts = append(parts, "approvers must justify")
	}
	return strings.Join(parts, "; ")
}

// A Question is asked of the requestor when they request.
type Question struct {
	Text     string   `json:"text"`
	Required bool     `json:"required"`
	Choices  []string `json:"choices,omitempty"`
	sequence int64
}

// Summary is the question in one line: `What country are you working
// from? (required; choices: Kenya, Japan)`.
func (q Question) Summary() string {
	var notes []string
	if q.Required {
		notes = append(notes, "required")
	}
	if len(q.Choices) > 0 {
		notes = append(notes, "choices: "+strings.Join(q.Choices, ", "))
	}
	if len(notes) == 0 {
		return q.Text
	}
	return q.Text + " (" + strings.Join(notes, "; ") + ")"
}

// connectedOrg is one connectedOrganization.
type connectedOrg struct {
	ID, Name string
	State    string // "configured", "proposed", …
	Sources  []identitySource
}

// label names a connected organization in a sentence.
func (o *connectedOrg) label() string {
	if o.Name != "" {
		return quote(o.Name)
	}
	return "with ID " + o.ID
}

// identitySource is one of a connected organization's identity sources.
type identitySource struct {
	Type     string // azureActiveDirectoryTenant, domainIdentitySource, …
	TenantID string // lower case
	Domain   string // lower case, no trailing dot
	Name     string
}
