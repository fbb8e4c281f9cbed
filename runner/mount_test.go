package runner

import (
	"reflect"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// TestMountForwardsTheParsedCommandLine mounts the runner's commands under
// a host root with flags of its own and checks the command line each hands
// on: the command's own flags as set, "--" and the arguments; the host's
// flags left out.
func TestMountForwardsTheParsedCommandLine(t *testing.T) {
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"upgrade", "head", "--sql"}, []string{"upgrade", "--sql", "--", "head"}},
		{[]string{"--host", "x", "downgrade", "--", "-1"}, []string{"downgrade", "--", "-1"}},
		{[]string{"upgrade", "--schemas", "tenant_*,b", "--schemas=c", "--continue-on-error"},
			[]string{"upgrade", "--continue-on-error", "--schemas=tenant_*", "--schemas=b", "--schemas=c", "--"}},
		{[]string{"history", "-r", "a:b", "--indicate-current=false", "--format", "json"},
			[]string{"history", "--format=json", "--indicate-current=false", "--rev-range=a:b", "--"}},
		{[]string{"stamp", "--purge", "base"}, []string{"stamp", "--purge", "--", "base"}},
	}
	for _, tt := range tests {
		var got []string
		root := &cobra.Command{Use: "host", SilenceErrors: true, SilenceUsage: true}
		root.PersistentFlags().String("host", "", "a flag of the host")
		root.AddCommand(Mount(Host{Run: func(cmd *cobra.Command, argv []string) error { got = argv; return nil }})...)
		root.SetArgs(tt.args)
		if err := root.Execute(); err != nil {
			t.Errorf("%q: %v", tt.args, err)
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q forwarded %q, want %q", tt.args, got, tt.want)
		}
	}
}

// TestMountKeepsTheRunnersDefinitions checks that the mounted commands are
// the runner's: the same names, help and flags, the hidden ones left out,
// and argument checks made before anything is forwarded.
func TestMountKeepsTheRunnersDefinitions(t *testing.T) {
	own := map[string]*cobra.Command{}
	for _, c := range (&env{}).commands() {
		own[c.Name()] = c
	}
	ran := false
	mounted := Mount(Host{Run: func(*cobra.Command, []string) error { ran = true; return nil }})
	for _, c := range mounted {
		o := own[c.Name()]
		if o == nil || o.Hidden {
			t.Errorf("mounted %s, which the runner does not list", c.Name())
			continue
		}
		if c.Long != o.Long || c.Short != o.Short || c.Example != o.Example {
			t.Errorf("%s: the help differs from the runner's", c.Name())
		}
		o.Flags().VisitAll(func(f *pflag.Flag) {
			if c.Flags().Lookup(f.Name) == nil {
				t.Errorf("%s: flag --%s is missing", c.Name(), f.Name)
			}
		})
		if c.Flags().Lookup("schemas") == nil {
			t.Errorf("%s: --schemas is missing", c.Name())
		}
	}
	if len(mounted) < 10 {
		t.Errorf("mounted %d commands", len(mounted))
	}
	root := &cobra.Command{Use: "host", SilenceErrors: true, SilenceUsage: true}
	root.AddCommand(mounted...)
	root.SetArgs([]string{"show"})
	if err := root.Execute(); err == nil || ran {
		t.Errorf("show without a revision: err %v, forwarded %v", err, ran)
	}
}
