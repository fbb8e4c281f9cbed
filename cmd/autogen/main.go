// Command autogen autogenerates PostgreSQL schema migrations as Go revision
// files from a plain SQL schema, and applies them. Run `autogen --help`.
package main

import (
	"os"

	"github.com/autogen-dev/autogen/internal/cli"
)

func main() { os.Exit(cli.Main(os.Args[1:])) }
