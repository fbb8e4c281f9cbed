package op

import "strings"

// CreateView creates a view or a materialized view.
type CreateView struct {
	Schema       string
	Name         string
	Materialized bool
	// Query is the SELECT that defines the view.
	Query string
	// Columns names the output columns explicitly.
	Columns []string
	// Options are view options ("security_barrier=true"); a check option is
	// written as "check_option=local" or "check_option=cascaded".
	Options []string
	// OrReplace uses CREATE OR REPLACE VIEW (plain views only).
	OrReplace bool
	// WithNoData creates a materialized view without populating it.
	WithNoData bool
	Comment    string
}

func (o CreateView) kind() string {
	if o.Materialized {
		return "MATERIALIZED VIEW"
	}
	return "VIEW"
}

// Statements renders CREATE [MATERIALIZED] VIEW.
func (o CreateView) Statements() ([]string, error) {
	if o.Name == "" || o.Query == "" {
		return nil, invalid("CreateView", "Name and Query are required")
	}
	name := QualifiedName(o.Schema, o.Name)
	var b strings.Builder
	b.WriteString("CREATE ")
	if o.OrReplace && !o.Materialized {
		b.WriteString("OR REPLACE ")
	}
	b.WriteString(o.kind() + " " + name)
	if len(o.Columns) > 0 {
		b.WriteString(" (" + identList(o.Columns) + ")")
	}
	var opts []string
	check := ""
	for _, opt := range o.Options {
		if v, ok := strings.CutPrefix(strings.ToLower(opt), "check_option="); ok {
			check = strings.ToUpper(v)
			continue
		}
		opts = append(opts, opt)
	}
	b.WriteString(withOptions(opts))
	b.WriteString(" AS\n" + strings.TrimRight(strings.TrimSpace(o.Query), ";"))
	if check != "" {
		b.WriteString("\n  WITH " + check + " CHECK OPTION")
	}
	if o.Materialized && o.WithNoData {
		b.WriteString("\n  WITH NO DATA")
	}
	out := []string{b.String()}
	if o.Comment != "" {
		out = append(out, commentSQL(o.kind(), name, o.Comment))
	}
	return out, nil
}

// Reverse drops the view.
func (o CreateView) Reverse() (Operation, error) {
	return DropView{Schema: o.Schema, Name: o.Name, Materialized: o.Materialized}, nil
}

// DropView drops a view or materialized view.
type DropView struct {
	Schema       string
	Name         string
	Materialized bool
	IfExists     bool
	Cascade      bool
}

// Statements renders DROP [MATERIALIZED] VIEW.
func (o DropView) Statements() ([]string, error) {
	if o.Name == "" {
		return nil, invalid("DropView", "Name is empty")
	}
	kind := "VIEW"
	if o.Materialized {
		kind = "MATERIALIZED VIEW"
	}
	return one("DROP " + kind + " " + ifExists(o.IfExists) + QualifiedName(o.Schema, o.Name) + cascade(o.Cascade))
}

// RefreshMaterializedView refreshes a materialized view.
type RefreshMaterializedView struct {
	Schema       string
	Name         string
	Concurrently bool
	WithNoData   bool
}

// Statements renders REFRESH MATERIALIZED VIEW.
func (o RefreshMaterializedView) Statements() ([]string, error) {
	if o.Name == "" {
		return nil, invalid("RefreshMaterializedView", "Name is empty")
	}
	s := "REFRESH MATERIALIZED VIEW "
	if o.Concurrently {
		s += "CONCURRENTLY "
	}
	s += QualifiedName(o.Schema, o.Name)
	if o.WithNoData {
		s += " WITH NO DATA"
	}
	return one(s)
}
