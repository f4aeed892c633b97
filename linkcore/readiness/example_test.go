package readiness_test

import (
	"fmt"

	"accesslink/linkcore"
	"accesslink/linkcore/readiness"
)

func ExampleAssess() {
	pkg := []byte(`{
	  "id": "114d3459-3459-114d-5934-4d1159344d11",
	  "displayName": "Sales materials",
	  "isHidden": true,
	  "catalog": {"displayName": "Sales", "state": "published", "isExternallyVisible": false},
	  "assignmentPolicies": [{
	    "displayName": "Partners",
	    "allowedTargetScope": "allExternalUsers",
	    "requestorSettings": {"enableTargetsToSelfAddAccess": true},
	    "expiration": {"type": "afterDuration", "duration": "P90D"}
	  }]
	}`)
	partner, _ := readiness.ParseRequestor("external:contoso.com")
	res, err := readiness.Assess(pkg, nil, partner, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("answer:", res.Answer, "| policy:", res.Policy, "|", res.Expiration)
	for _, f := range res.Findings {
		fmt.Printf("%s %s\n", f.Severity.Label(), f.Code)
	}
	// Output:
	// answer: no | policy: Partners | Access lasts 90 days after it is granted.
	// error catalog-not-external
	// info package-hidden
	// info not-shown-by-graph
}

func ExampleRequests() {
	for _, r := range readiness.Requests(linkcore.DefaultCloud, "114d3459-3459-114d-5934-4d1159344d11") {
		fmt.Println(r.URL)
	}
	// Output:
	// https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement/accessPackages/114d3459-3459-114d-5934-4d1159344d11?$expand=catalog,assignmentPolicies
	// https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement/connectedOrganizations
}
