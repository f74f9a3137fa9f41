package dev.converge.cli.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.converge.api.BackfillListener;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * BackfillJsonLines reports each committed backfill batch as one JSON object on a line of its own
 * ({@code --backfill-progress json}), so a pipeline can follow a long backfill without parsing
 * sentences: {@code {"event":"backfill","task":"public.people.full_name -> display_name","batches":3,
 * "rows":2500,"done":true}}. Counts only: a batch's rows are never read, so no value can appear.
 */
final class BackfillJsonLines implements BackfillListener {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintWriter err;

    BackfillJsonLines(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void batch(String task, long batches, long rows, boolean done) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event", "backfill");
        event.put("task", task);
        event.put("batches", batches);
        event.put("rows", rows);
        event.put("done", done);
        try {
            err.println(JSON.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        err.flush();
    }
}
