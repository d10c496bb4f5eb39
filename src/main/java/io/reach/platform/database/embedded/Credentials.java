package io.reach.platform.database.embedded;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;

/**
 * The passwords of the embedded server's three roles, generated when the cluster is created
 * and kept beside it in a file only the JVM's own user may read.
 */
record Credentials(String superuserPassword, String ownerPassword, String appPassword) {

    static final String SUPERUSER = "postgres";
    static final String OWNER = "reach_owner";
    static final String APP = "reach_app";
    static final String DATABASE = "reach";

    static Credentials generate() {
        return new Credentials(randomSecret(), randomSecret(), randomSecret());
    }

    static Credentials load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
        return new Credentials(
                properties.getProperty("superuser"), properties.getProperty("owner"), properties.getProperty("app"));
    }

    void save(Path file) {
        Properties properties = new Properties();
        properties.setProperty("superuser", superuserPassword);
        properties.setProperty("owner", ownerPassword);
        properties.setProperty("app", appPassword);
        try {
            Path staging = PrivateFiles.create(file.resolveSibling(file.getFileName() + ".tmp"));
            try (Writer writer = Files.newBufferedWriter(staging)) {
                properties.store(writer, "Passwords of the embedded PostgreSQL roles; keep this file private");
            }
            Files.move(staging, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
