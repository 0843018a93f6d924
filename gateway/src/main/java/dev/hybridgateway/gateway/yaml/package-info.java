/**
 * Strict reading of the gateway's YAML configuration files: unknown and duplicate keys, wrong
 * types and missing values fail with the file name and the key path ({@code
 * routes[0].backends[1].weight}). The readers of each file (routing, auth) build on {@link
 * dev.hybridgateway.gateway.yaml.YamlNode}.
 */
package dev.hybridgateway.gateway.yaml;
