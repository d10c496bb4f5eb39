package io.reach.platform.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reach.platform.web.ConflictException;
import org.junit.jupiter.api.Test;

/** A status enum's table of moves: what it allows, what it refuses and how the refusal reads. */
class TransitionsTest {

    enum Door {
        OPEN,
        CLOSED,
        LOCKED,
        GONE
    }

    private static final Transitions<Door> MOVES = Transitions.of(Door.class, "door")
            .allow(Door.OPEN, Door.CLOSED)
            .allow(Door.CLOSED, Door.OPEN, Door.LOCKED)
            .allow(Door.LOCKED, Door.CLOSED)
            .build();

    @Test
    void allowsOnlyTheDeclaredPairsAndAStateNeverNamedAsFromIsFinal() {
        assertThat(MOVES.allows(Door.OPEN, Door.CLOSED)).isTrue();
        assertThat(MOVES.allows(Door.CLOSED, Door.LOCKED)).isTrue();
        assertThat(MOVES.allows(Door.OPEN, Door.LOCKED)).isFalse();
        assertThat(MOVES.allows(Door.OPEN, Door.OPEN))
                .as("staying is a move too, and not declared")
                .isFalse();
        assertThat(MOVES.from(Door.CLOSED)).containsExactlyInAnyOrder(Door.OPEN, Door.LOCKED);
        for (Door to : Door.values()) {
            assertThat(MOVES.allows(Door.GONE, to)).as("gone to %s", to).isFalse();
        }
    }

    @Test
    void requireAnswersTheNextStateOrRefusesWithAReadable409() {
        assertThat(MOVES.require(Door.LOCKED, Door.CLOSED)).isEqualTo(Door.CLOSED);
        assertThatThrownBy(() -> MOVES.require(Door.LOCKED, Door.OPEN))
                .isInstanceOf(IllegalTransition.class)
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("A locked door cannot become open");
        assertThatThrownBy(() -> MOVES.require(Door.OPEN, Door.LOCKED))
                .hasMessageContaining("An open door cannot become locked");
        assertThat(MOVES.refusal(null, Door.OPEN)).hasMessageContaining("A missing door cannot become open");
        assertThat(MOVES.of("gate").refusal(Door.GONE, Door.OPEN))
                .hasMessageContaining("A gone gate cannot become open");
    }

    @Test
    void theTableCannotBeChangedAfterItIsBuilt() {
        assertThatThrownBy(() -> MOVES.from(Door.OPEN).add(Door.GONE))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
