package dev.hybridgateway.gateway.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** The files of {@link DevTokens}: an owner-only private key, a world-readable public JWKS. */
final class DevKeyFiles {
  private static final Set<PosixFilePermission> OWNER_RW =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_RWX =
      PosixFilePermissions.fromString("rwx------");

  private DevKeyFiles() {}

  /** The key in {@code file}; when there is none, a new RSA-2048 key written with mode 600. */
  static RSAKey loadOrCreate(Path file) throws IOException {
    if (!Files.exists(file)) {
      createDirectory(file.getParent());
      RSAKey generated = generate();
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp-" + ProcessHandle.current().pid());
      Files.deleteIfExists(tmp);
      createOwnerOnly(tmp);
      Files.writeString(tmp, generated.toJSONString(), StandardCharsets.UTF_8);
      try {
        // A hard link never replaces: when another process won the race, its key stays.
        Files.createLink(file, tmp);
      } catch (FileAlreadyExistsException e) {
        // another process created the key first; use that one
      } catch (UnsupportedOperationException | IOException e) {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
    if (isPosix(file) && !Files.getPosixFilePermissions(file).equals(OWNER_RW)) {
      Files.setPosixFilePermissions(file, OWNER_RW);
    }
    return DevTokens.parsePrivate(Files.readString(file, StandardCharsets.UTF_8), file);
  }

  /** Writes {@code json} to {@code file} unless it already holds exactly that. */
  static void writePublic(Path file, String json) throws IOException {
    if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(json)) {
      return;
    }
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp-" + ProcessHandle.current().pid());
    Files.writeString(tmp, json, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static RSAKey generate() {
    try {
      return new RSAKeyGenerator(2048)
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256)
          .keyIDFromThumbprint(true)
          .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate the dev RSA key", e);
    }
  }

  private static void createDirectory(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    if (isPosix(dir)) {
      FileAttribute<?> mode = PosixFilePermissions.asFileAttribute(OWNER_RWX);
      Files.createDirectories(dir, mode);
    } else {
      Files.createDirectories(dir);
    }
  }

  private static void createOwnerOnly(Path file) throws IOException {
    if (isPosix(file)) {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_RW));
    } else {
      Files.createFile(file);
    }
  }

  private static boolean isPosix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
