package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/autogen-dev/autogen/autogenerate"
	"github.com/autogen-dev/autogen/diff"
	"github.com/autogen-dev/autogen/internal/exitcode"
	"github.com/autogen-dev/autogen/internal/term"
	"github.com/autogen-dev/autogen/model"
)

// renameHelp documents the forms --rename accepts.
const renameHelp = `confirm a rename (repeatable), names as in the database: TABLE=NEW, TABLE.COLUMN=NEW, ` +
	`index:INDEX=NEW, constraint:TABLE.CONSTRAINT=NEW, enum:TYPE=NEW, value:TYPE.VALUE=NEW; ` +
	`each name may start with SCHEMA.; names are as in the database, case included, and "double-quoted" when they hold . = : " or spaces.`

// parseRenames reads --rename flags; see renameHelp. Every old name must
// exist in the current schema.
func parseRenames(flags []string, current *model.Catalog) (diff.Renames, error) {
	up := autogenerate.NewRenames()
	for _, f := range flags {
		if err := parseRename(f, current, &up); err != nil {
			return up, exitcode.With(exitcode.Usage, fmt.Errorf("--rename %q: %w", f, err))
		}
	}
	return up, nil
}

func parseRename(arg string, current *model.Catalog, up *diff.Renames) error {
	f, err := autogenerate.ParseRenameFlag(arg)
	if err != nil {
		return err
	}
	kind, parts, newName := f.Kind, f.Old, f.New
	// split tries the object name with and without a leading schema.
	split := func(exists func(model.Name) bool) (model.Name, []string, bool) {
		if len(parts) >= 2 {
			if n := (model.Name{Schema: parts[0], Name: parts[1]}); exists(n) {
				return n, parts[2:], true
			}
		}
		n := model.Name{Schema: "public", Name: parts[0]}
		return n, parts[1:], exists(n)
	}
	tableExists := func(n model.Name) bool { return current.Table(n) != nil }
	enumExists := func(n model.Name) bool { return current.Enum(n) != nil }
	switch kind {
	case "":
		table, member, ok := split(tableExists)
		switch {
		case !ok:
			return errors.New("no such table in the database")
		case len(member) == 0:
			up.Tables[table] = newName
			return nil
		case len(member) > 1 || current.Table(table).Column(member[0]) == nil:
			return fmt.Errorf("table %s has no column %s", table, strings.Join(member, "."))
		}
		putMember(up.Columns, renamedTable(*up, table), member[0], newName)
	case "index":
		n, member, ok := split(func(n model.Name) bool { return hasIndex(current, n) })
		if !ok || len(member) > 0 {
			return errors.New("no such index in the database")
		}
		up.Indexes[n] = newName
	case "constraint":
		table, member, ok := split(tableExists)
		if !ok || len(member) != 1 || current.Table(table).Constraint(member[0]) == nil {
			return errors.New("no such constraint in the database; write constraint:TABLE.CONSTRAINT=NEW")
		}
		putMember(up.Constraints, renamedTable(*up, table), member[0], newName)
	case "enum":
		n, member, ok := split(enumExists)
		if !ok || len(member) > 0 {
			return errors.New("no such enum type in the database")
		}
		up.Enums[n] = newName
	case "value":
		n, member, ok := split(enumExists)
		value := strings.Join(member, ".")
		if !ok || !slices.Contains(current.Enum(n).Values, value) {
			return errors.New("no such enum value in the database; write value:TYPE.VALUE=NEW")
		}
		if nn, ok := up.Enums[n]; ok {
			n.Name = nn
		}
		putMember(up.EnumValues, n, value, newName)
	}
	return nil
}

func hasIndex(c *model.Catalog, n model.Name) bool {
	for _, ix := range c.Indexes {
		if ix.Schema == n.Schema && ix.Name == n.Name {
			return true
		}
	}
	return false
}

// renamedTable returns a table's name after the renames given so far:
// members are keyed by their table's new name.
func renamedTable(r diff.Renames, t model.Name) model.Name {
	if n, ok := r.Tables[t]; ok {
		t.Name = n
	}
	return t
}

func putMember(m map[model.Name]map[string]string, k model.Name, old, n string) {
	if m[k] == nil {
		m[k] = map[string]string{}
	}
	m[k][old] = n
}

// confirmedRenames gathers the confirmed renames: --rename flags and the
// renamed-from comments of the schema source. A comment that names nothing
// in the database is warned about (see autogenerate.StaleHints).
func (a *App) confirmedRenames(flags []string, schemaPath string, current, desired *model.Catalog) (diff.Renames, error) {
	fromFlags, err := parseRenames(flags, current)
	if err != nil {
		return fromFlags, err
	}
	hints, err := autogenerate.ScanRenamedFrom(schemaPath)
	if err != nil {
		return fromFlags, exitcode.With(exitcode.Schema, err)
	}
	for _, w := range autogenerate.StaleHints(hints, current) {
		fmt.Fprintf(a.Stderr, "Warning: %s\n", w)
	}
	fromComments, err := autogenerate.ResolveHints(hints, current, desired)
	if err != nil {
		return fromFlags, exitcode.With(exitcode.Schema, err)
	}
	all, err := autogenerate.Merge(fromFlags, fromComments)
	if err != nil {
		return all, exitcode.With(exitcode.Usage, fmt.Errorf("--rename and renamed-from comments disagree: %w", err))
	}
	return all, nil
}

