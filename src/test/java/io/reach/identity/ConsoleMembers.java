package io.reach.identity;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Browser;
import io.reach.support.Fixtures;
import java.util.Map;

/** Console visitors who are members of someone else's workspace, for the pages' permission tests. */
public final class ConsoleMembers {

    private ConsoleMembers() {}

    /** A new person who joins {@code workspace} with {@code role} and works in it in the console. */
    public static Browser signedInto(
            Accounts.SignedIn workspace, String role, Api api, Accounts accounts, Fixtures fixtures) {
        Accounts.SignedIn person = accounts.owner();
        fixtures.addMember(workspace.tenantId(), person.userId(), role);
        Browser browser = Browser.signedIn(api, person);
        var switched = browser.post(
                "/app/workspace", Map.of("tenant_id", workspace.tenantId().toString()));
        if (switched.statusCode() != 302) {
            throw new IllegalStateException("Switch refused: " + switched.statusCode() + " " + switched.body());
        }
        browser.get("/");
        return browser;
    }
}
