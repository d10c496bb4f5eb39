package io.reach.campaigns.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.campaigns.CampaignFlows;
import io.reach.campaigns.EmailCampaignTest;
import io.reach.campaigns.SmtpSink;
import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.ReachTest;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import tools.jackson.databind.JsonNode;

/**
 * A run's SMTP connections ({@link SmtpLine}): messages go out back to back without a {@code NOOP} before
 * each, and a server that ends a connection at the next {@code MAIL} (with 421, or by closing it) gets that
 * message again on a new connection, so nobody's message is lost or sent twice.
 */
@ReachTest
class SmtpLineTest {

    private static final int RECIPIENTS = 60;
    private static final int PER_CONNECTION = 7;

    private final Api api;
    private final Accounts accounts;
    private final JavaMailSender mailSender;

    SmtpLineTest(@Autowired Api api, @Autowired Accounts accounts, @Autowired JavaMailSender mailSender) {
        this.api = api;
        this.accounts = accounts;
        this.mailSender = mailSender;
    }

    @ParameterizedTest
    @EnumSource(SmtpSink.Ending.class)
    void aServerEndingConnectionsAtTheNextMessageLosesNoneAndGetsNoneTwice(SmtpSink.Ending ending) throws Exception {
        String token = accounts.owner().accessToken();
        try (SmtpSink sink = new SmtpSink(PER_CONNECTION, ending).routing(mailSender)) {
            var flows = new CampaignFlows(api);
            UUID email = flows.emailCampaign(
                    token, flows.activeCampaign(token, ""), flows.template(token, EmailCampaignTest.TEMPLATE));
            String list = IntStream.range(0, RECIPIENTS)
                    .mapToObj(i -> "{\"email\": \"r%d@lines.example\", \"variables\": {\"first_name\": \"R%d\"}}"
                            .formatted(i, i))
                    .collect(Collectors.joining(","));
            api.post("/api/v1/email-campaigns/" + email + "/recipients", token, "{\"recipients\": [" + list + "]}");

            api.post("/api/v1/email-campaigns/" + email + "/send", token, "");
            JsonNode done = flows.awaitProcessed(token, email);

            assertThat(done.get("progress").get("by_status").get("sent").asLong())
                    .as(done.toString())
                    .isEqualTo(RECIPIENTS);
            assertThat(done.get("progress").get("by_status").has("failed")).isFalse();
            assertThat(sink.messages()).isEqualTo(RECIPIENTS);
            assertThat(sink.connections()).isGreaterThanOrEqualTo(RECIPIENTS / PER_CONNECTION);
            assertThat(sink.noops()).as("no NOOP before each message").isZero();
        }
    }
}
