package site

import (
	"bytes"
	"encoding/xml"
	"image/png"
	"io"
	"testing"
)

func TestIconPNG(t *testing.T) {
	for _, size := range []int{192, 512} {
		b, err := iconPNG(size)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if got := img.Bounds().Dx(); got != size {
			t.Fatalf("width %d, want %d", got, size)
		}
		// The corner is outside the rounded square; a point on the square's
		// edge between the links is blue; a point on a link is white.
		if _, _, _, a := img.At(0, 0).RGBA(); a != 0 {
			t.Errorf("%d: corner not transparent", size)
		}
		s := float64(size) / iconSize
		if r, g, b, _ := img.At(int(256*s), int(30*s)).RGBA(); r>>8 != 0x1f || g>>8 != 0x5f || b>>8 != 0xbf {
			t.Errorf("%d: background %x %x %x, want blue", size, r>>8, g>>8, b>>8)
		}
		c := linkCentres[0]
		x, y := c[0]-linkRadius*0.7071, c[1]-linkRadius*0.7071 // on the capsule's side
		if r, _, _, _ := img.At(int(x*s), int(y*s)).RGBA(); r>>8 != 0xff {
			t.Errorf("%d: link stroke not white (r=%x)", size, r>>8)
		}
	}
}

func TestIconSVGIsXML(t *testing.T) {
	d := xml.NewDecoder(bytes.NewReader(iconSVG()))
	for {
		_, err := d.Token()
		if err != nil {
			if err == io.EOF {
				return
			}
			t.Fatal(err)
		}
	}
}
