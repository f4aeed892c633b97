package readiness

import (
	"slices"
	"strings"

	"accesslink/linkcore"
)

// graphClouds is the Microsoft Graph of each cloud, by linkcore cloud ID: a
// cloud added to linkcore.Clouds needs a row here (a test checks).
var graphClouds = map[string]struct {
	host        string   // where the requests go
	otherHosts  []string // further Graph hosts of the cloud an @odata.context may name
	environment string   // Connect-MgGraph -Environment; "" for the default
}{
	"commercial": {host: "graph.microsoft.com"},
	"usgov":      {host: "graph.microsoft.us", otherHosts: []string{"dod-graph.microsoft.us"}, environment: "USGov"},
}

// graphHost returns the Graph host for a cloud.
func graphHost(cloud linkcore.Cloud) string { return graphClouds[cloud.ID].host }

// cloudOfGraphHost returns the cloud whose Graph host is host (as an
// @odata.context URL names it).
func cloudOfGraphHost(host string) (linkcore.Cloud, bool) {
	for _, c := range linkcore.Clouds {
		g := graphClouds[c.ID]
		if host == g.host || slices.Contains(g.otherHosts, host) {
			return c, true
		}
	}
	return linkcore.Cloud{}, false
}

// crossCheck compares the link with the JSON.
func (a *assessment) crossCheck(res *Result) {
	l := a.link
	if l == nil {
		return
	}
	if !l.IsRequest() {
		a.n.add(CodeLinkNotRequest, "The link opens "+pageName(l)+", which requests no package.",
			"Share "+a.requestLink(l)+" instead.")
	} else if id := l.PackageID.String(); id != a.pkg.ID {
		a.n.add(CodeLinkOtherPackage, "The link requests access package "+id+", but the JSON is about "+quote(a.pkg.Name)+" ("+a.pkg.ID+").",
			"Share "+a.requestLink(l)+" if this package is meant, or fetch the JSON of package "+id+".")
	}
	if cloud, known := cloudOfGraphHost(a.pkg.GraphHost); known && cloud != l.Cloud {
		a.n.add(CodeLinkCloudMismatch, "The link opens the "+l.Cloud.Name+" portal ("+l.Cloud.Host+"), but the JSON comes from "+a.pkg.GraphHost+", another cloud.",
			"Use the portal of the cloud that holds the tenant, or fetch the JSON from that cloud's Graph ("+graphHost(l.Cloud)+").")
	}
	if l.Hint.Kind == linkcore.HintNone {
		if a.who.Kind != Member {
			a.n.add(CodeLinkNoHint, "The link has no directory hint, so "+a.who.String()+" signs in to their own directory and does not find the package.",
				"Add the tenant's domain or tenant ID after the host: https://"+l.Cloud.Host+"/@<your tenant>#/access-packages/"+a.pkg.ID+".")
		}
		return
	}
	hint := l.Hint.Value
	if a.who.Kind == External && strings.EqualFold(hint, a.who.Directory) {
		a.n.add(CodeLinkHintPartner, "The link's directory hint "+hint+" is the requestor's own directory, not the tenant that owns the package.",
			"Use your tenant's domain or tenant ID as the hint (Microsoft Entra admin center > Overview).")
		return
	}
	for _, o := range a.orgs {
		for _, s := range o.Sources {
			if hint == s.TenantID || hint == s.Domain {
				a.n.add(CodeLinkHintPartner, "The link's directory hint "+hint+" belongs to connected organization "+o.label()+", a partner, not the tenant that owns the package.",
					"Use your tenant's domain or tenant ID as the hint (Microsoft Entra admin center > Overview).")
				return
			}
		}
	}
	a.n.add(CodeLinkHintUnverified, "The package JSON does not name the tenant that owns it, so the link's directory hint "+hint+" could not be compared with it"+a.partnerClause()+".",
		"Compare the hint with the tenant ID and verified domains in Microsoft Entra admin center > Overview, or GET https://"+graphHost(l.Cloud)+"/v1.0/organization?$select=id,verifiedDomains (permission User.Read).")
}

// partnerClause says what was compared when connected organizations were given.
func (a *assessment) partnerClause() string {
	if len(a.orgs) > 0 {
		return " (it is none of the connected organizations' directories)"
	}
	return ""
}

// requestLink is the link that requests this package on the link's portal.
func (a *assessment) requestLink(l *linkcore.Link) string {
	fixed := linkcore.Link{Cloud: l.Cloud, Hint: l.Hint}
	if id, err := linkcore.ParsePackageID(a.pkg.ID); err == nil {
		fixed.PackageID = id
		return fixed.String()
	}
	return fixed.String() + "#/access-packages/" + a.pkg.ID
}

// pageName names the portal page a link opens.
func pageName(l *linkcore.Link) string {
	if l.Page.Name != "" {
		return l.Page.Name
	}
	return "a portal page"
}
