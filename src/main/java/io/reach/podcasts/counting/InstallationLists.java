package io.reach.podcasts.counting;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The IP lists every workspace is counted with: the bundled data-centre list (X4BNet lists_vpn,
 * MIT, see {@code podcasts/datacenters/}) and the CIDR files (one network a line, {@code #} for
 * comments) in the directory {@code reach.podcasts.ip-lists-directory}, if set, read again when
 * their contents change. Each list's version is the start of its SHA-256.
 */
@Component
class InstallationLists {

    private static final Logger log = LoggerFactory.getLogger(InstallationLists.class);
    static final String DATACENTERS = "podcasts/datacenters/datacenters.txt";

    private final String directory;
    private final Parsed datacenters;
    private volatile Parsed files = new Parsed(List.of(), "none");

    InstallationLists(@Value("${reach.podcasts.ip-lists-directory:}") String directory) {
        this.directory = directory;
        this.datacenters = bundled();
    }

    /** A list's networks and version. */
    record Parsed(List<IpNetworks.Network> networks, String version) {}

    Parsed datacenters() {
        return datacenters;
    }

    /** The installation's own files, read again when their contents changed. */
    Parsed files() {
        if (directory.isBlank()) {
            return files;
        }
        try (Stream<Path> paths = Files.list(Path.of(directory))) {
            List<Path> lists = paths.filter(path -> path.toString().endsWith(".txt"))
                    .sorted()
                    .toList();
            StringBuilder all = new StringBuilder();
            for (Path path : lists) {
                all.append(Files.readString(path, StandardCharsets.UTF_8)).append('\n');
            }
            String version = version(all.toString());
            if (!version.equals(files.version())) {
                files = new Parsed(networks(all.toString()), version);
                log.info(
                        "Installation IP lists read from {}: {} networks (version {})",
                        directory,
                        files.networks().size(),
                        version);
            }
        } catch (IOException e) {
            log.warn("The installation IP lists in {} cannot be read: {}", directory, e.getMessage());
        }
        return files;
    }

    private static Parsed bundled() {
        try (InputStream in = InstallationLists.class.getClassLoader().getResourceAsStream(DATACENTERS)) {
            if (in == null) {
                throw new IllegalStateException("The data-centre list " + DATACENTERS + " is not on the classpath");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Parsed(networks(text), version(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<IpNetworks.Network> networks(String text) {
        List<IpNetworks.Network> networks = new ArrayList<>();
        for (String line : text.split("\n")) {
            IpNetworks.Network network = IpNetworks.parse(line);
            if (network != null) {
                networks.add(network);
            }
        }
        return List.copyOf(networks);
    }

    static String version(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
