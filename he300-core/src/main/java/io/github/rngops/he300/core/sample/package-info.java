/**
 * Drawing an HE-300 sample: a {@link io.github.rngops.he300.core.sample.SampleSpec} says what to draw,
 * {@link io.github.rngops.he300.core.sample.Sampler} draws it from a dataset into a
 * {@link io.github.rngops.he300.core.sample.Sample}, bit-for-bit as CPython's {@code random} would.
 */
package io.github.rngops.he300.core.sample;
