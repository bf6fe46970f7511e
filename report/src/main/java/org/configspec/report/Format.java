package org.configspec.report;

/** Output formats of every command: a table for people, CSV and JSON for machines (locked by golden tests). */
public enum Format {
    TABLE, CSV, JSON
}
