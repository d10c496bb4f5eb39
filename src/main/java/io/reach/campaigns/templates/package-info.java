/**
 * Versioned templates of campaigns: their content checked and rendered with Mustache, their
 * versions, and how far each reached; both message channels and the module root use them.
 */
@NullMarked
package io.reach.campaigns.templates;

import org.jspecify.annotations.NullMarked;
