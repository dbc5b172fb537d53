/**
 * The {@code quarry} command line: picocli commands that parse options, call one library method and print. Exit
 * codes are a contract: {@code 0} ok, {@code 1} failure (I/O, an unexpected error), {@code 2} bad usage or invalid
 * input (a bad option, invalid patterns, a bad input line). User errors print a message, never a stack trace
 * ({@code QUARRY_DEBUG=1} adds it). {@code TrainOptions} is the mixin of data, evaluation and feature options that
 * {@code train} and {@code train-curve} share (with {@code --ner-vote}, and {@code --ner-features} / {@code
 * --ner-feature} read by {@code NerFeatureOptions}); {@code TrainRun} holds their training steps.
 */
package dev.quarry.cli;
