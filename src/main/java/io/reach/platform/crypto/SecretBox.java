package io.reach.platform.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts secrets before they are stored (TOTP secrets, OAuth and integration tokens, webhook
 * secrets) with Tink's AEAD, AES-256-GCM. The associated data names the row a ciphertext belongs
 * to, so a ciphertext copied onto another row does not decrypt.
 *
 * <p>The keyset comes from {@code reach.crypto.keyset} (Tink JSON), else from
 * {@code reach.crypto.keyset-file}, which is created (mode 0600) on first start. Rotation: add a
 * key to the keyset and make it primary (e.g. with Tink's {@code tinkey}); old ciphertexts still
 * decrypt, new ones use the new key. Several nodes share one keyset: {@link KeysetCheck} refuses to
 * start a node whose keyset is not the one the database was sealed with (a keyset file is only
 * written once the check has passed).
 */
@Component
public class SecretBox {

    private static final Logger log = LoggerFactory.getLogger(SecretBox.class);

    private final Aead aead;

    SecretBox(
            @Value("${reach.crypto.keyset:}") String keyset,
            @Value("${reach.crypto.keyset-file:${reach.embedded-postgres.directory:.reach}/keyset.json}") Path file,
            KeysetCheck check) {
        try {
            AeadConfig.register();
            this.aead = load(keyset, file, check).getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not load the encryption keyset", e);
        }
    }

    public byte[] encrypt(byte[] plaintext, String associatedData) {
        try {
            return aead.encrypt(plaintext, associatedData.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    public byte[] decrypt(byte[] ciphertext, String associatedData) {
        try {
            return aead.decrypt(ciphertext, associatedData.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored secret does not decrypt for " + associatedData, e);
        }
    }

    /** The configured keyset, else the file's, else a new one; confirmed against the database before a new one is saved. */
    private static KeysetHandle load(String keyset, Path file, KeysetCheck check) throws GeneralSecurityException {
        if (!keyset.isBlank()) {
            KeysetHandle configured = TinkJsonProtoKeysetFormat.parseKeyset(keyset, InsecureSecretKeyAccess.get());
            check.confirm(configured, "from reach.crypto.keyset (REACH_CRYPTO_KEYSET)");
            return configured;
        }
        if (Files.exists(file)) {
            KeysetHandle stored = TinkJsonProtoKeysetFormat.parseKeyset(read(file), InsecureSecretKeyAccess.get());
            check.confirm(stored, "in the file " + file.toAbsolutePath());
            return stored;
        }
        KeysetHandle fresh = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        save(fresh, file);
        try {
            check.confirm(
                    fresh,
                    "newly generated in " + file.toAbsolutePath()
                            + " (no keyset was configured and that file did not exist; it has been removed again)");
        } catch (KeysetCheck.KeysetMismatch e) {
            deleteQuietly(file);
            throw e;
        }
        log.warn(
                "Created a new encryption keyset in {}; back it up: secrets stored with it cannot be read without it."
                        + " Every other node of this database needs this same keyset (REACH_CRYPTO_KEYSET or this file)",
                file.toAbsolutePath());
        return fresh;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not remove the keyset file {} made by this failed start; remove it by hand", file, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the keyset file " + file, e);
        }
    }

    private static void save(KeysetHandle fresh, Path file) throws GeneralSecurityException {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path staging = Files.createTempFile(
                    file.toAbsolutePath().getParent(),
                    "keyset",
                    ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(staging, TinkJsonProtoKeysetFormat.serializeKeyset(fresh, InsecureSecretKeyAccess.get()));
            Files.move(staging, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the keyset file " + file, e);
        }
    }
}
