package readiness

import (
	"fmt"
	"sort"
	"strings"
)

// A resource is a kind of Graph object people paste by mistake.
type resource struct {
	name string   // what it is, for a sentence
	hint string   // what to do instead
	typ  string   // @odata.type without its namespace
	sets []string // @odata.context entity set names
}

var (
	resPackage = resource{name: "an access package",
		typ: "accessPackage", sets: []string{"accessPackages"}}
	resCatalog = resource{name: "an access package catalog",
		hint: "The catalog belongs inside the package JSON: fetch the package with ?$expand=catalog,assignmentPolicies.",
		typ:  "accessPackageCatalog", sets: []string{"catalogs", "accessPackageCatalogs", "catalog", "accessPackageCatalog"}}
	resPolicy = resource{name: "an access package assignment policy",
		hint: "Policies belong inside the package JSON: fetch the package with ?$expand=catalog,assignmentPolicies.",
		typ:  "accessPackageAssignmentPolicy", sets: []string{"assignmentPolicies", "accessPackageAssignmentPolicies"}}
	resAssignment = resource{name: "an access package assignment (someone who has the package), not the package",
		hint: "Fetch the package itself with ?$expand=catalog,assignmentPolicies.",
		typ:  "accessPackageAssignment", sets: []string{"assignments", "accessPackageAssignments"}}
	resRequest = resource{name: "an access package assignment request, not the package",
		hint: "Fetch the package itself with ?$expand=catalog,assignmentPolicies.",
		typ:  "accessPackageAssignmentRequest", sets: []string{"assignmentRequests", "accessPackageAssignmentRequests"}}
	resOrganization = resource{name: "a connected organization",
		hint: "Give it as the connected organizations input (--orgs), and the package JSON as the package input.",
		typ:  "connectedOrganization", sets: []string{"connectedOrganizations"}}
	resUser = resource{name: "a user",
		hint: "Fetch the access package, not a user.",
		typ:  "user", sets: []string{"users", "me"}}
)

// isPackage reports whether the resource is an access package.
func (k *resource) isPackage() bool { return k.typ == resPackage.typ }

var resources = []resource{resPackage, resCatalog, resPolicy, resAssignment, resRequest, resOrganization, resUser}

// kindOf says which resource obj is, from its @odata.type, the collection's
// @odata.context, or failing both its fields. It returns nil when it cannot
// tell.
func kindOf(obj map[string]any, context string, r *reader) *resource {
	if t := r.odataType(obj, ""); t != "" {
		for i := range resources {
			if strings.EqualFold(t, resources[i].typ) {
				return &resources[i]
			}
		}
	}
	if ctx := r.str(obj, "", "@odata.context"); ctx != "" {
		context = ctx
	}
	if set := entitySet(context); set != "" {
		for i := range resources {
			for _, name := range resources[i].sets {
				if strings.EqualFold(set, name) {
					return &resources[i]
				}
			}
		}
	}
	switch {
	case has(obj, "allowedTargetScope") || has(obj, "requestorSettings") || has(obj, "requestApprovalSettings"):
		return &resPolicy
	case has(obj, "identitySources"):
		return &resOrganization
	case has(obj, "catalogType") || has(obj, "isExternallyVisible") || has(obj, "catalogStatus"):
		return &resCatalog
	case has(obj, "requestType") || has(obj, "answers") || has(obj, "requestor"):
		return &resRequest
	case has(obj, "assignmentPolicy") || has(obj, "expiredDateTime") || (has(obj, "target") && has(obj, "schedule")):
		return &resAssignment
	case has(obj, "isHidden") || has(obj, "assignmentPolicies") || has(obj, "catalog") ||
		has(obj, "accessPackageAssignmentPolicies") || has(obj, "accessPackageCatalog") || has(obj, "catalogId"):
		return &resPackage
	case has(obj, "userPrincipalName"):
		return &resUser
	}
	return nil
}

