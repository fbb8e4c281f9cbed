package sqlnorm

import (
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/autogen-dev/autogen/internal/pgsql"
	"github.com/autogen-dev/autogen/model"
)

// eventTrigger builds CREATE EVENT TRIGGER. PostgreSQL keeps the tags in
// upper case, in the order given and with repeats, which pg_dump shows:
// so does the model.
func (d *definer) eventTrigger(s *pg.CreateEventTrigStmt) (*model.Definition, error) {
	fn, err := d.function(Strings(s.Funcname))
	if err != nil {
		return nil, err
	}
	sql := "CREATE EVENT TRIGGER " + pgsql.QuoteIdent(s.Trigname) + " ON " + pgsql.QuoteIdent(s.Eventname)
	for _, n := range s.Whenclause {
		de := n.GetDefElem()
		if de == nil || !strings.EqualFold(de.Defname, "tag") {
			return nil, defError("an event trigger filter other than TAG")
		}
		var tags []string
		for _, t := range Strings(de.Arg.GetList().GetItems()) {
			tags = append(tags, pgsql.QuoteLiteral(strings.ToUpper(t)))
		}
		sql += " WHEN TAG IN (" + strings.Join(tags, ", ") + ")"
	}
	sql += " EXECUTE FUNCTION " + fn + "()"
	return &model.Definition{ID: model.ObjectID{Kind: model.KindEventTrigger, Name: model.Name{Name: s.Trigname}},
		Create: d.expr(sql)}, nil
}

// enabledSetting is the ENABLE state of an event trigger or a rule other
// than the default (fires on origin): "D" disabled, "R" replica only, "A"
// always; "O" is no setting.
func enabledSetting(state, suffix string) (model.Setting, bool) {
	var action string
	switch state {
	case "D":
		action = "DISABLE"
	case "R":
		action = "ENABLE REPLICA"
	case "A":
		action = "ENABLE ALWAYS"
	default:
		return model.Setting{}, false
	}
	return model.Setting{Name: "STATE", Value: model.Expr{SQL: action + suffix, Canon: action}, Reset: "ENABLE" + suffix}, true
}

// setEnabled records an ENABLE/DISABLE state.
func setEnabled(def *model.Definition, state, suffix string) {
	removeSetting(def, "STATE")
	if s, ok := enabledSetting(state, suffix); ok {
		setSetting(def, s)
	}
}

// alterEventTrigger applies ALTER EVENT TRIGGER ... ENABLE/DISABLE.
func alterEventTrigger(def *model.Definition, s *pg.AlterEventTrigStmt) {
	setEnabled(def, s.Tgenabled, "")
}
