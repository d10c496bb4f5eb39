package io.reach.social.platform.meta;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/** Meta's usage headers: shares near the limit are logged (without tokens), regain estimates are read. */
class GraphUsageTest {

    @RegisterExtension
    static WireMockExtension meta = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(GraphUsage.class);

    @BeforeEach
    void capture() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void release() {
        logger.detachAppender(logged);
    }

    @Test
    void sharesAtNinetyPercentOrMoreAreNamed() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-App-Usage", "{\"call_count\": 91, \"total_time\": 89, \"total_cputime\": 12}");
        headers.set("X-Business-Use-Case-Usage", """
                {"1122": [{"type": "pages", "call_count": 3, "total_cputime": 95, "total_time": 20,
                  "estimated_time_to_regain_access": 0}]}""");

        assertThat(GraphUsage.highShares(headers))
                .containsExactly(
                        "X-App-Usage call_count 91%", "X-Business-Use-Case-Usage 1122 pages total_cputime 95%");
    }

    @Test
    void lowSharesAndUnreadableHeadersSayNothing() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-App-Usage", "{\"call_count\": 89, \"total_time\": 0, \"total_cputime\": 0}");
        headers.set("X-Business-Use-Case-Usage", "not json");

        assertThat(GraphUsage.highShares(headers)).isEmpty();
        assertThat(GraphUsage.highShares(new HttpHeaders())).isEmpty();
        assertThat(GraphUsage.regainAccess(headers)).isNull();
    }

    @Test
    void theLongestEstimateToRegainAccessCounts() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Business-Use-Case-Usage", """
                {"1": [{"type": "pages", "call_count": 100, "estimated_time_to_regain_access": 12},
                       {"type": "ads_insights", "call_count": 100, "estimated_time_to_regain_access": 3}],
                 "2": [{"type": "instagram", "call_count": 100, "estimated_time_to_regain_access": 25}]}""");

        assertThat(GraphUsage.regainAccess(headers)).isEqualTo(Duration.ofMinutes(25));
    }

    @Test
    void everyAnswerIsReadSuccessOrNotAndTheWarningCarriesNoToken() {
        meta.stubFor(get(urlPathEqualTo("/v21.0/me"))
                .willReturn(okJson("{\"id\": \"1\"}")
                        .withHeader("X-App-Usage", "{\"call_count\": 92, \"total_time\": 10, \"total_cputime\": 10}")));
        meta.stubFor(get(urlPathEqualTo("/v21.0/quiet"))
                .willReturn(okJson("{}")
                        .withHeader("X-App-Usage", "{\"call_count\": 5, \"total_time\": 1, \"total_cputime\": 1}")));
        meta.stubFor(get(urlPathEqualTo("/v21.0/limited"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withHeader(
                                "X-Business-Use-Case-Usage",
                                "{\"77\": [{\"type\": \"pages\", \"call_count\": 100, \"estimated_time_to_regain_access\": 4}]}")
                        .withBody("{\"error\": {\"message\": \"Page request limit reached\", \"code\": 32}}")));
        RestClient client = RestClient.builder()
                .baseUrl(meta.baseUrl())
                .requestInterceptor(new GraphUsage("Facebook"))
                .build();

        client.get()
                .uri("/v21.0/me?access_token=secret-user-token")
                .header("Authorization", "Bearer secret-user-token")
                .retrieve()
                .toBodilessEntity();
        client.get().uri("/v21.0/quiet").retrieve().toBodilessEntity();
        try {
            client.get().uri("/v21.0/limited").retrieve().toBodilessEntity();
        } catch (RestClientResponseException expected) {
            // the refusal itself is classified elsewhere
        }

        List<String> warnings = logged.list.stream()
                .filter(event -> event.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0))
                .contains("Facebook", "GET /v21.0/me", "X-App-Usage call_count 92%")
                .doesNotContain("secret-user-token");
        assertThat(warnings.get(1)).contains("/v21.0/limited", "X-Business-Use-Case-Usage 77 pages call_count 100%");
    }
}
