package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

// checkDockerfile enforces what hadolint has no rule for: the image that ships (the last
// stage) must switch to a non-root user and declare a HEALTHCHECK. hadolint already checks
// the syntax, pinned base images, the root user set last, and the shell in RUN lines.
func checkDockerfile(file string) ([]string, error) {
	instructions, err := readInstructions(file)
	if err != nil {
		return nil, err
	}
	lastFrom := -1
	for i, ins := range instructions {
		if ins.keyword == "FROM" {
			lastFrom = i
		}
	}
	if lastFrom < 0 {
		return []string{file + ": no FROM instruction"}, nil
	}
	user, healthcheck := "", false
	for _, ins := range instructions[lastFrom+1:] {
		switch ins.keyword {
		case "USER":
			user = ins.args
		case "HEALTHCHECK":
			healthcheck = !strings.EqualFold(strings.TrimSpace(ins.args), "NONE")
		}
	}
	var problems []string
	if name, _, _ := strings.Cut(user, ":"); name == "" || name == "root" || name == "0" {
		problems = append(problems, fmt.Sprintf("%s: the final stage must set a non-root USER (found %q)", file, user))
	}
	if !healthcheck {
		problems = append(problems, fmt.Sprintf("%s: the final stage has no HEALTHCHECK", file))
	}
	return problems, nil
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
