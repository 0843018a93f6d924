package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"sigs.k8s.io/kustomize/api/resource"
)

// definitionsURL is the $id of the shared definitions file that every per-kind schema of the
// kubernetes-validate package refers to. It is registered from disk, and the compiler has no
// network loader, so validation never leaves the machine.
const definitionsURL = "https://kubernetes.io/api/_definitions.json"

// schemaValidator checks objects against one Kubernetes version's JSON schemas: the "strict"
// variant generated from the API's OpenAPI document, where every object forbids unknown fields
// (a misspelled field is an error, as with `kubectl apply --validate=strict`), every field has
// its type, and required fields are listed.
type schemaValidator struct {
	dir      string
	version  string
	compiler *jsonschema.Compiler
	byFile   map[string]*jsonschema.Schema
}

func newSchemaValidator(dir string) (*schemaValidator, error) {
	defs, err := readJSON(filepath.Join(dir, "_definitions.json"))
	if err != nil {
		return nil, fmt.Errorf("schemas of %s: %w", dir, err)
	}
	c := jsonschema.NewCompiler()
	c.UseLoader(jsonschema.SchemeURLLoader{"file": jsonschema.FileLoader{}})
	if err := c.AddResource(definitionsURL, defs); err != nil {
		return nil, err
	}
	version := strings.TrimSuffix(filepath.Base(dir), "-local-strict")
	return &schemaValidator{dir: dir, version: version, compiler: c, byFile: map[string]*jsonschema.Schema{}}, nil
}

func (v *schemaValidator) validate(res *resource.Resource) []string {
	where := fmt.Sprintf("%s (Kubernetes %s)", describe(res), v.version)
	schema, err := v.schemaFor(res.GetApiVersion(), res.GetKind())
	if err != nil {
		return []string{fmt.Sprintf("%s: %v", where, err)}
	}
	raw, err := res.MarshalJSON()
	if err != nil {
		return []string{fmt.Sprintf("%s: %v", where, err)}
	}
	instance, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		return []string{fmt.Sprintf("%s: %v", where, err)}
	}
	if err := schema.Validate(instance); err != nil {
		return []string{fmt.Sprintf("%s: %v", where, err)}
	}
	return nil
}

// schemaFor finds the schema file of a kind, named like deployment-apps-v1.json: the kind in
// lower case, the first label of the API group (none for the core group), the version.
func (v *schemaValidator) schemaFor(apiVersion, kind string) (*jsonschema.Schema, error) {
	group, version, found := strings.Cut(apiVersion, "/")
	if !found {
		group, version = "", apiVersion
	}
	name := strings.ToLower(kind)
	if group != "" {
		name += "-" + strings.Split(group, ".")[0]
	}
	name += "-" + version + ".json"
	if s, ok := v.byFile[name]; ok {
		return s, nil
	}
	path := filepath.Join(v.dir, name)
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("no schema for kind %s in %s: not a built-in API of this version (%s)", kind, apiVersion, name)
	}
	s, err := v.compiler.Compile(path)
	if err != nil {
		return nil, err
	}
	v.byFile[name] = s
	return s, nil
}

func readJSON(path string) (any, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return jsonschema.UnmarshalJSON(f)
}
