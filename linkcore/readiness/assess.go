package readiness

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"accesslink/linkcore"
)

// The answers to "can they request it?".
const (
	AnswerYes         = "yes"         // a policy certainly lets them request
	AnswerConditional = "conditional" // yes, if they are among the users or groups a policy lists
	AnswerNo          = "no"          // something certainly stops them
	AnswerUnknown     = "unknown"     // the JSON lacks what is needed to tell; the findings say what to fetch
)

// A Result is the readiness answer for one package and one requestor.
type Result struct {
	PackageID   string
	PackageName string
	CatalogName string
	Requestor   Requestor

	Answer string // AnswerYes, AnswerConditional, AnswerNo or AnswerUnknown
	// CanRequest is true when the answer is yes or conditional.
	CanRequest bool
	// VisibleInPortal is whether the portal lists the package for the
	// requestor without the link: they can request it and it is not hidden.
	// An external user sees the list only in the tenant's portal, which is
	// the link's directory hint.
	VisibleInPortal bool
	Hidden          bool

	// Policy is the display name of the policy that would apply ("" when
	// none); when several apply, the portal asks the requestor to choose and
	// OtherPolicies names the rest. When policies of different specificity
	// cover them, the portal offers only the most specific (see CodePriority).
	Policy        string
	PolicyID      string
	OtherPolicies []string
	// What happens after requesting, under Policy. Approval is nil when no
	// policy applies: the one sure sign, since a policy may have neither a
	// name nor an ID.
	Approval   *Approval
	Expiration string // in words
	// CustomSchedule is whether requestors may choose when access starts and ends.
	CustomSchedule bool
	Questions      []Question

	// Findings, most severe first. Codes and severities are in CodeTable.
	Findings []linkcore.Finding
	// Beta lists the beta-endpoint fields met, empty for v1.0 JSON.
	Beta []string

	graphHost string // the Microsoft Graph host the JSON came from, for RequestsFor
}

// Assess reads the access package JSON (pkgJSON) and, when not nil, the
// connected organizations JSON (orgsJSON), and answers whether who can
// request the package through its link, what happens when they do, and what
// to change. link, when not nil, is cross-checked against the JSON.
//
// The error is an *InputError when a JSON input cannot be read as what it
// should be: invalid, too large, too deep, another resource, or a Graph
// error response.
func Assess(pkgJSON, orgsJSON []byte, who Requestor, link *linkcore.Link) (*Result, error) {
	n := &notes{}
	r := &reader{notes: n}
	beta := &betaFields{}

	values, err := decodeValues(pkgJSON, SourcePackage)
	if err != nil {
		return nil, err
	}
	if len(values) != 1 {
		return nil, &InputError{Source: SourcePackage, Reason: valuesMessage(len(values))}
	}
	obj, context, err := pickPackage(values[0], link, r)
	if err != nil {
		return nil, err
	}
	a := &assessment{who: who, link: link, n: n}
	a.pkg = r.readPackage(obj, context, beta)

	if orgsJSON != nil {
		a.orgsGiven = true
		values, err := decodeValues(orgsJSON, SourceOrganizations)
		if err != nil {
			return nil, err
		}
		if a.orgs, a.orgsPaged, err = r.readOrgs(values); err != nil {
			return nil, err
		}
	}
	r.finish()
	res := a.run()
	res.Beta = beta.names
	if len(beta.names) > 0 {
		n.add(CodeBetaShape, "The JSON has beta-endpoint fields ("+strings.Join(beta.names, ", ")+"); they were read with their v1.0 meaning.",
			"For the most reliable answer, fetch the v1.0 request shown with this check.")
	}
	res.Findings = n.done()
	sort.SliceStable(res.Findings, func(i, j int) bool { return res.Findings[i].Severity > res.Findings[j].Severity })
	return res, nil
}

