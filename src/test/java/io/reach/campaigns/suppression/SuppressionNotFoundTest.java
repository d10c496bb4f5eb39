package io.reach.campaigns.suppression;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.platform.web.NotFoundException;
import org.junit.jupiter.api.Test;

/** An address off the suppression list answers what the generic {@link NotFoundException} answered before. */
class SuppressionNotFoundTest {

    @Test
    void a_named_problem_keeps_the_generic_wording() {
        NotFoundException named = SuppressionNotFound.forAddress("ada@example.com");
        NotFoundException generic = new NotFoundException("suppression", "ada@example.com");
        assertThat(named.title()).isEqualTo(generic.title());
        assertThat(named.getMessage()).isEqualTo(generic.getMessage());
        assertThat(named.status()).isEqualTo(generic.status());
    }
}
