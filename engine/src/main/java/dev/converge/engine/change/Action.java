package dev.converge.engine.change;

/** Action is what a change does to its target, as the plan's symbols show it (+, ~, -). */
public enum Action {
    CREATE("+"), ALTER("~"), DROP("-");

    private final String symbol;

    Action(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}
