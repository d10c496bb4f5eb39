package io.reach.platform.database.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The operating-system account PostgreSQL runs as. PostgreSQL refuses to run as root, so when
 * this JVM is root, every server command runs through {@code setpriv} as an unprivileged
 * account, which also owns the binaries and the data directory.
 */
final class ServerAccount {

    private final boolean dropPrivileges;
    private final String user;

    private ServerAccount(boolean dropPrivileges, String user) {
        this.dropPrivileges = dropPrivileges;
        this.user = user;
    }

    static ServerAccount forCurrentProcess(String unprivilegedUser) {
        return of(runningAsRoot(), unprivilegedUser);
    }

    static ServerAccount of(boolean dropPrivileges, String unprivilegedUser) {
        return new ServerAccount(dropPrivileges, unprivilegedUser);
    }

    boolean dropsPrivileges() {
        return dropPrivileges;
    }

    String user() {
        return dropPrivileges ? user : System.getProperty("user.name");
    }

    /** The command line that runs {@code command} as this account. */
    List<String> command(List<String> command) {
        if (!dropPrivileges) {
            return command;
        }
        List<String> wrapped =
                new ArrayList<>(List.of("setpriv", "--reuid=" + user, "--regid=" + group(), "--clear-groups", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Gives {@code root} and everything under it to this account (a no-op unless dropping privileges). */
    void takeOwnership(Path root) {
        if (!dropPrivileges) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            UserPrincipalLookupService lookup = root.getFileSystem().getUserPrincipalLookupService();
            UserPrincipal owner = lookup.lookupPrincipalByName(user);
            GroupPrincipal group = lookup.lookupPrincipalByGroupName(group());
            for (Path path : (Iterable<Path>) paths::iterator) {
                var view = Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
                view.setOwner(owner);
                view.setGroup(group);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not give " + root + " to " + user, e);
        }
    }

    private String group() {
        UserPrincipalLookupService lookup = Path.of("/").getFileSystem().getUserPrincipalLookupService();
        for (String candidate : List.of("nogroup", user)) {
            try {
                lookup.lookupPrincipalByGroupName(candidate);
                return candidate;
            } catch (UserPrincipalNotFoundException e) {
                // try the next spelling: Debian says nogroup, Red Hat says nobody
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new EmbeddedPostgresException("No group for the unprivileged account " + user);
    }

    private static boolean runningAsRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }
}