// pickPackage finds the access package object in a decoded package input:
// a single object, or a list ({"value": [...]} or an array), in which it
// takes the package the link requests, or else the first.
func pickPackage(v any, link *linkcore.Link, r *reader) (obj map[string]any, context string, err error) {
	var items []map[string]any
	switch t := v.(type) {
	case map[string]any:
		if err := graphError(t, SourcePackage); err != nil {
			return nil, "", err
		}
		context, _ = lookupString(t, "@odata.context")
		list, isList := r.objects(t, "", "value")
		if !isList {
			k := kindOf(t, context, r)
			if (k != nil && k.isPackage()) || (k == nil && has(t, "id")) {
				return t, context, nil
			}
			return nil, "", notAPackage(t, k, SourcePackage)
		}
		items = list
	case []any:
		for i, e := range t {
			m, ok := e.(map[string]any)
			if !ok {
				return nil, "", &InputError{Source: SourcePackage, Reason: fmt.Sprintf("item %d of the list is %s, not an access package object", i+1, describeValue(e))}
			}
			items = append(items, m)
		}
	default:
		return nil, "", &InputError{Source: SourcePackage, Reason: "it is " + describeValue(v) + ", not a JSON object. Paste the response of the access package request."}
	}
	if len(items) == 0 {
		return nil, "", &InputError{Source: SourcePackage, Reason: "the list is empty: no access package matched the request. Check the package ID, and that you are signed in to the tenant that owns it."}
	}
	for _, item := range items {
		if k := kindOf(item, context, r); k != nil && !k.isPackage() {
			return nil, "", notAPackage(item, k, SourcePackage)
		}
	}
	chosen, why := 0, "the first"
	if link != nil && link.IsRequest() {
		for i, item := range items {
			if id, _ := lookupString(item, "id"); strings.EqualFold(strings.TrimSpace(id), link.PackageID.String()) {
				chosen, why = i, "the one the link requests"
				break
			}
		}
	}
	if len(items) > 1 {
		var others []string
		for i, item := range items {
			if i != chosen && len(others) < 10 {
				others = append(others, packageLabel(item))
			}
		}
		r.notes.add(CodeSeveralPackages, fmt.Sprintf("The JSON lists %d access packages; this answer is about %s, %s (others: %s).", len(items), packageLabel(items[chosen]), why, strings.Join(others, ", ")),
			"Fetch the one package by its ID with the request shown with this check.")
	}
	return items[chosen], context, nil
}

// packageLabel names a package object for a message.
func packageLabel(obj map[string]any) string {
	name, _ := lookupString(obj, "displayName")
	id, _ := lookupString(obj, "id")
	switch {
	case name != "" && id != "":
		return quote(name) + " (" + id + ")"
	case name != "":
		return quote(name)
	case id != "":
		return id
	}
	return "a package without name or ID"
}

// assessment holds what Assess knows while it works out the answer.
type assessment struct {
	pkg       accessPackage
	who       Requestor
	link      *linkcore.Link
	orgs      []connectedOrg
	orgsGiven bool
	orgsPaged bool
	n         *notes
	// The requestor's connected organizations, found once (see matchOrgs),
	// and indexed by ID: a package may have thousands of policies.
	matched     bool
	sure, maybe []*connectedOrg
	sureIDs     map[string]bool
	maybeIndex  map[string]int // ID → its first place in maybe
	// The first configured organization among sure and among maybe.
	sureConfigured, maybeConfigured *connectedOrg
}

// run works out the answer.
func (a *assessment) run() *Result {
	res := &Result{PackageID: a.pkg.ID, PackageName: a.pkg.Name, Requestor: a.who, Hidden: a.pkg.Hidden, graphHost: a.pkg.GraphHost}
	blocked, catalogUnknown := a.checkCatalog(res)

	if a.pkg.Hidden {
		a.n.add(CodeHidden, "Package "+quote(a.pkg.Name)+" is hidden: the My Access portal does not list it, but anyone a policy covers can still request it through the link.",
			"To list it in the portal, edit the package and set Hidden to No ("+adminCenter+"Access packages > "+a.pkg.Name+" > Edit).")
	}
	if a.orgsPaged {
		a.n.add(CodeOrgsPaged, "The connected organizations JSON ends with @odata.nextLink: more organizations exist than were given.",
			"Fetch each @odata.nextLink page too and give them all, one after another, as the connected organizations input.")
	}

	var outcomes []outcome
	switch {
	case !a.pkg.PoliciesExpanded:
		a.n.add(CodePoliciesNotExpanded, "The JSON has no assignmentPolicies, so who may request the package cannot be told.",
			a.fetchPackage())
	case len(a.pkg.Policies) == 0:
		blocked = true
		a.n.add(CodeNoPolicies, "Package "+quote(a.pkg.Name)+" has no assignment policy, so nobody can request it.",
			"Add a policy ("+policiesPlace(a.pkg.Name)+" > Add policy).")
	default:
		for i := range a.pkg.Policies {
			outcomes = append(outcomes, a.cover(&a.pkg.Policies[i]))
		}
	}

	anyUnknown := false
	for _, o := range outcomes {
		anyUnknown = anyUnknown || o.cov == covUnknown
	}
	chosen := choosePolicies(outcomes)
	best := -1
	if len(chosen) > 0 {
		best = chosen[0]
	}

	switch {
	case blocked:
		res.Answer = AnswerNo
	case !a.pkg.PoliciesExpanded || catalogUnknown:
		res.Answer = AnswerUnknown
	case best >= 0 && outcomes[best].cov == covYes:
		res.Answer = AnswerYes
	case best >= 0:
		res.Answer = AnswerConditional
	case anyUnknown:
		res.Answer = AnswerUnknown
	default:
		res.Answer = AnswerNo
	}
	res.CanRequest = res.Answer == AnswerYes || res.Answer == AnswerConditional
	res.VisibleInPortal = res.CanRequest && !a.pkg.Hidden

	// Every policy that does not apply is a reason, unless one certainly does.
	for _, o := range outcomes {
		if o.code != "" && (o.code == CodeScopeUnknown || res.Answer != AnswerYes) {
			a.n.add(o.code, o.message, o.fix)
		}
	}
	if len(outcomes) > 0 && best < 0 && !anyUnknown {
		a.n.add(CodeNotInScope, "No policy of package "+quote(a.pkg.Name)+" lets "+a.who.String()+" request it.", a.scopeFix())
	}
	if a.who.Kind == External && a.orgsGiven && best < 0 {
		if sure, maybe := a.matchOrgs(); len(sure) == 0 && len(maybe) == 0 && a.hasOrgPolicy() {
			given := "the connected organization given"
			if len(a.orgs) != 1 {
				given = "any of the " + count(int64(len(a.orgs)), "connected organization") + " given"
			}
			a.n.add(CodeOrgNotFound, a.who.Directory+" is not an identity source of "+given+".",
				"Add a connected organization for "+a.who.Directory+" ("+orgsPlace+" > Add connected organization).")
		}
	}
	if best >= 0 {
		a.explainChoice(outcomes, chosen)
		a.describePolicy(res, &outcomes[best], chosen, outcomes)
	}
	a.crossCheck(res)
	a.notShown()
	return res
}

