// Package linkcore builds, reads and checks Microsoft Entra "My Access" portal
// links the way a browser reads them.
//
// A My Access link that requests an access package has the form
//
//	https://myaccess.microsoft.com/@<directory hint>#/access-packages/<access package ID>
//
// The layers, from the bottom up:
//
//   - [ParsePackageID] and [ParseDirectoryHint] read the two parts people type.
//   - [Build] turns a cloud, a hint and an ID into a canonical [Link].
//   - [ParseURL] reads one URL exactly as Chromium does: the WHATWG URL
//     standard where Go's net/url disagrees with it, and Chromium where
//     Chromium departs from the standard.
//   - [Check] finds every link in a block of text, peels mail-gateway wrappers,
//     and returns a [Report] for each: what it points to, a [Verdict], and
//     [Finding]s that say what is wrong and how to fix it. [CodeTable] lists
//     every finding code; [Report.JSON] is the stable JSON form.
//   - [SplitBatch], [CheckBatch] and [BuildFromCSV] work on many lines at once.
//
// Package readiness, below this one, reads what Microsoft Graph says about
// an access package and explains who can request it through a link.
//
// The package is pure Go with no browser or UI dependency, so the same code
// runs in the web page (compiled to WebAssembly) and in the command-line
// checker.
package linkcore
