/**
 * Strict answer parsing (PROTOCOL.md section 4): {@link io.github.rngops.he300.core.parse.AnswerParser} turns a
 * model's answer into a {@link io.github.rngops.he300.core.parse.Verdict} and the rule that decided it;
 * {@link io.github.rngops.he300.core.parse.AnswerLines} does the same for JSON Lines. The rest is machinery.
 */
package io.github.rngops.he300.core.parse;
