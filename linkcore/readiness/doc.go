// Package readiness reads what Microsoft Graph says about an access package
// and explains, offline, who can request it through a My Access link, what
// happens after they do, and what to change when they cannot.
//
// The input is the JSON Microsoft Graph v1.0 returns for
//
//	GET /identityGovernance/entitlementManagement/accessPackages/{id}?$expand=catalog,assignmentPolicies
//
// and, optionally, for
//
//	GET /identityGovernance/entitlementManagement/connectedOrganizations
//
// [Requests] gives both requests ready to copy. [Assess] answers for one
// [Requestor]: a member of the tenant, a guest already in its directory, or an
// external user from a given domain or tenant ID. Every conclusion is a
// [linkcore.Finding] whose code is listed in [CodeTable]; input that cannot be
// read is an [*InputError] that says where and why.
//
// Some facts never appear in this JSON: B2B allow and deny lists, cross-tenant
// access settings, one-time passcode, Conditional Access and blocked sign-ins.
// The answer says so rather than guessing.
package readiness
