package app

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var viewBox = regexp.MustCompile(`viewBox="0 0 (\d+) (\d+)"`)

func TestQRSVG(t *testing.T) {
	tests := []struct {
		text    string
		version int // smallest version holding the text at level M
	}{
		{"https://myaccess.microsoft.com/", 3},
		{genuine, 7}, // 109 bytes: version 6-M holds 106
	}
	for _, tt := range tests {
		svg, err := qrSVG(tt.text)
		if err != nil {
			t.Fatal(err)
		}
		m := viewBox.FindStringSubmatch(svg)
		if m == nil {
			t.Fatalf("no viewBox in %.80s", svg)
		}
		side, _ := strconv.Atoi(m[1])
		if want := 17 + 4*tt.version + 2*qrQuietZone; side != want {
			t.Errorf("%q: side %d, want %d (version %d with quiet zone)", tt.text, side, want, tt.version)
		}
		// The top-left finder pattern: a row of seven dark modules right
		// inside the quiet zone.
		if !strings.Contains(svg, `d="M4 4h7v1h-7z`) {
			t.Errorf("%q: no finder pattern at the quiet zone's corner: %.200s", tt.text, svg)
		}
	}
}

func TestQRSVGTooLong(t *testing.T) {
	if _, err := qrSVG(strings.Repeat("x", 3000)); err == nil {
		t.Fatal("no error for 3000 bytes")
	}
}

func BenchmarkQRSVG(b *testing.B) {
	for b.Loop() {
		if _, err := qrSVG(genuine); err != nil {
			b.Fatal(err)
		}
	}
}

// The Build page keeps a link's QR code until the link changes.
func TestBuildPageQRFollowsTheLink(t *testing.T) {
	var b BuildPage
	for _, link := range []string{genuine, "https://myaccess.microsoft.com/", genuine} {
		got, err := b.qrFor(link)
		want, wantErr := qrSVG(link)
		if got != want || err != wantErr {
			t.Errorf("qrFor(%q) is not the QR code of the link", link)
		}
	}
}
