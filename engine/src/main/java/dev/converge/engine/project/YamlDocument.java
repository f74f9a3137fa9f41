package dev.converge.engine.project;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.converge.engine.diag.BadInputException;
import dev.converge.engine.diag.Diagnostic;
import dev.converge.engine.diag.SourceSpan;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * YamlDocument is a parsed YAML file that remembers where every value and key starts, so that a
 * problem found while reading the configuration (not only a syntax error) is reported at its
 * file:line:col. Jackson's tree model drops locations, so the tree is built here from the parser's
 * tokens, keyed by JSON Pointer ({@code /environments/prod/url}).
 */
final class YamlDocument {
    private static final YAMLFactory YAML = new YAMLFactory();

    private final String file;
    private final List<String> lines;
    private final JsonNode root;
    private final Map<String, SourceSpan> valueSpans = new HashMap<>();
    private final Map<String, SourceSpan> keySpans = new HashMap<>();

    private YamlDocument(String file, String text) {
        this.file = file;
        this.lines = text.lines().toList();
        try (JsonParser parser = YAML.createParser(text)) {
            JsonToken first = parser.nextToken();
            this.root = first == null ? JsonNodeFactory.instance.objectNode() : read(parser, "");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new BadInputException(List.of(diagnostic(span(at), "not valid YAML: " + e.getOriginalMessage(),
                    "converge.yaml is YAML: check the indentation and the quoting around this place")));
        } catch (IOException e) {
            throw new IllegalStateException("reading a string cannot fail", e);
        }
    }

    static YamlDocument parse(String file, String text) {
        return new YamlDocument(file, text);
    }

    JsonNode root() {
        return root;
    }

    /** Where the value at this pointer starts; the file's start when unknown. */
    SourceSpan valueSpan(String pointer) {
        return valueSpans.getOrDefault(pointer, new SourceSpan(file, 1, 1));
    }

    /** Where the key of the value at this pointer is written; its value's place when it has no key. */
    SourceSpan keySpan(String pointer) {
        return keySpans.getOrDefault(pointer, valueSpan(pointer));
    }

    Diagnostic diagnostic(SourceSpan span, String message, String hint) {
        String line = span.line() <= lines.size() ? lines.get(span.line() - 1) : "";
        return new Diagnostic(span, message, line, hint);
    }

    private JsonNode read(JsonParser parser, String pointer) throws IOException {
        valueSpans.put(pointer, span(parser.currentTokenLocation()));
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT: {
                ObjectNode object = JsonNodeFactory.instance.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    String child = pointer + "/" + escape(key);
                    keySpans.put(child, span(parser.currentTokenLocation()));
                    parser.nextToken();
                    object.set(key, read(parser, child));
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = JsonNodeFactory.instance.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(parser, pointer + "/" + array.size()));
                }
                return array;
            }
            case VALUE_STRING:
                return JsonNodeFactory.instance.textNode(parser.getText());
            case VALUE_NUMBER_INT:
                return JsonNodeFactory.instance.numberNode(parser.getLongValue());
            case VALUE_NUMBER_FLOAT:
                return JsonNodeFactory.instance.numberNode(parser.getDecimalValue());
            case VALUE_TRUE:
            case VALUE_FALSE:
                return JsonNodeFactory.instance.booleanNode(parser.getBooleanValue());
            case VALUE_NULL:
                return JsonNodeFactory.instance.nullNode();
            default:
                throw new IllegalStateException("unexpected YAML token " + token);
        }
    }

    private SourceSpan span(JsonLocation at) {
        if (at == null || at.getLineNr() < 1) {
            return new SourceSpan(file, 1, 1);
        }
        return new SourceSpan(file, at.getLineNr(), Math.max(1, at.getColumnNr()));
    }

    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
