package io.reach.campaigns.email;

import io.reach.campaigns.CampaignFlows;
import io.reach.campaigns.EmailCampaignTest;
import io.reach.campaigns.SmtpSink;
import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.ReachTest;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * E-mail sending throughput: messages per second a campaign delivers to a local SMTP sink
 * ({@link SmtpSink}, which accepts and drops; GreenMail's per-recipient mailboxes held both sides
 * near 350 messages/s), from "send" to "sent" (claiming, budget, rendering, tracking links, SMTP,
 * recording each outcome), against the same sink's throughput from a plain SMTP client loop
 * sending prebuilt messages of the same shape over as many connections, in the same run (the median
 * of three passes before each campaign and three after). Sixteen whole rounds run first, uncounted.
 * Not part of {@code ./mvnw verify}; run with bench/email/run.
 */
@ReachTest
// pg_stat_statements counts, so the statements can be printed after the rounds
@org.springframework.test.context.TestPropertySource(properties = "reach.embedded-postgres.statement-stats=true")
class EmailBenchmark {

    private static final int MESSAGES = Integer.getInteger("bench.messages", 5_000);
    private static final int CONNECTIONS = 4;
    /** Passes of the plain loop before and after each round's campaign. */
    private static final int LOOP_PASSES = 3;

    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    /**
     * Rounds of loop and campaign run first and are not counted, so the JIT has compiled both, as in a running
     * server. With two, the compilers still worked through most of each counted round ({@link
     * io.reach.support.JitWarmup}).
     */
    private static final int WARMUP_ROUNDS = Integer.getInteger("bench.warmup-rounds", 16);
    /** The plain client loop does well over a thousand a second on this machine when idle. */
    private static final double PLAUSIBLE_RAW = 500;

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    JavaMailSender mailSender;

    @Autowired
    io.reach.support.OwnerDatabase owner;

    @Autowired
    org.springframework.core.env.Environment environment;

    /** The CPU the last phase took on each side (and, for a campaign, by JVM thread group). */
    private io.reach.support.CpuSplit lastCpu = new io.reach.support.CpuSplit(0, 0);

    private String lastThreads = "";

