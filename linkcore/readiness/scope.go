package readiness

import (
	"cmp"
	"strings"

	"accesslink/linkcore"
)

// The allowedTargetScope values of Microsoft Graph v1.0, and the one beta
// scopeType without a v1.0 counterpart.
const (
	scopeNotSpecified      = "notSpecified"
	scopeSpecificDirectory = "specificDirectoryUsers"
	scopeSpecificOrgs      = "specificConnectedOrganizationUsers"
	scopeSpecificSPs       = "specificDirectoryServicePrincipals"
	scopeAllMembers        = "allMemberUsers"
	scopeAllDirectory      = "allDirectoryUsers"
	scopeAllSPs            = "allDirectoryServicePrincipals"
	scopeAllConfiguredOrgs = "allConfiguredConnectedOrganizationUsers"
	scopeAllExternal       = "allExternalUsers"
	scopeAgents            = "allDirectoryAgentIdentities"
	scopeBetaExistingOrgs  = "AllExistingConnectedOrganizationSubjects"
)

// coverage is how sure it is that a policy lets the requestor request.
type coverage int

const (
	covNo          coverage = iota // it does not
	covUnknown                     // the data needed to tell is missing
	covConditional                 // only if the requestor is among the users it lists
	covYes                         // it does
)

// An outcome is what one policy means for the requestor.
type outcome struct {
	policy *policy
	cov    coverage
	// The finding that explains a policy that does not (or may not) apply;
	// empty code when it applies.
	code         linkcore.Code
	message, fix string
}

// Where things are in the Microsoft Entra admin center.
const (
	adminCenter = "Microsoft Entra admin center > ID Governance > Entitlement management > "
	orgsPlace   = adminCenter + "Connected organizations"
)

func policiesPlace(pkg string) string {
	if pkg == "" {
		pkg = "<package>"
	}
	return adminCenter + "Access packages > " + pkg + " > Policies"
}

func catalogPlace(cat string) string {
	if cat == "" {
		cat = "<catalog>"
	}
	return adminCenter + "Catalogs > " + cat + " > Properties"
}

// scopeWords says whom a policy's scope covers.
func scopeWords(p *policy) string {
	switch p.Scope {
	case scopeNotSpecified:
		return "administrators' direct assignments only"
	case scopeSpecificDirectory:
		return "specific users and groups in your directory (" + subjectList(p.Targets) + ")"
	case scopeSpecificOrgs:
		return "users of specific connected organizations (" + subjectList(p.Targets) + ")"
	case scopeAllMembers:
		return "all members of your directory"
	case scopeAllDirectory:
		return "all users in your directory, including guests"
	case scopeAllConfiguredOrgs:
		return "users of all configured connected organizations"
	case scopeAllExternal:
		return "all users, including users of any other organization"
	case scopeBetaExistingOrgs:
		return "users already in your directory who came from a connected organization"
	case scopeSpecificSPs, scopeAllSPs:
		return "service principals"
	case scopeAgents:
		return "agent identities"
	}
	return "scope " + quote(p.Scope)
}

// subjectList names subjects for a sentence.
func subjectList(subjects []Subject) string {
	return cmp.Or(subjectNames(subjects), "none listed")
}

// subjectNames names subjects for people: "a, b and c", at most ten and then
// how many more; "" for none.
func subjectNames(subjects []Subject) string {
	names := make([]string, len(subjects))
	for i, s := range subjects {
		names[i] = s.String()
	}
	return listSome(names)
}

