package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

// checkDockerfile enforces what hadolint has no rule for. Every stage that ships as an image
// (one that no other stage builds on or copies from, such as the last stage or an extra
// `--target`) must switch to a non-root user, and the default image (the last stage) must
// declare a HEALTHCHECK. hadolint already checks the syntax, pinned base images, the root user
// set last, and the shell in RUN lines.
func checkDockerfile(file string) ([]string, error) {
	instructions, err := readInstructions(file)
	if err != nil {
		return nil, err
	}
	stages := splitStages(instructions)
	if len(stages) == 0 {
		return []string{file + ": no FROM instruction"}, nil
	}
	used := map[string]bool{}
	for _, st := range stages {
		used[strings.ToLower(st.base)] = true
		for _, ins := range st.body {
			for _, arg := range strings.Fields(ins.args) {
				if from, ok := strings.CutPrefix(arg, "--from="); ok && ins.keyword == "COPY" {
					used[strings.ToLower(from)] = true
				}
			}
		}
	}
	var problems []string
	for i, st := range stages {
		last := i == len(stages)-1
		if !last && used[strings.ToLower(st.name)] {
			continue // a build stage: nothing of it runs as a container
		}
		user, healthcheck := "", false
		for _, ins := range st.body {
			switch ins.keyword {
			case "USER":
				user = ins.args
			case "HEALTHCHECK":
				healthcheck = !strings.EqualFold(strings.TrimSpace(ins.args), "NONE")
			}
		}
		if name, _, _ := strings.Cut(user, ":"); name == "" || name == "root" || name == "0" {
			problems = append(problems, fmt.Sprintf("%s: stage %s ships as an image and must set a non-root USER (found %q)", file, st.label(i), user))
		}
		if last && !healthcheck {
			problems = append(problems, fmt.Sprintf("%s: the final stage (the default image) has no HEALTHCHECK", file))
		}
	}
	return problems, nil
}

// stage is one FROM and the instructions up to the next FROM.
type stage struct {
	base, name string
	body       []instruction
}

func (s stage) label(index int) string {
	if s.name != "" {
		return s.name
	}
	return fmt.Sprintf("#%d", index)
}

func splitStages(instructions []instruction) []stage {
	var stages []stage
	for _, ins := range instructions {
		if ins.keyword == "FROM" {
			fields := strings.Fields(ins.args)
			var st stage
			for j := 0; j < len(fields); j++ {
				switch {
				case strings.HasPrefix(fields[j], "--"):
				case strings.EqualFold(fields[j], "AS") && j+1 < len(fields):
					st.name = fields[j+1]
					j++
				case st.base == "":
					st.base = fields[j]
				}
			}
			stages = append(stages, st)
			continue
		}
		if len(stages) > 0 {
			stages[len(stages)-1].body = append(stages[len(stages)-1].body, ins)
		}
	}
	return stages
}

type instruction struct{ keyword, args string }

// readInstructions joins continuation lines and skips comments and blank lines; parser
// directives and heredocs are not used in this project's Dockerfiles.
func readInstructions(file string) ([]instruction, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []instruction
	var current strings.Builder
	scanner := bufio.NewScanner(f)
	for scanner.Scan() {
		line := strings.TrimSpace(scanner.Text())
		if strings.HasPrefix(line, "#") || (line == "" && current.Len() == 0) {
			continue
		}
		if strings.HasSuffix(line, "\\") {
			current.WriteString(strings.TrimSuffix(line, "\\") + " ")
			continue
		}
		current.WriteString(line)
		keyword, args, _ := strings.Cut(strings.TrimSpace(current.String()), " ")
		out = append(out, instruction{strings.ToUpper(keyword), strings.TrimSpace(args)})
		current.Reset()
	}
	return out, scanner.Err()
}
