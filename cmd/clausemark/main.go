//go:build !(js && wasm)

// Command clausemark serves the Clausemark app and converts resolutions
// and annotation files for drafting pipelines.
//
//	clausemark [serve] [-addr 127.0.0.1:8000] [-web web]
//	clausemark parse FILE
//	clausemark dist [-o dist] [-web web]
//	clausemark export -format w3c|markdown|html|csv|json [-doc RESOLUTION.txt] [-o FILE] [-delegation NAME] ANNOTATIONS.json
//	clausemark merge [-doc RESOLUTION.txt] [-o OUT.json] A.json B.json
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
)

const usage = `Clausemark — read and annotate UN resolutions, offline.

Usage:
  clausemark [serve] [flags]   serve the app (default)
  clausemark parse FILE        print the parsed resolution as JSON (FILE: .txt,
                               .docx or .html; PDFs are opened in the app)
  clausemark dist [-o DIR]     write a static copy of the site
  clausemark export -format w3c|markdown|html|csv|json [-o FILE] ANNOTATIONS.json
                               convert an annotation file for drafting
                               pipelines (to stdout without -o)
  clausemark merge A.json B.json [-o OUT.json]
                               merge annotation file B into A (to stdout
                               without -o); the summary goes to stderr

export and merge take -doc RESOLUTION.txt, the resolution the annotations
are on (default: the embedded A/HRC/RES/53/11), and -any-document to accept
a file made on another document, re-anchoring its annotations by quote.

Run 'clausemark COMMAND -h' for the flags of a command.
`

// errUsage reports a command line the command does not understand; the
// usage has been printed.
var errUsage = errors.New("usage")

func main() {
	stdout, stderr := terminalSafe(os.Stdout), terminalSafe(os.Stderr)
	if err := run(os.Args[1:], stdout, stderr); err != nil {
		if !errors.Is(err, errUsage) {
			fmt.Fprintln(stderr, "clausemark:", err)
		}
		os.Exit(1)
	}
}

// run runs a command line and writes to stdout and stderr.
func run(args []string, stdout, stderr io.Writer) error {
	cmd := "serve"
	if len(args) > 0 && (args[0] == "" || args[0][0] != '-') {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "serve":
		return serve(args, stderr)
	case "parse":
		return parse(args, stdout, stderr)
	case "dist":
		return dist(args, stderr)
	case "export":
		return export(args, stdout, stderr)
	case "merge":
		return merge(args, stdout, stderr)
	case "help":
		fmt.Fprint(stdout, usage)
		return nil
	default:
		fmt.Fprintf(stderr, "unknown command %q\n\n%s", cmd, usage)
		return errUsage
	}
}