// cover decides what policy p means for the requestor.
func (a *assessment) cover(p *policy) outcome {
	o := a.scope(p)
	o.policy = p
	if o.cov < covConditional {
		return o
	}
	pkg := a.pkg.Name
	switch {
	case p.SelfAddKnown && !p.SelfAdd:
		how := "Only administrators"
		if p.OnBehalf {
			how = "Only administrators and the on-behalf requestors it names (such as managers)"
		}
		return outcome{policy: p, cov: covNo, code: CodeRequestsDisabled,
			message: "Policy " + p.label() + " covers " + a.who.String() + " but does not accept requests from them (" + a.selfAddField(p) + " is false). " + how + " can assign through it; the link does not help.",
			fix:     "Edit policy " + p.label() + ", Requests tab: set Enable to Yes (" + policiesPlace(pkg) + ")."}
	case !p.SelfAddKnown:
		return outcome{policy: p, cov: covUnknown, code: CodeRequestsUnknown,
			message: "Policy " + p.label() + " covers " + a.who.String() + ", but its requestorSettings do not say whether it accepts requests.",
			fix:     a.fetchPackage() + " Paste the response unedited: each policy's requestorSettings.enableTargetsToSelfAddAccess must be in it."}
	}
	return o
}

// selfAddField names the field that switches requests on, as the JSON has it.
func (a *assessment) selfAddField(p *policy) string {
	if p.BetaScope != "" {
		return "requestorSettings.acceptRequests"
	}
	return "requestorSettings.enableTargetsToSelfAddAccess"
}

// scope decides whether the policy's scope covers the requestor, before
// looking at whether it accepts requests.
func (a *assessment) scope(p *policy) outcome {
	pkg := a.pkg.Name
	out := func(code linkcore.Code, message, fix string) outcome {
		return outcome{cov: covNo, code: code, message: message, fix: fix}
	}
	if p.Auto {
		return out(CodeAutoAssignment, "Policy "+p.label()+" assigns the package automatically to "+scopeWords(p)+"; nobody requests through it.", "")
	}
	switch p.Scope {
	case scopeNotSpecified:
		return out(CodeAdminOnly, "Policy "+p.label()+" has no requestor scope (notSpecified): only administrators assign through it.", "")
	case scopeSpecificSPs, scopeAllSPs, scopeAgents:
		return out(CodeNotForUsers, "Policy "+p.label()+" is for "+scopeWords(p)+", not for people.", "")
	case scopeAllMembers, scopeAllDirectory, scopeSpecificDirectory, scopeSpecificOrgs, scopeAllConfiguredOrgs, scopeAllExternal, scopeBetaExistingOrgs:
	default:
		what := "has no allowedTargetScope"
		if p.Scope != "" {
			what = "has allowedTargetScope " + quote(p.Scope) + ", a value this checker does not know"
		}
		return outcome{cov: covNo, code: CodeScopeUnknown,
			message: "Policy " + p.label() + " " + what + "; it was not counted for " + a.who.String() + ".",
			fix:     "Open the policy in " + policiesPlace(pkg) + " to see whom it covers."}
	}
	notCovered := func(why, fix string) outcome {
		return out(CodeOutOfScope, "Policy "+p.label()+" is for "+scopeWords(p)+why, fix)
	}
	if (p.Scope == scopeSpecificDirectory || p.Scope == scopeSpecificOrgs) && len(p.Targets) == 0 {
		return out(CodeTargetsEmpty, "Policy "+p.label()+" is for specific users or organizations but lists none, so it covers nobody.",
			"Edit policy "+p.label()+": add the users, groups or connected organizations who may request ("+policiesPlace(pkg)+").")
	}
	switch a.who.Kind {
	case Member:
		switch p.Scope {
		case scopeAllMembers, scopeAllDirectory:
			return outcome{cov: covYes}
		case scopeSpecificDirectory:
			return a.onlyListed(p)
		}
		return notCovered(", not members.",
			"To let members request, edit the policy or add one For users in your directory ("+policiesPlace(pkg)+").")
	case Guest:
		switch p.Scope {
		case scopeAllDirectory:
			return outcome{cov: covYes}
		case scopeSpecificDirectory:
			return a.onlyListed(p)
		case scopeBetaExistingOrgs:
			return outcome{cov: covConditional, code: CodeConditional,
				message: "Policy " + p.label() + " is for guests who came from a connected organization; the JSON cannot show where this guest came from.",
				fix:     "If the guest's organization is not a connected organization, add a policy For users in your directory with All users (including guests) (" + policiesPlace(pkg) + ")."}
		case scopeAllMembers:
			return notCovered(", not guests.",
				"Edit policy "+p.label()+": under Users who can request access choose For users in your directory > All users (including guests), or a group the guest is in ("+policiesPlace(pkg)+").")
		}
		return notCovered(": people not yet in your directory. This guest already is.",
			"Add a policy For users in your directory with All users (including guests), or a group the guest is in ("+policiesPlace(pkg)+").")
	}
	// External.
	switch p.Scope {
	case scopeAllExternal:
		return outcome{cov: covYes}
	case scopeSpecificOrgs, scopeAllConfiguredOrgs:
		return a.orgScope(p)
	}
	return notCovered(". "+capitalize(a.who.String())+" is not in your directory until their first request is approved.",
		"Add a policy For users not in your directory: Specific connected organizations (with the one of "+a.who.Directory+"), All configured connected organizations, or All users ("+policiesPlace(pkg)+").")
}

