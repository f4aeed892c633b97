package site

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
)

// The icon is drawn twice from one geometry: as SVG for browsers that take
// it, and rasterised to PNG for the manifest and the apple-touch icon, so
// the site ships its own icons and asks no other origin for them.
//
// Geometry in a 512×512 box: a rounded square, and two chain links at 45°,
// each the outline of a capsule (the points within linkRadius of a segment).
const (
	iconSize      = 512.0
	iconCorner    = 96.0
	linkHalfLen   = 58.0
	linkRadius    = 66.0
	linkStroke    = 34.0
	iconBlue      = "#1f5fbf"
	iconLinkWhite = "#ffffff"
)

// linkCentres are the centres of the two capsules.
var linkCentres = [2][2]float64{{204, 308}, {308, 204}}

// iconSVG returns the icon as an SVG document.
func iconSVG() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %g %g">`, iconSize, iconSize)
	fmt.Fprintf(&b, `<rect width="%g" height="%g" rx="%g" fill="%s"/>`, iconSize, iconSize, iconCorner, iconBlue)
	for _, c := range linkCentres {
		w, h := 2*(linkHalfLen+linkRadius), 2*linkRadius
		fmt.Fprintf(&b, `<rect x="%g" y="%g" width="%g" height="%g" rx="%g" transform="rotate(-45 %g %g)" fill="none" stroke="%s" stroke-width="%g"/>`,
			c[0]-w/2, c[1]-h/2, w, h, linkRadius, c[0], c[1], iconLinkWhite, linkStroke)
	}
	b.WriteString("</svg>\n")
	return b.Bytes()
}

// iconPNG rasterises the icon at size×size pixels with 4×4 supersampling.
// A pixel is fixed by how many of its 16 samples fall in the square and how
// many of those on a link: at most 153 colours, so a paletted PNG holds the
// image exactly at a third of the size of an RGBA one.
func iconPNG(size int) ([]byte, error) {
	const samples = 4
	palette := color.Palette{color.NRGBA{}} // index 0: outside the square
	index := map[[2]int]uint8{}
	img := image.NewPaletted(image.Rect(0, 0, size, size), nil)
	scale := iconSize / float64(size)
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			var bg, fg int
			for sy := 0; sy < samples; sy++ {
				for sx := 0; sx < samples; sx++ {
					px := (float64(x) + (float64(sx)+0.5)/samples) * scale
					py := (float64(y) + (float64(sy)+0.5)/samples) * scale
					if !inRoundedSquare(px, py) {
						continue
					}
					bg++
					if onLink(px, py) {
						fg++
					}
				}
			}
			if bg == 0 {
				continue
			}
			i, ok := index[[2]int{bg, fg}]
			if !ok {
				// Blend white links over blue; alpha from the rounded square.
				t := float64(fg) / float64(bg)
				i = uint8(len(palette))
				index[[2]int{bg, fg}] = i
				palette = append(palette, color.NRGBA{
					R: mix(0x1f, 0xff, t),
					G: mix(0x5f, 0xff, t),
					B: mix(0xbf, 0xff, t),
					A: uint8(math.Round(255 * float64(bg) / samples / samples)),
				})
			}
			img.SetColorIndex(x, y, i)
		}
	}
	img.Palette = palette
	var b bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&b, img); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func mix(a, b uint8, t float64) uint8 {
	return uint8(math.Round(float64(a)*(1-t) + float64(b)*t))
}

func inRoundedSquare(x, y float64) bool {
	// Distance outside a square inset by the corner radius.
	dx := math.Max(math.Max(iconCorner-x, x-(iconSize-iconCorner)), 0)
	dy := math.Max(math.Max(iconCorner-y, y-(iconSize-iconCorner)), 0)
	return dx*dx+dy*dy <= iconCorner*iconCorner
}

func onLink(x, y float64) bool {
	for _, c := range linkCentres {
		// The capsule's axis runs at -45°: from lower left to upper right.
		ux, uy := math.Sqrt2/2, -math.Sqrt2/2
		ax, ay := c[0]-ux*linkHalfLen, c[1]-uy*linkHalfLen
		t := (x-ax)*ux + (y-ay)*uy
		t = math.Max(0, math.Min(2*linkHalfLen, t))
		d := math.Hypot(x-(ax+ux*t), y-(ay+uy*t))
		if math.Abs(d-linkRadius) <= linkStroke/2 {
			return true
		}
	}
	return false
}
