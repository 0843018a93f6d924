package dev.hybridgateway.gateway.config;

import static java.util.Objects.requireNonNull;

import dev.hybridgateway.gateway.auth.AuthConfig;
import dev.hybridgateway.gateway.auth.AuthProfile;
import dev.hybridgateway.gateway.auth.DevTokens;
import java.nio.file.Path;

/**
 * Which auth configuration the process runs ({@code --auth}, {@code --auth-config}): the dev
 * profile's key pair in {@code --dev-dir} (the default), or the prod file ({@link
 * AuthConfigFile}). {@code --auth prod} needs {@code --auth-config}; {@code --auth-config} is
 * read only with {@code --auth prod}, so a file is never silently ignored.
 *
 * @param config the settings to build the authenticator from
 * @param description one line for the start-up log, e.g. {@code prod auth from auth.yaml}
 */
public record StartupAuth(AuthConfig config, String description) {
  public StartupAuth {
    requireNonNull(config, "config");
    requireNonNull(description, "description");
  }

  /** The auth of {@code profile}; {@code devDir} null means {@link DevTokens#defaultDirectory()}. */
  public static StartupAuth of(AuthProfile profile, Path authConfig, Path devDir) {
    requireNonNull(profile, "profile");
    if (profile == AuthProfile.PROD) {
      if (authConfig == null) {
        throw new IllegalArgumentException(
            "--auth prod needs --auth-config FILE (env HYBRID_GATEWAY_AUTH_CONFIG): the issuer,"
                + " audience, JWKS and API keys to trust (gateway/CONFIG.md, Authentication)");
      }
      AuthConfig config = AuthConfigFile.load(authConfig);
      return new StartupAuth(
          config,
          "prod auth from " + authConfig + " (issuer " + config.issuer() + ", "
              + config.apiKeys().size() + " API key(s))");
    }
    if (authConfig != null) {
      throw new IllegalArgumentException(
          "--auth-config " + authConfig + " is read with --auth prod only; add --auth prod"
              + " (env HYBRID_GATEWAY_AUTH=prod) or drop it for the dev profile");
    }
    DevTokens devTokens = DevTokens.open(devDir != null ? devDir : DevTokens.defaultDirectory());
    return new StartupAuth(
        devTokens.authConfig().build(),
        "dev auth, keys in " + devTokens.jwksFile().getParent());
  }
}
