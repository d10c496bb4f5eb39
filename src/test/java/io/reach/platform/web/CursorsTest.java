package io.reach.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class CursorsTest {

    @Property
    void aCursorDecodesToTheIdItWasMadeFrom(@ForAll long high, @ForAll long low) {
        UUID id = new UUID(high, low);

        assertThat(Cursors.decode(Cursors.encode(id))).isEqualTo(id);
    }

    @Property
    void anythingElseIsRejectedAsABadRequest(@ForAll String garbage) {
        boolean valid;
        try {
            Cursors.decode(garbage);
            valid = true;
        } catch (BadRequestException e) {
            valid = false;
        }
        assertThat(valid).isFalse();
    }

    @Test
    void aPageOfLimitPlusOneRowsHasANextCursorAtItsLastItem() {
        List<UUID> rows = List.of(new UUID(0, 1), new UUID(0, 2), new UUID(0, 3));

        CursorPage<UUID> page = CursorPage.of(rows, PageRequest.of(2, null), id -> id);

        assertThat(page.items()).containsExactly(new UUID(0, 1), new UUID(0, 2));
        assertThat(PageRequest.of(2, page.nextCursor()).after()).contains(new UUID(0, 2));
        assertThat(CursorPage.of(rows.subList(0, 2), PageRequest.of(2, null), id -> id)
                        .nextCursor())
                .isNull();
    }

    @Test
    void limitsOutsideOneToTwoHundredAreRejected() {
        assertThatThrownBy(() -> PageRequest.of(0, null)).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> PageRequest.of(201, null)).isInstanceOf(BadRequestException.class);
        assertThat(PageRequest.of(null, null).limit()).isEqualTo(PageRequest.DEFAULT_LIMIT);
    }
}
