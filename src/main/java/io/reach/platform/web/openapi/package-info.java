/**
 * The API document: springdoc's output made ready for client generators (operation ids, schema
 * names, security and problems per operation, free-form JSON for Jackson 3 trees).
 */
@NullMarked
package io.reach.platform.web.openapi;

import org.jspecify.annotations.NullMarked;
