package io.reach.campaigns.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reach.campaigns.CampaignFlows;
import io.reach.campaigns.EmailCampaignTest;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.ReachTest;
import io.reach.support.TestMailServer;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Sending survives a worker dying mid-batch without sending anyone a message twice, pauses, and keeps to budget. */
@ReachTest
class SendingResilienceTest {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    Dispatcher dispatcher;

    @Autowired
    Carrier emailCarrier;

    @Autowired
    ChannelCampaigns channelCampaigns;

    @Autowired
    TenantTransactions transactions;

    @Autowired
    SendEffects effects;

    @Autowired
    io.reach.campaigns.CampaignsForSending campaigns;

    @Autowired
    DispatchLeases leases;

    @Autowired
    io.reach.campaigns.CampaignProperties properties;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    io.reach.platform.ids.Ids ids;

    @Test
    void aCrashMidSendAndAResumeSendNobodyTheMessageTwice() {
        Accounts.SignedIn ada = accounts.owner();
        TenantId tenant = TenantId.of(ada.tenantId());
        String domain = "c" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        UUID email = sending(ada, domain, 300);

        AtomicInteger delivered = new AtomicInteger();
        assertThatThrownBy(() -> dispatcher.run(tenant, email, dyingAfter(120, delivered)))
                .hasRootCauseMessage("worker died");
        JsonNode crashed =
                api.get("/api/v1/email-campaigns/" + email, ada.accessToken()).json();
        assertThat(crashed.get("progress").get("by_status").get("sending").asLong())
                .as("rows claimed by the dead workers")
                .isPositive();
        CampaignFlows.sleep(1_100);

        dispatcher.run(tenant, Channel.EMAIL, email);
        assertThat(api.get("/api/v1/email-campaigns/" + email, ada.accessToken())
                        .json()
                        .get("progress")
                        .get("by_status")
                        .path("sending")
                        .asLong())
                .as("the claims of the dead workers expired (lease 1s in tests)")
                .isZero();

        JsonNode done =
                api.get("/api/v1/email-campaigns/" + email, ada.accessToken()).json();
        assertThat(done.get("email_campaign").get("status").asString()).isEqualTo("sent");
        JsonNode byStatus = done.get("progress").get("by_status");
        long sent = byStatus.path("sent").asLong();
        long interrupted = byStatus.path("failed").asLong();
        assertThat(sent + interrupted).isEqualTo(300);
        assertThat(byStatus.has("queued") || byStatus.has("sending")).isFalse();

        List<MimeMessage> messages = TestMailServer.messagesToDomain(domain, (int) sent);
        Map<String, Long> perRecipient =
                messages.stream().collect(Collectors.groupingBy(CampaignFlows::recipientOf, Collectors.counting()));
        assertThat(perRecipient.values()).as("nobody got the message twice").allMatch(n -> n == 1);
        assertThat((long) messages.size())
                .as("every sent row's message, and those that left just before the crash")
                .isBetween(sent, sent + interrupted);
        assertThat(perRecipient.keySet())
                .as("everyone marked sent got their message")
                .containsAll(addresses(ada.accessToken(), email, "sent"));
        assertThat(delivered.get())
                .as("each of the four workers may pass the check once more")
                .isBetween(120, 123);
    }

    @Test
    void whenTheNextClaimFailsTheLastBatchsOutcomesAreStillRecorded() {
        Accounts.SignedIn ada = accounts.owner();
        TenantId tenant = TenantId.of(ada.tenantId());
        String domain = "f" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        UUID email = sending(ada, domain, 150);
        // a worker's claim after its first batch fails: that claim shares its transaction with the batch's outcomes
        java.util.Set<Thread> claimedOnce = java.util.concurrent.ConcurrentHashMap.newKeySet();
        SendQueue failingSecondClaims = new SendQueue(jdbc, ids) {
            @Override
            Claim claim(Channel channel, UUID campaign, UUID after, int limit, java.time.Instant now) {
                if (claimedOnce.contains(Thread.currentThread())) {
                    throw new IllegalStateException("the claim failed");
                }
                Claim batch = super.claim(channel, campaign, after, limit, now);
                if (!batch.sends().isEmpty()) {
                    claimedOnce.add(Thread.currentThread());
                }
                return batch;
            }
        };
        Dispatcher failing = new Dispatcher(
                List.of(),
                failingSecondClaims,
                channelCampaigns,
                campaigns,
                effects,
                leases,
                transactions,
                properties,
                java.time.Clock.systemUTC());
        AtomicInteger delivered = new AtomicInteger();

        assertThatThrownBy(() -> failing.run(tenant, email, recording(delivered, () -> {})))
                .hasRootCauseMessage("the claim failed");

        JsonNode byStatus = api.get("/api/v1/email-campaigns/" + email, ada.accessToken())
                .json()
                .get("progress")
                .get("by_status");
        // each of the four workers claimed once (shares of the 150, so that they would finish together)
        assertThat(delivered.get()).isBetween(4, 150);
        assertThat(byStatus.path("sent").asLong())
                .as("every delivered message recorded sent, though the claim it shared a transaction with failed")
                .isEqualTo(delivered.get());
        assertThat(byStatus.path("sending").asLong()).isZero();
        assertThat(byStatus.path("queued").asLong()).isEqualTo(150 - delivered.get());
    }

