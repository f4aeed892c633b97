package readiness

import "accesslink/linkcore"

// ReadPermission is the read-only Microsoft Graph permission both requests need.
const ReadPermission = "EntitlementManagement.Read.All"

// A GraphRequest is a read-only Microsoft Graph request to copy, in the forms
// people run it.
type GraphRequest struct {
	Purpose string // what it fetches, for people
	Input   string // which input the response is: SourcePackage or SourceOrganizations
	// URL is the GET request for Graph Explorer or any Graph client.
	URL string
	// Connect signs in to Microsoft Graph PowerShell with the permission.
	Connect string
	// PowerShell fetches the response and prints it as JSON.
	PowerShell string
	// Permission is the least-privileged permission, delegated or application.
	Permission string
}

// placeholderID stands for the package ID when none is known, as the Graph
// documentation writes it.
const placeholderID = "{accessPackageId}"

// Requests returns the requests that fetch what Assess reads, for the
// given cloud: the package with its catalog and policies (prefilled with
// packageID, in any form linkcore.ParsePackageID reads; "{accessPackageId}"
// when it is empty or invalid), then the connected organizations.
func Requests(cloud linkcore.Cloud, packageID string) []GraphRequest {
	id := placeholderID
	if parsed, err := linkcore.ParsePackageID(packageID); err == nil {
		id = parsed.String()
	}
	base := "https://" + graphHost(cloud) + "/v1.0/identityGovernance/entitlementManagement/"
	connect := "Connect-MgGraph -Scopes '" + ReadPermission + "'"
	if env := graphClouds[cloud.ID].environment; env != "" {
		connect += " -Environment " + env // DoD tenants: -Environment USGovDoD and dod-graph.microsoft.us
	}
	request := func(purpose, input, url string) GraphRequest {
		return GraphRequest{
			Purpose: purpose, Input: input, URL: url, Connect: connect,
			PowerShell: "Invoke-MgGraphRequest -Method GET -Uri '" + url + "' | ConvertTo-Json -Depth 20",
			Permission: ReadPermission,
		}
	}
	return []GraphRequest{
		request("The access package with its catalog and policies", SourcePackage,
			base+"accessPackages/"+id+"?$expand=catalog,assignmentPolicies"),
		request("The connected organizations, to match a partner's domain or tenant ID", SourceOrganizations,
			base+"connectedOrganizations"),
	}
}

// RequestsFor returns the requests for the link being checked and what
// Assess answered, either of which may be nil: see requestsFor.
func RequestsFor(link *linkcore.Link, res *Result) []GraphRequest {
	if res == nil {
		return requestsFor(link, "", "")
	}
	return requestsFor(link, res.graphHost, res.PackageID)
}

// requestsFor returns the requests for the cloud of the link, else of the
// Graph host the JSON came from (its @odata.context), else the commercial
// cloud; prefilled with the package ID the link requests, else the JSON's.
func requestsFor(link *linkcore.Link, graphHost, jsonID string) []GraphRequest {
	cloud, id := linkcore.DefaultCloud, jsonID
	if c, ok := cloudOfGraphHost(graphHost); ok {
		cloud = c
	}
	if link != nil {
		cloud = link.Cloud
		if link.IsRequest() {
			id = link.PackageID.String()
		}
	}
	return Requests(cloud, id)
}
