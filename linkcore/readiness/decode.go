package readiness

import (
	"fmt"
	"net/url"
	"sort"
	"strings"
)

// betaScopes maps the beta requestorSettings.scopeType values to the v1.0
// allowedTargetScope with the same meaning. AllExistingConnectedOrganizationSubjects
// has no v1.0 counterpart and keeps its own name.
var betaScopes = map[string]string{
	"nosubjects":                                 scopeNotSpecified,
	"specificdirectorysubjects":                  scopeSpecificDirectory,
	"specificconnectedorganizationsubjects":      scopeSpecificOrgs,
	"allconfiguredconnectedorganizationsubjects": scopeAllConfiguredOrgs,
	"allexistingdirectorymemberusers":            scopeAllMembers,
	"allexistingdirectorysubjects":               scopeAllDirectory,
	"allexternalsubjects":                        scopeAllExternal,
	"allexistingconnectedorganizationsubjects":   scopeBetaExistingOrgs,
}

// readPackage reads an access package object.
func (r *reader) readPackage(obj map[string]any, context string, beta *betaFields) accessPackage {
	p := accessPackage{
		ID:   strings.ToLower(strings.TrimSpace(r.str(obj, "", "id"))),
		Name: r.str(obj, "", "displayName"),
	}
	if ctx := r.str(obj, "", "@odata.context"); ctx != "" {
		context = ctx
	}
	if u, err := url.Parse(context); err == nil {
		p.GraphHost = strings.ToLower(u.Hostname())
		if strings.HasPrefix(u.Path, "/beta/") {
			beta.add("@odata.context /beta/")
		}
	}
	p.Hidden, p.HiddenKnown = r.boolean(obj, "", "isHidden")
	if has(obj, "catalogId") {
		beta.add("catalogId")
	}

	catKey := "catalog"
	if !has(obj, catKey) && has(obj, "accessPackageCatalog") {
		catKey = "accessPackageCatalog"
		beta.add(catKey)
	}
	if c, _ := r.object(obj, "", catKey); c != nil {
		p.Catalog = r.readCatalog(c, catKey, beta)
	}

	polKey := "assignmentPolicies"
	if !has(obj, polKey) && has(obj, "accessPackageAssignmentPolicies") {
		polKey = "accessPackageAssignmentPolicies"
		beta.add(polKey)
	}
	items, present := r.objects(obj, "", polKey)
	p.PoliciesExpanded = present
	for i, item := range items {
		p.Policies = append(p.Policies, r.readPolicy(item, fmt.Sprintf("%s[%d]", polKey, i), beta))
	}
	return p
}

// readCatalog reads the package's catalog.
func (r *reader) readCatalog(obj map[string]any, path string, beta *betaFields) *catalog {
	c := &catalog{
		ID:    r.str(obj, path, "id"),
		Name:  r.str(obj, path, "displayName"),
		State: r.str(obj, path, "state"),
	}
	if c.State == "" && has(obj, "catalogStatus") {
		c.State = r.str(obj, path, "catalogStatus")
		beta.add("catalogStatus")
	}
	c.External, c.ExternalKnown = r.boolean(obj, path, "isExternallyVisible")
	return c
}

// readPolicy reads one assignment policy, v1.0 or beta.
func (r *reader) readPolicy(obj map[string]any, path string, beta *betaFields) policy {
	p := policy{
		ID:    r.str(obj, path, "id"),
		Name:  r.str(obj, path, "displayName"),
		Scope: r.str(obj, path, "allowedTargetScope"),
	}
	if auto, present := r.object(obj, path, "automaticRequestSettings"); present && auto != nil {
		p.Auto = true
	}
	targets, _ := r.objects(obj, path, "specificAllowedTargets")
	p.Targets = r.subjects(targets)

	rs, _ := r.object(obj, path, "requestorSettings")
	rsPath := join(path, "requestorSettings")
	if rs != nil {
		p.SelfAdd, p.SelfAddKnown = r.boolean(rs, rsPath, "enableTargetsToSelfAddAccess")
		p.OnBehalf, _ = r.boolean(rs, rsPath, "enableOnBehalfRequestorsToAddAccess")
		p.CustomSchedule, _ = r.boolean(rs, rsPath, "allowCustomAssignmentSchedule")
		if has(rs, "scopeType") {
			beta.add("requestorSettings.scopeType")
			p.BetaScope = r.str(rs, rsPath, "scopeType")
			if p.Scope == "" {
				if mapped, ok := betaScopes[strings.ToLower(p.BetaScope)]; ok {
					p.Scope = mapped
				} else {
					p.Scope = p.BetaScope
				}
			}
			if allowed, ok := r.objects(rs, rsPath, "allowedRequestors"); ok && len(p.Targets) == 0 {
				p.Targets = r.subjects(allowed)
			}
		}
		if has(rs, "acceptRequests") {
			beta.add("requestorSettings.acceptRequests")
			if !p.SelfAddKnown {
				p.SelfAdd, p.SelfAddKnown = r.boolean(rs, rsPath, "acceptRequests")
			}
		}
	}
	p.Approval = r.readApproval(obj, path, beta)
	p.Expiration = r.readExpiration(obj, path, beta)
	p.Questions = r.readQuestions(obj, path, beta)
	return p
}