    @Test
    void aSecondRunOfACampaignDoesNothingWhileTheFirstIsAlive() throws Exception {
        Accounts.SignedIn ada = accounts.owner();
        TenantId tenant = TenantId.of(ada.tenantId());
        String domain = "l" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        UUID email = sending(ada, domain, 450);
        CountDownLatch delivering = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger byFirst = new AtomicInteger();
        AtomicInteger bySecond = new AtomicInteger();

        Thread first = Thread.ofVirtual()
                .start(() -> dispatcher.run(tenant, email, recording(byFirst, () -> {
                    delivering.countDown();
                    await(release);
                })));
        assertThat(delivering.await(30, TimeUnit.SECONDS))
                .as("the first run is delivering")
                .isTrue();
        CampaignFlows.sleep(2_500);
        dispatcher.run(tenant, email, recording(bySecond, () -> {}));
        release.countDown();
        first.join(Duration.ofSeconds(60));

        assertThat(bySecond.get())
                .as("the retry ran beside the first run (past the 1s lease of tests)")
                .isZero();
        assertThat(byFirst.get()).as("the first run sent everything").isEqualTo(450);
        JsonNode done =
                api.get("/api/v1/email-campaigns/" + email, ada.accessToken()).json();
        assertThat(done.get("email_campaign").get("status").asString()).isEqualTo("sent");
        assertThat(done.get("progress").get("by_status").get("sent").asLong()).isEqualTo(450);
    }

    @Test
    void sendingStopsWhenTheBudgetRunsOutAndNeverSpendsPastIt() {
        var flows = new CampaignFlows(api);
        Accounts.SignedIn ada = accounts.owner();
        String domain = "b" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        UUID email = emailCampaign(
                flows,
                ada,
                domain,
                80,
                ", \"budget_allocated\": 0.50, \"campaign_settings\": {\"cost_per_email\": 0.01}");
        api.post("/api/v1/email-campaigns/" + email + "/send", ada.accessToken(), "");
        JsonNode view = awaitStatus(ada.accessToken(), email, "paused");
        assertThat(view.get("email_campaign")
                        .get("metadata")
                        .get("paused_reason")
                        .asString())
                .isEqualTo("budget_exhausted");
        assertThat(view.get("progress").get("by_status").get("sent").asLong()).isEqualTo(50);
        assertThat(view.get("progress").get("by_status").get("queued").asLong()).isEqualTo(30);
        UUID campaign =
                UUID.fromString(view.get("email_campaign").get("campaign_id").asString());
        assertThat(api.get("/api/v1/campaigns/" + campaign, ada.accessToken())
                        .json()
                        .get("budget_spent")
                        .decimalValue())
                .isEqualByComparingTo("0.50");
        assertThat(TestMailServer.messagesToDomain(domain, 50)).hasSize(50);
    }

    @Test
    void aPausedCampaignResumesWhereItStopped() {
        var flows = new CampaignFlows(api);
        Accounts.SignedIn ada = accounts.owner();
        String domain = "p" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        UUID email = emailCampaign(flows, ada, domain, 100, ", \"campaign_settings\": {\"rate_per_second\": 25}");
        api.post("/api/v1/email-campaigns/" + email + "/send", ada.accessToken(), "");
        var paused = api.post("/api/v1/email-campaigns/" + email + "/pause", ada.accessToken(), "");
        assertThat(paused.status()).as(paused.body()).isEqualTo(200);
        assertThat(paused.json().get("email_campaign").get("status").asString()).isEqualTo("paused");
        assertThat(api.post("/api/v1/email-campaigns/" + email + "/send", ada.accessToken(), "")
                        .status())
                .as("send is for drafts; resume is for paused campaigns")
                .isEqualTo(409);
        awaitIdle(ada.accessToken(), email);
        var resumed = api.post("/api/v1/email-campaigns/" + email + "/resume", ada.accessToken(), "");
        assertThat(resumed.status()).as(resumed.body()).isEqualTo(200);
        JsonNode done = awaitStatus(ada.accessToken(), email, "sent");
        assertThat(done.get("progress").get("by_status").get("sent").asLong()).isEqualTo(100);
        Map<String, Long> perRecipient = TestMailServer.messagesToDomain(domain, 100).stream()
                .collect(Collectors.groupingBy(CampaignFlows::recipientOf, Collectors.counting()));
        assertThat(perRecipient)
                .hasSize(100)
                .allSatisfy((address, n) -> assertThat(n).isEqualTo(1));
    }

