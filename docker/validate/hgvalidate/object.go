package main

import "fmt"

// object is one rendered Kubernetes object as a generic map, with small typed getters; the
// rules read only a few fields, so no generated API types are needed.
type object map[string]any

func (o object) str(path ...string) string {
	s, _ := o.get(path...).(string)
	return s
}

func (o object) obj(path ...string) object {
	m, _ := o.get(path...).(map[string]any)
	return object(m)
}

func (o object) list(path ...string) []object {
	items, _ := o.get(path...).([]any)
	out := make([]object, 0, len(items))
	for _, item := range items {
		if m, ok := item.(map[string]any); ok {
			out = append(out, object(m))
		}
	}
	return out
}

func (o object) get(path ...string) any {
	var cur any = map[string]any(o)
	for _, key := range path {
		m, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		cur = m[key]
	}
	return cur
}

func (o object) has(path ...string) bool { return o.get(path...) != nil }

func (o object) kind() string { return o.str("kind") }
func (o object) name() string { return o.str("metadata", "name") }

func (o object) namespace() string {
	if ns := o.str("metadata", "namespace"); ns != "" {
		return ns
	}
	return "default"
}

func (o object) id() string { return fmt.Sprintf("%s %s/%s", o.kind(), o.namespace(), o.name()) }

// labels reads a map of strings (labels, selectors).
func (o object) labels(path ...string) map[string]string {
	out := map[string]string{}
	for k, v := range o.obj(path...) {
		if s, ok := v.(string); ok {
			out[k] = s
		}
	}
	return out
}

// matches reports whether every key of selector has the same value in labels; an empty
// selector matches nothing here, because none of this project's selectors is meant to be empty.
func matches(selector, labels map[string]string) bool {
	if len(selector) == 0 {
		return false
	}
	for k, v := range selector {
		if labels[k] != v {
			return false
		}
	}
	return true
}

// port reads an int-or-string port as written: a number (any JSON number type) or a name.
func port(v any) (number int64, name string) {
	switch p := v.(type) {
	case string:
		return 0, p
	case int:
		return int64(p), ""
	case int64:
		return p, ""
	case float64:
		return int64(p), ""
	}
	return 0, ""
}
