package io.reach.platform.database.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerLayoutTest {

    @TempDir
    Path temp;

    @Test
    void aDirectoryBehindAPrivateParentMovesWhereTheServerAccountCanReachIt() throws IOException {
        Path closed = Files.createDirectory(
                temp.resolve("closed"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path wanted = closed.resolve("project/.reach");

        Path base = ServerLayout.reachableBase(wanted, ServerAccount.of(true, "nobody"));

        assertThat(base.getParent()).isEqualTo(ServerLayout.RELOCATION_ROOT);
        assertThat(base).isEqualTo(ServerLayout.reachableBase(wanted, ServerAccount.of(true, "nobody")));
    }

    @Test
    void aReachableDirectoryStaysWhereItWasConfigured() throws IOException {
        Path open = Files.createDirectory(
                temp.resolve("open"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path wanted = open.resolve(".reach");

        assertThat(ServerLayout.reachableBase(wanted, ServerAccount.of(true, "nobody")))
                .isEqualTo(wanted);
    }

    @Test
    void withoutDroppingPrivilegesNothingMoves() throws IOException {
        Path closed = Files.createDirectory(
                temp.resolve("private"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path wanted = closed.resolve(".reach");

        assertThat(ServerLayout.reachableBase(wanted, ServerAccount.of(false, "nobody")))
                .isEqualTo(wanted);
    }
}
