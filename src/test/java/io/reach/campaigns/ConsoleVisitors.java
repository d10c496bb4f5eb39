package io.reach.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Browser;
import io.reach.support.Fixtures;
import java.util.Map;

/** People working in someone else's workspace through the console, for the campaign pages' tests. */
public final class ConsoleVisitors {

    private ConsoleVisitors() {}

    /** Someone who joined a workspace with a role, and the console they switched into it. */
    public record Visitor(Accounts.SignedIn person, Browser browser) {}

    /** A new person who joins {@code workspace} with {@code role} and switches the console to it. */
    public static Visitor memberOf(
            Accounts.SignedIn workspace, String role, Api api, Accounts accounts, Fixtures fixtures) {
        Accounts.SignedIn person = accounts.owner();
        fixtures.addMember(workspace.tenantId(), person.userId(), role);
        Browser browser = Browser.signedIn(api, person);
        assertThat(browser.post(
                                "/app/workspace",
                                Map.of("tenant_id", workspace.tenantId().toString()))
                        .statusCode())
                .isEqualTo(302);
        browser.get("/");
        return new Visitor(person, browser);
    }

    /** A role of {@code workspace} that may only read posts: nothing of campaigns or templates. */
    public static String outsiderRole(Accounts.SignedIn workspace, Api api) {
        String role = "outsider";
        assertThat(api.post(
                                "/api/v1/roles",
                                workspace.accessToken(),
                                "{\"name\": \"%s\", \"permissions\": [\"posts:read\"]}".formatted(role))
                        .status())
                .isEqualTo(201);
        return role;
    }
}
