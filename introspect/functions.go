package introspect

import (
	"github.com/autogen-dev/autogen/model"
)

type functionRow struct {
	Schema          string    `db:"schema"`
	Name            string    `db:"name"`
	Kind            string    `db:"kind"`
	ArgNames        textArray `db:"arg_names"`
	ArgModes        textArray `db:"arg_modes"`
	ArgTypes        textArray `db:"arg_types"`
	ArgDefaults     textArray `db:"arg_defaults"`
	Returns         string    `db:"returns"`
	Language        string    `db:"language"`
	Body            string    `db:"body"`
	Library         string    `db:"library"`
	SQLBody         string    `db:"sql_body"`
	Volatility      string    `db:"volatility"`
	Strict          bool      `db:"strict"`
	SecurityDefiner bool      `db:"security_definer"`
	Leakproof       bool      `db:"leakproof"`
	Parallel        string    `db:"parallel"`
	Cost            float64   `db:"cost"`
	Rows            float64   `db:"rows"`
	Config          textArray `db:"config"`
	Support         string    `db:"support"`
	OID             int64     `db:"oid"`
}

var (
	argModes    = map[string]string{"i": "IN", "o": "OUT", "b": "INOUT", "v": "VARIADIC", "t": "TABLE"}
	volatility  = map[string]string{"i": "IMMUTABLE", "s": "STABLE", "v": "VOLATILE"}
	parallelism = map[string]string{"s": "SAFE", "r": "RESTRICTED", "u": "UNSAFE"}
)

func (r *reader) function(row *functionRow) error {
	f := &model.Function{Name: model.Name{Schema: row.Schema, Name: row.Name}, Procedure: row.Kind == "p",
		Returns: row.Returns, Language: row.Language, Volatility: volatility[row.Volatility], Strict: row.Strict,
		Security: "INVOKER", Leakproof: row.Leakproof, Parallel: parallelism[row.Parallel], Cost: row.Cost,
		Rows: row.Rows, Config: nilIfEmpty(row.Config), Window: row.Kind == "w", Support: row.Support, Library: row.Library,
		Comment: r.comment("pg_proc", row.OID, 0)}
	if row.SecurityDefiner {
		f.Security = "DEFINER"
	}
	f.Access = r.access("pg_proc", row.OID, 0, f.ID().Kind, f.Name.String())
	for i, typ := range row.ArgTypes {
		a := model.FuncArg{Mode: "IN", Type: typ}
		if i < len(row.ArgModes) {
			a.Mode = argModes[row.ArgModes[i]]
		}
		if i < len(row.ArgNames) {
			a.Name = row.ArgNames[i]
		}
		if i < len(row.ArgDefaults) {
			var err error
			if a.Default, err = r.expr(row.ArgDefaults[i], typ); err != nil {
				return err
			}
		}
		f.Args = append(f.Args, a)
	}
	if row.SQLBody != "" {
		e, err := ReadSQLBody(r.ns(), f, row.SQLBody)
		if err != nil {
			return err
		}
		f.Body = e
	} else {
		f.Body = model.Expr{SQL: row.Body, Canon: row.Body}
	}
	r.cat.Functions = append(r.cat.Functions, f)
	return nil
}
