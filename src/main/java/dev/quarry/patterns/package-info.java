/**
 * Pattern files: the JSON Lines format of spaCy's EntityRuler and Prodigy, parsed into {@link dev.quarry.patterns.Pattern}s
 * ({@link dev.quarry.patterns.PhrasePattern} and {@link dev.quarry.patterns.TokenPattern}), validated with
 * {@code file:line:column} errors, and written back out. Nothing here matches text: see {@code dev.quarry.matching}.
 */
package dev.quarry.patterns;
