package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 14.12: the progress line appears only for a stage that has run more than two seconds, and is
 * drawn on a terminal while it runs and erased when it ends; --verbose prints each stage's time.
 */
class PhasePrinterTest {
    @Test
    void aProgressLineOnlyAfterTwoSeconds() {
        assertNull(PhasePrinter.progressLine("load", Duration.ofMillis(1900)));
        assertNull(PhasePrinter.progressLine("load", Duration.ofSeconds(2)));
        assertEquals("converge: load ... 3 s", PhasePrinter.progressLine("load", Duration.ofMillis(3100)));
    }

    @Test
    void onATerminalALongStageIsShownWhileItRunsAndErasedAfter() throws Exception {
        StringWriter err = new StringWriter();
        try (PhasePrinter printer = new PhasePrinter(new PrintWriter(err, true), false, true)) {
            printer.started("load");
            Thread.sleep(3600);
            printer.finished("load", Duration.ofMillis(3600));
        }
        String text = err.toString();
        // Drawn once the stage is past two seconds (the ticker runs each second: 2 or 3 s on a busy machine).
        assertTrue(text.matches("(?s).*\r\u001b\\[2Kconverge: load \\.\\.\\. [23] s.*"), text);
        assertTrue(text.endsWith("\r\u001b[2K"), "erased at the end: " + text);
    }

    @Test
    void verboseShowsEachStageWithItsTimeAndNoProgressOffATerminal() {
        StringWriter err = new StringWriter();
        try (PhasePrinter printer = new PhasePrinter(new PrintWriter(err, true), true, false)) {
            printer.started("diff");
            printer.finished("diff", Duration.ofMillis(1234));
            printer.note("normalization cache", "hit /c/x.json");
        }
        assertEquals("converge: diff 1.23 s\nconverge: normalization cache: hit /c/x.json\n",
                err.toString().replace(System.lineSeparator(), "\n"));
    }
}
