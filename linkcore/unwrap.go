package linkcore

// TEMPORARY placeholder written by the lead only so that the package compiles while
// helper-1 writes the real gateway unwrapping. helper-1: replace this whole file.

type WrapperError struct {
	Wrapper string
	Opaque  bool
	Hint    string
	Reason  string
}

func (e *WrapperError) Error() string { return e.Wrapper + ": " + e.Reason }

func unwrap(u *URL) (inner, name string, err error) { return "", "", nil }