// onlyListed is the outcome of a policy for specific users and groups of the
// directory: whether the requestor is among them is not in the JSON.
func (a *assessment) onlyListed(p *policy) outcome {
	return outcome{cov: covConditional, code: CodeConditional,
		message: "Policy " + p.label() + " is only for " + subjectList(p.Targets) + "; the JSON cannot show whether " + a.who.String() + " is one of them or in one of the groups.",
		fix:     "Check the requestor's group memberships in the admin center (Users > <user> > Groups), or add them to one of the groups."}
}

// orgScope decides a connected-organization policy for an external user.
func (a *assessment) orgScope(p *policy) outcome {
	pkg := a.pkg.Name
	if !a.orgsGiven {
		what := "users of all configured connected organizations"
		if p.Scope == scopeSpecificOrgs {
			what = "users of the connected organizations " + subjectList(p.Targets)
		}
		return outcome{cov: covUnknown, code: CodeOrgsNeeded,
			message: "Policy " + p.label() + " is for " + what + "; without the connected organizations it cannot tell whether " + a.who.Directory + " is one of them.",
			fix:     a.fetchOrgs()}
	}
	sure, maybe := a.matchOrgs()
	if p.Scope == scopeSpecificOrgs {
		first := -1 // the earliest possible match the policy lists
		for _, t := range p.Targets {
			if a.sureIDs[t.ID] {
				return outcome{cov: covYes}
			}
			if i, ok := a.maybeIndex[t.ID]; ok && (first < 0 || i < first) {
				first = i
			}
		}
		if first >= 0 {
			return a.unverifiable(p, maybe[first])
		}
		if len(sure) > 0 {
			return outcome{cov: covNo, code: CodeOutOfScope,
				message: "Policy " + p.label() + " is for " + scopeWords(p) + "; " + a.who.Directory + " belongs to connected organization " + sure[0].label() + ", which it does not list.",
				fix:     "Edit policy " + p.label() + ": under Users who can request access, add connected organization " + sure[0].label() + " (" + policiesPlace(pkg) + ")."}
		}
		return outcome{cov: covNo, code: CodeOutOfScope,
			message: "Policy " + p.label() + " is for " + scopeWords(p) + "; " + a.who.Directory + " is not in any of them.",
			fix:     "Add a connected organization for " + a.who.Directory + " (" + orgsPlace + ") and add it to policy " + p.label() + " (" + policiesPlace(pkg) + ")."}
	}
	// All configured connected organizations.
	if a.sureConfigured != nil {
		return outcome{cov: covYes}
	}
	if a.maybeConfigured != nil {
		return a.unverifiable(p, a.maybeConfigured)
	}
	if len(sure) > 0 {
		return outcome{cov: covNo, code: CodeOrgProposed,
			message: "Policy " + p.label() + " is for users of all configured connected organizations, but " + a.who.Directory + "'s connected organization " + sure[0].label() + " is " + stateWords(sure[0].State) + ".",
			fix:     "Open connected organization " + sure[0].label() + " and set its State to Configured (" + orgsPlace + ")."}
	}
	return outcome{cov: covNo, code: CodeOutOfScope,
		message: "Policy " + p.label() + " is for users of all configured connected organizations; " + a.who.Directory + " is not in any connected organization.",
		fix:     "Add a configured connected organization for " + a.who.Directory + " (" + orgsPlace + "), or choose All users in policy " + p.label() + " (" + policiesPlace(pkg) + ")."}
}

