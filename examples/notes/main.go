// Command notes is a small service whose queries sqlc generates from
// schema.sql (package db) and whose migrations autogen writes from the same
// file (package migrations). It migrates its database, then runs one
// command:
//
//	notes add AUTHOR BODY [--pinned]
//	notes list AUTHOR
//	notes migrate ...        the autogen runner: upgrade, current, history, ...
//
// The database URL is read from DATABASE_URL.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/migrate"

	"example.com/notes/db"
	"example.com/notes/migrations"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "migrate" {
		os.Exit(migrations.Main(os.Args[2:]))
	}
	if err := run(context.Background(), os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "notes:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string) error {
	conn, err := pgx.Connect(ctx, os.Getenv("DATABASE_URL"))
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	// Migrate at startup: the queries below need the schema at head.
	r, err := migrate.New(migrations.Registry)
	if err != nil {
		return err
	}
	if _, err := r.Upgrade(ctx, conn, "head"); err != nil {
		return err
	}
	q := db.New(conn)
	switch {
	case len(args) >= 3 && args[0] == "add":
		author, err := q.UpsertAuthor(ctx, args[1])
		if err != nil {
			return err
		}
		note, err := q.AddNote(ctx, db.AddNoteParams{AuthorID: author.ID, Body: args[2], Pinned: len(args) > 3 && args[3] == "--pinned"})
		if err != nil {
			return err
		}
		fmt.Printf("note %d by %s\n", note.ID, author.Name)
		return nil
	case len(args) == 2 && args[0] == "list":
		notes, err := q.NotesByAuthor(ctx, args[1])
		if err != nil {
			return err
		}
		for _, n := range notes {
			pin := " "
			if n.Pinned {
				pin = "*"
			}
			fmt.Printf("%s %d %s\n", pin, n.ID, n.Body)
		}
		return nil
	}
	return errors.New("usage: notes add AUTHOR BODY [--pinned] | notes list AUTHOR | notes migrate COMMAND")
}
