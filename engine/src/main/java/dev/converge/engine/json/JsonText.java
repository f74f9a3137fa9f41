package dev.converge.engine.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * JsonText writes a tree built in memory as JSON text: indented, with the final newline a file wants, or
 * on one line (as the target's history keeps it). Both plan forms (a plan, a plan file) are written here.
 */
final class JsonText {
    private static final ObjectMapper INDENTED = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper ONE_LINE = new ObjectMapper();

    private JsonText() {
    }

    /** {@code tree} indented, ending with a newline; {@code what} names it should it fail. */
    static String indented(JsonNode tree, String what) {
        return write(INDENTED, tree, what) + "\n";
    }

    /** {@code tree} on one line. */
    static String oneLine(JsonNode tree, String what) {
        return write(ONE_LINE, tree, what);
    }

    private static String write(ObjectMapper mapper, JsonNode tree, String what) {
        try {
            return mapper.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            // A tree of nodes made in memory always writes: failing here is a bug, not bad input.
            throw new IllegalStateException("cannot write " + what, e);
        }
    }
}
