package ddlparse

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	pg "github.com/pganalyze/pg_query_go/v5"
	"github.com/pganalyze/pg_query_go/v5/parser"

	"github.com/autogen-dev/autogen/internal/pgsql"
	"github.com/autogen-dev/autogen/internal/scope"
	"github.com/autogen-dev/autogen/internal/sqlnorm"
	"github.com/autogen-dev/autogen/model"
)

// Option configures [Load] and [Parse].
type Option func(*config)

type config struct {
	filter     *scope.Filter
	searchPath []string
	// ignoredRows are the tables whose INSERTs are skipped.
	ignoredRows []string
}

// WithIgnoredRows skips the INSERT statements into the named tables
// ("table" in any schema, or "schema.table"): a framework's bookkeeping
// rows, which structure files carry along with the schema. Other data
// statements stay errors.
func WithIgnoredRows(tables []string) Option { return func(c *config) { c.ignoredRows = tables } }

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
// directory and its subdirectories. The files describe a set of objects:
// they may create them in any order, and reference objects defined later
// or in another file (see order.go). Each file starts a new session, with
// the default search_path.
func Load(ctx context.Context, path string, opts ...Option) (*model.Catalog, error) {
	names, err := Files(path)
	if err != nil {
		return nil, err
	}
	files := make([]*source, len(names))
	for i, f := range names {
		src, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("ddlparse: %w", err)
		}
		if files[i], err = newSource(f, src); err != nil {
			return nil, err
		}
	}
	return load(ctx, newConfig(opts), files)
}

// Parse reads the schema described by one SQL text; name is used in error
// messages.
func Parse(name string, src []byte, opts ...Option) (*model.Catalog, error) {
	f, err := newSource(name, src)
	if err != nil {
		return nil, err
	}
	return load(context.Background(), newConfig(opts), []*source{f})
}

// utf8BOM is the byte order mark some editors put at the start of a UTF-8
// file.
const utf8BOM = "\xef\xbb\xbf"

