package io.reach.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.platform.ids.Ids;
import io.reach.support.ReachTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Without a configured token, the first start generates one and prints it once; later starts keep it. */
@ReachTest
class PlatformAdminTokensTest {

    private static final Pattern PRINTED = Pattern.compile("(reach_admin_[A-Za-z0-9_-]{43})");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Ids ids;

    @Autowired
    Clock clock;

    @Autowired
    PlatformAdminTokens configured;

    @Test
    void aGeneratedTokenIsPrintedOnceAndThenAuthenticatesAsThePlatformAdmin() {
        PlatformAdminTokens firstStart = new PlatformAdminTokens(jdbc, ids, clock, "");
        String printed = console(() -> firstStart.run(new DefaultApplicationArguments()));
        Matcher token = PRINTED.matcher(printed);

        assertThat(token.find()).as("a token on the console: %s", printed).isTrue();
        assertThat(firstStart.authenticate(token.group(1)))
                .get()
                .satisfies(auth -> assertThat(auth.getPrincipal()).isEqualTo(new PlatformAdmin("generated")))
                .satisfies(auth -> assertThat(auth.getAuthorities())
                        .extracting(Object::toString)
                        .containsExactly("ROLE_PLATFORM_ADMIN"));
        assertThat(jdbc.sql("select count(*) from platform.admin_tokens where token_hash = :hash")
                        .param("hash", TokenHashes.sha256(token.group(1)))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        String secondStart =
                console(() -> new PlatformAdminTokens(jdbc, ids, clock, "").run(new DefaultApplicationArguments()));
        assertThat(PRINTED.matcher(secondStart).find()).isFalse();
    }

    @Test
    void unknownAndForgedTokensAreNotAccepted() {
        assertThat(configured.authenticate("reach_admin_" + "A".repeat(43))).isEmpty();
        assertThat(configured.authenticate("test-admin-token-but-longer")).isEmpty();
        assertThat(configured.authenticate("test-admin-token")).isPresent();
    }

    private static String console(Runnable work) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true));
        try {
            work.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString();
    }
}
