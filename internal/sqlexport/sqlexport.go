// Package sqlexport writes a revision as the plain SQL up and down files
// that goose or golang-migrate read, for teams whose deploys run one of
// those tools (`autogen revision --sql-files goose`). The statements are
// the ones the revision's operations render, as `autogen upgrade --sql`
// prints them.
package sqlexport

import (
	"fmt"
	"strings"
	"time"

	"github.com/autogen-dev/autogen/op"
)

// Formats lists the layouts Files writes.
var Formats = []string{"goose", "golang-migrate"}

// Revision is what one exported revision holds.
type Revision struct {
	// ID and Message identify the autogen revision the files come from.
	ID, Message string
	// Slug is the file-name form of the message.
	Slug string
	// Created orders the files: their version is its UTC timestamp
	// (YYYYMMDDHHMMSS), which both tools sort correctly.
	Created time.Time
	// Up and Down are the operations of the upgrade and the downgrade.
	Up, Down []op.Operation
	// NoTransaction runs the files outside a transaction, as CREATE INDEX
	// CONCURRENTLY needs.
	NoTransaction bool
}

// Version returns the files' version number.
func (r Revision) Version() string { return r.Created.UTC().Format("20060102150405") }

// Files renders the revision in format's layout: file name to content.
func Files(format string, r Revision) (map[string][]byte, error) {
	up, err := op.SQL(r.Up...)
	if err != nil {
		return nil, fmt.Errorf("sqlexport: upgrade of %s: %w", r.ID, err)
	}
	down, err := op.SQL(r.Down...)
	if err != nil {
		return nil, fmt.Errorf("sqlexport: downgrade of %s: %w", r.ID, err)
	}
	base := r.Version() + "_" + r.Slug
	if r.Slug == "" {
		base = r.Version()
	}
	header := fmt.Sprintf("-- %s\n-- Written by autogen from revision %s; autogen's Go revision is the source.\n",
		strings.ReplaceAll(firstLine(r.Message), "\n", " "), r.ID)
	switch format {
	case "goose":
		return map[string][]byte{base + ".sql": []byte(goose(header, up, down, r.NoTransaction))}, nil
	case "golang-migrate":
		return map[string][]byte{
			base + ".up.sql":   []byte(header + golangMigrate(up, r.NoTransaction)),
			base + ".down.sql": []byte(header + golangMigrate(down, r.NoTransaction)),
		}, nil
	}
	return nil, fmt.Errorf("sqlexport: unknown format %q (known: %s)", format, strings.Join(Formats, ", "))
}

// goose writes one file with Up and Down sections. Each statement is
// wrapped in StatementBegin and StatementEnd, so that goose does not split
// a function body at its semicolons; goose runs the file in a transaction
// unless it says NO TRANSACTION.
func goose(header string, up, down []string, noTx bool) string {
	var b strings.Builder
	b.WriteString(header)
	if noTx {
		b.WriteString("-- +goose NO TRANSACTION\n")
	}
	section := func(name string, stmts []string) {
		b.WriteString("\n-- +goose " + name + "\n")
		for _, s := range stmts {
			b.WriteString("-- +goose StatementBegin\n" + strings.TrimSpace(s) + ";\n-- +goose StatementEnd\n")
		}
	}
	section("Up", up)
	section("Down", down)
	return b.String()
}

// golangMigrate writes one direction. golang-migrate runs a file as it
// is, so a transactional revision brings its own BEGIN and COMMIT.
func golangMigrate(stmts []string, noTx bool) string {
	var b strings.Builder
	if !noTx && len(stmts) > 0 {
		b.WriteString("BEGIN;\n")
	}
	for _, s := range stmts {
		b.WriteString(strings.TrimSpace(s) + ";\n")
	}
	if !noTx && len(stmts) > 0 {
		b.WriteString("COMMIT;\n")
	}
	return b.String()
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}
