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
// # Output
//
// Progress goes to standard error and results to standard output, so
// `upgrade --sql > plan.sql` and `current --format json | jq` work. Upgrades
// and downgrades print each revision as it starts (with i/N when there are
// several), its duration when it ends, and name a statement still running
// after five seconds. -v adds every statement with its duration; -q leaves
// nothing but errors. Colour is used on a terminal only, never with NO_COLOR
// set or TERM=dumb, and as --color (auto, always, never) says.
//
// current, history, heads, status and lint take --format json; the
// documents are described in docs/json.md of the repository and are stable.
//
// # Tenant schemas
//
// --schemas names tenant schemas of a multi-tenant database, by name or
// glob: upgrade and downgrade go through every matching schema
// (--continue-on-error goes on after a failure) and status reports each;
// the other commands work in the one schema named. See
// migrate.Runner.ForSchema.
//
// # Fleets
//
// --fleet NAME makes upgrade, downgrade, stamp and status work on every
// target of a fleet through migrate's fleet runner, with --jobs,
// --per-server, --canary, --max-failures and the timeouts; the fleet itself
// arrives in FleetEnv as a FleetSpec, which autogen fills from the
// [fleet.NAME] section of autogen.toml. A line per target, a live progress
// line on a terminal, and a table (or --format json) at the end.
//
// # Shell completion
//
// The completion command writes bash, zsh, fish and PowerShell scripts;
// they complete revision ids (with their messages), branch labels and
// keywords such as head and base, from the program's own registry.
// [RevisionCompletions] is what they use.
package runner