// unverifiable is the outcome when the requestor's domain may belong to a
// connected organization known only by tenant ID: the answer is unknown, not
// a guess, because any Entra tenant could own the domain.
func (a *assessment) unverifiable(p *policy, o *connectedOrg) outcome {
	return outcome{cov: covUnknown, code: CodeOrgUnverifiable,
		message: "Policy " + p.label() + " covers connected organization " + o.label() + ", a Microsoft Entra tenant known by its tenant ID; the JSON cannot show whether " + a.who.Directory + " is one of that tenant's domains.",
		fix:     "Look up the tenant ID of " + a.who.Directory + " (its sign-in metadata https://login.microsoftonline.com/" + a.who.Directory + "/v2.0/.well-known/openid-configuration names it in \"issuer\") and check again as external:<that tenant ID>."}
}

// stateWords writes a connected organization's state for a sentence.
func stateWords(state string) string {
	if state == "" {
		return "of no stated state"
	}
	return quote(state) + ", not configured"
}

// matchOrgs finds the connected organizations of the external requestor's
// directory: sure matches (same tenant ID or domain) and possible ones (an
// Entra tenant known by ID only, when the requestor is given by domain).
func (a *assessment) matchOrgs() (sure, maybe []*connectedOrg) {
	if a.matched {
		return a.sure, a.maybe
	}
	a.matched = true
	a.sure, a.maybe = a.findOrgs()
	a.sureIDs = make(map[string]bool, len(a.sure))
	for _, o := range a.sure {
		a.sureIDs[o.ID] = true
	}
	a.maybeIndex = make(map[string]int, len(a.maybe))
	for i, o := range a.maybe {
		if _, dup := a.maybeIndex[o.ID]; !dup {
			a.maybeIndex[o.ID] = i
		}
	}
	a.sureConfigured, a.maybeConfigured = firstConfigured(a.sure), firstConfigured(a.maybe)
	return a.sure, a.maybe
}

func firstConfigured(orgs []*connectedOrg) *connectedOrg {
	for _, o := range orgs {
		if strings.EqualFold(o.State, "configured") {
			return o
		}
	}
	return nil
}

// findOrgs does the work of matchOrgs.
func (a *assessment) findOrgs() (sure, maybe []*connectedOrg) {
	dir, byID := a.who.Directory, a.who.byTenantID()
	for i := range a.orgs {
		o := &a.orgs[i]
		matched, possible := false, false
		for _, s := range o.Sources {
			switch {
			case s.TenantID != "" && s.TenantID == dir, s.Domain != "" && s.Domain == dir:
				matched = true
			case s.TenantID != "" && !byID:
				possible = true
			}
		}
		switch {
		case matched:
			sure = append(sure, o)
		case possible:
			maybe = append(maybe, o)
		}
	}
	if len(sure) > 0 {
		// A directory found by name is not also a domain of some other
		// tenant: connected organizations for Entra tenants are stored by
		// tenant ID, so a domain source means the domain has no tenant.
		maybe = nil
	}
	return sure, maybe
}

// capitalize upper-cases the first letter of a sentence that starts with a
// lower-case ASCII letter.
func capitalize(s string) string {
	if s != "" && 'a' <= s[0] && s[0] <= 'z' {
		return string(s[0]-'a'+'A') + s[1:]
	}
	return s
}
