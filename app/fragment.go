package app

import (
	"cmp"
	"net/url"
	"slices"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"
)

// maxFragment bounds what is kept in the address bar: a value that would make
// it longer (a big batch, a long JSON) is left out, rather than making an
// address browsers truncate; the other values are kept.
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
// values (see encodeFragment), without a history entry and without a
// request: the fragment never leaves the browser.
func writeFragment(ctx goapp.Context, state map[string]string) {
	cur := ctx.Page().URL()
	if cur == nil {
		return
	}
	u := *cur
	u.RawFragment = encodeFragment(state)
	u.Fragment, _ = url.PathUnescape(u.RawFragment)
	ctx.Page().ReplaceURL(&u)
}

// encodeFragment encodes the state's non-empty values, shortest first, and
// leaves out any value that would take the whole past maxFragment: a long
// input is lost on reload, but what says who and where is kept.
func encodeFragment(state map[string]string) string {
	keys := make([]string, 0, len(state))
	for key, value := range state {
		if value != "" {
			keys = append(keys, key)
		}
	}
	slices.SortFunc(keys, func(a, b string) int {
		return cmp.Or(cmp.Compare(len(state[a]), len(state[b])), cmp.Compare(a, b))
	})
	v := url.Values{}
	size := 0
	for _, key := range keys {
		n := len(url.QueryEscape(key)) + len(url.QueryEscape(state[key])) + 2 // = and &
		if size+n > maxFragment {
			continue
		}
		v.Set(key, state[key])
		size += n
	}
	return v.Encode()
}
