package main

import (
	"fmt"
	"sort"
)

// kubernetesRules are what an API server or a reviewer would reject that the schemas cannot
// see: references between objects (selectors, ports, scale targets, config maps) and the
// project's baseline for every container (pinned image, probes, requests and limits,
// non-root with a read-only root file system).
func kubernetesRules(objects []object) []string {
	var problems []string
	add := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }

	byKind := map[string][]object{}
	for _, o := range objects {
		byKind[o.kind()] = append(byKind[o.kind()], o)
	}
	workloads := append(append([]object{}, byKind["Deployment"]...), byKind["StatefulSet"]...)
	configMaps := map[string]bool{}
	for _, cm := range byKind["ConfigMap"] {
		configMaps[cm.namespace()+"/"+cm.name()] = true
	}

	for _, w := range workloads {
		template := w.obj("spec", "template")
		if !matches(w.labels("spec", "selector", "matchLabels"), template.labels("metadata", "labels")) {
			add("%s: spec.selector.matchLabels does not match the pod template's labels", w.id())
		}
		for _, problem := range podRules(w, template.obj("spec"), configMaps) {
			add("%s: %s", w.id(), problem)
		}
	}

	for _, svc := range byKind["Service"] {
		selector := svc.labels("spec", "selector")
		target := selected(workloads, svc.namespace(), selector)
		if target == nil {
			add("%s: its selector matches no Deployment or StatefulSet pod template", svc.id())
			continue
		}
		for _, p := range svc.list("spec", "ports") {
			if !containerPortExists(target, p.get("targetPort"), p.get("port")) {
				add("%s: port %v targets %v, which no container of %s exposes", svc.id(), p.get("port"), p.get("targetPort"), target.id())
			}
		}
	}

	for _, pdb := range byKind["PodDisruptionBudget"] {
		if selected(workloads, pdb.namespace(), pdb.labels("spec", "selector", "matchLabels")) == nil {
			add("%s: its selector matches no Deployment or StatefulSet pod template", pdb.id())
		}
	}

	for _, hpa := range byKind["HorizontalPodAutoscaler"] {
		ref := hpa.obj("spec", "scaleTargetRef")
		if find(workloads, ref.str("kind"), hpa.namespace(), ref.str("name")) == nil {
			add("%s: scaleTargetRef %s/%s does not exist", hpa.id(), ref.str("kind"), ref.str("name"))
		}
	}

	for _, sts := range byKind["StatefulSet"] {
		svc := find(byKind["Service"], "Service", sts.namespace(), sts.str("spec", "serviceName"))
		if svc == nil || svc.str("spec", "clusterIP") != "None" {
			add("%s: spec.serviceName %q must name a headless Service (clusterIP: None), which gives each pod its DNS name",
				sts.id(), sts.str("spec", "serviceName"))
		}
	}

	sort.Strings(problems)
	return problems
}

// podRules checks one pod template.
func podRules(owner object, pod object, configMaps map[string]bool) []string {
	var problems []string
	add := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	podNonRoot := pod.get("securityContext", "runAsNonRoot") == true
	for _, c := range pod.list("containers") {
		name := "container " + c.str("name")
		if p := imagePinProblem(c.str("image")); p != "" {
			add("%s: %s", name, p)
		}
		for _, probe := range []string{"readinessProbe", "livenessProbe"} {
			if !c.has(probe) {
				add("%s: no %s", name, probe)
			}
		}
		for _, probe := range []string{"startupProbe", "readinessProbe", "livenessProbe"} {
			if pp := c.get(probe, "grpc", "port"); pp != nil && !containerPortExists(owner, pp, nil) {
				add("%s: %s checks gRPC port %v, which the container does not expose", name, probe, pp)
			}
		}
		for _, kind := range []string{"requests", "limits"} {
			for _, resource := range []string{"cpu", "memory"} {
				if !c.has("resources", kind, resource) {
					add("%s: no resources.%s.%s", name, kind, resource)
				}
			}
		}
		sc := c.obj("securityContext")
		if !podNonRoot && sc.get("runAsNonRoot") != true {
			add("%s: runAsNonRoot is not true (pod or container securityContext)", name)
		}
		if sc.get("readOnlyRootFilesystem") != true {
			add("%s: securityContext.readOnlyRootFilesystem is not true", name)
		}
		if sc.get("allowPrivilegeEscalation") != false {
			add("%s: securityContext.allowPrivilegeEscalation is not false", name)
		}
		for _, from := range c.list("envFrom") {
			if ref := from.str("configMapRef", "name"); ref != "" && !configMaps[owner.namespace()+"/"+ref] {
				add("%s: envFrom names ConfigMap %q, which is not rendered", name, ref)
			}
		}
		for _, env := range c.list("env") {
			if ref := env.str("valueFrom", "configMapKeyRef", "name"); ref != "" && !configMaps[owner.namespace()+"/"+ref] {
				add("%s: env %s names ConfigMap %q, which is not rendered", name, env.str("name"), ref)
			}
		}
	}
	return problems
}

// containerPortExists reports whether a workload's containers expose a port given by name or
// number; a Service port without targetPort targets its own number (fallback).
func containerPortExists(workload object, ref any, fallback any) bool {
	if ref == nil {
		ref = fallback
	}
	number, name := port(ref)
	for _, c := range workload.list("spec", "template", "spec", "containers") {
		for _, p := range c.list("ports") {
			n, _ := port(p.get("containerPort"))
			if (name != "" && p.str("name") == name) || (name == "" && n == number) {
				return true
			}
		}
	}
	return false
}

func selected(workloads []object, namespace string, selector map[string]string) object {
	for _, w := range workloads {
		if w.namespace() == namespace && matches(selector, w.labels("spec", "template", "metadata", "labels")) {
			return w
		}
	}
	return nil
}

func find(objects []object, kind, namespace, name string) object {
	for _, o := range objects {
		if o.kind() == kind && o.namespace() == namespace && o.name() == name {
			return o
		}
	}
	return nil
}
