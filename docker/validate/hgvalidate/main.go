// Command hgvalidate checks the container and cluster files of hybrid-gateway on a machine
// with no Docker engine and no cluster. It is built and run by ../validate.sh (and its
// deliberately broken inputs by ../selftest.sh); each subcommand prints one line per problem
// and exits 1 when there is any, 2 on bad usage.
//
//	hgvalidate compose FILE                     compose specification + project rules
//	hgvalidate k8s KUSTOMIZE_DIR SCHEMA_DIR...  kustomize render + API schemas + project rules
//	hgvalidate dockerfile FILE...               project rules the linter has no rule for
package main

import (
	"fmt"
	"os"
)

func main() {
	if len(os.Args) < 3 {
		usage()
	}
	var problems []string
	var err error
	switch os.Args[1] {
	case "compose":
		if len(os.Args) != 3 {
			usage()
		}
		problems, err = checkCompose(os.Args[2])
	case "k8s":
		if len(os.Args) < 4 {
			usage()
		}
		problems, err = checkKubernetes(os.Args[2], os.Args[3:])
	case "dockerfile":
		for _, file := range os.Args[2:] {
			var p []string
			if p, err = checkDockerfile(file); err != nil {
				break
			}
			problems = append(problems, p...)
		}
	default:
		usage()
	}
	if err != nil {
		// Not a finding about the files but a failure to check them (unreadable input, a
		// render or parse error): still a failed validation.
		fmt.Fprintf(os.Stderr, "hgvalidate %s: %v\n", os.Args[1], err)
		os.Exit(1)
	}
	for _, p := range problems {
		fmt.Fprintf(os.Stderr, "hgvalidate %s: %s\n", os.Args[1], p)
	}
	if len(problems) > 0 {
		os.Exit(1)
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: hgvalidate compose FILE | k8s KUSTOMIZE_DIR SCHEMA_DIR... | dockerfile FILE...")
	os.Exit(2)
}
