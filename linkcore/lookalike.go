package linkcore

// TEMPORARY placeholder written by the lead only so that the package compiles while
// helper-2 writes the real lookalike detection. helper-2: replace this whole file.

func lookalikeOf(asciiHost string) (genuine, why string, ok bool) { return "", "", false }

func mixedScripts(unicodeHost string) (label string, scripts []string, ok bool) {
	return "", nil, false
}
