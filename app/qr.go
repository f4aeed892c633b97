package app

import (
	"errors"
	"strconv"
	"strings"

	"rsc.io/qr/coding"
)

// qrQuietZone is the blank border, in modules, that readers need around a
// QR code (ISO/IEC 18004 asks for four).
const qrQuietZone = 4

// qrSVG encodes text as a QR code with error correction level M and returns
// it as an SVG document: one path of black modules on a white square, with
// the quiet zone. The smallest version that holds the text is used.
func qrSVG(text string) (string, error) {
	enc := coding.String(text)
	for v := coding.Version(coding.MinVersion); v <= coding.MaxVersion; v++ {
		if enc.Bits(v) > v.DataBytes(coding.M)*8 {
			continue
		}
		plan, err := coding.NewPlan(v, coding.M, 0)
		if err != nil {
			return "", err
		}
		code, err := plan.Encode(enc)
		if err != nil {
			return "", err
		}
		return renderQR(code), nil
	}
	return "", errors.New("the link is too long for a QR code")
}

func renderQR(code *coding.Code) string {
	side := strconv.Itoa(code.Size + 2*qrQuietZone)
	var b strings.Builder
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ` + side + ` ` + side +
		`" shape-rendering="crispEdges" role="img" aria-label="QR code of the link">`)
	b.WriteString(`<rect width="` + side + `" height="` + side + `" fill="#fff"/><path fill="#000" d="`)
	for y := 0; y < code.Size; y++ {
		for x := 0; x < code.Size; x++ {
			if !code.Black(x, y) {
				continue
			}
			// Join a horizontal run of black modules into one rectangle.
			run := 1
			for x+run < code.Size && code.Black(x+run, y) {
				run++
			}
			b.WriteString("M" + strconv.Itoa(x+qrQuietZone) + " " + strconv.Itoa(y+qrQuietZone) +
				"h" + strconv.Itoa(run) + "v1h-" + strconv.Itoa(run) + "z")
			x += run - 1
		}
	}
	b.WriteString(`"/></svg>`)
	return b.String()
}
