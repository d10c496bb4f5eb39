package io.reach.campaigns.sms;

import io.reach.campaigns.CampaignProperties;
import io.reach.campaigns.MessageSources;
import io.reach.campaigns.sending.Carrier;
import io.reach.campaigns.sending.Channel;
import io.reach.campaigns.sending.QueuedSend;
import io.reach.campaigns.sending.SendOutcome;
import io.reach.campaigns.sending.SmsSendStatus;
import io.reach.campaigns.templates.Personalisation;
import io.reach.campaigns.templates.TemplateContent;
import io.reach.campaigns.templates.TemplateText;
import io.reach.platform.mail.PublicUrl;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.web.ConflictException;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;

/**
 * Carries SMS through a provider speaking Twilio's Messages API ({@code POST
 * /2010-04-01/Accounts/<sid>/Messages.json}, form-encoded To/From/Body/StatusCallback, HTTP Basic
 * with the account SID and auth token) at a configurable base URL. Each message asks for status
 * callbacks at a URL naming its tenant and send.
 */
@Component
class TwilioCarrier implements Carrier {

    private final CampaignProperties properties;
    private final SmsAccount account;
    private final SmsCampaigns smsCampaigns;
    private final MessageSources sources;
    private final PublicUrl publicUrl;
    private final java.time.Clock clock;

    TwilioCarrier(
            CampaignProperties properties,
            SmsAccount account,
            SmsCampaigns smsCampaigns,
            MessageSources sources,
            PublicUrl publicUrl,
            java.time.Clock clock) {
        this.properties = properties;
        this.account = account;
        this.smsCampaigns = smsCampaigns;
        this.sources = sources;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    boolean configured() {
        return account.current().isPresent();
    }

    String statusCallback(TenantId tenant, UUID send) {
        return publicUrl.base() + "/api/v1/webhooks/twilio/" + tenant.value() + "/status/" + send;
    }

    @Override
    public Prepared prepare(TenantId tenant, UUID id) {
        SmsCampaign sms = smsCampaigns.get(id);
        var settings = sources.settings(sms.campaignId());
        var variables = sources.variablesOf(sms.templateId());
        TemplateContent content = SmsContent.of(sms.smsContent(), variables);
        var body = TemplateText.compile(sms.smsContent(), false);
        SmsAccount.Credentials credentials = credentials();
        RestClient http = client(credentials);
        String path = messages(credentials);
        return new Prepared() {
            @Override
            public Line open() {
                return new Line() {
                    @Override
                    public SendOutcome deliver(QueuedSend send) {
                        String text = body.execute(Personalisation.values(
                                content,
                                send.variables(),
                                Map.of("phone", send.address(), "name", send.name() == null ? "" : send.name())));
                        return post(http, path, send, sms.senderNumber(), text, statusCallback(tenant, send.id()));
                    }

                    @Override
                    public void close() {}
                };
            }

            @Override
            public int ratePerSecond(int fallback) {
                return settings.path("rate_per_second").isIntegralNumber()
                        ? settings.path("rate_per_second").intValue()
                        : fallback;
            }
        };
    }

    /**
     * Sends a test text of the campaign to {@code to}: no status callback, nothing recorded; a 409
     * with the provider's words when it refuses.
     */
    void sendTest(UUID id, String to, String text) {
        SmsCampaign sms = smsCampaigns.get(id);
        SmsAccount.Credentials credentials = credentials();
        QueuedSend test = new QueuedSend(Channel.SMS, UUID.randomUUID(), to, null, Map.of());
        SendOutcome outcome = post(client(credentials), messages(credentials), test, sms.senderNumber(), text, null);
        if (outcome.reason() != null) {
            throw new ConflictException("Test not sent", "The SMS provider did not take the test: " + outcome.reason());
        }
    }

    private SmsAccount.Credentials credentials() {
        return account.current()
                .orElseThrow(() -> new IllegalStateException(
                        "No SMS provider is configured (reach.campaigns.sms.account-sid and auth-token)"));
    }

    private RestClient client(SmsAccount.Credentials credentials) {
        CampaignProperties.Sms config = properties.sms();
        SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
        timeouts.setConnectTimeout(config.timeout());
        timeouts.setReadTimeout(config.timeout());
        return RestClient.builder()
                .baseUrl(credentials.baseUrl())
                .requestFactory(timeouts)
                .defaultHeaders(h -> h.setBasicAuth(credentials.accountSid(), credentials.authToken()))
                .build();
    }

    private static String messages(SmsAccount.Credentials credentials) {
        return "/2010-04-01/Accounts/" + credentials.accountSid() + "/Messages.json";
    }

    private SendOutcome post(
            RestClient http, String path, QueuedSend send, String from, String text, @Nullable String callback) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("To", send.address());
        form.add("From", from);
        form.add("Body", text);
        if (callback != null) {
            form.add("StatusCallback", callback);
        }
        try {
            JsonNode answer = http.post()
                    .uri(path)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form)
                    .retrieve()
                    .body(JsonNode.class);
            String sid = answer == null ? null : answer.path("sid").asString(null);
            int segments = answer == null
                    ? SmsSegments.of(text).segments()
                    : answer.path("num_segments").asInt(SmsSegments.of(text).segments());
            SmsSendStatus status =
                    answer != null && "sent".equals(answer.path("status").asString(""))
                            ? SmsSendStatus.SENT
                            : SmsSendStatus.PENDING;
            return SendOutcome.accepted(send, status, sid, segments, clock.instant());
        } catch (RestClientResponseException e) {
            JsonNode error = e.getResponseBodyAs(JsonNode.class);
            String reason = error == null
                    ? e.getStatusText()
                    : error.path("code").asString("") + ": "
                            + error.path("message").asString(e.getStatusText());
            return SendOutcome.failed(
                    send, "refused by the provider (" + e.getStatusCode().value() + ") " + reason, clock.instant());
        } catch (RestClientException e) {
            return SendOutcome.failed(send, "provider unreachable: " + e.getMessage(), clock.instant());
        }
    }
}
