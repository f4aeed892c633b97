package linkcore

import "strings"

// A Cloud is a Microsoft cloud with its own My Access portal host.
type Cloud struct {
	ID   string // stable identifier used by the CLI and the page: "commercial", "usgov"
	Name string // human name
	Host string // the portal's host name, lower case
}

// Clouds lists every cloud whose My Access host is documented. Adding a cloud
// is adding a row; the first row is the default.
var Clouds = []Cloud{
	{ID: "commercial", Name: "Commercial (worldwide)", Host: "myaccess.microsoft.com"},
	{ID: "usgov", Name: "US Government (GCC High, DoD)", Host: "myaccess.microsoft.us"},
}

// DefaultCloud is the cloud used when none is named.
var DefaultCloud = Clouds[0]

// CloudByID returns the cloud with the given ID, ignoring case.
func CloudByID(id string) (Cloud, bool) {
	for _, c := range Clouds {
		if strings.EqualFold(c.ID, id) {
			return c, true
		}
	}
	return Cloud{}, false
}

// cloudByHost returns the cloud whose portal is exactly host (already
// canonical: lower case, no trailing dot).
func cloudByHost(host string) (Cloud, bool) {
	for _, c := range Clouds {
		if c.Host == host {
			return c, true
		}
	}
	return Cloud{}, false
}
