package io.reach.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Accounts;
import io.reach.support.Api;
import io.reach.support.Fixtures;
import io.reach.support.ReachTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Issue 14.7: owners and admins manage their own workspace's settings, checked and audited. */
@ReachTest
class TenantSettingsTest {

    private static final String SETTINGS = "/api/v1/tenant/settings";

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    Fixtures fixtures;

    @Test
    void anOwnerPatchesReplacesAndReadsTheSettings() {
        Accounts.SignedIn ada = accounts.owner();

        var patched = api.patch(SETTINGS, ada.accessToken(), """
                {"time_zone": "Europe/Paris", "ip_handling": "hash", "retention_days": 90, "require_post_approval": true}""");
        assertThat(patched.status()).isEqualTo(200);
        var merged = api.patch(SETTINGS, ada.accessToken(), "{\"retention_days\": null, \"ip_handling\": \"full\"}");
        assertThat(merged.status()).isEqualTo(200);
        JsonNode settings = api.get(SETTINGS, ada.accessToken()).json();
        assertThat(settings.get("time_zone").asString()).isEqualTo("Europe/Paris");
        assertThat(settings.get("ip_handling").asString()).isEqualTo("full");
        assertThat(settings.has("retention_days")).isFalse();
        assertThat(settings.get("require_post_approval").asBoolean()).isTrue();

        var replaced = api.put(SETTINGS, ada.accessToken(), "{\"time_zone\": \"Asia/Tokyo\"}");
        assertThat(replaced.status()).isEqualTo(200);
        JsonNode whole = api.get(SETTINGS, ada.accessToken()).json();
        assertThat(whole.size()).isEqualTo(1);
        assertThat(whole.has("time_zone")).isTrue();
        assertThat(api.get("/api/v1/tenant", ada.accessToken())
                        .json()
                        .at("/settings/time_zone")
                        .asString())
                .isEqualTo("Asia/Tokyo");

        JsonNode audit = api.get("/api/v1/audit-logs?action=tenant.settings_changed", ada.accessToken())
                .json();
        assertThat(audit.get("items")).hasSize(2);
    }

    @Test
    void invalidSettingsAreFieldErrorsAndChangeNothing() {
        Accounts.SignedIn ada = accounts.owner();
        api.patch(SETTINGS, ada.accessToken(), "{\"time_zone\": \"Europe/Paris\"}");

        var refused = api.patch(SETTINGS, ada.accessToken(), """
                {"time_zone": "Mars/Olympus", "ip_handling": "anonymise", "retention_days": 0, "require_post_approval": "yes"}""");

        assertThat(refused.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        refused.json()
                .get("errors")
                .forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields)
                .containsExactlyInAnyOrder(
                        "settings.time_zone",
                        "settings.ip_handling",
                        "settings.retention_days",
                        "settings.require_post_approval");
        assertThat(api.put(SETTINGS, ada.accessToken(), "{\"retention_days\": 99999}")
                        .status())
                .isEqualTo(400);
        assertThat(api.get(SETTINGS, ada.accessToken()).json().get("time_zone").asString())
                .isEqualTo("Europe/Paris");
    }

    @Test
    void adminsMayButEditorsAndAnalystsMayNot() {
        Accounts.SignedIn ada = accounts.owner();
        String admin = accounts.member(ada, "admin", fixtures);
        String editor = accounts.member(ada, "editor", fixtures);
        String analyst = accounts.member(ada, "analyst", fixtures);

        assertThat(api.patch(SETTINGS, admin, "{\"ip_handling\": \"truncate\"}").status())
                .isEqualTo(200);
        assertThat(api.patch(SETTINGS, editor, "{\"ip_handling\": \"full\"}").status())
                .isEqualTo(403);
        assertThat(api.put(SETTINGS, analyst, "{}").status()).isEqualTo(403);
        assertThat(api.get(SETTINGS, analyst).json().get("ip_handling").asString())
                .isEqualTo("truncate");
    }

    @Test
    void thePlatformAdminsSettingsAreCheckedToo() {
        String id = api.post("/api/v1/admin/tenants", Api.ADMIN, "{\"name\": \"Checked\"}")
                .json()
                .get("id")
                .asString();

        var refused = api.put("/api/v1/admin/tenants/" + id + "/settings", Api.ADMIN, "{\"time_zone\": \"UTC+25\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/errors/0/field").asString()).isEqualTo("settings.time_zone");
        assertThat(api.post(
                                "/api/v1/admin/tenants",
                                Api.ADMIN,
                                "{\"name\": \"Bad\", \"settings\": {\"ip_handling\": 1}}")
                        .status())
                .isEqualTo(400);
    }
}
