package golden

import (
	"bytes"
	"strings"
)

// ParseArchive splits a txtar archive (the readiness golden files) into
// its comment and its files: each file starts at a "-- name --" line.
func ParseArchive(data []byte) (comment string, files map[string][]byte) {
	files = map[string][]byte{}
	name := ""
	var current []byte
	flush := func() {
		if name == "" {
			comment = string(current)
		} else {
			files[name] = current
		}
	}
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i+1], data[i+1:]
		} else {
			data = nil
		}
		trimmed := strings.TrimRight(string(line), "\r\n")
		if strings.HasPrefix(trimmed, "-- ") && strings.HasSuffix(trimmed, " --") && len(trimmed) > 6 {
			flush()
			name, current = strings.TrimSpace(trimmed[3:len(trimmed)-3]), []byte{}
			continue
		}
		current = append(current, line...)
	}
	flush()
	return comment, files
}
