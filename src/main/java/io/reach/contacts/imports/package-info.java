/**
 * Contact imports: an upload (CSV as spreadsheets write it, or JSON) read and checked row by row,
 * staged, then upserted in the background in chunks with its progress and refused rows kept.
 */
@NullMarked
package io.reach.contacts.imports;

import org.jspecify.annotations.NullMarked;
