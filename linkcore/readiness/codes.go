package readiness

import (
	"slices"

	"accesslink/linkcore"
)

// The finding codes of a readiness answer. Their severities and meanings are
// in CodeTable.
const (
	// How the JSON was read.
	CodeBetaShape       linkcore.Code = "beta-shape"
	CodeWrongType       linkcore.Code = "wrong-type"
	CodePowerShellDepth linkcore.Code = "powershell-depth"
	CodeSeveralPackages linkcore.Code = "several-packages"
	CodeTruncated       linkcore.Code = "findings-truncated"

	// Data that is missing and must be fetched.
	CodeCatalogNotExpanded  linkcore.Code = "catalog-not-expanded"
	CodePoliciesNotExpanded linkcore.Code = "policies-not-expanded"
	CodeOrgsNeeded          linkcore.Code = "connected-organizations-needed"
	CodeOrgsPaged           linkcore.Code = "connected-organizations-paged"

	// The package and its catalog.
	CodeHidden             linkcore.Code = "package-hidden"
	CodeCatalogUnpublished linkcore.Code = "catalog-unpublished"
	CodeCatalogIncomplete  linkcore.Code = "catalog-incomplete"
	CodeCatalogInternal    linkcore.Code = "catalog-not-external"
	CodeNoPolicies         linkcore.Code = "no-policies"

	// Policies.
	CodeNotInScope       linkcore.Code = "not-in-scope"
	CodeOutOfScope       linkcore.Code = "policy-out-of-scope"
	CodeConditional      linkcore.Code = "policy-specific-users"
	CodeTargetsEmpty     linkcore.Code = "policy-targets-empty"
	CodeRequestsDisabled linkcore.Code = "policy-requests-disabled"
	CodeRequestsUnknown  linkcore.Code = "policy-requests-unknown"
	CodeAutoAssignment   linkcore.Code = "policy-auto-assignment"
	CodeAdminOnly        linkcore.Code = "policy-admin-only"
	CodeNotForUsers      linkcore.Code = "policy-not-for-users"
	CodeScopeUnknown     linkcore.Code = "policy-scope-unknown"
	CodeSeveralPolicies  linkcore.Code = "several-policies"
	CodePriority         linkcore.Code = "policy-priority"

	// Connected organizations.
	CodeOrgNotFound     linkcore.Code = "organization-not-found"
	CodeOrgProposed     linkcore.Code = "organization-proposed"
	CodeOrgUnverifiable linkcore.Code = "organization-unverifiable"
	CodeOrgCreated      linkcore.Code = "organization-created"

	// Approval.
	CodeNoApprovers     linkcore.Code = "approval-no-approvers"
	CodeManagerApprover linkcore.Code = "approval-manager-external"
	CodeSponsorApprover linkcore.Code = "approval-sponsors"

	// The link.
	CodeLinkNotRequest     linkcore.Code = "link-not-request"
	CodeLinkOtherPackage   linkcore.Code = "link-package-mismatch"
	CodeLinkNoHint         linkcore.Code = "link-no-hint"
	CodeLinkHintPartner    linkcore.Code = "link-hint-partner"
	CodeLinkHintUnverified linkcore.Code = "link-hint-unverified"
	CodeLinkCloudMismatch  linkcore.Code = "link-cloud-mismatch"

	// Beyond the data.
	CodeNotShown linkcore.Code = "not-shown-by-graph"
)

// refetched are the findings that the requests of RequestsFor resolve:
// data not expanded or not given, the v1.0 shape, PowerShell's full depth.
var refetched = []linkcore.Code{CodeCatalogNotExpanded, CodePoliciesNotExpanded, CodeOrgsNeeded,
	CodeCatalogIncomplete, CodeRequestsUnknown, CodeBetaShape, CodePowerShellDepth}

// NeedsData reports whether a finding asks for data that the requests of
// RequestsFor fetch, so that they are worth showing.
func (r *Result) NeedsData() bool {
	return slices.ContainsFunc(r.Findings, func(f linkcore.Finding) bool { return slices.Contains(refetched, f.Code) })
}

