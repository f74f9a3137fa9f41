package dev.converge.dialect.mysql.inspect;

/**
 * ProgramBodies puts the body of a trigger, routine or event in the form both sides of a comparison
 * share: line ends as {@code \n} and no blanks around the body. The server keeps a body as it was
 * written; a file saved with Windows line ends would otherwise differ from a target whose programs
 * were created from Unix files, for no reason a plan could remove. Blanks inside the body are kept
 * (they may be inside a string literal): the target is created from the desired body text, so they
 * agree after an apply anyway.
 */
final class ProgramBodies {
    private ProgramBodies() {
    }

    static String normalize(String body) {
        if (body == null) {
            return "";
        }
        return body.replace("\r\n", "\n").replace('\r', '\n').strip();
    }
}
