package ddlparse

import (
	"context"
	"errors"
	"fmt"
	"github.com/autogen-dev/autogen/internal/pgsql"
	"os"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	pg "github.com/pganalyze/pg_query_go/v5"
	"github.com/pganalyze/pg_query_go/v5/parser"

	"github.com/autogen-dev/autogen/internal/scope"
	"github.com/autogen-dev/autogen/model"
)

// Option configures [Load] and [Parse].
type Option func(*config)

type config struct {
	filter     *scope.Filter
	searchPath []string
}

// WithFilter leaves out the objects the filter excludes. References to
// objects in excluded schemas are not checked.
func WithFilter(f *scope.Filter) Option { return func(c *config) { c.filter = f } }

// WithSearchPath sets the search_path each file starts with; the default is
// "public", PostgreSQL's default path for a role without a schema of its
// own.
func WithSearchPath(schemas ...string) Option {
	return func(c *config) { c.searchPath = schemas }
}

func newConfig(opts []Option) *config {
	c := &config{searchPath: []string{"public"}}
	for _, o := range opts {
		o(c)
	}
	return c
}

// Load reads the schema described by a .sql file, or by the .sql files of a
// directory and its subdirectories read in name order, as if they were run
// one after the other, each in a new session.
func Load(ctx context.Context, path string, opts ...Option) (*model.Catalog, error) {
	files, err := Files(path)
	if err != nil {
		return nil, err
	}
	b := newBuilder(newConfig(opts))
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		src, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("ddlparse: %w", err)
		}
		if err := b.file(ctx, f, string(src)); err != nil {
			return nil, err
		}
	}
	return b.finish()
}

// Parse reads the schema described by one SQL text; name is used in error
// messages.
func Parse(name string, src []byte, opts ...Option) (*model.Catalog, error) {
	b := newBuilder(newConfig(opts))
	if err := b.file(context.Background(), name, string(src)); err != nil {
		return nil, err
	}
	return b.finish()
}

// stmt is a parsed statement of a file.
type stmt struct {
	raw  pgsql.Statement
	node *pg.Node // nil for an empty statement or a meta-command
	err  error
}

// file parses and applies one file. Statements are parsed on all CPUs
// while the builder applies them in order as they become ready: the C
// parser holds no global lock, and parsing dominates the time to read a
// large schema.
func (b *builder) file(ctx context.Context, name, src string) error {
	b.src = &source{name: name, text: src}
	b.searchPath = append([]string(nil), b.cfg.searchPath...)
	raws := pgsql.Split(src)
	p := startParsing(ctx, raws)
	defer p.stop()
	for i := 0; i < len(raws); i++ {
		s, last := p.get(src, i)
		b.cur = &s
		switch {
		case s.err != nil:
			return b.syntaxError(&s)
		case s.raw.Meta:
			if err := b.metaCommand(s.raw.Text); err != nil {
				return err
			}
		case s.node != nil:
			if err := b.statement(s.node); err != nil {
				return err
			}
		}
		i = last
	}
	return ctx.Err()
}

// stmtParser parses a file's statements in the background.
type stmtParser struct {
	raws  []pgsql.Statement
	out   []stmt
	ready []chan struct{}
	done  chan struct{}
	wg    sync.WaitGroup
}

func startParsing(ctx context.Context, raws []pgsql.Statement) *stmtParser {
	p := &stmtParser{raws: raws, out: make([]stmt, len(raws)), ready: make([]chan struct{}, len(raws)),
		done: make(chan struct{})}
	for i := range p.ready {
		p.ready[i] = make(chan struct{})
	}
	var next atomic.Int64
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(raws) {
					return
				}
				select {
				case <-p.done:
					return
				case <-ctx.Done():
					return
				default:
				}
				p.out[i] = parseOne(raws[i])
				close(p.ready[i])
			}
		}()
	}
	return p
}

// stop ends the workers once the builder is done or gave up.
func (p *stmtParser) stop() {
	close(p.done)
	p.wg.Wait()
}

// get waits for statement i and returns it with the index of the last
// statement it took up. A statement that fails to parse is retried joined
// with the ones that follow it (up to a few), in case the splitter cut a
// body wrongly; if no join parses, the first error stands.
func (p *stmtParser) get(src string, i int) (stmt, int) {
	<-p.ready[i]
	s := p.out[i]
	p.out[i] = stmt{} // let the tree go once applied
	if s.err == nil || s.raw.Meta {
		return s, i
	}
	for j := i + 1; j < len(p.raws) && j < i+20 && !p.raws[j].Meta; j++ {
		end := p.raws[j].Offset + len(p.raws[j].Text)
		joined := parseOne(pgsql.Statement{Text: src[s.raw.Offset:end], Offset: s.raw.Offset})
		if joined.err == nil {
			for k := i + 1; k <= j; k++ {
				<-p.ready[k]
				p.out[k] = stmt{}
			}
			return joined, j
		}
	}
	return s, i
}

func parseOne(r pgsql.Statement) stmt {
	s := stmt{raw: r}
	if r.Meta {
		return s
	}
	res, err := pg.Parse(r.Text)
	if err != nil {
		s.err = err
		return s
	}
	switch len(res.Stmts) {
	case 0:
	case 1:
		s.node = res.Stmts[0].Stmt
	default:
		s.err = errors.New("more than one statement")
	}
	return s
}

// source is the file being read.
type source struct {
	name  string
	text  string
	lines []int // byte offsets of line starts, built on first use
}

// position converts a byte offset to a 1-based line and character column.
func (s *source) position(off int) (line, col int) {
	if s.lines == nil {
		s.lines = []int{0}
		for i := 0; i < len(s.text); i++ {
			if s.text[i] == '\n' {
				s.lines = append(s.lines, i+1)
			}
		}
	}
	if off > len(s.text) {
		off = len(s.text)
	}
	l := sort.Search(len(s.lines), func(i int) bool { return s.lines[i] > off }) - 1
	return l + 1, utf8.RuneCountInString(s.text[s.lines[l]:off]) + 1
}

// errorAt builds an Error at a byte offset of the current statement
// (negative: the statement's start).
func (b *builder) errorAt(loc int32, kind error, format string, args ...any) *Error {
	off := b.cur.raw.Offset
	if loc >= 0 && int(loc) < len(b.cur.raw.Text) {
		off += int(loc)
	}
	line, col := b.src.position(off)
	// The statement's first line as the file has it, semicolon included.
	first, _, _ := strings.Cut(b.src.text[b.cur.raw.Offset:], "\n")
	return &Error{File: b.src.name, Line: line, Column: col, Statement: strings.TrimSpace(first),
		Msg: fmt.Sprintf(format, args...), Kind: kind}
}

func (b *builder) syntaxError(s *stmt) error {
	var pe *parser.Error
	if errors.As(s.err, &pe) && pe.Cursorpos > 0 {
		// Cursorpos counts characters from 1.
		off := 0
		for n := 1; n < pe.Cursorpos && off < len(s.raw.Text); n++ {
			_, size := utf8.DecodeRuneInString(s.raw.Text[off:])
			off += size
		}
		return b.errorAt(int32(off), ErrSyntax, "%s", pe.Message)
	}
	return b.errorAt(-1, ErrSyntax, "%v", s.err)
}
