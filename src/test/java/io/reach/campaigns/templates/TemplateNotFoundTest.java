package io.reach.campaigns.templates;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.platform.web.NotFoundException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The template problems answer exactly what the generic {@link NotFoundException} answered before them. */
class TemplateNotFoundTest {

    private static final UUID ID = UUID.fromString("018f0000-0000-7000-8000-00000000000a");

    @Test
    void a_named_problem_keeps_the_generic_wording() {
        assertSameProblem(TemplateNotFound.forId(ID), new NotFoundException("template", ID));
        assertSameProblem(TemplateNotFound.forVersion(ID, 3), new NotFoundException("template version", ID + " v3"));
    }

    private static void assertSameProblem(NotFoundException named, NotFoundException generic) {
        assertThat(named.title()).isEqualTo(generic.title());
        assertThat(named.getMessage()).isEqualTo(generic.getMessage());
        assertThat(named.status()).isEqualTo(generic.status());
    }
}
