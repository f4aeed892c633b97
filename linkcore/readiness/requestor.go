package readiness

import (
	"strings"

	"accesslink/linkcore"
)

// A RequestorKind says how the person who opens the link relates to the
// tenant that owns the access package.
type RequestorKind int

const (
	Member   RequestorKind = iota // a member user of the tenant
	Guest                         // a guest (B2B) user already in the tenant's directory
	External                      // a user of another organization, not yet in the directory
)

// A Requestor is the person whose access is assessed.
type Requestor struct {
	Kind RequestorKind
	// Directory is the external user's home directory: a lower-case domain
	// name (Punycode) or tenant ID, as linkcore.ParseDirectoryHint writes it.
	// It is empty for members and guests.
	Directory string
}

// A RequestorError says why a text does not describe a requestor.
type RequestorError struct {
	Input  string
	Reason string
}

func (e *RequestorError) Error() string {
	return "invalid requestor " + quote(e.Input) + ": " + e.Reason
}

// ParseRequestor reads "member", "guest", or "external:<domain or tenant ID>"
// (for example "external:contoso.com"), ignoring case and surrounding space.
func ParseRequestor(s string) (Requestor, error) {
	text := strings.TrimSpace(s)
	kind, dir, hasDir := strings.Cut(text, ":")
	fail := func(reason string) (Requestor, error) {
		return Requestor{}, &RequestorError{Input: s, Reason: reason}
	}
	switch strings.ToLower(strings.TrimSpace(kind)) {
	case "member":
		if hasDir {
			return fail("a member belongs to the tenant itself; write just \"member\"")
		}
		return Requestor{Kind: Member}, nil
	case "guest":
		if hasDir {
			return fail("write just \"guest\" for a guest already in the directory, or \"external:" + strings.TrimSpace(dir) + "\" for a user who is not in it yet")
		}
		return Requestor{Kind: Guest}, nil
	case "external":
		if strings.TrimSpace(dir) == "" {
			return fail("name the user's home directory: external:contoso.com or external:<tenant ID>")
		}
		if at := strings.LastIndexByte(dir, '@'); at >= 0 && at < len(dir)-1 {
			dir = dir[at+1:] // an address: its domain is the directory
		}
		h, err := linkcore.ParseDirectoryHint(dir)
		if err != nil {
			return fail(err.(*linkcore.HintError).Reason)
		}
		return Requestor{Kind: External, Directory: h.Value}, nil
	}
	return fail("say member, guest, or external:<domain or tenant ID>")
}

// String says who the requestor is, for sentences: "a member of the tenant",
// "an external user from contoso.com".
func (r Requestor) String() string {
	switch r.Kind {
	case Guest:
		return "a guest already in the directory"
	case External:
		return "an external user from " + r.Directory
	}
	return "a member of the tenant"
}

// Flag is the requestor as the command line and the JSON answer write it.
func (r Requestor) Flag() string {
	switch r.Kind {
	case Guest:
		return "guest"
	case External:
		return "external:" + r.Directory
	}
	return "member"
}

// byTenantID reports whether the external directory is given as a tenant ID.
func (r Requestor) byTenantID() bool {
	if r.Kind != External {
		return false
	}
	h, err := linkcore.ParseDirectoryHint(r.Directory)
	return err == nil && h.Kind == linkcore.HintTenantID
}
