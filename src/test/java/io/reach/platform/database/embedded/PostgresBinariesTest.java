package io.reach.platform.database.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostgresBinariesTest {

    @ParameterizedTest
    @CsvSource({
        "Linux, amd64, false, postgres-linux-x86_64.txz",
        "Linux, amd64, true, postgres-linux-x86_64-alpine_linux.txz",
        "Linux, aarch64, false, postgres-linux-arm_64.txz",
        "Mac OS X, aarch64, false, postgres-darwin-arm_64.txz",
        "Mac OS X, x86_64, false, postgres-darwin-x86_64.txz",
        "Windows 11, amd64, false, postgres-windows-x86_64.txz"
    })
    void picksTheZonkyArchiveForThePlatform(String os, String arch, boolean alpine, String archive) {
        assertThat(PostgresBinaries.archiveName(os, arch, alpine)).isEqualTo(archive);
    }

    @Test
    void anUnsupportedArchitectureSaysHowToUseAnExternalDatabase() {
        assertThatThrownBy(() -> PostgresBinaries.archiveName("Linux", "s390x", false))
                .isInstanceOf(EmbeddedPostgresException.class)
                .hasMessageContaining("SPRING_DATASOURCE_URL");
    }

    @Test
    void thisMachinesArchiveIsOnTheClassPath() {
        String archive = PostgresBinaries.archiveForThisMachine();

        assertThat(getClass().getClassLoader().getResource(archive)).isNotNull();
    }
}
