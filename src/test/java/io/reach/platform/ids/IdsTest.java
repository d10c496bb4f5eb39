package io.reach.platform.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class IdsTest {

    @Property
    void idsAreVersionSevenAndCarryTheirCreationTime(@ForAll @LongRange(min = 0, max = 0xFFFF_FFFF_FFFFL) long millis) {
        UUID id = new Ids(Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC)).next();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(Ids.millisOf(id)).isEqualTo(millis);
    }

    @Property
    void idsMadeInTheSameMillisecondStayInOrder(@ForAll @IntRange(min = 2, max = 6000) int count) {
        Ids ids = new Ids(Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC));
        List<UUID> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            made.add(ids.next());
        }

        assertThat(made).doesNotHaveDuplicates();
        assertThat(made.stream().map(UUID::toString).toList()).isSorted();
    }
}
