package io.reach.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.ReachTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Sending a campaign that was already sent says so, instead of complaining that it has no recipients. */
@ReachTest
class SendAgainTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Test
    void aSentCampaignSentAgainIsAlreadySent() {
        var flows = new CampaignFlows(api);
        String token = accounts.owner().accessToken();
        UUID email = flows.emailCampaignTo(token, "once@again.example", "Once");
        assertThat(api.post("/api/v1/email-campaigns/" + email + "/send", token, "")
                        .status())
                .isEqualTo(202);
        assertThat(flows.awaitProcessed(token, email)
                        .get("email_campaign")
                        .get("status")
                        .asString())
                .isEqualTo("sent");

        var again = api.post("/api/v1/email-campaigns/" + email + "/send", token, "");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("title").asString()).isEqualTo("Already sent");
        assertThat(again.json().get("detail").asString()).isEqualTo("This e-mail campaign has already been sent");
    }
}
