package dev.converge.cli.command;

/** The formats of a report that has no Markdown form (drift, status): offering one it ignores would be a lie. */
public enum ReportFormat { text, json }
