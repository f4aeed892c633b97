package linkcore_test

import (
	"net/url"
	"strings"
	"testing"

	"accesslink/linkcore"
)

// typicalLink is what people paste most: a genuine, complete request link.
const typicalLink = "https://myaccess.microsoft.com/@contoso.onmicrosoft.com#/access-packages/114d3459-3459-114d-5934-4d1159344d11"

// BenchmarkCheck and BenchmarkNetURLParse measure the same link in the same
// run: the budget is Check at most 2x net/url.Parse, with at most 10
// allocations (see README, "Performance").
func BenchmarkCheck(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		linkcore.Check(typicalLink)
	}
}

func BenchmarkNetURLParse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		url.Parse(typicalLink)
	}
}

func BenchmarkParseURL(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		linkcore.ParseURL(typicalLink)
	}
}

func BenchmarkCheckMessage(b *testing.B) {
	text := "Hello,\n\nplease request access here: <" + typicalLink + ">.\n\nThanks,\nAdele"
	b.ReportAllocs()
	for b.Loop() {
		linkcore.Check(text)
	}
}

func BenchmarkCheckHostile1MiB(b *testing.B) {
	text := strings.Repeat("https://myaccess.microsoft.com.evil.example/ ", (1<<20)/45)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		linkcore.Check(text)
	}
}

// BenchmarkCheckWrappedTracking1MiB: a wrapped link whose query is a
// megabyte of tracking parameters, each redacted; linear, not quadratic.
func BenchmarkCheckWrappedTracking1MiB(b *testing.B) {
	text := wrappedTracking(1 << 20)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		linkcore.Check(text)
	}
}

func BenchmarkBuild(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		linkcore.Build(linkcore.DefaultCloud, "contoso.onmicrosoft.com", "114D3459-3459-114D-5934-4D1159344D11")
	}
}
