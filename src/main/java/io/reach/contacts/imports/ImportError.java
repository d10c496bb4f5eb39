package io.reach.contacts.imports;

/** Why a row of an import was refused: its line in the file (a JSON import's item number), the field and what is wrong. */
public record ImportError(long line, String field, String message) {}
