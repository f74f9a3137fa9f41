package dev.converge.grammar.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The old name of a {@code renamed-from} annotation, read with each dialect's quote and case rule. */
class AnnotationTest {
    private static final UnaryOperator<String> LOWER = name -> name.toLowerCase(Locale.ROOT);

    private static String postgres(String argument) {
        return new Annotation(Annotation.RENAMED_FROM, argument, 0).oldName('"', LOWER);
    }

    private static String mysql(String argument) {
        return new Annotation(Annotation.RENAMED_FROM, argument, 0).oldName('`', UnaryOperator.identity());
    }

    @Test
    void anUnquotedNameIsFoldedAsTheServerFoldsIt() {
        assertEquals("orders", postgres("Shop.Orders"));
        assertEquals("Orders", mysql("shop.Orders"));
    }

    @Test
    void aQuotedNameIsTakenAsWrittenWithItsDoubledQuotesUndone() {
        assertEquals("Old \"x\" Name", postgres("shop.\"Old \"\"x\"\" Name\""));
        assertEquals("old `x` name", mysql("`shop`.`old ``x`` name`"));
    }

    @Test
    void aQuoteThatNeverOpensIsPartOfTheWord() {
        assertEquals("orders\"", postgres("orders\""));
        assertEquals("orders`", mysql("orders`"));
    }
}
