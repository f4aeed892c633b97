package linkcore

import (
	"strings"

	"github.com/google/uuid"
)

// A Page is where in the My Access portal a link opens.
type Page struct {
	Route string // the fragment route without "#", e.g. "/access-packages"
	Name  string // what people call the page
}

// RequestPage is the route prefix of the page that requests an access package.
const requestRoute = "/access-packages/"

// pages lists the genuine portal pages that are not a package request. A
// link to one of them is genuine, but it requests nothing.
var pages = []Page{
	{Route: "/access-packages", Name: "the list of access packages"},
	{Route: "/access-packages/active", Name: "your active access packages"},
	{Route: "/access-packages/expired", Name: "your expired access packages"},
	{Route: "/request-history", Name: "your request history"},
	{Route: "/overview", Name: "the portal overview"},
	{Route: "/access-reviews", Name: "access reviews"},
	{Route: "/approvals", Name: "approvals"},
	{Route: "/approvals/pending", Name: "pending approvals"},
	{Route: "/approvals/history", Name: "approval history"},
}

// pageByRoute finds a known non-request page.
func pageByRoute(route string) (Page, bool) {
	for _, p := range pages {
		if strings.EqualFold(p.Route, route) {
			return p, true
		}
	}
	return Page{}, false
}

// A Link is a My Access portal link, as its parts.
type Link struct {
	Cloud Cloud
	Hint  DirectoryHint
	// PackageID is the access package the link requests; uuid.Nil when the
	// link opens another page.
	PackageID uuid.UUID
	// Page is the portal page for links that do not request a package;
	// empty for request links.
	Page Page
}

// IsRequest reports whether the link requests an access package.
func (l Link) IsRequest() bool { return l.PackageID != uuid.Nil }

// String returns the canonical link:
// https://<host>/@<hint>#/access-packages/<id>.
func (l Link) String() string {
	var b strings.Builder
	b.Grow(len("https://") + len(l.Cloud.Host) + 2 + len(l.Hint.Value) + 2 + len(requestRoute) + 36)
	b.WriteString("https://")
	b.WriteString(l.Cloud.Host)
	b.WriteByte('/')
	if l.Hint.Kind != HintNone {
		b.WriteByte('@')
		b.WriteString(l.Hint.Value)
	}
	switch {
	case l.IsRequest():
		b.WriteString("#")
		b.WriteString(requestRoute)
		b.WriteString(l.PackageID.String())
	case l.Page.Route != "":
		b.WriteString("#")
		b.WriteString(l.Page.Route)
	}
	return b.String()
}

// A BuildError says which parts of a link could not be built. Each field is
// nil when that part is fine, so that a form can show each problem next to
// its own field.
type BuildError struct {
	Hint *HintError
	ID   *IDError
}

func (e *BuildError) Error() string {
	switch {
	case e.Hint != nil && e.ID != nil:
		return e.Hint.Error() + "; " + e.ID.Error()
	case e.Hint != nil:
		return e.Hint.Error()
	}
	return e.ID.Error()
}

// Build makes the canonical request link for an access package from the
// parts people type: a directory hint (domain or tenant ID) and a package ID
// in any of the forms ParsePackageID accepts. On failure the error is a
// *BuildError.
func Build(cloud Cloud, hint, packageID string) (Link, error) {
	var berr BuildError
	h, err := ParseDirectoryHint(hint)
	if err != nil {
		berr.Hint = err.(*HintError)
	}
	id, err := ParsePackageID(packageID)
	if err != nil {
		berr.ID = err.(*IDError)
	}
	if berr.Hint != nil || berr.ID != nil {
		return Link{}, &berr
	}
	return Link{Cloud: cloud, Hint: h, PackageID: id}, nil
}