// CodeTable documents every readiness finding code, grouped by topic. An
// answer lists its findings most severe first. Error findings are certain
// blockers; a Warning is something to fix or data missing for a sure answer.
var CodeTable = []linkcore.CodeInfo{
	{Code: CodeBetaShape, Severity: linkcore.Info, Meaning: "The JSON comes from the Graph beta endpoint (or an old export); its fields were read with their v1.0 meaning."},
	{Code: CodeWrongType, Severity: linkcore.Warning, Meaning: "A field has a type Microsoft Graph never returns; it was read where its meaning is clear and ignored otherwise."},
	{Code: CodePowerShellDepth, Severity: linkcore.Warning, Meaning: "PowerShell's ConvertTo-Json wrote nested objects as type names because -Depth was too small."},
	{Code: CodeSeveralPackages, Severity: linkcore.Warning, Meaning: "The JSON lists several access packages; one of them was assessed."},
	{Code: CodeTruncated, Severity: linkcore.Info, Meaning: "There were too many findings to list; the rest were left out."},
	{Code: CodeCatalogNotExpanded, Severity: linkcore.Warning, Meaning: "The catalog was not included, so whether it is published and open to external users is unknown."},
	{Code: CodePoliciesNotExpanded, Severity: linkcore.Warning, Meaning: "The policies were not included, so who may request the package is unknown."},
	{Code: CodeOrgsNeeded, Severity: linkcore.Warning, Meaning: "A policy covers connected organizations, but the connected organizations were not provided."},
	{Code: CodeOrgsPaged, Severity: linkcore.Warning, Meaning: "The connected organizations list has more pages than were provided."},
	{Code: CodeHidden, Severity: linkcore.Info, Meaning: "The package is hidden: the portal does not list it, but the link still requests it."},
	{Code: CodeCatalogUnpublished, Severity: linkcore.Error, Meaning: "The catalog is not published, so none of its packages can be requested."},
	{Code: CodeCatalogIncomplete, Severity: linkcore.Warning, Meaning: "The catalog's state or isExternallyVisible is missing or not a known value, so whether it accepts requests is unknown."},
	{Code: CodeCatalogInternal, Severity: linkcore.Error, Meaning: "The catalog is not enabled for external users, so users from other organizations cannot request its packages."},
	{Code: CodeNoPolicies, Severity: linkcore.Error, Meaning: "The package has no assignment policy, so nobody can request it."},
	{Code: CodeNotInScope, Severity: linkcore.Error, Meaning: "No policy of the package lets this requestor request it."},
	{Code: CodeOutOfScope, Severity: linkcore.Error, Meaning: "This policy is for other users than this requestor."},
	{Code: CodeConditional, Severity: linkcore.Warning, Meaning: "This policy is only for the users and groups it lists; the JSON cannot show whether the requestor is among them."},
	{Code: CodeTargetsEmpty, Severity: linkcore.Error, Meaning: "This policy is for specific users or organizations but lists none."},
	{Code: CodeRequestsDisabled, Severity: linkcore.Error, Meaning: "This policy covers the requestor but does not accept new requests from them."},
	{Code: CodeRequestsUnknown, Severity: linkcore.Warning, Meaning: "This policy covers the requestor, but its requestorSettings do not say whether it accepts requests."},
	{Code: CodeAutoAssignment, Severity: linkcore.Info, Meaning: "This policy assigns the package automatically; nobody requests through it."},
	{Code: CodeAdminOnly, Severity: linkcore.Info, Meaning: "This policy only lets administrators assign the package directly."},
	{Code: CodeNotForUsers, Severity: linkcore.Info, Meaning: "This policy is for service principals or agent identities, not for people."},
	{Code: CodeScopeUnknown, Severity: linkcore.Warning, Meaning: "This policy's allowedTargetScope is missing or a value this checker does not know; it was not counted."},
	{Code: CodeSeveralPolicies, Severity: linkcore.Info, Meaning: "Several equally specific policies cover the requestor; the portal asks them to choose one."},
	{Code: CodePriority, Severity: linkcore.Info, Meaning: "Policies of different specificity cover the requestor; the portal uses the most specific and does not offer the others."},
	{Code: CodeOrgNotFound, Severity: linkcore.Error, Meaning: "The requestor's directory is not in any connected organization."},
	{Code: CodeOrgProposed, Severity: linkcore.Error, Meaning: "The requestor's connected organization is proposed, not configured, so policies for all configured connected organizations skip it."},
	{Code: CodeOrgUnverifiable, Severity: linkcore.Warning, Meaning: "A policy's connected organization is known by tenant ID only, so the JSON cannot show whether the requestor's domain belongs to it; check again by tenant ID."},
	{Code: CodeOrgCreated, Severity: linkcore.Info, Meaning: "Requesting through a policy for all users creates a connected organization for the requestor's directory, in the proposed state."},
	{Code: CodeNoApprovers, Severity: linkcore.Warning, Meaning: "An approval stage names no approver."},
	{Code: CodeManagerApprover, Severity: linkcore.Warning, Meaning: "The requestor's manager approves, but users from outside the directory have no manager there; the fallback approvers decide."},
	{Code: CodeSponsorApprover, Severity: linkcore.Info, Meaning: "Sponsors of the requestor's connected organization approve; they must be set on the connected organization."},
	{Code: CodeLinkNotRequest, Severity: linkcore.Error, Meaning: "The link opens a portal page that requests no package."},
	{Code: CodeLinkOtherPackage, Severity: linkcore.Error, Meaning: "The link requests another access package than the JSON describes."},
	{Code: CodeLinkNoHint, Severity: linkcore.Error, Meaning: "The link has no directory hint, so a user from another directory signs in to their own and will not find the package."},
	{Code: CodeLinkHintPartner, Severity: linkcore.Error, Meaning: "The link's directory hint names the requestor's or a partner's directory, not the tenant that owns the package."},
	{Code: CodeLinkHintUnverified, Severity: linkcore.Info, Meaning: "The JSON does not name the tenant, so the link's directory hint cannot be compared with it here."},
	{Code: CodeLinkCloudMismatch, Severity: linkcore.Error, Meaning: "The link and the JSON come from different Microsoft clouds."},
	{Code: CodeNotShown, Severity: linkcore.Info, Meaning: "Settings outside this JSON can still block the requestor."},
}

// severityOf returns the severity CodeTable gives code. Every code used is in
// the table; a test checks it.
func severityOf(code linkcore.Code) linkcore.Severity {
	for _, c := range CodeTable {
		if c.Code == code {
			return c.Severity
		}
	}
	return linkcore.Error
}
