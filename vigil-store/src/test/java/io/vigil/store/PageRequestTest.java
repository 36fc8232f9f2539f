package io.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageRequestTest {

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 501})
    void rejectsALimitOutsideOneTo500(int limit) {
        assertThatThrownBy(() -> PageRequest.of(0, limit))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("page limit must be between 1 and 500, was " + limit);
    }

    @Test
    void rejectsANegativeOffset() {
        assertThatThrownBy(() -> PageRequest.of(-1, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("page offset must be 0 or more, was -1");
    }

    @Test
    void acceptsTheBoundsAndStepsToTheNextPage() {
        assertThat(PageRequest.of(0, 1)).isNotNull();
        assertThat(PageRequest.of(1000, 500).next()).isEqualTo(PageRequest.of(1500, 500));
        assertThat(PageRequest.firstPage().limit()).isEqualTo(PageRequest.DEFAULT_LIMIT);
    }

    @Test
    void aPageKnowsWhetherMoreFollow() {
        assertThat(new Page<>(List.of("a", "b"), 3, 0, 2).hasNext()).isTrue();
        assertThat(new Page<>(List.of("c"), 3, 2, 2).hasNext()).isFalse();
        assertThat(new Page<>(List.of(1, 2), 2, 0, 2).map(String::valueOf).items()).containsExactly("1", "2");
    }
}
