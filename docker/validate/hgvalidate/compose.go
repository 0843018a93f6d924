package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/compose-spec/compose-go/v2/cli"
	"github.com/compose-spec/compose-go/v2/types"
	"github.com/sirupsen/logrus"
)

// checkCompose loads a compose file the way `docker compose config` does (compose-go is the
// library Docker Compose itself uses): the JSON-schema validation of the compose specification
// (unknown keys, wrong types), interpolation from the .env beside the file, and the
// consistency checks (undefined services, networks, volumes, dependency cycles). Every profile
// is enabled so that services behind a profile are checked too. The environment of the caller
// is ignored on purpose: the result must not depend on who runs the check. compose-go only
// warns about a variable that is not set (and interpolates a blank); here that is a problem,
// because it is almost always a typo or a setting missing from .env.
func checkCompose(file string) ([]string, error) {
	warnings := &warningCollector{}
	logrus.SetOutput(io.Discard)
	logrus.AddHook(warnings)
	abs, err := filepath.Abs(file)
	if err != nil {
		return nil, err
	}
	opts, err := cli.NewProjectOptions([]string{abs},
		cli.WithWorkingDirectory(filepath.Dir(abs)),
		cli.WithEnv(nil),
		cli.WithEnvFiles(),
		cli.WithDotEnv,
		cli.WithProfiles([]string{"*"}),
	)
	if err != nil {
		return nil, err
	}
	project, err := opts.LoadProject(context.Background())
	if err != nil {
		// The schema library names an unknown key "false schema" (additionalProperties: false).
		return nil, errors.New(strings.ReplaceAll(err.Error(), " false schema",
			": not allowed by the compose specification (unknown key)"))
	}
	return append(warnings.messages, composeRules(project)...), nil
}

// warningCollector keeps the loader's warnings, each once.
type warningCollector struct{ messages []string }

func (w *warningCollector) Levels() []logrus.Level {
	return []logrus.Level{logrus.PanicLevel, logrus.FatalLevel, logrus.ErrorLevel, logrus.WarnLevel}
}

func (w *warningCollector) Fire(e *logrus.Entry) error {
	if !slices.Contains(w.messages, e.Message) {
		w.messages = append(w.messages, e.Message)
	}
	return nil
}

// composeRules are the project's own rules, which the specification cannot express.
func composeRules(project *types.Project) []string {
	var problems []string
	names := make([]string, 0, len(project.Services))
	for name := range project.Services {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		svc := project.Services[name]
		if p := imagePinProblem(svc.Image); p != "" {
			problems = append(problems, fmt.Sprintf("service %s: %s", name, p))
		}
		problems = append(problems, mountRules(project, name, svc)...)
		// A service_healthy dependency on a service without a health check never starts
		// (compose waits forever or fails at run time), so it is caught here.
		for dep, cfg := range svc.DependsOn {
			if cfg.Condition != types.ServiceConditionHealthy {
				continue
			}
			target, ok := project.Services[dep]
			if !ok {
				continue // the loader's consistency check reports undefined services
			}
			if target.HealthCheck == nil || target.HealthCheck.Disable || len(target.HealthCheck.Test) == 0 {
				problems = append(problems, fmt.Sprintf(
					"service %s waits for %s to be healthy, but %s has no healthcheck", name, dep, dep))
			}
		}
	}
	return problems
}

// imagePinProblem says why an image reference is not pinned to a version, or "" when it is.
func imagePinProblem(image string) string {
	if image == "" {
		return "no image name (built images must be named and tagged)"
	}
	if strings.Contains(image, "@sha256:") {
		return ""
	}
	lastSlash := strings.LastIndex(image, "/")
	colon := strings.LastIndex(image, ":")
	if colon <= lastSlash {
		return fmt.Sprintf("image %q has no tag (pin a version)", image)
	}
	if tag := image[colon+1:]; tag == "latest" {
		return fmt.Sprintf("image %q uses the latest tag (pin a version)", image)
	}
	return ""
}
