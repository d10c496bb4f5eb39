package io.reach.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.reach.support.ReachTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every node of one database uses one keyset: the check value sealed at first start refuses any other. */
@ReachTest
class KeysetCheckTest {

    private static final String MISMATCH = "differs from the one this database was sealed with";

    @Autowired
    KeysetCheck check;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment environment;

    @Test
    void theFirstStartSealedTheCheckValueAndTheSameKeysetStartsAgain() throws Exception {
        assertThat(jdbc.sql("select count(*) from platform.keyset_checks")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        SecretBox again = new SecretBox("", keysetFile(), check);

        assertThat(again.decrypt(again.encrypt(new byte[] {1, 2}, "row"), "row"))
                .containsExactly(1, 2);
    }

    @Test
    void aNodeWithAnotherConfiguredKeysetRefusesToStartAndSaysHowToFixIt() throws Exception {
        String other = TinkJsonProtoKeysetFormat.serializeKeyset(
                KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());

        assertThatThrownBy(() -> new SecretBox(other, keysetFile(), check))
                .isInstanceOf(KeysetCheck.KeysetMismatch.class)
                .hasMessageContaining(MISMATCH)
                .hasMessageContaining("REACH_CRYPTO_KEYSET")
                .hasMessageContaining("keyset file");
    }

    @Test
    void aNodeThatWouldMakeItsOwnKeysetRefusesToStartAndKeepsNoKeysetFile(@TempDir Path directory) {
        Path file = directory.resolve("keyset.json");

        assertThatThrownBy(() -> new SecretBox("", file, check))
                .hasMessageContaining(MISMATCH)
                .hasMessageContaining(file.toString());
        assertThat(file).doesNotExist();
    }

    @Test
    void afterARotationANodeWithoutTheNewPrimaryKeyIsRefused() throws Exception {
        KeysetHandle current =
                TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(keysetFile()), InsecureSecretKeyAccess.get());
        KeysetHandle rotated = KeysetHandle.newBuilder(current)
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                        .withRandomId()
                        .makePrimary())
                .build();
        try {
            check.confirm(rotated, "rotated");

            assertThatThrownBy(() -> check.confirm(current, "not rotated")).hasMessageContaining(MISMATCH);
        } finally {
            KeysetHandle.Builder restored = KeysetHandle.newBuilder(rotated);
            restored.getAt(0).makePrimary();
            check.confirm(restored.build(), "restored");
        }
        check.confirm(current, "the keyset the other tests use");
    }

    private Path keysetFile() {
        return Path.of(environment.getRequiredProperty("reach.crypto.keyset-file"));
    }
}
