package app

import (
	"net/url"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"
)

// maxFragment bounds what is kept in the address bar: longer input (a big
// batch) is not kept, rather than making an address browsers truncate.
const maxFragment = 16 << 10

// readFragment returns the state kept in the page URL's fragment.
func readFragment(ctx goapp.Context) url.Values {
	u := ctx.Page().URL()
	if u == nil {
		return url.Values{}
	}
	v, err := url.ParseQuery(u.EscapedFragment())
	if err != nil {
		return url.Values{}
	}
	return v
}

// writeFragment replaces the page URL's fragment with the state's non-empty
// values, without a history entry and without a request: the fragment never
// leaves the browser.
func writeFragment(ctx goapp.Context, state map[string]string) {
	v := url.Values{}
	for key, value := range state {
		if value != "" {
			v.Set(key, value)
		}
	}
	enc := v.Encode()
	if len(enc) > maxFragment {
		enc = ""
	}
	cur := ctx.Page().URL()
	if cur == nil {
		return
	}
	u := *cur
	u.Fragment, _ = url.PathUnescape(enc)
	u.RawFragment = enc
	ctx.Page().ReplaceURL(&u)
}
