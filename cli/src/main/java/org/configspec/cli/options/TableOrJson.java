package org.configspec.cli.options;

/** The output format of the commands that print a table for people or one JSON document for machines. */
public enum TableOrJson {
    TABLE, JSON
}
