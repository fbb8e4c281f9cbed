// Package runner is the command line of a revisions package: upgrade,
// downgrade, current, history, heads, branches, show, stamp, status and lint.
//
// `autogen` builds a small program around it for the project's revisions
// and runs that program for these commands; `autogen build -o FILE` writes the
// same program out for deployments without a Go toolchain. An application can
// embed it too:
//
//	func main() {
//		os.Exit(runner.Main(migrations.Registry, os.Args[1:]))
//	}
//
// Progress goes to standard error and results to standard output, so
// `upgrade --sql > plan.sql` and `current --format json | jq` work.
package runner
