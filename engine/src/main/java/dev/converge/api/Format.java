package dev.converge.api;

/** How a plan is rendered: the CLI's text, the Markdown a pull request shows, or JSON. */
public enum Format {
    TEXT, MARKDOWN, JSON
}