// entitySet returns the last entity set named by an @odata.context URL:
// ".../$metadata#identityGovernance/entitlementManagement/accessPackages(catalog(),assignmentPolicies())/$entity"
// gives "accessPackages".
func entitySet(context string) string {
	_, frag, ok := strings.Cut(context, "#")
	if !ok {
		return ""
	}
	frag = strings.TrimSuffix(frag, "/$entity")
	var segments []string
	depth, start := 0, 0
	for i := 0; i < len(frag); i++ {
		switch frag[i] {
		case '(':
			if depth == 0 {
				segments = append(segments, frag[start:i])
			}
			depth++
		case ')':
			depth--
			if depth == 0 {
				start = i + 1
			}
		case '/':
			if depth == 0 {
				if start < i {
					segments = append(segments, frag[start:i])
				}
				start = i + 1
			}
		}
	}
	if depth == 0 && start < len(frag) {
		segments = append(segments, frag[start:])
	}
	for i := len(segments) - 1; i >= 0; i-- {
		if s := strings.Trim(segments[i], "/"); s != "" {
			return s
		}
	}
	return ""
}

// notAPackage explains an object that is not an access package; kind is
// what kindOf made of it.
func notAPackage(obj map[string]any, kind *resource, source string) error {
	if err := graphError(obj, source); err != nil {
		return err
	}
	if kind != nil && !kind.isPackage() {
		return &InputError{Source: source, Reason: "this looks like " + kind.name + ". " + kind.hint}
	}
	if len(obj) == 0 {
		return &InputError{Source: source, Reason: "it is an empty object {}. Paste the response of the access package request."}
	}
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if len(keys) > 8 {
		keys = append(keys[:8], "…")
	}
	return &InputError{Source: source, Reason: "this is not an access package: it has no id, isHidden, catalog or assignmentPolicies (its fields are " +
		strings.Join(keys, ", ") + "). Paste the response of the access package request."}
}

// graphError explains a Graph error response, or returns nil when obj is
// not one.
func graphError(obj map[string]any, source string) error {
	v, ok := lookup(obj, "error")
	if !ok {
		return nil
	}
	var code, message string
	switch t := v.(type) {
	case map[string]any:
		code, _ = lookupString(t, "code")
		message, _ = lookupString(t, "message")
	case string: // an OAuth error from the sign-in service
		code = t
		message, _ = lookupString(obj, "error_description")
	default:
		return nil
	}
	said := code
	if message != "" {
		said += ": " + message
	}
	what, reading := "the package", "Reading access packages"
	if source == SourceOrganizations {
		what, reading = "the connected organizations", "Reading connected organizations"
	}
	reason := "this is an error response from Microsoft Graph (" + said + "), not " + what + ". "
	switch strings.ToLower(code) {
	case "authorization_requestdenied", "forbidden", "accessdenied", "authorization_identitynotfound":
		reason += reading + " needs the permission EntitlementManagement.Read.All and, when signed in as a user, a role that may read entitlement management (such as Global Reader or Identity Governance Administrator). " +
			"In Graph Explorer: Modify permissions, consent to EntitlementManagement.Read.All, then run the request again. " +
			"In PowerShell: Connect-MgGraph -Scopes EntitlementManagement.Read.All."
	case "resourcenotfound", "notfound", "request_resourcenotfound", "itemnotfound":
		reason += "The tenant you are signed in to has no access package with that ID: check the ID, and sign in to the tenant that owns the package."
	case "invalidauthenticationtoken", "unauthorized", "invalid_grant", "interaction_required":
		reason += "The sign-in is missing or expired: sign in again and repeat the request."
	case "badrequest", "request_badrequest", "invalidrequest", "badrequestexception":
		reason += "Graph did not understand the request: copy it exactly as shown, including ?$expand=catalog,assignmentPolicies."
	default:
		reason += "Fix what the error says and repeat the request."
	}
	return &InputError{Source: source, Reason: reason}
}

// lookupString returns the string at key, if it is one.
func lookupString(obj map[string]any, key string) (string, bool) {
	v, ok := lookup(obj, key)
	s, isString := v.(string)
	return s, ok && isString
}

// valuesMessage explains input with more than one JSON value where one
// response belongs.
func valuesMessage(n int) string {
	return fmt.Sprintf("it holds %d JSON documents one after another; paste one response", n)
}