// subjects reads subject sets (specificAllowedTargets, approvers).
func (r *reader) subjects(items []map[string]any) []Subject {
	var out []Subject
	for _, item := range items {
		s := Subject{Type: r.odataType(item, ""), Description: r.str(item, "", "description")}
		for _, key := range []string{"userId", "groupId", "connectedOrganizationId", "servicePrincipalId", "id"} {
			if id, ok := lookupString(item, key); ok && id != "" {
				s.ID = strings.ToLower(id)
				break
			}
		}
		s.Rule, _ = lookupString(item, "membershipRule")
		out = append(out, s)
	}
	return out
}

// readApproval reads requestApprovalSettings (v1.0) or its beta form.
func (r *reader) readApproval(obj map[string]any, path string, beta *betaFields) Approval {
	var a Approval
	ras, _ := r.object(obj, path, "requestApprovalSettings")
	if ras == nil {
		return a
	}
	path = join(path, "requestApprovalSettings")
	var known bool
	a.Required, known = r.boolean(ras, path, "isApprovalRequiredForAdd")
	if !known && has(ras, "isApprovalRequired") {
		beta.add("requestApprovalSettings.isApprovalRequired")
		a.Required, _ = r.boolean(ras, path, "isApprovalRequired")
	}
	stagesKey := "stages"
	if !has(ras, stagesKey) && has(ras, "approvalStages") {
		stagesKey = "approvalStages"
		beta.add("requestApprovalSettings.approvalStages")
	}
	stages, _ := r.objects(ras, path, stagesKey)
	for i, st := range stages {
		sp := fmt.Sprintf("%s.%s[%d]", path, stagesKey, i)
		var s Stage
		primary, _ := r.objects(st, sp, "primaryApprovers")
		fallback, _ := r.objects(st, sp, "fallbackPrimaryApprovers")
		s.Approvers, s.FallbackApprovers = r.subjects(primary), r.subjects(fallback)
		if esc, _ := r.boolean(st, sp, "isEscalationEnabled"); esc {
			escalation, _ := r.objects(st, sp, "escalationApprovers")
			s.EscalationApprovers = r.subjects(escalation)
		}
		if d := r.str(st, sp, "durationBeforeAutomaticDenial"); d != "" {
			s.DecideWithin = durationWords(d)
		} else if days, ok := r.integer(st, sp, "approvalStageTimeOutInDays"); ok {
			beta.add("approvalStageTimeOutInDays")
			s.DecideWithin = count(days, "day")
		}
		s.JustificationRequired, _ = r.boolean(st, sp, "isApproverJustificationRequired")
		a.Stages = append(a.Stages, s)
	}
	return a
}

// readExpiration says in words how long access granted by the policy lasts.
func (r *reader) readExpiration(obj map[string]any, path string, beta *betaFields) string {
	if exp, _ := r.object(obj, path, "expiration"); exp != nil {
		ep := join(path, "expiration")
		return expirationWords(r.str(exp, ep, "type"), r.str(exp, ep, "duration"), r.str(exp, ep, "endDateTime"))
	}
	days, hasDays := r.integer(obj, path, "durationInDays")
	end := r.str(obj, path, "expirationDateTime")
	if hasDays || end != "" {
		beta.add("durationInDays")
		switch {
		case end != "":
			return expirationWords("afterDateTime", "", end)
		case days > 0:
			return "Access lasts " + count(days, "day") + " after it is granted."
		}
		return "Access does not expire."
	}
	return ""
}

