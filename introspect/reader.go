package introspect

import (
	"cmp"
	"fmt"
	"runtime"
	"slices"
	"sync"

	"github.com/autogen-dev/autogen/internal/sqlnorm"
	"github.com/autogen-dev/autogen/model"
)

// reader turns catalog rows into a model catalog. Rows of later kinds refer
// to objects of earlier ones by oid (columns to tables, indexes to
// columns); what needs the whole picture (partition bounds, view queries)
// and the expressions, which are parsed in parallel, wait for finish.
type reader struct {
	cat *model.Catalog
	// comments are keyed by catalog, oid and sub-object.
	comments map[commentKey]string
	// acls holds the owners and privileges of objects, keyed alike.
	acls map[commentKey]*aclRow
	// columnACLs marks the relations (by oid) with privileges on a column.
	columnACLs map[int64]bool
	// opclasses and collations name the oids index keys refer to.
	opclasses, collations map[int64]string
	tables                map[model.Name]*model.Table
	tablesByOID           map[int64]*tableRow
	// columns of each table by attnum, for constraints and indexes.
	attnames map[int64]map[int64]string
	attcolls map[int64]map[int64]int64
	attnums  map[*model.Column]int64
	// identitySeqs are the rows of identity columns' sequences, by the
	// column's table oid and attnum.
	identitySeqs map[[2]int64]*sequenceRow
	// constraints indexes the constraints that own an index, by table and
	// name, so the index rows can complete them.
	constraints map[[2]model.Name]*model.Constraint
	viewColumns map[model.Name][]string
	// foreignTables are the foreign tables read, for the columns views
	// read from them.
	foreignTables map[model.Name]*model.Definition
	views         []*viewRow
	partitions    []*tableRow
	unsupported   []string
	// jobs feeds expressions to the parsing workers while rows are still
	// arriving. queued finds the job of a text already queued, so that
	// identical texts are parsed once; ordered lists the jobs in the order
	// they were queued.
	jobs    chan *exprJob
	workers sync.WaitGroup
	queued  map[exprKey]*exprJob
	ordered []*exprJob
}

type commentKey struct {
	catalog string
	oid     int64
	sub     int64
}

func newReader() *reader {
	r := &reader{cat: &model.Catalog{}, comments: map[commentKey]string{}, acls: map[commentKey]*aclRow{}, columnACLs: map[int64]bool{}, opclasses: map[int64]string{},
		collations: map[int64]string{}, tables: map[model.Name]*model.Table{}, tablesByOID: map[int64]*tableRow{},
		attnames: map[int64]map[int64]string{}, attcolls: map[int64]map[int64]int64{},
		attnums: map[*model.Column]int64{}, identitySeqs: map[[2]int64]*sequenceRow{}, constraints: map[[2]model.Name]*model.Constraint{},
		viewColumns: map[model.Name][]string{}, foreignTables: map[model.Name]*model.Definition{},
		jobs: make(chan *exprJob, 1024), queued: map[exprKey]*exprJob{}}
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		r.workers.Add(1)
		go r.parseWorker()
	}
	return r
}

// sortColumns puts each table's columns in attribute number order, as
// soon as they are read: the catalog rows come in no particular order (a
// plan that scans pg_attribute whole returns an updated row last), and
// what is read after them names columns in the table's order (the
// columns of a statistics object).
func (r *reader) sortColumns() {
	for _, t := range r.cat.Tables {
		slices.SortFunc(t.Columns, func(a, b *model.Column) int { return cmp.Compare(r.attnums[a], r.attnums[b]) })
	}
}

// comment returns the comment on an object, "" when it has none.
func (r *reader) comment(catalog string, oid, sub int64) string {
	return r.comments[commentKey{catalog, oid, sub}]
}

type commentRow struct {
	Catalog string `db:"catalog"`
	OID     int64  `db:"oid"`
	Sub     int64  `db:"sub"`
	Comment string `db:"comment"`
}

func (r *reader) commentRow(row *commentRow) error {
	r.comments[commentKey{row.Catalog, row.OID, row.Sub}] = row.Comment
	return nil
}

type lookupRow struct {
	Kind string `db:"kind"`
	OID  int64  `db:"oid"`
	Name string `db:"name"`
}

func (r *reader) lookup(row *lookupRow) error {
	if row.Kind == "opclass" {
		r.opclasses[row.OID] = row.Name
	} else {
		r.collations[row.OID] = row.Name
	}
	return nil
}

