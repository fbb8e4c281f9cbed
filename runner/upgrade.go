package runner

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/spf13/cobra"

	"github.com/autogen-dev/autogen/internal/exitcode"
	"github.com/autogen-dev/autogen/migrate"
)

func (e *env) upgradeCmd() *cobra.Command {
	var offline, keepGoing bool
	cmd := &cobra.Command{
		Use:   "upgrade [TARGET]",
		Short: "Apply revisions up to a target (default: head)",
		Long: `Apply revisions up to a target. TARGET is "head" (the default), "heads",
a revision id or unique prefix, a branch label, LABEL@head, +N (the next N
revisions), REV+N or LABEL@+N. Each revision runs in its own transaction
together with the version-table update; one that holds a statement
PostgreSQL refuses in a transaction (CREATE INDEX CONCURRENTLY), or an
op.Commit, runs in segments, each recorded in the version table as it
completes, so that a failure leaves the database at the end of a segment,
from which the next upgrade continues.

Before a revision's first statement, the data guard checks every operation
that deletes data and that the revision does not acknowledge
(AllowHazards): if the database holds rows, values or precision it would
lose, nothing runs and upgrade exits 10, naming the operation and an
example. --allow-destructive runs it anyway.

Ctrl-C (SIGINT) or SIGTERM cancels the running statement on the server,
waits for the rollback, releases the migration lock, says where the
database stands and exits 130; a second signal exits at once.

With --sql nothing is executed: the statements are printed, with BEGIN and
COMMIT and the version-table changes. Offline, the start is base unless
given as FROM:TO.

With --schemas, every tenant schema matching the names or globs is
upgraded in turn, each with its own version table and with search_path set
to it; the run stops at the first schema that fails unless
--continue-on-error.`,
		Example: `  autogen upgrade head
  autogen upgrade +1
  autogen upgrade 1a2b3c
  autogen upgrade head --sql > upgrade.sql
  autogen upgrade 1a2b3c:head --sql
  autogen upgrade head --schemas 'tenant_*' --continue-on-error`,
		Args:              cobra.MaximumNArgs(1),
		ValidArgsFunction: e.completeRevisions(1, "head", "heads", "+1"),
		RunE: func(cmd *cobra.Command, args []string) error {
			target := "head"
			if len(args) == 1 {
				target = args[0]
			}
			if len(e.schemas) > 0 && !offline {
				r, err := e.baseRunner()
				if err != nil {
					return err
				}
				return e.moveSchemas(cmd.Context(), r, migrate.Up, target, onError(keepGoing))
			}
			r, err := e.runner()
			if err != nil {
				return err
			}
			if offline {
				return wrapGraph(r.UpgradeSQL(cmd.Context(), e.stdout, target))
			}
			return e.move(cmd.Context(), r, migrate.Up, target)
		},
	}
	cmd.Flags().BoolVar(&offline, "sql", false, "print the SQL instead of running it (connects to nothing)")
	cmd.Flags().BoolVar(&keepGoing, "continue-on-error", false, "with --schemas, go on with the next schema after one fails")
	e.allowDestructiveFlag(cmd)
	return cmd
}

// allowDestructiveFlag adds --allow-destructive, which turns the data
// guard off.
func (e *env) allowDestructiveFlag(cmd *cobra.Command) {
	cmd.Flags().BoolVar(&e.allowDestructive, "allow-destructive", false,
		"run revisions even when they would lose data the database holds without acknowledging it (turns the data guard off; with --sql, leaves its checks out)")
}

// move upgrades or downgrades one database, saying so when there is
// nothing to do, and where the database stands when a signal stopped it.
func (e *env) move(ctx context.Context, r *migrate.Runner, dir migrate.Direction, target string) error {
	return e.withConn(ctx, func(conn *pgx.Conn) error {
		var n int
		var err error
		if dir == migrate.Up {
			n, err = r.Upgrade(ctx, conn, target)
		} else {
			n, err = r.Downgrade(ctx, conn, target)
		}
		if err == nil && n == 0 && !e.quiet {
			fmt.Fprintf(e.stderr, "Nothing to %s: the database is already at %s\n", dir, target)
		}
		return e.interrupted(ctx, r, conn, err)
	})
}

