package io.reach.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class TenancyPropertiesTest {

    @Test
    void defaultQuotasBindFromKebabCaseProperties() {
        var source = new MapConfigurationPropertySource(Map.of(
                "reach.tenancy.default-quotas.max-users", "25",
                "reach.tenancy.default-quotas.max-monthly-emails", "100000"));

        TenancyProperties properties = new Binder(source)
                .bind("reach.tenancy", TenancyProperties.class)
                .get();

        assertThat(properties.quotasForNewTenants().maxUsers()).isEqualTo(25);
        assertThat(properties.quotasForNewTenants().maxMonthlyEmails()).isEqualTo(100_000L);
        assertThat(properties.quotasForNewTenants().maxPodcasts()).isNull();
    }

    @Test
    void withoutDefaultsNewTenantsAreUnlimited() {
        assertThat(new TenancyProperties(null).quotasForNewTenants()).isEqualTo(TenantQuotas.unlimited());
    }
}
