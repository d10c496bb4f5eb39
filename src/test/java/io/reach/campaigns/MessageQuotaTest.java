package io.reach.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.ReachTest;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** max_monthly_emails: a send whose recipients exceed what is left of the month is refused before anything goes out. */
@ReachTest
class MessageQuotaTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Test
    void aSendBeyondTheMonthsRemainingEmailsIsRefusedAndNothingIsQueued() {
        var flows = new CampaignFlows(api);
        Accounts.SignedIn ada = accounts.owner();
        String token = ada.accessToken();
        assertThat(api.put(
                                "/api/v1/admin/tenants/" + ada.tenantId() + "/quotas",
                                Api.ADMIN,
                                "{\"max_monthly_emails\": 3}")
                        .status())
                .isEqualTo(200);
        UUID template = flows.template(token, EmailCampaignTest.TEMPLATE);
        UUID campaign = flows.activeCampaign(token, "");
        UUID first = withRecipients(flows, token, campaign, template, 2);
        UUID second = withRecipients(flows, token, campaign, template, 2);
        assertThat(api.post("/api/v1/email-campaigns/" + first + "/send", token, "")
                        .status())
                .isEqualTo(202);

        var refused = api.post("/api/v1/email-campaigns/" + second + "/send", token, "");

        assertThat(refused.status()).as(refused.body()).isEqualTo(429);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:reach:problem:quota-exceeded");
        assertThat(refused.json().get("quota").asString()).isEqualTo("max_monthly_emails");
        assertThat(refused.json().get("limit").asLong()).isEqualTo(3);
        assertThat(refused.json().get("used").asLong()).isEqualTo(2);
        assertThat(refused.json().get("requested").asLong()).isEqualTo(2);
        assertThat(refused.json().get("period").asString())
                .isEqualTo(YearMonth.now(ZoneOffset.UTC).toString());
        assertThat(Long.parseLong(refused.header("Retry-After")))
                .as("until the next month begins")
                .isPositive();
        assertThat(api.get("/api/v1/email-campaigns/" + second, token)
                        .json()
                        .get("email_campaign")
                        .get("status")
                        .asString())
                .isEqualTo("draft");

        var usage = api.get("/api/v1/tenant/quotas", token)
                .json()
                .get("quotas")
                .valueStream()
                .filter(q -> q.get("quota").asString().equals("max_monthly_emails"))
                .findFirst()
                .orElseThrow();
        assertThat(usage.get("used").asLong()).isEqualTo(2);
        assertThat(usage.get("remaining").asLong()).isEqualTo(1);
    }

    private UUID withRecipients(CampaignFlows flows, String token, UUID campaign, UUID template, int count) {
        UUID email = flows.emailCampaign(token, campaign, template);
        String domain = "q" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        String recipients = IntStream.range(0, count)
                .mapToObj(i -> """
                {"email": "person%d@%s", "variables": {"first_name": "P%d"}}""".formatted(i, domain, i))
                .collect(Collectors.joining(","));
        var added = api.post(
                "/api/v1/email-campaigns/" + email + "/recipients", token, "{\"recipients\": [" + recipients + "]}");
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        return email;
    }
}
