package dev.converge.engine.testing;

import dev.converge.engine.source.SourceFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The exact-message test of a dialect's grammar: each case of its table (the resource
 * {@value #TABLE} of the dialect's tests, see {@link SyntaxErrorTable}) is one test, named by its
 * statement, that the dialect's parsing rejects with exactly that message, place and hint.
 */
public abstract class SyntaxErrorMessagesContract {
    public static final String TABLE = "/parse/syntax-errors.txt";

    /** Splits and parses {@code file} as the dialect's desired-state loader does; throws its BadInputException. */
    protected abstract void parse(SourceFile file);

    @TestFactory
    Stream<DynamicTest> messageIsExact() {
        return SyntaxErrorTable.read(getClass(), TABLE).stream()
                .map(malformed -> DynamicTest.dynamicTest(malformed.sql(), () -> malformed.assertExact(this::parse)));
    }
}
