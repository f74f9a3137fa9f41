package dev.converge.engine.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void eachUnitReadsAsWritten() {
        assertEquals(Duration.ofMillis(500), Durations.of(500, "ms", ChronoUnit.SECONDS));
        assertEquals(Duration.ofSeconds(30), Durations.of(30, "s", ChronoUnit.MILLIS));
        assertEquals(Duration.ofMinutes(5), Durations.of(5, "m", ChronoUnit.MILLIS));
        assertEquals(Duration.ofHours(1), Durations.of(1, "h", ChronoUnit.MILLIS));
    }

    @Test
    void aBareNumberCountsInTheCallersUnit() {
        assertEquals(Duration.ofSeconds(30), Durations.of(30, null, ChronoUnit.SECONDS));
        assertEquals(Duration.ofMillis(30), Durations.of(30, null, ChronoUnit.MILLIS));
    }

    @Test
    void anUnknownUnitIsABug() {
        assertThrows(IllegalArgumentException.class, () -> Durations.of(1, "d", ChronoUnit.SECONDS));
    }
}