// readQuestions reads the questions asked of requestors, in their order.
func (r *reader) readQuestions(obj map[string]any, path string, beta *betaFields) []Question {
	items, _ := r.objects(obj, path, "questions")
	var out []Question
	for i, q := range items {
		qp := fmt.Sprintf("%s.questions[%d]", path, i)
		question := Question{Text: r.localized(q, qp, "text", beta)}
		question.Required, _ = r.boolean(q, qp, "isRequired")
		question.sequence, _ = r.integer(q, qp, "sequence")
		choices, _ := r.objects(q, qp, "choices")
		for j, c := range choices {
			cp := fmt.Sprintf("%s.choices[%d]", qp, j)
			text := r.localized(c, cp, "text", beta)
			if text == "" {
				text = r.localized(c, cp, "displayValue", beta)
			}
			if text == "" {
				text = r.str(c, cp, "actualValue")
			}
			question.Choices = append(question.Choices, text)
		}
		out = append(out, question)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].sequence < out[j].sequence })
	return out
}

// localized reads a text that v1.0 gives as a string and beta as an
// accessPackageLocalizedContent object with defaultText.
func (r *reader) localized(obj map[string]any, path, key string, beta *betaFields) string {
	v, ok := lookup(obj, key)
	if !ok || v == nil {
		return ""
	}
	if m, isObject := v.(map[string]any); isObject {
		beta.add("localized " + key)
		return r.str(m, join(path, key), "defaultText")
	}
	return r.str(obj, path, key)
}

// readOrgs reads connected organizations from one or more JSON documents:
// list responses ({"value": [...]}, pages one after another), arrays, or
// single organizations. It reports whether a page announces a next one.
func (r *reader) readOrgs(values []any) (orgs []connectedOrg, paged bool, err error) {
	var items []map[string]any
	for _, v := range values {
		switch t := v.(type) {
		case map[string]any:
			if err := graphError(t, SourceOrganizations); err != nil {
				return nil, false, err
			}
			if list, isList := r.objects(t, "", "value"); isList {
				items = append(items, list...)
				if next, _ := lookupString(t, "@odata.nextLink"); next != "" {
					paged = true
				}
				continue
			}
			items = append(items, t)
		case []any:
			for i, e := range t {
				m, ok := e.(map[string]any)
				if !ok {
					return nil, false, &InputError{Source: SourceOrganizations, Reason: fmt.Sprintf("item %d of the list is %s, not a connected organization", i+1, describeValue(e))}
				}
				items = append(items, m)
			}
		default:
			return nil, false, &InputError{Source: SourceOrganizations, Reason: "it is " + describeValue(v) + ", not the connected organizations list"}
		}
	}
	for i, item := range items {
		k := kindOf(item, "", r)
		if k != nil && k.typ != resOrganization.typ {
			return nil, false, &InputError{Source: SourceOrganizations, Reason: fmt.Sprintf("item %d looks like %s, not a connected organization. Fetch GET /identityGovernance/entitlementManagement/connectedOrganizations.", i+1, k.name)}
		}
		path := fmt.Sprintf("value[%d]", i)
		o := connectedOrg{ID: strings.ToLower(r.str(item, path, "id")), Name: r.str(item, path, "displayName"), State: r.str(item, path, "state")}
		sources, _ := r.objects(item, path, "identitySources")
		for j, s := range sources {
			sp := fmt.Sprintf("%s.identitySources[%d]", path, j)
			o.Sources = append(o.Sources, identitySource{
				Type:     r.odataType(s, sp),
				TenantID: strings.ToLower(strings.TrimSpace(r.str(s, sp, "tenantId"))),
				Domain:   strings.TrimSuffix(strings.ToLower(strings.TrimSpace(r.str(s, sp, "domainName"))), "."),
				Name:     r.str(s, sp, "displayName"),
			})
		}
		orgs = append(orgs, o)
	}
	return orgs, paged, nil
}

// betaFields records beta-endpoint fields met while reading.
type betaFields struct{ names []string }

func (b *betaFields) add(name string) {
	for _, n := range b.names {
		if n == name {
			return
		}
	}
	b.names = append(b.names, name)
}