// newSource makes the source of a file's bytes. A UTF-8 byte order mark,
// which editors on Windows write, is dropped: it is not SQL. Text that PostgreSQL refuses before parsing is refused here,
// at its position: a NUL byte, at which pg_query's C strings would end the
// file without a word (every statement after it lost, and dropped by the
// revision), and bytes that are not UTF-8.
func newSource(name string, src []byte) (*source, error) {
	f := &source{name: name, text: strings.TrimPrefix(string(src), utf8BOM)}
	fail := func(off int, msg string) error {
		line, col := f.position(off)
		start := strings.LastIndexByte(f.text[:off], '\n') + 1
		end := strings.IndexByte(f.text[start:], '\n')
		if end < 0 {
			end = len(f.text) - start
		}
		return &Error{File: name, Line: line, Column: col, Statement: strings.ToValidUTF8(strings.TrimSpace(f.text[start:start+end]), "\uFFFD"),
			Msg: msg, Kind: ErrSyntax}
	}
	if i := strings.IndexByte(f.text, 0); i >= 0 {
		return nil, fail(i, "a NUL byte: SQL text cannot hold one (is the file UTF-16 or binary?)")
	}
	if !utf8.ValidString(f.text) {
		i := 0
		for i < len(f.text) {
			r, size := utf8.DecodeRuneInString(f.text[i:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			i += size
		}
		return nil, fail(i, "bytes that are not UTF-8: save the file as UTF-8")
	}
	return f, nil
}

// load applies the files' statements in the order given, and when one
// refers to an object not created yet, again in dependency order.
func load(ctx context.Context, cfg *config, files []*source) (*model.Catalog, error) {
	b := newBuilder(cfg)
	b.misses = map[miss]bool{}
	err := func() error {
		for _, f := range files {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := b.file(ctx, f); err != nil {
				return err
			}
		}
		return nil
	}()
	switch {
	case err == nil && !b.lateDefinitions():
		return b.finish()
	case err != nil && !errors.Is(err, ErrUndefined):
		return nil, err
	}
	return loadOrdered(ctx, cfg, files)
}

// loadOrdered applies the files' statements in dependency order.
func loadOrdered(ctx context.Context, cfg *config, files []*source) (*model.Catalog, error) {
	b := newBuilder(cfg)
	var units []*unit
	for _, f := range files {
		err := b.eachStatement(ctx, f, func(s *stmt) error {
			switch {
			case s.raw.Meta:
				return b.metaCommand(s.raw.Text)
			case s.node == nil:
				return nil
			}
			// Settings are the session's: they apply to the statements
			// that follow them in their file.
			switch v := s.node.Node.(type) {
			case *pg.Node_VariableSetStmt:
				return b.set(v.VariableSetStmt)
			case *pg.Node_SelectStmt:
				return b.selectStmt(v.SelectStmt)
			}
			units = append(units, &unit{src: b.src, st: *s, path: slices.Clone(b.searchPath), pos: len(units)})
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	ordered, o, err := order(units)
	if err != nil {
		return nil, err
	}
	for _, u := range ordered {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		b.src, b.searchPath, b.cur = u.src, u.path, &u.st
		if err := b.statement(u.st.node); err != nil {
			return nil, o.explain(u, err)
		}
	}
	return b.finish()
}

// stmt is a parsed statement of a file.
type stmt struct {
	raw  pgsql.Statement
	node *pg.Node // nil for an empty statement or a meta-command
	err  error
}

// file parses and applies one file in order.
func (b *builder) file(ctx context.Context, f *source) error {
	return b.eachStatement(ctx, f, func(s *stmt) error {
		switch {
		case s.raw.Meta:
			return b.metaCommand(s.raw.Text)
		case s.node != nil:
			return b.statement(s.node)
		}
		return nil
	})
}

// eachStatement parses a file and hands its statements to fn in order,
// with the builder's file, statement and search_path set for them (each
// file starts with the default search_path). Statements are parsed on all
// CPUs while fn takes the ones already parsed: the C parser holds no
// global lock, and parsing dominates the time to read a large schema.
func (b *builder) eachStatement(ctx context.Context, f *source, fn func(*stmt) error) error {
	b.src = f
	b.searchPath = append([]string(nil), b.cfg.searchPath...)
	src := f.text
	raws := pgsql.Split(src)
	p := startParsing(ctx, raws)
	defer p.stop()
	b.tx = txState{}
	for i := 0; i < len(raws); i++ {
		s, last := p.get(src, i)
		b.cur = &s
		if s.err != nil {
			return b.syntaxError(&s)
		}
		if err := b.transaction(s.node); err != nil {
			return err
		}
		if err := fn(&s); err != nil {
			return err
		}
		i = last
	}
	if b.tx.open {
		b.cur = &b.tx.begin
		return b.errorAt(-1, ErrInvalid, "transaction block never committed: psql rolls it back at the end of the file, and nothing in it is created; add COMMIT")
	}
	return ctx.Err()
}

// txState is a file's transaction block, as psql would run it: whether
// one is open, and the search_path that outlives it. SET LOCAL lasts until
// the block ends; a plain SET in a block lasts beyond it.
type txState struct {
	open    bool
	session []string
	begin   stmt // the BEGIN, for errors
}

// transaction follows a file's transaction blocks, in the file's order
// (the statements are reordered by dependency later). COMMIT and BEGIN
// change nothing a file describes, except that COMMIT ends what SET LOCAL
// set; a ROLLBACK inside a block would undo statements the model has
// already taken as created, so it is refused rather than ignored, as are
// two-phase commit statements.
func (b *builder) transaction(n *pg.Node) error {
	t := n.GetTransactionStmt()
	if t == nil {
		return nil
	}
	switch t.Kind {
	case pg.TransactionStmtKind_TRANS_STMT_BEGIN, pg.TransactionStmtKind_TRANS_STMT_START:
		if !b.tx.open {
			b.tx = txState{open: true, session: slices.Clone(b.searchPath), begin: stmt{raw: b.cur.raw}}
		}
	case pg.TransactionStmtKind_TRANS_STMT_COMMIT:
		if b.tx.open {
			b.searchPath = b.tx.session
			b.tx = txState{}
		}
	case pg.TransactionStmtKind_TRANS_STMT_ROLLBACK, pg.TransactionStmtKind_TRANS_STMT_ROLLBACK_TO:
		if b.tx.open {
			return b.unsupported("ROLLBACK in a transaction block (it would undo statements the schema then describes as created; remove it with what it undoes)")
		}
	case pg.TransactionStmtKind_TRANS_STMT_PREPARE, pg.TransactionStmtKind_TRANS_STMT_COMMIT_PREPARED,
		pg.TransactionStmtKind_TRANS_STMT_ROLLBACK_PREPARED:
		return b.unsupported(statementName(b.cur.raw.Text) + " (two-phase commit)")
	}
	return nil
}

// setSearchPath sets the search_path as SET (local: SET LOCAL, or
// set_config with is_local) does: SET LOCAL outside a transaction block
// has no effect (PostgreSQL only warns), inside one it lasts until the
// block ends; a plain SET lasts beyond the block.
func (b *builder) setSearchPath(path []string, local bool) {
	switch {
	case local && !b.tx.open:
		return
	case !local && b.tx.open:
		b.tx.session = slices.Clone(path)
	}
	b.searchPath = path
}

// stmtParser parses a file's statements in the background.
type stmtParser struct {
	raws  []pgsql.Statement
	out   []stmt
	ready []chan struct{}
	done  chan struct{}
	wg    sync.WaitGroup
	// slots bounds how far parsing runs ahead of the builder: a worker
	// takes a slot before it takes a statement, and the builder gives it
	// back once it has applied that statement. Parsed trees are many
	// times their text's size, and a builder slower than the workers
	// would otherwise hold every tree of the file at once.
	slots chan struct{}
}

// parseAhead is how many statements may wait parsed for the builder.
const parseAhead = 64

func startParsing(ctx context.Context, raws []pgsql.Statement) *stmtParser {
	p := &stmtParser{raws: raws, out: make([]stmt, len(raws)), ready: make([]chan struct{}, len(raws)),
		done: make(chan struct{}), slots: make(chan struct{}, parseAhead)}
	for i := range p.ready {
		p.ready[i] = make(chan struct{})
	}
	var next atomic.Int64
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			for {
				// The slot comes before the statement, so that the
				// statements holding slots are always the next ones the
				// builder needs.
				select {
				case p.slots <- struct{}{}:
				case <-p.done:
					return
				case <-ctx.Done():
					return
				}
				i := int(next.Add(1) - 1)
				if i >= len(raws) {
					return
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

// take waits for statement i to be parsed and gives its slot back.
func (p *stmtParser) take(i int) {
	<-p.ready[i]
	<-p.slots
}

// get waits for statement i and returns it with the index of the last
// statement it took up. A statement that fails to parse is retried joined
// with the ones that follow it (up to a few), in case the splitter cut a
// body wrongly; if no join parses, the first error stands.
func (p *stmtParser) get(src string, i int) (stmt, int) {
	p.take(i)
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
				p.take(k)
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
	res, err := sqlnorm.Parse(r.Text)
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
	var ce *sqlnorm.ChainError
	if errors.As(s.err, &ce) {
		return b.errorAt(int32(ce.Offset), ErrSyntax, "%v", ce)
	}
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