// onError maps --continue-on-error to the policy of a multi-schema run.
func onError(keepGoing bool) migrate.OnError {
	if keepGoing {
		return migrate.ContinueOnError
	}
	return migrate.StopOnError
}

func (e *env) downgradeCmd() *cobra.Command {
	var offline, keepGoing bool
	cmd := &cobra.Command{
		Use:   "downgrade TARGET",
		Short: "Undo revisions down to a target",
		Long: `Undo revisions down to a target. TARGET is "base" (undo everything), a
revision (every applied revision that needs it is undone; it stays), -N
(the last N revisions), REV-N or LABEL@-N.

With --sql nothing is executed; give the range as FROM:TO, such as
head:base.

The data guard checks downgrades as it checks upgrades: a downgrade that
drops a table or column holding data, which the revision does not
acknowledge, exits 10 unless --allow-destructive. A revision an upgrade
left between segments counts as applied: downgrading it undoes the
segments that completed.

With --schemas, every tenant schema matching the names or globs is
downgraded in turn, as upgrade --schemas upgrades them.`,
		Example: `  autogen downgrade -1
  autogen downgrade base
  autogen downgrade 1a2b3c
  autogen downgrade head:base --sql
  autogen downgrade -1 --schemas tenant_acme`,
		Args:              cobra.ExactArgs(1),
		ValidArgsFunction: e.completeRevisions(1, "base", "-1"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(e.schemas) > 0 && !offline {
				r, err := e.baseRunner()
				if err != nil {
					return err
				}
				return e.moveSchemas(cmd.Context(), r, migrate.Down, args[0], onError(keepGoing))
			}
			r, err := e.runner()
			if err != nil {
				return err
			}
			if offline {
				if !strings.Contains(args[0], ":") {
					// Offline there is no database to say where to start;
					// this is a usage mistake, not an internal failure.
					return exitcode.With(exitcode.Usage, fmt.Errorf("offline downgrade needs a range FROM:TO, such as head:base, not %q", args[0]))
				}
				return wrapGraph(r.DowngradeSQL(cmd.Context(), e.stdout, args[0]))
			}
			return e.move(cmd.Context(), r, migrate.Down, args[0])
		},
	}
	cmd.Flags().BoolVar(&offline, "sql", false, "print the SQL instead of running it (connects to nothing)")
	cmd.Flags().BoolVar(&keepGoing, "continue-on-error", false, "with --schemas, go on with the next schema after one fails")
	e.allowDestructiveFlag(cmd)
	return cmd
}

func (e *env) stampCmd() *cobra.Command {
	var purge, offline bool
	cmd := &cobra.Command{
		Use:   "stamp TARGET...",
		Short: "Set the version table without running any revision",
		Long: `Record TARGET as the database's revision without running anything, for a
database whose schema was created or fixed by other means. TARGET is a
revision, "head", "heads" or "base". --purge empties the version table
first, which is needed when it names a revision no file declares.`,
		Example: `  autogen stamp head
  autogen stamp 1a2b3c
  autogen stamp --purge base`,
		Args:              cobra.MinimumNArgs(1),
		ValidArgsFunction: e.completeRevisions(0, "head", "heads", "base"),
		RunE: func(cmd *cobra.Command, args []string) error {
			r, err := e.runner()
			if err != nil {
				return err
			}
			if offline {
				return wrapGraph(r.StampSQL(e.stdout, purge, args...))
			}
			return e.withConn(cmd.Context(), func(conn *pgx.Conn) error {
				if err := r.Stamp(cmd.Context(), conn, purge, args...); err != nil {
					return err
				}
				if !e.quiet {
					cur, err := r.Current(cmd.Context(), conn)
					if err != nil {
						return err
					}
					fmt.Fprintf(e.stderr, "Stamped the database at %s\n", orBase(cur))
				}
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&purge, "purge", false, "empty the version table first")
	cmd.Flags().BoolVar(&offline, "sql", false, "print the SQL instead of running it")
	return cmd
}

// wrapGraph gives graph errors (unknown revision, several heads) their exit
// code.
func wrapGraph(err error) error {
	if err == nil {
		return nil
	}
	return exitcode.With(Code(err), err)
}

func orBase(ids []string) string {
	if len(ids) == 0 {
		return "base"
	}
	s := ids[0]
	for _, id := range ids[1:] {
		s += ", " + id
	}
	return s
}
