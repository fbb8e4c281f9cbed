package op

import "strings"

// CreateSchema creates a schema.
type CreateSchema struct {
	Name        string
	IfNotExists bool
	Comment     string
}

// Statements renders CREATE SCHEMA.
func (o CreateSchema) Statements() ([]string, error) {
	if o.Name == "" {
		return nil, invalid("CreateSchema", "Name is empty")
	}
	s := "CREATE SCHEMA "
	if o.IfNotExists {
		s += "IF NOT EXISTS "
	}
	out := []string{s + QuoteIdent(o.Name)}
	if o.Comment != "" {
		out = append(out, commentSQL("SCHEMA", QuoteIdent(o.Name), o.Comment))
	}
	return out, nil
}

// Reverse drops the schema.
func (o CreateSchema) Reverse() (Operation, error) { return DropSchema{Name: o.Name}, nil }

// DropSchema drops a schema. Without Cascade it fails unless the schema is
// empty, which is what a generated downgrade wants.
type DropSchema struct {
	Name     string
	IfExists bool
	Cascade  bool
}

// Statements renders DROP SCHEMA.
func (o DropSchema) Statements() ([]string, error) {
	if o.Name == "" {
		return nil, invalid("DropSchema", "Name is empty")
	}
	return one("DROP SCHEMA " + ifExists(o.IfExists) + QuoteIdent(o.Name) + cascade(o.Cascade))
}

// Hazards: dropping a schema with CASCADE drops everything in it.
func (o DropSchema) Hazards() []Hazard {
	if o.Cascade {
		return []Hazard{{DeletesData, "drops schema " + o.Name + " and everything in it"}}
	}
	return nil
}

// CreateExtension installs an extension.
type CreateExtension struct {
	Name   string
	Schema string
	// Version pins the extension version; empty installs the default.
	Version     string
	IfNotExists bool
	Comment     string
}

// Statements renders CREATE EXTENSION.
func (o CreateExtension) Statements() ([]string, error) {
	if o.Name == "" {
		return nil, invalid("CreateExtension", "Name is empty")
	}
	var b strings.Builder
	b.WriteString("CREATE EXTENSION ")
	if o.IfNotExists {
		b.WriteString("IF NOT EXISTS ")
	}
	b.WriteString(QuoteIdent(o.Name))
	if o.Schema != "" {
		b.WriteString(" WITH SCHEMA " + QuoteIdent(o.Schema))
	}
	if o.Version != "" {
		b.WriteString(" VERSION " + QuoteLiteral(o.Version))
	}
	out := []string{b.String()}
	if o.Comment != "" {
		out = append(out, commentSQL("EXTENSION", QuoteIdent(o.Name), o.Comment))
	}
	return out, nil
}

// Reverse drops the extension.
func (o CreateExtension) Reverse() (Operation, error) { return DropExtension{Name: o.Name}, nil }

// DropExtension removes an extension.
type DropExtension struct {
	Name     string
	IfExists bool
	Cascade  bool
}

// Statements renders DROP EXTENSION.
func (o DropExtension) Statements() ([]string, error) {
	if o.Name == "" {
		return nil, invalid("DropExtension", "Name is empty")
	}
	return one("DROP EXTENSION " + ifExists(o.IfExists) + QuoteIdent(o.Name) + cascade(o.Cascade))
}

// Hazards: the extension's objects and any data in them are gone.
func (o DropExtension) Hazards() []Hazard {
	return []Hazard{{DeletesData, "drops extension " + o.Name + " and the objects it owns"}}
}

// UpdateExtension moves an installed extension to another version.
type UpdateExtension struct {
	Name    string
	Version string
	// Reinstall, when no update path leads to Version (extensions rarely
	// ship downgrade scripts), drops the extension and creates it again at
	// Version in Schema. That fails while other objects depend on it.
	Reinstall bool
	Schema    string
}

// Statements renders ALTER EXTENSION ... UPDATE, or with Reinstall a DO
// block that chooses between updating and reinstalling at run time.
func (o UpdateExtension) Statements() ([]string, error) {
	if o.Name == "" {
		return nil, invalid("UpdateExtension", "Name is empty")
	}
	s := "ALTER EXTENSION " + QuoteIdent(o.Name) + " UPDATE"
	if o.Version != "" {
		s += " TO " + QuoteLiteral(o.Version)
	}
	if !o.Reinstall || o.Version == "" {
		return one(s)
	}
	create, _ := CreateExtension{Name: o.Name, Schema: o.Schema, Version: o.Version}.Statements()
	name, version := QuoteLiteral(o.Name), QuoteLiteral(o.Version)
	return one("DO " + DollarQuote(`
BEGIN
  IF EXISTS (SELECT 1 FROM pg_catalog.pg_extension_update_paths(`+name+`) p
             JOIN pg_catalog.pg_extension e ON e.extname = `+name+` AND p.source = e.extversion
             WHERE p.target = `+version+` AND p.path IS NOT NULL) THEN
    `+s+`;
  ELSE
    DROP EXTENSION `+QuoteIdent(o.Name)+`;
    `+create[0]+`;
  END IF;
END
`))
}

// Hazards: a reinstall drops the extension's objects.
func (o UpdateExtension) Hazards() []Hazard {
	if o.Reinstall {
		return []Hazard{{Irreversible, "without an update path to " + o.Version + ", extension " + o.Name + " is dropped and installed again"}}
	}
	return nil
}

// CreateCollation creates a collation.
type CreateCollation struct {
	Schema string
	Name   string
	// Provider is "libc" or "icu"; empty means libc.
	Provider  string
	Locale    string
	LcCollate string
	LcCtype   string
	// Nondeterministic creates a nondeterministic collation.
	Nondeterministic bool
	Comment          string
}

// Statements renders CREATE COLLATION.
func (o CreateCollation) Statements() ([]string, error) {
	if o.Name == "" {
		return nil, invalid("CreateCollation", "Name is empty")
	}
	var opts []string
	if o.Provider != "" {
		opts = append(opts, "provider = "+o.Provider)
	}
	if o.Locale != "" {
		opts = append(opts, "locale = "+QuoteLiteral(o.Locale))
	}
	if o.LcCollate != "" {
		opts = append(opts, "lc_collate = "+QuoteLiteral(o.LcCollate))
	}
	if o.LcCtype != "" {
		opts = append(opts, "lc_ctype = "+QuoteLiteral(o.LcCtype))
	}
	if o.Nondeterministic {
		opts = append(opts, "deterministic = false")
	}
	name := QualifiedName(o.Schema, o.Name)
	out := []string{"CREATE COLLATION " + name + " (" + strings.Join(opts, ", ") + ")"}
	if o.Comment != "" {
		out = append(out, commentSQL("COLLATION", name, o.Comment))
	}
	return out, nil
}

// Reverse drops the collation.
func (o CreateCollation) Reverse() (Operation, error) {
	return DropCollation{Schema: o.Schema, Name: o.Name}, nil
}

// DropCollation drops a collation.
type DropCollation struct {
	Schema   string
	Name     string
	IfExists bool
}

// Statements renders DROP COLLATION.
func (o DropCollation) Statements() ([]string, error) {
	if o.Name == "" {
		return nil, invalid("DropCollation", "Name is empty")
	}
	return one("DROP COLLATION " + ifExists(o.IfExists) + QualifiedName(o.Schema, o.Name))
}

func ifExists(b bool) string {
	if b {
		return "IF EXISTS "
	}
	return ""
}

func cascade(b bool) string {
	if b {
		return " CASCADE"
	}
	return ""
}
