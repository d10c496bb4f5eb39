/** The API conventions every module follows: problem responses, cursor pages, request ids, body limits. */
@NullMarked
package io.reach.platform.web;

import org.jspecify.annotations.NullMarked;
