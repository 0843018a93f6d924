package main

import (
	"fmt"

	"sigs.k8s.io/kustomize/api/krusty"
	"sigs.k8s.io/kustomize/api/resource"
	"sigs.k8s.io/kustomize/kyaml/filesys"
)

// checkKubernetes renders a kustomization exactly as `kubectl apply -k` would (the kustomize
// API that kubectl embeds), then checks every rendered object against the Kubernetes API
// schemas of each version in schemaDirs and against the project's rules.
func checkKubernetes(kustomizeDir string, schemaDirs []string) ([]string, error) {
	resources, err := render(kustomizeDir)
	if err != nil {
		return nil, err
	}
	if len(resources) == 0 {
		return nil, fmt.Errorf("%s renders no objects", kustomizeDir)
	}
	var problems []string
	for _, dir := range schemaDirs {
		validator, err := newSchemaValidator(dir)
		if err != nil {
			return nil, err
		}
		for _, res := range resources {
			problems = append(problems, validator.validate(res)...)
		}
	}
	objects := make([]object, 0, len(resources))
	for _, res := range resources {
		m, err := res.Map()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", describe(res), err)
		}
		objects = append(objects, object(m))
	}
	problems = append(problems, kubernetesRules(objects)...)
	return problems, nil
}

func render(dir string) ([]*resource.Resource, error) {
	k := krusty.MakeKustomizer(krusty.MakeDefaultOptions())
	resMap, err := k.Run(filesys.MakeFsOnDisk(), dir)
	if err != nil {
		return nil, fmt.Errorf("kustomize: %w", err)
	}
	return resMap.Resources(), nil
}

func describe(res *resource.Resource) string {
	return fmt.Sprintf("%s %s/%s", res.GetApiVersion(), res.GetKind(), res.GetName())
}
