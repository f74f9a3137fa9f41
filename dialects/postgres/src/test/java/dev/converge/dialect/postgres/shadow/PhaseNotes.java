package dev.converge.dialect.postgres.shadow;

import dev.converge.engine.diag.Phases;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** Runs work while recording the notes of {@link Phases} ("phase: text"), for tests that check what a start said. */
final class PhaseNotes {
    private PhaseNotes() {
    }

    static <T> T recording(List<String> notes, Callable<T> work) throws Exception {
        Phases.listen(new Phases.Listener() {
            @Override
            public void started(String phase) {
            }

            @Override
            public void finished(String phase, Duration took) {
            }

            @Override
            public void note(String phase, String text) {
                notes.add(phase + ": " + text);
            }
        });
        try {
            return work.call();
        } finally {
            Phases.listen(null);
        }
    }
}