// settleRenames makes sure no rename candidate turns silently into a drop
// and an add. On a terminal it asks about each; otherwise, unless
// --no-rename says they are all drops and adds, it lists them and refuses.
// It returns the comparison redone with the confirmed renames.
func (a *App) settleRenames(ctx context.Context, probe dataProbe, cmp *autogenerate.Result, noRename bool) (*autogenerate.Result, error) {
	cands := autogenerate.Candidates(cmp.Current, cmp.Desired, cmp.Options.Renames, nil)
	if len(cands) == 0 || noRename {
		return cmp, nil
	}
	if !term.IsTerminal(a.Stdin) {
		// Without a terminal to ask on, refuse only the candidates whose
		// drop would lose data this database holds; the others are taken
		// as drops and adds, and said so.
		var risky, harmless []autogenerate.Candidate
		for _, c := range withMembers(cmp, cands) {
			found, err := probe.candidate(ctx, cmp.Current, c)
			if err != nil {
				return nil, err
			}
			if found {
				risky = append(risky, c)
			} else {
				harmless = append(harmless, c)
			}
		}
		if len(risky) > 0 {
			fmt.Fprint(a.Stderr, refusal(risky))
			return nil, exitcode.With(exitcode.Refused, errSilent)
		}
		if !a.quiet {
			for _, c := range harmless {
				fmt.Fprintf(a.Stderr, "Possible rename %s: written as a drop and an add, which loses no data in this database (confirm with --rename %s to keep it a rename)\n", c, shellWord(c.Flag()))
			}
		}
		return cmp, nil
	}
	renames, err := autogenerate.Merge(cmp.Options.Renames, autogenerate.NewRenames())
	if err != nil {
		return nil, err
	}
	asked, err := askRenames(a.Stdin, a.Stderr, cmp, &renames)
	if err != nil {
		fmt.Fprintf(a.Stderr, "\n%v\n", err)
		fmt.Fprint(a.Stderr, refusal(asked))
		return nil, exitcode.With(exitcode.Refused, errSilent)
	}
	o := cmp.Options
	o.Renames = renames
	return autogenerate.Compare(cmp.Current, cmp.Desired, o)
}

// askRenames asks about each candidate on out and reads the answers from
// in, adding the confirmed ones to renames. Confirming one rename can
// settle others (a column cannot be renamed twice), so the candidates are
// recomputed after every answer. On a read error it returns the
// candidates still open.
func askRenames(in io.Reader, out io.Writer, cmp *autogenerate.Result, renames *diff.Renames) ([]autogenerate.Candidate, error) {
	r := bufio.NewReader(in)
	var declined []autogenerate.Candidate
	for {
		cands := autogenerate.Candidates(cmp.Current, cmp.Desired, *renames, declined)
		if len(cands) == 0 {
			return nil, nil
		}
		c := cands[0]
		fmt.Fprintf(out, "Is %s a rename? A drop and an add would lose the data. [y/N] ", c)
		line, err := r.ReadString('\n')
		if err != nil && line == "" {
			return cands, fmt.Errorf("no answer about %s: %w", c, err)
		}
		switch strings.ToLower(strings.TrimSpace(line)) {
		case "y", "yes":
			c.Confirm(renames)
		default:
			declined = append(declined, c)
		}
	}
}

// withMembers adds to the candidates those that appear once the table and
// enum candidates are taken as renames (a renamed table with a renamed
// column), so that a refusal lists everything to confirm at once.
func withMembers(cmp *autogenerate.Result, cands []autogenerate.Candidate) []autogenerate.Candidate {
	hyp, err := autogenerate.Merge(cmp.Options.Renames, autogenerate.NewRenames())
	if err != nil {
		return cands
	}
	out := cands
	for _, c := range cands {
		if c.Kind == autogenerate.CandidateTable || c.Kind == autogenerate.CandidateEnum {
			c.Confirm(&hyp)
		}
	}
	for _, c := range autogenerate.Candidates(cmp.Current, cmp.Desired, hyp, nil) {
		if !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

// refusal explains why rename candidates stop the revision and how to
// settle them.
func refusal(cands []autogenerate.Candidate) string {
	var b strings.Builder
	b.WriteString("Refusing to write a revision: these look like renames, and a drop and an add would lose their data:\n")
	for _, c := range cands {
		fmt.Fprintf(&b, "  - %s (confirm with --rename %s)\n", c, shellWord(c.Flag()))
	}
	b.WriteString("Confirm each rename with --rename, or with a \"-- " + autogenerate.Directive + " OLD\" comment on the new definition in the schema;\n")
	b.WriteString("if they are not renames, run again with --no-rename.\n")
	return b.String()
}

// shellWord quotes an argument for a POSIX shell when it holds anything
// but letters, digits and _ . : = / -, so that a suggested command can be
// pasted as printed.
func shellWord(s string) string {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("_.:=/-", r)) {
			return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
		}
	}
	return s
}
