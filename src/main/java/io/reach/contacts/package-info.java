/**
 * The audience of a workspace: contacts with declared custom attributes and tags, the consent
 * records that prove what each agreed to, lists (single or double opt-in) with their members,
 * segments evaluated in SQL, background imports and each contact's activity.
 */
@NullMarked
package io.reach.contacts;

import org.jspecify.annotations.NullMarked;
