package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"accesslink/linkcore"
)

// runBuild implements "accesslink build --hint H --id ID [--cloud C]".
func runBuild(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("build", flag.ContinueOnError)
	flags.SetOutput(stderr)
	hint := flags.String("hint", "", "the tenant's domain or tenant ID (required)")
	id := flags.String("id", "", "the access package ID (required)")
	cloudID := flags.String("cloud", linkcore.DefaultCloud.ID, "commercial or usgov")
	if err := flags.Parse(args); err != nil {
		return exitUsage
	}
	if flags.NArg() > 0 {
		return usageError(stderr, "build", fmt.Errorf("unexpected argument %q", flags.Arg(0)))
	}
	if *hint == "" || *id == "" {
		return usageError(stderr, "build", errors.New("--hint and --id are both required"))
	}
	cloud, ok := linkcore.CloudByID(*cloudID)
	if !ok {
		return usageError(stderr, "build", fmt.Errorf("unknown cloud %q (use commercial or usgov)", *cloudID))
	}
	link, err := linkcore.Build(cloud, *hint, *id)
	if err != nil {
		var berr *linkcore.BuildError
		errors.As(err, &berr)
		if berr.Hint != nil {
			fmt.Fprintf(stderr, "hint-invalid: the directory hint %s\n", berr.Hint.Reason)
		}
		if berr.ID != nil {
			fmt.Fprintf(stderr, "package-id-invalid: the access package ID %s\n", berr.ID.Reason)
		}
		return exitFound
	}
	fmt.Fprintln(stdout, link)
	return exitOK
}