    @Test
    void emailThroughput() throws Exception {
        Accounts.SignedIn ada = accounts.owner();
        java.util.List<Double> rates = new java.util.ArrayList<>();
        java.util.List<Double> ratios = new java.util.ArrayList<>();
        try (SmtpSink sink = new SmtpSink().routing(mailSender)) {
            // the warm-up rounds are counted rounds in all but the counting, down to their report, so that nothing a
            // counted round runs is compiled for the first time during one (a round after them once compiled for
            // 446 ms of its campaign)
            io.reach.support.JitWarmup.run(
                    "email",
                    () -> {
                        try {
                            round(ada, sink.port()).report(0);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    WARMUP_ROUNDS);
            io.reach.support.BenchDatabase statements = new io.reach.support.BenchDatabase(environment);
            statements.reset();
            for (int n = 1; n <= ROUNDS; n++) {
                Round round = round(ada, sink.port());
                io.reach.support.BenchRounds.requirePlausible(
                        "plain SMTP client loop", n, java.util.Collections.min(round.passes()), PLAUSIBLE_RAW);
                rates.add(round.campaign());
                ratios.add(round.ratio());
                System.out.print(round.report(n));
            }
            System.out.printf("email_sink_messages: %d%n", sink.messages());
            statements.print("email_statement", 15);
            statements.printUpdates("email_send_updates", "campaigns.email_sends");
        }
        System.out.println("email_campaign_messages_per_second: " + io.reach.support.BenchRounds.spread(rates));
        System.out.println("email_ratio: " + io.reach.support.BenchRounds.spread(ratios));
    }

    /** Three passes of the loop, a campaign, three more passes. */
    private Round round(Accounts.SignedIn ada, int port) throws Exception {
        List<Double> passes = new ArrayList<>(loopPasses(port));
        io.reach.support.CpuSplit loopCpu = lastCpu;
        double campaign = throughReach(ada.tenantId(), ada.accessToken(), MESSAGES);
        io.reach.support.CpuSplit campaignCpu = lastCpu;
        String campaignThreads = lastThreads;
        passes.addAll(loopPasses(port));
        return new Round(passes, campaign, loopCpu, campaignCpu, campaignThreads);
    }

    /** One round: the loop's passes (messages/s), the campaign's rate, and what each side's CPU did. */
    private record Round(
            List<Double> passes,
            double campaign,
            io.reach.support.CpuSplit loopCpu,
            io.reach.support.CpuSplit campaignCpu,
            String campaignThreads) {

        /** The round's baseline: the median of its passes. */
        double loop() {
            return io.reach.support.BenchRounds.median(passes);
        }

        double ratio() {
            return campaign / loop();
        }

        String report(int n) {
            return String.format(
                            java.util.Locale.ROOT,
                            "email_round_%d: plain client loop %.1f messages/s (%d connections, median of %s before and"
                                    + " after); campaign %.1f messages/s (%d recipients, send to sent); ratio %.3f%n",
                            n,
                            loop(),
                            CONNECTIONS,
                            passes.stream()
                                    .map(p -> String.format(java.util.Locale.ROOT, "%.0f", p))
                                    .toList(),
                            campaign,
                            MESSAGES,
                            ratio())
                    + String.format(
                            java.util.Locale.ROOT,
                            "email_round_%d_cpu: plain loop %s; campaign %s; campaign's JVM threads: %s%n",
                            n,
                            loopCpu.per(MESSAGES, "message"),
                            campaignCpu.per(MESSAGES, "message"),
                            campaignThreads);
        }
    }

    private double throughReach(UUID tenant, String token, int recipients) {
        var flows = new CampaignFlows(api);
        String domain = "bench" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        UUID template = flows.template(token, EmailCampaignTest.TEMPLATE);
        UUID campaign = flows.activeCampaign(token, ", \"campaign_settings\": {\"rate_per_second\": 100000}");
        UUID email = flows.emailCampaign(token, campaign, template);
        for (int from = 0; from < recipients; from += 10_000) {
            String list = IntStream.range(from, Math.min(recipients, from + 10_000))
                    .mapToObj(i -> """
                    {"email": "r%d@%s", "name": "Reader %d", "variables": {"first_name": "R%d"}}""".formatted(i, domain, i, i))
                    .collect(Collectors.joining(","));
            api.post("/api/v1/email-campaigns/" + email + "/recipients", token, "{\"recipients\": [" + list + "]}");
        }
        Instant start = Instant.now();
        io.reach.support.CpuSplit cpu = io.reach.support.CpuSplit.now();
        long compiling = io.reach.support.JitWarmup.compileMillis();
        java.util.Map<String, Long> threads = io.reach.support.CpuSplit.threads();
        api.post("/api/v1/email-campaigns/" + email + "/send", token, "");
        // watched over one database connection: polling the API every 20 ms (a signed-token check and the progress
        // counts over the send table, 50 times a second) took CPU from the very campaign it measured
        // timed to the moment the run marked the campaign sent (its completed_at, from this JVM's clock), not to the
        // next look, which comes up to 20 ms later in a round of under a second
        Instant completed = owner.with(jdbc -> {
            jdbc.execute("set app.tenant_id = '" + tenant + "'");
            while (true) {
                List<java.time.OffsetDateTime> sent = jdbc.query(
                        "select completed_at from campaigns.email_campaigns where id = ? and status = 'sent'",
                        (rs, row) -> rs.getObject(1, java.time.OffsetDateTime.class),
                        email);
                if (!sent.isEmpty()) {
                    return sent.getFirst().toInstant();
                }
                CampaignFlows.sleep(20);
            }
        });
        double rate = recipients / (Duration.between(start, completed).toNanos() / 1e9);
        lastCpu = io.reach.support.CpuSplit.since(cpu);
        lastThreads = io.reach.support.CpuSplit.threadsSince(threads, lastCpu) + "; JIT compiling "
                + (io.reach.support.JitWarmup.compileMillis() - compiling) + " ms";
        return rate;
    }

    /**
     * {@link #LOOP_PASSES} passes of the plain loop, each over as many messages as a campaign, with the CPU of them
     * all as {@link #lastCpu}. A pass lasts a quarter of a second, and single passes differed by half from one to
     * the next; the median of several, before and after the campaign, is the round's baseline.
     */
    private List<Double> loopPasses(int port) throws Exception {
        List<Double> passes = new ArrayList<>();
        io.reach.support.CpuSplit cpu = io.reach.support.CpuSplit.now();
        for (int pass = 0; pass < LOOP_PASSES; pass++) {
            passes.add(rawLoop(MESSAGES, port));
        }
        io.reach.support.CpuSplit used = io.reach.support.CpuSplit.since(cpu);
        lastCpu = new io.reach.support.CpuSplit(used.jvmSeconds() / LOOP_PASSES, used.postgresSeconds() / LOOP_PASSES);
        return passes;
    }

    private double rawLoop(int messages, int port) throws Exception {
        Session session = Session.getInstance(new Properties());
        String host = "127.0.0.1";
        AtomicInteger next = new AtomicInteger();
        Instant start = Instant.now();
        io.reach.support.CpuSplit cpu = io.reach.support.CpuSplit.now();
        List<Thread> workers = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            workers.add(Thread.ofVirtual().start(() -> {
                try (Transport transport = session.getTransport("smtp")) {
                    transport.connect(host, port, null, null);
                    for (int i = next.getAndIncrement(); i < messages; i = next.getAndIncrement()) {
                        MimeMessage message = message(session, i);
                        transport.sendMessage(message, message.getAllRecipients());
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double rate = messages / seconds(start);
        lastCpu = io.reach.support.CpuSplit.since(cpu);
        return rate;
    }

    private static MimeMessage message(Session session, int i) throws Exception {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("news@brand.example", "Brand"));
        message.setRecipient(
                jakarta.mail.Message.RecipientType.TO,
                new InternetAddress("raw" + i + "@raw.bench.example", "Reader " + i));
        message.setSubject("R" + i + ", the sale is on", "UTF-8");
        jakarta.mail.internet.MimeBodyPart text = new jakarta.mail.internet.MimeBodyPart();
        text.setText("Hello R" + i + ", take 10% off: https://shop.example/sale", "UTF-8", "plain");
        jakarta.mail.internet.MimeBodyPart html = new jakarta.mail.internet.MimeBodyPart();
        html.setText(
                "<html><body><p>Hello R" + i
                        + ", take 10% off.</p><a href=\"https://shop.example/sale\">Shop</a></body></html>",
                "UTF-8",
                "html");
        message.setContent(new jakarta.mail.internet.MimeMultipart("alternative", text, html));
        message.setHeader("List-Unsubscribe", "<http://localhost:8080/api/v1/t/u/" + UUID.randomUUID() + ">");
        message.saveChanges();
        return message;
    }

    private static double seconds(Instant start) {
        return Duration.between(start, Instant.now()).toNanos() / 1e9;
    }
}