// checkCatalog records what the catalog says: whether it blocks the request,
// and whether it is unknown because it was not expanded or is incomplete.
func (a *assessment) checkCatalog(res *Result) (blocked, unknown bool) {
	c := a.pkg.Catalog
	if c == nil {
		a.n.add(CodeCatalogNotExpanded, "The JSON has no catalog, so whether the catalog is published"+a.externalClause()+" cannot be told.",
			a.fetchPackage())
		return false, true
	}
	res.CatalogName = c.Name
	switch {
	case c.published():
	case strings.EqualFold(c.State, "unpublished"):
		blocked = true
		a.n.add(CodeCatalogUnpublished, "Catalog "+quote(c.Name)+" is unpublished, so its packages cannot be requested.",
			"Enable the catalog: set Enabled to Yes ("+catalogPlace(c.Name)+").")
	default:
		unknown = true
		what := "has no state"
		if c.State != "" {
			what = "has the state " + quote(c.State) + ", which this checker does not know"
		}
		a.n.add(CodeCatalogIncomplete, "Catalog "+quote(c.Name)+" "+what+".",
			a.fetchPackage()+" Paste the response unedited.")
	}
	if a.who.Kind == External {
		switch {
		case !c.ExternalKnown:
			unknown = true
			a.n.add(CodeCatalogIncomplete, "Catalog "+quote(c.Name)+" does not say whether it is enabled for external users (isExternallyVisible).",
				a.fetchPackage()+" Paste the response unedited.")
		case !c.External:
			blocked = true
			a.n.add(CodeCatalogInternal, "Catalog "+quote(c.Name)+" is not enabled for external users (isExternallyVisible is false), so "+a.who.String()+" cannot request its packages.",
				"Set Enabled for external users to Yes ("+catalogPlace(c.Name)+").")
		}
	}
	return blocked, unknown && !blocked
}

// fetchPackage says exactly which request gives the package with what
// Assess needs.
func (a *assessment) fetchPackage() string {
	r := requestsFor(a.link, a.pkg.GraphHost, a.pkg.ID)[0]
	return "Fetch GET " + r.URL + " (permission " + r.Permission + ")."
}

// fetchOrgs says exactly which request gives the connected organizations.
func (a *assessment) fetchOrgs() string {
	r := requestsFor(a.link, a.pkg.GraphHost, a.pkg.ID)[1]
	return "Fetch GET " + r.URL + " (permission " + r.Permission + ") and give it as the connected organizations input."
}

// externalClause adds the external-users question for external requestors.
func (a *assessment) externalClause() string {
	if a.who.Kind == External {
		return " and enabled for external users"
	}
	return ""
}

