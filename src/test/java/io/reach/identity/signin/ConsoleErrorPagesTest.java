package io.reach.identity.signin;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.identity.ConsoleMembers;
import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Browser;
import io.reach.support.Fixtures;
import io.reach.support.ReachTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A console page that fails shows a browser an HTML page in the layout with the problem's words and
 * status; clients asking for JSON, and the API whatever they ask, keep the problem document.
 */
@ReachTest
class ConsoleErrorPagesTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    Fixtures fixtures;

    @Test
    void aBrowserGetsAnUnknownConsolePageAsHtmlInTheLayout() throws Exception {
        Browser browser = Browser.signedIn(api, accounts.owner());
        var missing = html(browser, "/app/no-such-page");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(missing.body())
                .contains("<h1>Not found</h1>")
                .contains("class=\"side\"")
                .contains("Error 404");

        var malformed = html(browser, "/app/settings/audit?cursor=not-a-cursor");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("<main id=\"main\">").contains("Error 400");
    }

    @Test
    void aBrowserRefusedAPageSeesWhyInTheLayout() throws Exception {
        Browser member = ConsoleMembers.signedInto(accounts.owner(), "member", api, accounts, fixtures);
        var refused = html(member, "/app/settings/members");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("<h1>").contains("members:read").contains("Error 403");
    }

    @Test
    void jsonClientsAndTheApiKeepProblemDocuments() throws Exception {
        Browser browser = Browser.signedIn(api, accounts.owner());
        var json = browser.get("/app/no-such-page");
        assertThat(json.statusCode()).isEqualTo(404);
        assertThat(json.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        var apiPath = html(browser, "/api/v1/tenant");
        assertThat(apiPath.statusCode()).isEqualTo(401);
        assertThat(apiPath.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    private HttpResponse<String> html(Browser browser, String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                        .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                        .header("Cookie", "reach_session=" + browser.session().orElseThrow())
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
