package io.reach.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SlugsTest {

    @Property
    void aSlugMadeFromAnyNameIsValid(@ForAll String name) {
        assertThat(Slugs.fromName(name)).matches(Slugs.PATTERN);
    }

    @Property
    void everyVariantIsValid(@ForAll String name, @ForAll @IntRange(min = 2, max = 1000) int n) {
        String variant = Slugs.variant(Slugs.fromName(name), n);

        assertThat(variant).matches(Slugs.PATTERN).endsWith("-" + n);
    }

    @Test
    void accentsAndPunctuationBecomeHyphens() {
        assertThat(Slugs.fromName("  Café Müller & Co.  ")).isEqualTo("cafe-muller-co");
        assertThat(Slugs.fromName("!!!")).isEqualTo("tenant");
    }
}
