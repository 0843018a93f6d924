package main

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/compose-spec/compose-go/v2/types"
	"go.yaml.in/yaml/v3"
)

// mountRules checks the configuration files that services read through bind mounts: the
// compose specification accepts any path, and Docker creates a missing source as an empty
// directory, so a typo surfaces only as a service failing at start. Each source must exist,
// and each YAML or JSON file in it must parse.
func mountRules(project *types.Project, name string, svc types.ServiceConfig) []string {
	var problems []string
	for _, v := range svc.Volumes {
		if v.Type != types.VolumeTypeBind {
			continue
		}
		source := v.Source
		if !filepath.IsAbs(source) {
			source = filepath.Join(project.WorkingDir, source)
		}
		info, err := os.Stat(source)
		if err != nil {
			problems = append(problems, fmt.Sprintf("service %s: bind mount source %s does not exist", name, v.Source))
			continue
		}
		if !info.IsDir() {
			if p := parseProblem(source); p != "" {
				problems = append(problems, fmt.Sprintf("service %s: %s", name, p))
			}
			continue
		}
		_ = filepath.WalkDir(source, func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				if p := parseProblem(path); p != "" {
					problems = append(problems, fmt.Sprintf("service %s: %s", name, p))
				}
			}
			return nil
		})
	}
	return problems
}

// parseProblem says why a YAML or JSON file does not parse, or "" (also for other files).
func parseProblem(path string) string {
	ext := strings.ToLower(filepath.Ext(path))
	if ext != ".yaml" && ext != ".yml" && ext != ".json" {
		return ""
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return err.Error()
	}
	var doc any
	if ext == ".json" {
		err = json.Unmarshal(data, &doc)
	} else {
		err = yaml.Unmarshal(data, &doc)
	}
	if err != nil {
		return fmt.Sprintf("%s does not parse: %v", path, err)
	}
	return ""
}