// ns returns the namespace catalog text is read in: an empty search_path,
// so every unqualified name is in pg_catalog.
func (r *reader) ns() *sqlnorm.Namespace {
	return &sqlnorm.Namespace{Columns: r.columns}
}

func (r *reader) columns(n model.Name) ([]string, bool) {
	if t := r.tables[n]; t != nil {
		out := make([]string, len(t.Columns))
		for i, c := range t.Columns {
			out[i] = c.Name
		}
		return out, true
	}
	if ft := r.foreignTables[n]; ft != nil {
		out := make([]string, len(ft.Columns))
		for i, c := range ft.Columns {
			out[i] = c.Name
		}
		return out, true
	}
	cols, ok := r.viewColumns[n]
	return cols, ok
}

// expr parses expression text from the catalog; "" is no expression.
func (r *reader) expr(text, typ string) (*model.Expr, error) {
	if text == "" {
		return nil, nil
	}
	e, err := ReadExpr(r.ns(), text, typ)
	if err != nil {
		return nil, fmt.Errorf("%w (expression %q)", err, text)
	}
	return e, nil
}

// exprJob is an expression text to parse, its result, and where each of
// its occurrences goes.
type exprJob struct {
	text, typ string
	sets      []func(*model.Expr)
	e         *model.Expr
	err       error
}

// exprKey identifies an expression text read as a type.
type exprKey struct{ text, typ string }

// later queues an expression for parsing; set receives it before finish
// returns. Parsing is the reader's main cost on large schemas: the workers
// do it on all CPUs while the server is still sending rows. The expression
// text is what the catalog prints with an empty search_path, so the
// workers need no other state of the reader, and a text met again (a
// default, a check repeated across tables) is parsed once.
func (r *reader) later(text, typ string, set func(*model.Expr)) {
	if text == "" {
		return
	}
	k := exprKey{text, typ}
	if j := r.queued[k]; j != nil {
		j.sets = append(j.sets, set)
		return
	}
	j := &exprJob{text: text, typ: typ, sets: []func(*model.Expr){set}}
	r.queued[k] = j
	r.ordered = append(r.ordered, j)
	r.jobs <- j
}

func (r *reader) parseWorker() {
	defer r.workers.Done()
	ns := &sqlnorm.Namespace{}
	for j := range r.jobs {
		j.e, j.err = ReadExpr(ns, j.text, j.typ)
	}
}

// waitExprs waits for the queued expressions and hands each occurrence
// its own copy; it must be called once. The first failure, in the order
// the texts were queued, is the error.
func (r *reader) waitExprs() error {
	close(r.jobs)
	r.workers.Wait()
	for _, j := range r.ordered {
		if j.err != nil {
			return fmt.Errorf("%w (expression %q)", j.err, j.text)
		}
	}
	for _, j := range r.ordered {
		for i, set := range j.sets {
			e := j.e
			if i > 0 && e != nil {
				c := *j.e
				c.Refs = slices.Clone(c.Refs)
				e = &c
			}
			set(e)
		}
	}
	r.queued, r.ordered = nil, nil
	return nil
}

type unsupportedRow struct {
	Kind string `db:"kind"`
	Name string `db:"name"`
}

func (r *reader) unsupportedObject(row *unsupportedRow) error {
	r.unsupported = append(r.unsupported, row.Kind+" "+row.Name)
	return nil
}

// finish completes what needed every row: column order, expressions,
// partition keys and bounds, view queries.
func (r *reader) finish() error {
	if err := r.waitExprs(); err != nil {
		return fmt.Errorf("introspect: %w", err)
	}
	r.publicSchema()
	// Bounds are printed in the types of the parent's key: keys first.
	for _, bounds := range []bool{false, true} {
		for _, row := range r.partitions {
			if err := r.partitioning(row, bounds); err != nil {
				return fmt.Errorf("introspect: table %s.%s: %w", row.Schema, row.Name, err)
			}
		}
	}
	for _, v := range r.views {
		if err := r.finishView(v); err != nil {
			return fmt.Errorf("introspect: view %s.%s: %w", v.Schema, v.Name, err)
		}
	}
	if len(r.unsupported) > 0 {
		return &UnsupportedError{Objects: r.unsupported}
	}
	return nil
}