    /** A new e-mail campaign of {@code recipients} at {@code domain}, moved to sending without a run. */
    private UUID sending(Accounts.SignedIn ada, String domain, int recipients) {
        UUID email = emailCampaign(new CampaignFlows(api), ada, domain, recipients, "");
        transactions.inTransactionAs(
                TenantId.of(ada.tenantId()),
                () -> channelCampaigns.tryMove(
                        Channel.EMAIL,
                        email,
                        List.of(MessageCampaignStatus.DRAFT),
                        MessageCampaignStatus.SENDING,
                        "",
                        java.time.Instant.now()));
        return email;
    }

    private UUID emailCampaign(
            CampaignFlows flows, Accounts.SignedIn ada, String domain, int recipients, String extra) {
        String token = ada.accessToken();
        UUID template = flows.template(token, EmailCampaignTest.TEMPLATE);
        UUID campaign = flows.activeCampaign(token, extra);
        UUID email = flows.emailCampaign(token, campaign, template);
        String list = IntStream.range(0, recipients)
                .mapToObj(i -> """
                {"email": "r%d@%s", "variables": {"first_name": "R%d"}}""".formatted(i, domain, i))
                .collect(Collectors.joining(","));
        var added =
                api.post("/api/v1/email-campaigns/" + email + "/recipients", token, "{\"recipients\": [" + list + "]}");
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        return email;
    }

    /** The real SMTP carrier, except that every worker dies once {@code limit} messages have gone out. */
    private Carrier dyingAfter(int limit, AtomicInteger delivered) {
        return new Carrier() {
            @Override
            public Channel channel() {
                return Channel.EMAIL;
            }

            @Override
            public Prepared prepare(TenantId tenant, UUID campaign) {
                Prepared real = emailCarrier.prepare(tenant, campaign);
                return new Prepared() {
                    @Override
                    public Line open() throws Exception {
                        Line line = real.open();
                        return new Line() {
                            @Override
                            public SendOutcome deliver(QueuedSend send) {
                                if (delivered.get() >= limit) {
                                    throw new IllegalStateException("worker died");
                                }
                                SendOutcome outcome = line.deliver(send);
                                delivered.incrementAndGet();
                                return outcome;
                            }

                            @Override
                            public void close() {
                                line.close();
                            }
                        };
                    }

                    @Override
                    public int ratePerSecond(int fallback) {
                        return fallback;
                    }
                };
            }
        };
    }

    /** A carrier that sends nothing, counts what it was handed, and calls {@code before} ahead of each message. */
    private static Carrier recording(AtomicInteger delivered, Runnable before) {
        return new Carrier() {
            @Override
            public Channel channel() {
                return Channel.EMAIL;
            }

            @Override
            public Prepared prepare(TenantId tenant, UUID campaign) {
                return new Prepared() {
                    @Override
                    public Line open() {
                        return new Line() {
                            @Override
                            public SendOutcome deliver(QueuedSend send) {
                                before.run();
                                delivered.incrementAndGet();
                                return SendOutcome.accepted(
                                        send,
                                        EmailSendStatus.SENT,
                                        "<" + send.id() + "@test>",
                                        null,
                                        java.time.Instant.now());
                            }

                            @Override
                            public void close() {}
                        };
                    }

                    @Override
                    public int ratePerSecond(int fallback) {
                        return fallback;
                    }
                };
            }
        };
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<String> addresses(String token, UUID email, String status) {
        List<String> found = new java.util.ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get(
                            "/api/v1/email-campaigns/" + email + "/sends?limit=200&status=" + status
                                    + (cursor == null ? "" : "&cursor=" + cursor),
                            token)
                    .json();
            page.get("items")
                    .valueStream()
                    .forEach(s -> found.add(s.get("recipient_email").asString()));
            cursor = page.get("next_cursor").isNull()
                    ? null
                    : page.get("next_cursor").asString();
        } while (cursor != null);
        return found;
    }

    private JsonNode awaitStatus(String token, UUID email, String status) {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
        JsonNode view;
        do {
            view = api.get("/api/v1/email-campaigns/" + email, token).json();
            if (view.get("email_campaign").get("status").asString().equals(status)
                    && view.get("progress").get("by_status").path("sending").asLong() == 0) {
                return view;
            }
            CampaignFlows.sleep(100);
        } while (java.time.Instant.now().isBefore(deadline));
        return view;
    }

    private void awaitIdle(String token, UUID email) {
        awaitStatus(token, email, "paused");
    }
}