// hasOrgPolicy reports whether a request policy is scoped to connected
// organizations.
func (a *assessment) hasOrgPolicy() bool {
	for _, p := range a.pkg.Policies {
		if !p.Auto && (p.Scope == scopeSpecificOrgs || p.Scope == scopeAllConfiguredOrgs) {
			return true
		}
	}
	return false
}

// scopeFix says how to give the requestor a policy.
func (a *assessment) scopeFix() string {
	place := " (" + policiesPlace(a.pkg.Name) + " > Add policy)."
	switch a.who.Kind {
	case Guest:
		return "Add or edit a policy For users in your directory: All users (including guests), or Specific users and groups that include the guest" + place
	case External:
		return "Add or edit a policy For users not in your directory: Specific connected organizations (with " + a.who.Directory + "'s), All configured connected organizations, or All users (All connected organizations + any new external users)" + place
	}
	return "Add or edit a policy For users in your directory: All members (excluding guests), All users (including guests), or Specific users and groups that include the member" + place
}

// priority ranks a policy's scope as the portal does when several policies
// cover a requestor: the more specific wins, and a less specific one is not
// offered at all (Microsoft Learn, entitlement-management-troubleshoot,
// "Multiple policies"). Lower is more specific.
func priority(p *policy) int {
	switch p.Scope {
	case scopeSpecificDirectory, scopeSpecificOrgs:
		return 1
	case scopeAllMembers:
		return 2
	case scopeAllDirectory, scopeBetaExistingOrgs:
		return 3
	}
	return 4
}

// choosePolicies returns the indexes of the policies the portal offers the
// requestor: among the policies that certainly cover them (else those that
// may), the ones of the most specific priority, in JSON order.
func choosePolicies(outcomes []outcome) []int {
	for _, want := range []coverage{covYes, covConditional} {
		top := 0
		for _, o := range outcomes {
			if o.cov == want && (top == 0 || priority(o.policy) < top) {
				top = priority(o.policy)
			}
		}
		var chosen []int
		for i, o := range outcomes {
			if o.cov == want && priority(o.policy) == top {
				chosen = append(chosen, i)
			}
		}
		if len(chosen) > 0 {
			return chosen
		}
	}
	return nil
}

// explainChoice says which policies the portal offers when several cover
// the requestor, and which it passes over.
func (a *assessment) explainChoice(outcomes []outcome, chosen []int) {
	first := outcomes[chosen[0]].policy
	offered := make([]bool, len(outcomes))
	var names []string
	for _, c := range chosen {
		offered[c] = true
		names = append(names, outcomes[c].policy.label())
	}
	if len(chosen) > 1 {
		a.n.add(CodeSeveralPolicies, "Policies "+listSome(names)+" cover "+a.who.String()+" equally; the portal asks them to choose one.", "")
	}
	for i, o := range outcomes {
		if o.cov < covConditional || offered[i] {
			continue
		}
		switch p := o.policy; {
		case priority(p) > priority(first):
			a.n.add(CodePriority, "Policy "+p.label()+" also covers "+a.who.String()+", but the portal offers only the more specific policy "+first.label()+".",
				"To offer "+p.label()+" instead, narrow or remove "+first.label()+" ("+policiesPlace(a.pkg.Name)+").")
		case priority(p) < priority(first) && o.cov == covConditional:
			a.n.add(CodePriority, "If "+a.who.String()+" is among "+subjectList(p.Targets)+", the portal uses the more specific policy "+p.label()+" instead of "+first.label()+".", "")
		}
	}
}

