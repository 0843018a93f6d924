package dev.hybridgateway.gateway.auth;

import java.util.Locale;

/** Which trust rules apply: {@code prod} is the default; {@code dev} adds the HS256 shortcut. */
public enum AuthProfile {
  /** Local development: HS256 tokens with {@code auth.dev_hs256_secret} are accepted too. */
  DEV,
  /** Only the asymmetric algorithms of the allow-list, with keys from a JWKS. */
  PROD;

  /** {@code "dev"} or {@code "prod"}, any case (the spelling of the YAML config). */
  public static AuthProfile parse(String name) {
    if (name != null) {
      switch (name.trim().toLowerCase(Locale.ROOT)) {
        case "dev" -> {
          return DEV;
        }
        case "prod" -> {
          return PROD;
        }
        default -> {}
      }
    }
    throw new IllegalArgumentException("auth.profile must be dev or prod, not '" + name + "'");
  }
}
