package io.reach.contacts.imports;

import io.reach.contacts.ContactDetails;

/** A row of an upload that passed every check, in stored form, with its line in the file. */
record ImportRow(long line, ContactDetails details) {}