// describePolicy fills in what happens under the policy that applies.
func (a *assessment) describePolicy(res *Result, o *outcome, chosen []int, outcomes []outcome) {
	p := o.policy
	res.Policy, res.PolicyID = p.Name, p.ID
	for _, c := range chosen[1:] {
		res.OtherPolicies = append(res.OtherPolicies, outcomes[c].policy.label())
	}
	approval := p.Approval
	res.Approval, res.Expiration, res.CustomSchedule, res.Questions = &approval, p.Expiration, p.CustomSchedule, p.Questions
	if res.CanRequest && a.who.Kind == External && p.Scope == scopeAllExternal {
		if sure, _ := a.matchOrgs(); len(sure) == 0 {
			when := "is in no connected organization"
			if !a.orgsGiven {
				when = "is not yet in a connected organization"
			}
			a.n.add(CodeOrgCreated, "Policy "+p.label()+" lets any external user request; if "+a.who.Directory+" "+when+", one is created for it when they request, in the proposed state.",
				"Review it afterwards in "+orgsPlace+"; set it to Configured only if policies for all configured connected organizations should cover it.")
		}
	}
	if !p.Approval.Required {
		return
	}
	outsider := a.who.Kind != Member
	for i, s := range p.Approval.Stages {
		stage := fmt.Sprintf("Approval stage %d of policy %s", i+1, p.label())
		if len(s.Approvers) == 0 && len(s.FallbackApprovers) == 0 {
			a.n.add(CodeNoApprovers, stage+" names no approver, so requests cannot be approved there.",
				"Edit the policy's Requests tab and choose approvers ("+policiesPlace(a.pkg.Name)+").")
		}
		for _, ap := range s.Approvers {
			switch {
			case outsider && strings.EqualFold(ap.Type, "requestorManager"):
				fallback := "it names no fallback approver, so the request waits until it is denied"
				if len(s.FallbackApprovers) > 0 {
					fallback = "the fallback approvers decide: " + subjectList(s.FallbackApprovers)
				}
				a.n.add(CodeManagerApprover, stage+" asks the requestor's manager, but "+a.who.String()+" has no manager in your directory; "+fallback+".",
					"Name fallback approvers, or choose specific approvers or sponsors ("+policiesPlace(a.pkg.Name)+").")
			case a.who.Kind == External && (strings.EqualFold(ap.Type, "internalSponsors") || strings.EqualFold(ap.Type, "externalSponsors")):
				a.n.add(CodeSponsorApprover, stage+" asks the "+sponsorWords(ap.Type)+" of the requestor's connected organization.",
					"Make sure the connected organization has them ("+orgsPlace+" > <organization> > Sponsors); otherwise the fallback approvers decide.")
			}
		}
	}
}

// sponsorWords names a sponsors subject type.
func sponsorWords(t string) string {
	if strings.EqualFold(t, "externalSponsors") {
		return "external sponsors"
	}
	return "internal sponsors"
}

// notShown says which settings the JSON cannot show.
func (a *assessment) notShown() {
	items := []string{"Conditional Access policies", "whether their sign-in is blocked", "separation-of-duties checks (incompatible packages and groups)", "an assignment they already have"}
	where := "Conditional Access is under Protection > Conditional Access."
	if a.who.Kind != Member {
		items = append([]string{"the B2B allow and deny lists", "cross-tenant access settings"}, items...)
		where = "The B2B lists are under External Identities > External collaboration settings; cross-tenant access under External Identities > Cross-tenant access settings; " + where
	}
	if a.who.Kind == External {
		items = append(items, "whether email one-time passcode is on for users without a Microsoft account")
	}
	a.n.add(CodeNotShown, "This JSON cannot show "+list(items)+"; any of them can still stop "+a.who.String()+".", where)
}

// resultJSON is the JSON form of a Result.
type resultJSON struct {
	PackageID       string             `json:"packageId"`
	PackageName     string             `json:"packageName"`
	CatalogName     string             `json:"catalogName,omitempty"`
	Requestor       string             `json:"requestor"`
	Answer          string             `json:"answer"`
	CanRequest      bool               `json:"canRequest"`
	VisibleInPortal bool               `json:"visibleInPortal"`
	Hidden          bool               `json:"hidden"`
	Policy          string             `json:"policy"`
	PolicyID        string             `json:"policyId,omitempty"`
	OtherPolicies   []string           `json:"otherPolicies,omitempty"`
	Approval        *Approval          `json:"approval,omitempty"`
	Expiration      string             `json:"expiration,omitempty"`
	CustomSchedule  bool               `json:"customSchedule,omitempty"`
	Questions       []Question         `json:"questions,omitempty"`
	Findings        []linkcore.Finding `json:"findings"`
	Beta            []string           `json:"beta,omitempty"`
}

// MarshalJSON writes the result with camelCase names and each finding's
// severity as a word ("info", "warning", "error").
func (r *Result) MarshalJSON() ([]byte, error) {
	out := resultJSON{
		PackageID: r.PackageID, PackageName: r.PackageName, CatalogName: r.CatalogName, Requestor: r.Requestor.Flag(),
		Answer: r.Answer, CanRequest: r.CanRequest, VisibleInPortal: r.VisibleInPortal, Hidden: r.Hidden,
		Policy: r.Policy, PolicyID: r.PolicyID, OtherPolicies: r.OtherPolicies, Approval: r.Approval,
		Expiration: r.Expiration, CustomSchedule: r.CustomSchedule, Questions: r.Questions, Beta: r.Beta,
		Findings: r.Findings,
	}
	if out.Findings == nil {
		out.Findings = []linkcore.Finding{}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // messages hold "admin center > Policies"; the page renders text, never markup
	if err := enc.Encode(out); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}
